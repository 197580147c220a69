"""Overdue early warning (红黄绿): problems not rectified by township, and the 逾期清单.

Every problem not rectified on the reference day (conditions.reference_day: the Filter's
as-of day, else today) is 逾期 (conditions.overdue_clause, the one overdue rule), 临期 (a
dated deadline within the due-soon days, the deadline day included) or 正常. 长期坚持 (as
status or as 整改时限) and 立行立改 have no dated deadline, so they are never 逾期 or 临期:
they count as 正常, and the long-term ones are also counted on their own.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import ColumnElement, Select, TextClause, and_, case, select, text
from sqlmodel import Session

from data_access.codes import (
    COMPLETED_STATUS,
    DATED_DEADLINE_KINDS,
    DUE_SOON,
    LONG_TERM_STATUS,
    NEVER_OVERDUE_STATUSES,
    ON_TRACK,
    OVERDUE,
    STATUSES,
)
from data_access.filters import Filter
from data_access.models import OPEN_STATUS_TERMS, Problem, Township, Village
from data_access.queries.aggregates import SqlValue
from data_access.queries.as_of import problem_status_as_of
from data_access.queries.conditions import (
    overdue_clause,
    overdue_deadline,
    problem_conditions,
    reference_day,
)
from data_access.queries.facts import problem_facts, weighted
from data_access.queries.labels import label_codes
from data_access.queries.overview import to_frame
from data_access.queries.shaped import by_shape, execute
from data_access.roles import PERSON_NAME_FIELDS, display_name_for
from data_access.settings import get_settings

__all__ = [
    "OVERDUE_LIST_COLUMNS",
    "OVERDUE_LIST_ROWS",
    "WARNING_COLUMNS",
    "fetch_deadline_warnings",
    "fetch_overdue_list",
    "warning_level",
]

WARNING_COUNTS = [OVERDUE, DUE_SOON, ON_TRACK, "long_term", "open_problems"]
WARNING_COLUMNS = ["township_id", "township", *WARNING_COUNTS]
OVERDUE_LIST_ROWS = 1000  # the list shows the longest overdue first, at most this many
OVERDUE_LIST_COLUMNS = [
    "code",
    "township_id",
    "township",
    "village",
    "description",
    "status_label",
    "deadline",
    "days_overdue",
    "responsible_unit",
    "responsible_person",
    "lead_leader",
]


def due_soon_days(days: int | None) -> int:
    """days, or the office's setting (DUE_SOON_DAYS, default 14) when not given."""
    return get_settings().due_soon_days if days is None else max(0, days)


def warning_level(
    status: SqlValue[str], deadline: ColumnElement[date], flt: Filter, days: int
) -> ColumnElement[str]:
    """OVERDUE, DUE_SOON or ON_TRACK for a problem not rectified; NULL for a rectified one.

    deadline is conditions.overdue_deadline() or a column built from it (the summaries'
    open_deadline), so 长期坚持 and 立行立改 have none and read 正常.
    """
    last_day = reference_day(flt) + timedelta(days=days)
    due_soon = and_(
        deadline.is_not(None), deadline <= last_day, status.not_in(NEVER_OVERDUE_STATUSES)
    )
    return case(
        (status == COMPLETED_STATUS, None),
        (overdue_clause(status, deadline, flt), OVERDUE),
        (due_soon, DUE_SOON),
        else_=ON_TRACK,
    )


def fetch_deadline_warnings(
    *, session: Session, flt: Filter, days: int | None = None
) -> pd.DataFrame:
    """WARNING_COLUMNS per township with problems not rectified: 逾期, 临期, 正常 (long_term:
    those of 正常 whose status is 长期坚持) and their sum; most overdue first."""
    columns = [*WARNING_COLUMNS, "sort_order"]
    dtypes = dict.fromkeys(["township_id", *WARNING_COUNTS, "sort_order"], "int64")
    rows = execute(session, _warnings_query(flt, due_soon_days(days)), flt).all()
    frame = to_frame(rows, columns, dtypes)
    frame = frame[frame["open_problems"] > 0]
    order = [OVERDUE, DUE_SOON, "sort_order", "township_id"]
    frame = frame.sort_values(order, ascending=[False, False, True, True], kind="stable")
    return frame[WARNING_COLUMNS].reset_index(drop=True)


@by_shape
def _warnings_query(flt: Filter, days: int) -> Select:
    """fetch_deadline_warnings' statement for flt's shape and the days of 临期."""
    facts = problem_facts(flt, by_focus_area=False)
    level = warning_level(facts.c.status, facts.c.deadline, flt, days)
    counts = [weighted(facts.c.problems, level == code) for code in (OVERDUE, DUE_SOON, ON_TRACK)]
    return (
        select(
            facts.c.township_id,
            Township.name,
            *counts,
            weighted(facts.c.problems, facts.c.status == LONG_TERM_STATUS),
            weighted(facts.c.problems, facts.c.status != COMPLETED_STATUS),
            Township.sort_order,
        )
        .join(Township, Township.id == facts.c.township_id)
        .group_by(facts.c.township_id, Township.name, Township.sort_order)
    )


def fetch_overdue_list(
    *, session: Session, flt: Filter, role: str | None = None, limit: int = OVERDUE_LIST_ROWS
) -> pd.DataFrame:
    """逾期清单: OVERDUE_LIST_COLUMNS of the overdue problems, longest overdue first.

    Days overdue count from the deadline to the reference day; people's names (责任人,
    牵头领导) come as role may see them, masked without a role, like the problem page.
    """
    columns = [*OVERDUE_LIST_COLUMNS]
    columns.remove("days_overdue")
    rows = execute(session, _overdue_query(flt, limit), flt).all()
    frame = to_frame(rows, columns, {"township_id": "int64"})
    day = reference_day(flt)
    frame["village"] = frame["village"].fillna("")
    frame["status_label"] = label_codes(frame["status_label"], STATUSES)
    frame["days_overdue"] = pd.Series([(day - d).days for d in frame["deadline"]], dtype="int64")
    for name in PERSON_NAME_FIELDS:
        frame[name] = [display_name_for(role, str(value or "")) for value in frame[name]]
    return frame[OVERDUE_LIST_COLUMNS]


@by_shape
def _overdue_query(flt: Filter, limit: int) -> Select:
    """fetch_overdue_list's statement for flt's shape."""
    status = problem_status_as_of(flt)
    deadline = overdue_deadline()
    return (
        select(
            Problem.code,
            Problem.township_id,
            Township.name,
            Village.name,
            Problem.description,
            status,
            Problem.deadline,
            Problem.responsible_unit,
            Problem.responsible_person,
            Problem.lead_leader,
        )
        .join(Township, Township.id == Problem.township_id)
        .outerjoin(Village, Village.id == Problem.village_id)
        .where(*problem_conditions(flt), *_overdue(flt, status, deadline))
        .order_by(Problem.deadline, Problem.code)
        .limit(limit)
    )


def _overdue(
    flt: Filter, status: SqlValue[str], deadline: ColumnElement[date]
) -> list[ColumnElement[bool] | TextClause]:
    """overdue_clause; today, spelled for the open-problems index (ix_problem_open_deadline).

    The index's own condition written out as literal SQL (neither SQLite nor PostgreSQL
    proves a partial index from a bound value), and the deadline as plain column terms
    (PostgreSQL cannot estimate through overdue_deadline's CASE), so the database walks that
    index in deadline order and stops at the list's last row (100万 problems: most past
    deadlines are rectified, never read).
    """
    if flt.as_of is not None:
        return [overdue_clause(status, deadline, flt)]
    dated = [Problem.deadline_kind.in_(DATED_DEADLINE_KINDS), Problem.deadline < reference_day(flt)]
    return [*dated, *(text(f"problem.{term}") for term in OPEN_STATUS_TERMS)]
