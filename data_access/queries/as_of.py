"""A problem's status, and the day it became rectified, as of a day: replayed from its history.

Only the problems whose history moved after the day need the replay (their latest status
event up to the day). Every other problem is today as it was then, because each write
that changes a status also records its event (seed, ledger import, undo removes both): a
problem whose status is not 未启动 has events, and its latest is its current status. So the
replay, a lookup per problem, runs for the few problems touched since the day instead of for
all of them (100万 problems, the cards' "last week": docs/performance.md).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from data_access.codes import COMPLETED_STATUS
from data_access.filters import Filter
from data_access.models import Problem, StatusEvent
from data_access.queries.aggregates import SqlValue

NOT_STARTED = "not_started"


def problem_status_as_of(flt: Filter) -> SqlValue[str]:
    """A problem's status at the end of flt.as_of (its latest StatusEvent up to that day).

    Without as_of this is simply Problem.status. A problem with no event by then counts as
    rectified if its rectified_on is on or before the day, else as not started. The
    expression is correlated to Problem, so it works in WHERE clauses and in select lists.
    """
    if flt.as_of is None:
        return Problem.status
    day = flt.as_of
    replayed = func.coalesce(_latest_event(day), _without_events(day))
    return case(
        (_moved_after(day), replayed),
        (and_(Problem.status == NOT_STARTED, Problem.rectified_on.is_(None)), NOT_STARTED),
        (Problem.status == NOT_STARTED, replayed),  # a start date but no event: the rule
        else_=Problem.status,
    )


def replayed_status_as_of(day: date) -> SqlValue[str]:
    """The replay for every problem (the rule problem_status_as_of shortens; tests compare)."""
    return func.coalesce(_latest_event(day), _without_events(day))


def _moved_after(day: date) -> ColumnElement[bool]:
    """The problem has a status event after day, or is dated rectified after it."""
    changed_since = select(StatusEvent.problem_id).where(StatusEvent.changed_on > day)
    return or_(Problem.id.in_(changed_since), Problem.rectified_on > day)


def _latest_event(day: date) -> SqlValue[str | None]:
    """The status of the problem's latest event up to day (None without one)."""
    return (
        select(StatusEvent.status)
        .where(StatusEvent.problem_id == Problem.id, StatusEvent.changed_on <= day)
        .order_by(StatusEvent.changed_on.desc(), StatusEvent.id.desc())
        .limit(1)
        .correlate(Problem)
        .scalar_subquery()
    )


def _without_events(day: date) -> SqlValue[str]:
    """No event by day: rectified if its rectified_on is by then, else not started."""
    return case((Problem.rectified_on <= day, COMPLETED_STATUS), else_=NOT_STARTED)


def rectified_day_as_of(flt: Filter) -> ColumnElement[date]:
    """The day a problem (last) became rectified, up to flt.as_of; falls back to rectified_on."""
    conditions = [StatusEvent.problem_id == Problem.id, StatusEvent.status == COMPLETED_STATUS]
    if flt.as_of is not None:
        conditions.append(StatusEvent.changed_on <= flt.as_of)
    last_event_day = (
        select(func.max(StatusEvent.changed_on))
        .where(*conditions)
        .correlate(Problem)
        .scalar_subquery()
    )
    return func.coalesce(last_event_day, Problem.rectified_on)
