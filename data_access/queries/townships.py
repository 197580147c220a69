"""Read functions behind 乡镇对比: the headline figures per region member, and weekly completion.

One row per member of a level (city, county, township or village) inside the Filter's
region, members without problems included. A township's row equals fetch_headline for the
same Filter narrowed to that township; a village's row counts its problems, and the people
and leads linked to them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import ColumnElement, FromClause, Select, Subquery, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.codes import COMPLETED_STATUS, PERSON_CATEGORIES
from data_access.filters import Filter
from data_access.models import AccountabilityAction, City, County, Lead, Problem, Township, Village
from data_access.queries.as_of import problem_status_as_of, rectified_day_as_of
from data_access.queries.binds import bound
from data_access.queries.conditions import (
    accountability_conditions,
    lead_conditions,
    overdue_clause,
    problem_conditions,
    township_clauses,
)
from data_access.queries.facts import problem_facts, weighted
from data_access.queries.overview import to_frame
from data_access.queries.record_facts import action_facts, lead_facts
from data_access.queries.shaped import by_shape, execute
from data_access.queries.weeks import WeekStart
from i18n import t

__all__ = ["COMPARISON_COLUMNS", "LEVELS", "fetch_region_comparison", "fetch_township_weekly"]

LEVELS = ("city", "county", "township", "village")
PROBLEM_METRICS = [
    "problems_total",
    "problems_rectified",
    "overdue",
    "recovered_yuan",
    "rules_improved",
]
COMPARISON_COLUMNS = [
    "member_id",
    "member",
    *PROBLEM_METRICS,
    "completion_rate",
    "recovered_wan",  # recovered_yuan / 10,000, for display in 万元
    "accountable_people",
    "leads_transferred",
]
NO_VILLAGE_ID = 0  # the row of problems found at township level (no village)


@dataclass(frozen=True)
class _Level:
    """How a level lists its members and maps a township or a problem to one of them."""

    members: Select  # member_id, member, in display order
    by_township: Subquery  # township_id -> member_id (region levels)


def _region_level(level: str, flt: Filter) -> _Level:
    """City, county or township: members inside the Filter's region, mapped by township."""
    member_id, member_name = {
        "city": (City.id, City.name),
        "county": (County.id, County.name),
        "township": (Township.id, Township.name),
    }[level]
    joined = (
        select(Township.id.label("township_id"), member_id.label("member_id"))
        .join(County, County.id == Township.county_id)
        .join(City, City.id == County.city_id)
        .where(*township_clauses(Township.id, flt))
    )
    order = {"city": [City.id], "county": [County.id]}.get(level, [Township.sort_order])
    members = (
        select(member_id, member_name)
        .select_from(Township)
        .join(County, County.id == Township.county_id)
        .join(City, City.id == County.city_id)
        .where(*township_clauses(Township.id, flt))
        .group_by(member_id, member_name, *order)
        .order_by(*order, member_id)
    )
    if level == "township" and flt.rollup:  # merged townships' rows live in their successor
        members = members.where(Township.merged_into_id.is_(None))
    return _Level(members=members, by_township=joined.subquery("member_map"))


def _village_members(flt: Filter) -> Select:
    """The villages of the Filter's townships (only the chosen ones when villages are set)."""
    query = (
        select(Village.id, Village.name)
        .join(Township, Township.id == Village.township_id)
        .where(*township_clauses(Village.township_id, flt))
        .order_by(Township.sort_order, Village.name, Village.id)
    )
    if flt.villages:
        query = query.where(Village.id.in_(bound(flt, "villages")))
    return query


def _problem_totals(flt: Filter, level: _Level | None) -> Select:
    """Problem figures per member (per village, problems without one under NO_VILLAGE_ID)."""
    facts = problem_facts(flt, with_village=level is None, by_focus_area=False)
    member: ColumnElement[int]
    source: FromClause
    if level is None:
        member = func.coalesce(facts.c.village_id, NO_VILLAGE_ID)
        source = facts
    else:
        member = level.by_township.c.member_id
        source = facts.join(
            level.by_township, level.by_township.c.township_id == facts.c.township_id
        )
    problems = facts.c.problems
    return (
        select(
            member.label("member_id"),
            weighted(problems),
            weighted(problems, facts.c.status == COMPLETED_STATUS),
            weighted(problems, overdue_clause(facts.c.status, facts.c.deadline, flt)),
            weighted(facts.c.recovered_yuan),
            weighted(facts.c.rules_improved),
        )
        .select_from(source)
        .group_by(member)
    )


def _village_counts(table, where: list) -> Select:
    """Rows of a linked table (people or leads) per village of their problem."""
    # An alias: the Filter's conditions hold sub-selects on Problem of their own.
    linked = aliased(Problem)
    member = linked.village_id
    query = select(member, func.count(table.id)).join(linked, linked.id == table.problem_id)
    return query.where(*where).group_by(member)


def _member_counts(facts: Subquery, weight: str, level: _Level, *where) -> Select:
    """A fact table's weight summed per region member (through the township map)."""
    member = level.by_township.c.member_id
    return (
        select(member, weighted(facts.c[weight]))
        .select_from(facts)
        .join(level.by_township, level.by_township.c.township_id == facts.c.township_id)
        .where(*where)
        .group_by(member)
    )


def _people_and_leads(flt: Filter, level: _Level | None) -> tuple[Select, Select]:
    """People held accountable and leads per member."""
    if level is None:
        action = AccountabilityAction
        people_only = action.category.in_(list(PERSON_CATEGORIES))
        people = _village_counts(action, [*accountability_conditions(flt), people_only])
        return people, _village_counts(Lead, lead_conditions(flt))
    actions = action_facts(flt)
    people_only = actions.c.category.in_(list(PERSON_CATEGORIES))
    people = _member_counts(actions, "actions", level, people_only)
    return people, _member_counts(lead_facts(flt), "leads", level)


@by_shape
def _comparison_queries(flt: Filter, level: str) -> tuple[Select, Select, Select, Select]:
    """fetch_region_comparison's statements for flt's shape: members, problem figures,
    people and leads per member."""
    region = None if level == "village" else _region_level(level, flt)
    members = _village_members(flt) if region is None else region.members
    return members, _problem_totals(flt, region), *_people_and_leads(flt, region)


def _counts(session: Session, query: Select, flt: Filter) -> dict[int, int]:
    """query's (member, count) rows as a dict (no member: not counted)."""
    rows = execute(session, query, flt).all()
    return {int(key): int(count) for key, count in rows if key is not None}


def fetch_region_comparison(*, session: Session, flt: Filter, level: str) -> pd.DataFrame:
    """COMPARISON_COLUMNS for every member of level inside flt's region, in display order."""
    members_query, problems_query, people_query, leads_query = _comparison_queries(flt, level)
    members = to_frame(execute(session, members_query, flt).all(), ["member_id", "member"], {})
    problems = to_frame(
        execute(session, problems_query, flt).all(),
        ["member_id", *PROBLEM_METRICS],
        dict.fromkeys(PROBLEM_METRICS, "int64"),
    )
    if level == "village" and (problems["member_id"] == NO_VILLAGE_ID).any():
        members.loc[len(members)] = [NO_VILLAGE_ID, t("queries.no_village")]
    people, leads = _counts(session, people_query, flt), _counts(session, leads_query, flt)
    frame = members.astype({"member_id": "int64"}).merge(problems, on="member_id", how="left")
    frame[PROBLEM_METRICS] = frame[PROBLEM_METRICS].fillna(0).astype("int64")
    total = frame["problems_total"].where(frame["problems_total"] > 0)
    frame["completion_rate"] = (frame["problems_rectified"] / total).fillna(0.0)
    frame["recovered_wan"] = frame["recovered_yuan"] / 10_000
    frame["accountable_people"] = frame["member_id"].map(people).fillna(0).astype("int64")
    frame["leads_transferred"] = frame["member_id"].map(leads).fillna(0).astype("int64")
    return frame[COMPARISON_COLUMNS].reset_index(drop=True)


def fetch_township_weekly(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Per township and week: problems rectified that week, cumulative, and the rate so far.

    The rate divides by all the township's problems in scope, so each township's last
    point is its completion rate. Weeks run from the first to the last with a rectification.
    """
    done, totals, names = _weekly_queries(flt)
    return _cumulative_weeks(
        to_frame(execute(session, done, flt).all(), ["township_id", "week_start", "rectified"], {}),
        dict(execute(session, totals, flt).all()),
        {row[0]: (row[1], row[2]) for row in session.execute(names).all()},
    )


@by_shape
def _weekly_queries(flt: Filter) -> tuple[Select, Select, Select]:
    """fetch_township_weekly's statements for flt's shape: rectified per township and week,
    problems per township, the townships' names."""
    week = WeekStart(rectified_day_as_of(flt))
    rectified = problem_status_as_of(flt) == COMPLETED_STATUS
    done = (
        select(Problem.township_id, week, func.count(Problem.id))
        .where(*problem_conditions(flt), rectified)
        .group_by(Problem.township_id, week)
    )
    facts = problem_facts(flt, by_focus_area=False)
    totals = select(facts.c.township_id, weighted(facts.c.problems)).group_by(facts.c.township_id)
    return done, totals, select(Township.id, Township.name, Township.sort_order)


def _cumulative_weeks(done: pd.DataFrame, totals: dict, names: dict) -> pd.DataFrame:
    """Fill every township × week of the range, then cumulate per township."""
    columns = ["township_id", "township", "week_start", "rectified_cumulative", "completion_rate"]
    done = done.dropna(subset=["week_start"])
    if done.empty or not totals:
        return pd.DataFrame({name: [] for name in columns})
    weeks = pd.date_range(min(done["week_start"]), max(done["week_start"]), freq="7D").date
    grid = pd.MultiIndex.from_product([sorted(totals), weeks], names=["township_id", "week_start"])
    counts = done.astype({"rectified": "int64"}).set_index(["township_id", "week_start"])
    frame = counts["rectified"].reindex(grid, fill_value=0).reset_index()
    frame["rectified_cumulative"] = frame.groupby("township_id")["rectified"].cumsum()
    frame["completion_rate"] = frame["rectified_cumulative"] / frame["township_id"].map(totals)
    frame["township"] = frame["township_id"].map(lambda key: names[key][0])
    frame["sort_order"] = frame["township_id"].map(lambda key: names[key][1])
    frame = frame.sort_values(["sort_order", "township_id", "week_start"], kind="stable")
    return frame[columns].reset_index(drop=True)
