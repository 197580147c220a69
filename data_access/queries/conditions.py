"""WHERE clauses for a Filter, and the one place that knows a problem's status "as of" a day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    Subquery,
    and_,
    case,
    func,
    or_,
    select,
)

from data_access.codes import (
    COMPLETED_STATUS,
    DATED_DEADLINE_KINDS,
    NEVER_OVERDUE_STATUSES,
    OVERDUE,
)
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.models import (
    AccountabilityAction,
    Case,
    County,
    Lead,
    Problem,
    Township,
)
from data_access.queries.aggregates import SqlValue
from data_access.queries.as_of import problem_status_as_of, rectified_day_as_of
from data_access.queries.binds import bound
from data_access.queries.dated import recovered_as_of, rules_as_of
from data_access.queries.merges import rolled_up_ids, township_successors

# Filter fields that only a problem has; accountability and leads follow them through the
# problem they are linked to (see linked_problem_filter).
PROBLEM_ONLY_FIELDS = (
    "groups",
    "villages",
    "focus_areas",
    "sub_categories",
    "statuses",
    "sources",
    "rectified_from",
    "rectified_to",
)
CASE_OPENED, LEAD_PENDING = "case_opened", "pending"


def reference_day(flt: Filter) -> date:
    """The day deadlines are judged against: the as-of day, else today."""
    return flt.as_of or local_today()


def overdue_deadline() -> ColumnElement[date]:
    """A problem's deadline as overdue reads it: none when it is 立行立改 or 长期坚持."""
    return case((Problem.deadline_kind.in_(DATED_DEADLINE_KINDS), Problem.deadline), else_=None)


def overdue_clause(
    status: SqlValue[str], deadline: ColumnElement[date], flt: Filter
) -> ColumnElement[bool]:
    """Overdue (derived, never stored): the deadline has passed and it is neither rectified
    nor a long-term item. deadline is overdue_deadline() or a column built from it."""
    return and_(
        deadline.is_not(None),
        deadline < reference_day(flt),
        status.not_in(NEVER_OVERDUE_STATUSES),
    )


def region_township_ids(flt: Filter) -> Select | None:
    """Ids of the townships inside flt.cities / flt.counties, or None when neither is set."""
    if not (flt.cities or flt.counties):
        return None
    query = select(Township.id).join(County, County.id == Township.county_id)
    if flt.counties:
        query = query.where(County.id.in_(bound(flt, "counties")))
    if flt.cities:
        query = query.where(County.city_id.in_(bound(flt, "cities")))
    return query


def township_clauses(
    township_id: SQLColumnExpression[int | None], flt: Filter
) -> list[ColumnElement[bool]]:
    """Region conditions (townships, counties, cities, the user's scope) on a township_id column.

    Problems, accountability and leads all pass through here, so the row-level scope of a
    township-limited account holds in every query; scope () matches no row at all. With
    flt.rollup a chosen township also selects the townships merged into it (the scope
    stays on the stored township: rolling up never widens what an account may see).
    """
    clauses: list[ColumnElement[bool]] = []
    if flt.scope is not None:
        clauses.append(township_id.in_(bound(flt, "scope")))
    if flt.townships and flt.rollup:
        clauses.append(township_id.in_(rolled_up_ids(bound(flt, "townships"))))
    elif flt.townships:
        clauses.append(township_id.in_(bound(flt, "townships")))
    region = region_township_ids(flt)
    if region is not None:
        clauses.append(township_id.in_(region))
    return clauses


def date_clauses(day: SQLColumnExpression[date | None], flt: Filter) -> list[ColumnElement[bool]]:
    """date_from/date_to/as_of conditions on a date expression (undated rows fail a range)."""
    clauses: list[ColumnElement[bool]] = []
    if flt.date_from is not None:
        clauses.append(day >= bound(flt, "date_from"))
    if flt.date_to is not None:
        clauses.append(day <= bound(flt, "date_to"))
    if flt.as_of is not None:
        # A record with no date at all (nor a problem to date it by) is known at any day.
        clauses.append(or_(day.is_(None), day <= flt.as_of))
    return clauses


def status_clause(flt: Filter) -> ColumnElement[bool] | None:
    """flt.statuses on the as-of status; the derived "overdue" is OR-ed with the real ones."""
    if not flt.statuses:
        return None
    status = problem_status_as_of(flt)
    stored = any(s != OVERDUE for s in flt.statuses)
    alternatives: list[ColumnElement[bool]] = [status.in_(bound(flt, "statuses"))] if stored else []
    if OVERDUE in flt.statuses:
        alternatives.append(overdue_clause(status, overdue_deadline(), flt))
    return or_(*alternatives)


def problem_conditions(flt: Filter) -> list[ColumnElement[bool]]:
    """WHERE clauses on Problem for every Filter field (regions through sub-selects)."""
    pairs = (
        (Problem.round_id, "rounds"),
        (Problem.group_id, "groups"),
        (Problem.village_id, "villages"),
        (Problem.focus_area, "focus_areas"),
        (Problem.sub_category, "sub_categories"),
        (Problem.source, "sources"),
    )
    clauses: list[ColumnElement[bool]] = [
        column.in_(bound(flt, name)) for column, name in pairs if getattr(flt, name)
    ]
    clauses += township_clauses(Problem.township_id, flt)
    # found_on is required, so as_of also drops the problems found after that day.
    clauses += date_clauses(Problem.found_on, flt)
    status = status_clause(flt)
    if status is not None:
        clauses.append(status)
    return clauses + rectified_clauses(flt)


def rectified_clauses(flt: Filter) -> list[ColumnElement[bool]]:
    """Rectified (as of flt.as_of) on a day in rectified_from..rectified_to, if either is set.

    The day is the one the weekly chart counts a problem in (rectified_day_as_of), so a
    clicked week's bar and the filtered figures are the same problems.
    """
    if flt.rectified_from is None and flt.rectified_to is None:
        return []
    day = rectified_day_as_of(flt)
    clauses = [problem_status_as_of(flt) == COMPLETED_STATUS]
    if flt.rectified_from is not None:
        clauses.append(day >= bound(flt, "rectified_from"))
    if flt.rectified_to is not None:
        clauses.append(day <= bound(flt, "rectified_to"))
    return clauses


def scoped_problems(flt: Filter) -> Subquery:
    """The problems flt selects, with their as-of status, as a derived table to group over.

    township_id is the problem's own township, or with flt.rollup the township it belongs
    to today, so every by-township figure built on this table rolls merged townships up;
    own_township_id always holds the stored one.
    """
    successors = township_successors()
    township: SqlValue[int] = Problem.township_id
    if flt.rollup:
        township = func.coalesce(successors.c.current_id, Problem.township_id)
    query = select(
        Problem.id,
        Problem.round_id,
        Problem.township_id.label("own_township_id"),
        township.label("township_id"),
        Problem.village_id,
        Problem.focus_area,
        Problem.found_on,
        overdue_deadline().label("deadline"),
        recovered_as_of(flt).label("recovered_yuan"),
        rules_as_of(flt).label("rules_improved"),
        problem_status_as_of(flt).label("status"),
    ).where(*problem_conditions(flt))
    if flt.rollup:
        query = query.select_from(Problem).outerjoin(
            successors, successors.c.township_id == Problem.township_id
        )
    return query.subquery("scoped_problem")


def linked_problem_filter(flt: Filter, *, with_round: bool) -> Filter | None:
    """The problem-only part of flt (plus rounds when asked), or None when it is empty."""
    names = PROBLEM_ONLY_FIELDS + (("rounds",) if with_round else ())
    values = {name: getattr(flt, name) for name in names if getattr(flt, name)}
    if not values:
        return None
    return Filter(**values, as_of=flt.as_of)


def linked_problem_clauses(
    problem_id: SQLColumnExpression[int | None], flt: Filter, *, with_round: bool
) -> list[ColumnElement[bool]]:
    """When flt narrows problems, keep only rows linked to a matching problem."""
    problem_flt = linked_problem_filter(flt, with_round=with_round)
    if problem_flt is None:
        return []
    matching = select(Problem.id).where(*problem_conditions(problem_flt))
    return [problem_id.is_not(None), problem_id.in_(matching)]


def known_on(
    own_day: SQLColumnExpression[date | None], problem_id: SQLColumnExpression[int | None]
) -> ColumnElement:
    """A record's day: its own date, or while undated (pending) the finding of its problem."""
    found_on = select(Problem.found_on).where(Problem.id == problem_id).scalar_subquery()
    return func.coalesce(own_day, found_on)


def accountability_conditions(flt: Filter) -> list[ColumnElement[bool]]:
    """WHERE clauses on AccountabilityAction for flt.

    Rule: region fields match the action's own township; dates (date_from/date_to/as_of)
    match decided_on, or for a pending (undated) action the found_on of its problem;
    rounds and the problem-only fields (groups, villages, focus areas, sub-categories,
    statuses, sources) match through the linked problem, so once any of them is set,
    actions not linked to a matching problem drop out.
    """
    action = AccountabilityAction
    return [
        *township_clauses(action.township_id, flt),
        *date_clauses(known_on(action.decided_on, action.problem_id), flt),
        *linked_problem_clauses(action.problem_id, flt, with_round=True),
    ]


def lead_conditions(flt: Filter) -> list[ColumnElement[bool]]:
    """WHERE clauses on Lead for flt.

    Rule: region fields match the lead's township, rounds its own round, dates its
    transferred_on (or, if undated, its problem's found_on); the problem-only fields match
    through the linked problem, as for accountability (unlinked leads drop out once one
    of them is set).
    """
    clauses = [
        *township_clauses(Lead.township_id, flt),
        *date_clauses(known_on(Lead.transferred_on, Lead.problem_id), flt),
        *linked_problem_clauses(Lead.problem_id, flt, with_round=False),
    ]
    if flt.rounds:
        clauses.append(Lead.round_id.in_(bound(flt, "rounds")))
    return clauses


def case_known_clause(flt: Filter) -> ColumnElement[bool]:
    """Join condition Lead -> Case: the lead's case, only once opened by flt.as_of."""
    case_known = Case.lead_id == Lead.id
    if flt.as_of is not None:
        case_known = and_(case_known, or_(Case.opened_on.is_(None), Case.opened_on <= flt.as_of))
    return case_known


def lead_outcome_as_of() -> ColumnElement[str]:
    """A lead's outcome, "pending" while its case is not opened (join it by case_known_clause)."""
    return case(
        (and_(Lead.outcome == CASE_OPENED, Case.id.is_(None)), LEAD_PENDING), else_=Lead.outcome
    )
