"""Read functions behind the overview page: status by township and area, people, weekly trend."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd
from sqlalchemy import Select, select
from sqlmodel import Session

from data_access.categories import fetch_category_labels
from data_access.codes import FORMS, PERSON_CATEGORIES, STATUSES
from data_access.filters import Filter
from data_access.models import (
    City,
    County,
    ImportBatch,
    Township,
    TownshipAlias,
)
from data_access.queries.facts import (
    largest_townships,
    period_facts,
    problem_facts,
    weighted,
)
from data_access.queries.record_facts import action_facts
from data_access.queries.shaped import by_shape, execute
from i18n import t

__all__ = [
    "fetch_accountability_breakdown",
    "fetch_completion_by_township",
    "fetch_problems_by_focus_area",
    "fetch_weekly_trend",
    "is_demo_data",
    "list_townships",
    "resolve_township_names",
]

TREND_COLUMNS = [
    "week_start",
    "rectified_in_week",
    "rectified_cumulative",
    "problems_total",
    "open_problems",
    "completion_rate",
    "recovered_in_week",
    "recovered_cumulative",
    "rules_in_week",
    "rules_cumulative",
]
# Weekly sums of the trend: column -> (facts.PERIOD_KINDS kind, the fact summed).
WEEKLY_SUMS = {
    "rectified_in_week": ("rectified_week", "problems"),
    "found_in_week": ("found_week", "problems"),
    "recovered_in_week": ("recovered_week", "recovered_yuan"),
    "rules_in_week": ("rules_week", "rules_improved"),
}


def to_frame(rows: Iterable, columns: list[str], dtypes: Mapping[str, str]) -> pd.DataFrame:
    """A DataFrame from result rows, typed even when there are no rows.

    Only the columns not already of their dtype are converted: DataFrame.astype with a
    dict rebuilds every column (a 4-row frame: 3.1 → 0.8 ms, docs/performance.md).
    """
    frame = pd.DataFrame.from_records([tuple(row) for row in rows], columns=columns)
    for column, dtype in dtypes.items():
        if frame[column].dtype != dtype:
            frame[column] = frame[column].astype(dtype)
    return frame


def form_labels(forms: pd.Series) -> list[str]:
    """四种形态 labels; a record without a form (e.g. 正在立案审查: the case is not decided
    yet) reads as pending."""
    pending = t("queries.form_pending")
    return [FORMS.get(form, pending) for form in forms.fillna(0)]


def _ordered_by_code(frame: pd.DataFrame, column: str, codes: Mapping) -> pd.Series:
    """Each row's position of frame[column] in the code table (for a stable domain order)."""
    rank = {code: position for position, code in enumerate(codes)}
    return frame[column].map(rank).fillna(len(rank)).astype("int64")


def _add_status_label(frame: pd.DataFrame, sort_by: list[str]) -> pd.DataFrame:
    """Add status_label and sort by sort_by, then statuses in their workflow order.

    In Python, the same stable order as DataFrame.sort_values over a rank column (sort_by's
    columns hold no nulls): 150 rows 5.0 → 1.6 ms (docs/performance.md).
    """
    codes = frame["status"].tolist()
    labels = [STATUSES.get(code, code) for code in codes]
    frame["status_label"] = pd.Series(labels, index=frame.index, dtype="str")
    rank = {code: position for position, code in enumerate(STATUSES)}
    ranks = [rank.get(code, len(rank)) for code in codes]
    keys = list(zip(*(frame[column].tolist() for column in sort_by), ranks, strict=True))
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return frame.take(order).reset_index(drop=True)


def fetch_completion_by_township(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Problems per township and as-of status (one row per township × status present), for
    the facts.CHART_TOWNSHIPS townships with the most problems."""
    columns = ["township_id", "township", "sort_order", "status", "problems"]
    dtypes = {"township_id": "int64", "sort_order": "int64", "problems": "int64"}
    frame = to_frame(execute(session, _completion_query(flt), flt).all(), columns, dtypes)
    frame = _add_status_label(frame, ["sort_order", "township_id"])
    return frame[[*columns[:4], "status_label", "problems"]]


@by_shape
def _completion_query(flt: Filter) -> Select:
    """fetch_completion_by_township's statement for flt's shape."""
    facts = problem_facts(flt, by_focus_area=False)
    return (
        select(
            facts.c.township_id,
            Township.name,
            Township.sort_order,
            facts.c.status,
            weighted(facts.c.problems),
        )
        .join(Township, Township.id == facts.c.township_id)
        .where(facts.c.township_id.in_(largest_townships(facts, facts.c.problems)))
        .group_by(facts.c.township_id, Township.name, Township.sort_order, facts.c.status)
    )


def fetch_problems_by_focus_area(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Problems per focus area (巡察重点) and as-of status; labels and area_rank (the
    round's own order of its categories) from the store."""
    frame = to_frame(
        execute(session, _by_focus_area_query(flt), flt).all(),
        ["focus_area", "status", "problems"],
        {"problems": "int64"},
    )
    fetch_category_labels(session=session, round_ids=flt.rounds).add_to(frame)
    frame = _add_status_label(frame, ["area_rank", "focus_area"])
    columns = ["focus_area", "focus_area_label", "area_rank", "status", "status_label"]
    return frame[[*columns, "problems"]]


@by_shape
def _by_focus_area_query(flt: Filter) -> Select:
    """fetch_problems_by_focus_area's statement for flt's shape."""
    facts = problem_facts(flt, by_township=False)
    return select(facts.c.focus_area, facts.c.status, weighted(facts.c.problems)).group_by(
        facts.c.focus_area, facts.c.status
    )


def fetch_accountability_breakdown(*, session: Session, flt: Filter) -> pd.DataFrame:
    """People held accountable per category (the 8 published ones) and 四种形态 form."""
    frame = to_frame(
        execute(session, _breakdown_query(flt), flt).all(),
        ["category", "form", "people"],
        {"form": "Int64", "people": "int64"},
    )
    frame["category_label"] = frame["category"].map(PERSON_CATEGORIES)
    frame["form_label"] = form_labels(frame["form"])
    frame["category_rank"] = _ordered_by_code(frame, "category", PERSON_CATEGORIES)
    frame = frame.sort_values(["category_rank", "form"], kind="stable").reset_index(drop=True)
    return frame[["category", "category_label", "form", "form_label", "people"]]


@by_shape
def _breakdown_query(flt: Filter) -> Select:
    """fetch_accountability_breakdown's statement for flt's shape."""
    facts = action_facts(flt)
    return (
        select(facts.c.category, facts.c.form, weighted(facts.c.actions))
        .where(facts.c.category.in_(list(PERSON_CATEGORIES)))
        .group_by(facts.c.category, facts.c.form)
    )


def weekly_sums(session: Session, flt: Filter, kind: str, fact: str) -> dict[date, int]:
    """fact (problems, recovered_yuan, rules_improved) summed per week of kind
    (facts.period_facts), as of flt.as_of."""
    rows = execute(session, _weekly_query(flt, kind, fact), flt).all()
    return {week_start: int(total) for week_start, total in rows}


@by_shape
def _weekly_query(flt: Filter, kind: str, fact: str) -> Select:
    """weekly_sums' statement for flt's shape."""
    facts = period_facts(flt, kind)
    return (
        select(facts.c.period_start, weighted(facts.c[fact]))
        .where(facts.c.period_start.is_not(None))
        .group_by(facts.c.period_start)
    )


def fetch_weekly_trend(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Weekly roll-up (一周一汇总): per week the problems rectified, found, money recovered
    and rules improved, each also cumulated; open problems and the completion rate.

    A problem counts in the week it (last) became rectified, if it is rectified as of
    flt.as_of (or now), so the final cumulative value equals the headline's rectified
    count; money and rules count in the week they happened (queries.dated), so their
    cumulative values end at the headline's too. problems_total counts problems found by
    the end of each week. Weeks without events between the first and the last week with
    data appear with zero.
    """
    sums = {column: weekly_sums(session, flt, *source) for column, source in WEEKLY_SUMS.items()}
    weeks_with_data = set().union(*sums.values())
    if not weeks_with_data:
        counts = dict.fromkeys(TREND_COLUMNS[1:], "int64")
        return to_frame([], TREND_COLUMNS, {**counts, "completion_rate": "float64"})
    weeks = pd.date_range(min(weeks_with_data), max(weeks_with_data), freq="7D").date
    frame = pd.DataFrame({"week_start": list(weeks)})
    for column, by_week in sums.items():
        frame[column] = pd.Series([by_week.get(week, 0) for week in weeks], dtype="int64")
    for name in ("rectified", "recovered", "rules"):
        frame[f"{name}_cumulative"] = frame[f"{name}_in_week"].cumsum()
    frame["problems_total"] = frame["found_in_week"].cumsum()
    frame["open_problems"] = frame["problems_total"] - frame["rectified_cumulative"]
    total = frame["problems_total"].where(frame["problems_total"] > 0)
    frame["completion_rate"] = (frame["rectified_cumulative"] / total).fillna(0.0)
    return frame[TREND_COLUMNS]


def is_demo_data(*, session: Session) -> bool:
    """True when the store holds the committed demo data (an ImportBatch of kind "seed")."""
    query = (
        select(ImportBatch.id)
        .where(ImportBatch.kind == "seed", ImportBatch.status == "committed")
        .limit(1)
    )
    return session.execute(query).first() is not None


def list_townships(*, session: Session) -> pd.DataFrame:
    """Every township with its county and city (filter bar choices, name lookup)."""
    query = (
        select(
            Township.id, Township.name, County.name, City.name, Township.kind, Township.sort_order
        )
        .join(County, County.id == Township.county_id)
        .join(City, City.id == County.city_id)
        .order_by(City.name, County.name, Township.sort_order, Township.id)
    )
    columns = ["township_id", "township", "county", "city", "kind", "sort_order"]
    return to_frame(
        session.execute(query).all(), columns, {"township_id": "int64", "sort_order": "int64"}
    )


def resolve_township_names(*, session: Session, names: list[str]) -> tuple[list[int], list[str]]:
    """Township ids for names or aliases (欧山镇 → 藕山镇), and the names that matched nothing."""
    wanted = [name.strip() for name in names if name.strip()]
    if not wanted:
        return [], []
    by_name = select(Township.name, Township.id).where(Township.name.in_(wanted))
    by_alias = select(TownshipAlias.alias, TownshipAlias.township_id).where(
        TownshipAlias.alias.in_(wanted)
    )
    matches: dict[str, set[int]] = {}
    for name, township_id in session.execute(by_name.union(by_alias)).all():
        matches.setdefault(name, set()).add(int(township_id))
    ids: list[int] = []
    for name in wanted:
        ids += sorted(matches.get(name, set()) - set(ids))
    unknown = [name for name in wanted if name not in matches]
    return ids, unknown
