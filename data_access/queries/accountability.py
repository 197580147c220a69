"""Read functions behind 问责情况: categories and 四种形态 by township and month, 一案双查 pairs.

Every function follows conditions.accountability_conditions (the rules of the headline):
region on the action's township, dates on decided_on (or the problem's found_on while
pending), problem-only fields through the linked problem. Names leave this module only as
data_access.roles.display_name_for(role, ...) shows them: masked for a viewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import CompoundSelect, Select, Subquery, and_, case, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.codes import PERSON_CATEGORIES
from data_access.filters import Filter
from data_access.models import AccountabilityAction, Problem, Township
from data_access.queries.aggregates import count_where
from data_access.queries.as_of_facts import problems_with_records_after
from data_access.queries.conditions import accountability_conditions
from data_access.queries.facts import (
    largest_townships,
    weighted,
)
from data_access.queries.headline import WRITTEN_SELF_CRITICISM
from data_access.queries.labels import code_rank, label_codes, month_label
from data_access.queries.overview import form_labels, to_frame
from data_access.queries.record_facts import (
    action_facts,
    action_month_facts,
    summary_dual_check_problems,
)
from data_access.queries.shaped import by_shape, execute
from data_access.roles import VIEWER, display_name_for
from i18n import t

__all__ = [
    "AccountabilityTotals",
    "fetch_accountability_by_month",
    "fetch_accountability_by_township",
    "fetch_accountability_totals",
    "fetch_dual_check_pairs",
    "fetch_written_self_criticism",
]

PERSON_CODES = list(PERSON_CATEGORIES)
SANCTION = "disciplinary_sanction"
UNDER_INVESTIGATION = "under_investigation"
FIRST_FORM = 1
TABLE_ROWS = 1000  # pairs a page table gets at most (the KPI counts them all)
PAIR_COLUMNS = [
    "problem_code",
    "township",
    "direct_name",
    "direct_position",
    "direct_category_label",
    "leader_name",
    "leader_position",
    "leader_category_label",
    "decided_on",
]


@dataclass(frozen=True)
class AccountabilityTotals:
    """The accountability page's KPIs for a Filter."""

    people: int  # the 8 published categories
    sanctioned: int  # 党政纪处分
    first_form: int  # 第一种形态
    under_investigation: int  # 正在立案审查
    organisations: int  # 书面检查 by organisations, outside the people
    dual_check_problems: int  # problems with both a direct and a leadership record

    @property
    def first_form_share(self) -> float:
        """第一种形态 as a fraction of the people held accountable (0.0 when none)."""
        return self.first_form / self.people if self.people else 0.0


def _scoped_actions(flt: Filter, problems: CompoundSelect | None = None) -> Subquery:
    """The accountability records flt selects (of the given problems only), a derived table."""
    action = AccountabilityAction
    among = [] if problems is None else [action.problem_id.in_(problems)]
    return (
        select(
            action.id,
            action.problem_id,
            action.township_id,
            action.person_name,
            action.position,
            action.category,
            action.form,
            action.decided_on,
            action.is_organisation,
            action.is_leadership_responsibility,
        )
        .where(*accountability_conditions(flt), *among)
        .subquery("scoped_action")
    )


def _dual_check_problems(scope: Subquery, limit: int | None = None) -> Subquery:
    """Problems among scope that have both a direct and a leadership record of a person.

    With limit, the first limit of them in problem id (ledger) order: grouping in id
    order can stop early, where a province-wide scope has tens of thousands.
    """
    people = scope.c.category.in_(PERSON_CODES)
    query = (
        select(scope.c.problem_id)
        .where(scope.c.problem_id.is_not(None), people)
        .group_by(scope.c.problem_id)
        .having(
            count_where(scope.c.is_leadership_responsibility) > 0,
            count_where(~scope.c.is_leadership_responsibility) > 0,
        )
    )
    if limit is not None:
        query = query.order_by(scope.c.problem_id).limit(limit)
    return query.subquery("dual_check")


def fetch_accountability_totals(*, session: Session, flt: Filter) -> AccountabilityTotals:
    """People, sanctions, 第一种形态, pending cases, organisations and 一案双查 problems."""
    counts = [int(value) for value in execute(session, _totals_query(flt), flt).one()]
    pairs = _dual_check_count(session, flt)
    persons, sanctioned, first_form, under_investigation, organisations = counts
    return AccountabilityTotals(
        persons, sanctioned, first_form, under_investigation, organisations, pairs
    )


@by_shape
def _totals_query(flt: Filter) -> Select:
    """fetch_accountability_totals' counts for flt's shape (not 一案双查)."""
    facts = action_facts(flt, sums_only=True)
    people = facts.c.category.in_(PERSON_CODES)
    return select(
        weighted(facts.c.actions, people),
        weighted(facts.c.actions, facts.c.category == SANCTION),
        weighted(facts.c.actions, and_(people, facts.c.form == FIRST_FORM)),
        weighted(facts.c.actions, facts.c.category == UNDER_INVESTIGATION),
        weighted(facts.c.actions, facts.c.category == WRITTEN_SELF_CRITICISM),
    )


def _dual_check_count(session: Session, flt: Filter) -> int:
    """一案双查 problems: from the summary; as of a day, the summary corrected by the problems
    whose records became known after it (as queries/as_of_facts.py); else from the ledger."""
    pairs = summary_dual_check_problems(session, flt)
    if pairs is not None:
        return pairs
    now = flt.with_(as_of=None)
    pairs_now = summary_dual_check_problems(session, now) if flt.as_of else None
    if pairs_now is None:
        return _count_dual(session, flt)
    then = _count_dual(session, flt, moved_after=flt.as_of)
    return pairs_now - _count_dual(session, now, moved_after=flt.as_of) + then


def _count_dual(session: Session, flt: Filter, moved_after: date | None = None) -> int:
    """How many problems among flt's records (of the problems whose records became known
    after moved_after only, when given) are 一案双查."""
    return int(execute(session, _count_dual_query(flt, moved_after), flt).scalar_one())


@by_shape
def _count_dual_query(flt: Filter, moved_after: date | None) -> Select:
    """_count_dual's statement for flt's shape."""
    moved = None if moved_after is None else problems_with_records_after(moved_after)
    dual = _dual_check_problems(_scoped_actions(flt, moved))
    return select(func.count()).select_from(dual)


def _with_labels(frame: pd.DataFrame, sort_by: list[str]) -> pd.DataFrame:
    """Category and form labels; rows in sort_by order, then categories as published."""
    frame["category_label"] = label_codes(frame["category"], PERSON_CATEGORIES)
    frame["form_label"] = form_labels(frame["form"])
    frame["category_rank"] = code_rank(frame["category"], PERSON_CATEGORIES)
    frame = frame.sort_values([*sort_by, "category_rank", "form"], kind="stable")
    return frame.drop(columns="category_rank").reset_index(drop=True)


def fetch_accountability_by_township(*, session: Session, flt: Filter) -> pd.DataFrame:
    """People per township, category and 四种形态 form (the 8 published categories).

    sort_order is the township's official position (charts list townships by it); only the
    facts.CHART_TOWNSHIPS townships with the most people.
    """
    columns = ["township_id", "township", "sort_order", "category", "form", "people"]
    dtypes = {"township_id": "int64", "sort_order": "int64", "form": "Int64", "people": "int64"}
    frame = to_frame(execute(session, _by_township_query(flt), flt).all(), columns, dtypes)
    return _with_labels(frame, ["sort_order", "township_id"])


@by_shape
def _by_township_query(flt: Filter) -> Select:
    """fetch_accountability_by_township's statement for flt's shape."""
    facts = action_facts(flt)
    people = case((facts.c.category.in_(PERSON_CODES), facts.c.actions), else_=0)
    largest = largest_townships(facts, people)
    keys = (facts.c.township_id, Township.name, Township.sort_order, facts.c.category, facts.c.form)
    return (
        select(*keys, weighted(facts.c.actions))
        .join(Township, Township.id == facts.c.township_id)
        .where(facts.c.category.in_(PERSON_CODES), facts.c.township_id.in_(largest))
        .group_by(*keys)
    )


def fetch_accountability_by_month(*, session: Session, flt: Filter) -> pd.DataFrame:
    """People per month of decision, category and form; pending ones have month None."""
    columns = ["month", "category", "form", "people"]
    rows = execute(session, _by_month_query(flt), flt).all()
    frame = to_frame(rows, columns, {"form": "Int64", "people": "int64"})
    undated = t("queries.accountability.undated")  # pending actions have no decision day yet
    frame["month_label"] = [month_label(month, undated) for month in frame["month"]]
    frame["undated"] = frame["month"].isna()
    frame = _with_labels(frame, ["undated", "month"])
    return frame.drop(columns="undated")


@by_shape
def _by_month_query(flt: Filter) -> Select:
    """fetch_accountability_by_month's statement for flt's shape."""
    facts = action_month_facts(flt)
    keys = (facts.c.month, facts.c.category, facts.c.form)
    return (
        select(*keys, weighted(facts.c.actions))
        .where(facts.c.category.in_(PERSON_CODES))
        .group_by(*keys)
    )


def fetch_dual_check_pairs(
    *, session: Session, flt: Filter, role: str = VIEWER, limit: int = TABLE_ROWS
) -> pd.DataFrame:
    """一案双查: each problem's direct record beside its leadership record, names as role sees.

    A problem with several records on one side gives one row per combination; at most
    limit problems (the first in ledger order) and rows, in township and problem order
    (totals.dual_check_problems counts them all).
    """
    frame = to_frame(execute(session, _pairs_query(flt, limit), flt).all(), PAIR_COLUMNS, {})
    for side in ("direct", "leader"):
        frame[f"{side}_name"] = [display_name_for(role, name) for name in frame[f"{side}_name"]]
        frame[f"{side}_category_label"] = label_codes(
            frame[f"{side}_category_label"], PERSON_CATEGORIES
        )
    return frame


@by_shape
def _pairs_query(flt: Filter, limit: int) -> Select:
    """fetch_dual_check_pairs' statement for flt's shape."""
    scope = _scoped_actions(flt)
    dual = _dual_check_problems(scope, limit)
    direct, leader = aliased(scope, name="direct"), aliased(scope, name="leader")
    direct_side = and_(direct.c.problem_id == Problem.id, ~direct.c.is_leadership_responsibility)
    leader_side = and_(leader.c.problem_id == Problem.id, leader.c.is_leadership_responsibility)
    return (
        select(
            Problem.code,
            Township.name,
            direct.c.person_name,
            direct.c.position,
            direct.c.category,
            leader.c.person_name,
            leader.c.position,
            leader.c.category,
            func.coalesce(direct.c.decided_on, leader.c.decided_on),
        )
        .select_from(dual)
        .join(Problem, Problem.id == dual.c.problem_id)
        .join(Township, Township.id == Problem.township_id)
        .join(direct, direct_side)
        .join(leader, leader_side)
        .where(direct.c.category.in_(PERSON_CODES), leader.c.category.in_(PERSON_CODES))
        .order_by(Township.sort_order, Problem.code, direct.c.id, leader.c.id)
        .limit(limit)
    )


def fetch_written_self_criticism(*, session: Session, flt: Filter) -> pd.DataFrame:
    """The organisations that made written self-criticism (书面检查), shown apart from people
    (at most TABLE_ROWS; the KPI counts them all)."""
    columns = ["township", "organisation", "problem_code", "decided_on"]
    frame = to_frame(execute(session, _written_query(flt), flt).all(), columns, {})
    frame["problem_code"] = frame["problem_code"].fillna("")
    return frame


@by_shape
def _written_query(flt: Filter) -> Select:
    """fetch_written_self_criticism's statement for flt's shape."""
    scope = _scoped_actions(flt)
    return (
        select(Township.name, scope.c.person_name, Problem.code, scope.c.decided_on)
        .join(Township, Township.id == scope.c.township_id)
        .outerjoin(Problem, Problem.id == scope.c.problem_id)
        .where(scope.c.category == WRITTEN_SELF_CRITICISM)
        .order_by(Township.sort_order, scope.c.person_name)
        .limit(TABLE_ROWS)
    )
