"""The rows of each ledger summary (data_access.summary_models), as SELECTs over the ledger.

Each builder takes a Where (which townships' or cities' rows) and returns the rows the
summary table holds for them; data_access.summaries deletes and re-inserts them.
"""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    SQLColumnExpression,
    and_,
    case,
    func,
    literal,
    select,
)

from data_access.codes import COMPLETED_STATUS, NEVER_OVERDUE_STATUSES, PERSON_CATEGORIES
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.models import AccountabilityAction, Case, County, Lead, Problem, Township
from data_access.queries.as_of import rectified_day_as_of
from data_access.queries.conditions import overdue_deadline
from data_access.queries.dated import recovery_day, rules_day
from data_access.queries.facts import PERIOD_KINDS
from data_access.queries.months import MonthStart
from data_access.queries.weeks import WeekStart
from data_access.summary_models import PAST_DEADLINE
from data_access.summary_rollups import Where

PERIOD_GRAIN = ("city_id", "focus_area", *PERIOD_KINDS)
PERSON_CODES = list(PERSON_CATEGORIES)


def _count_if(condition: SQLColumnExpression[bool]) -> ColumnElement[int]:
    """How many rows of the group meet condition."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def problem_rows(where: Where) -> Select:
    """summary_problem rows from the problems of the townships where() keeps.

    Only overdue reads open_deadline (a dated deadline before today, neither rectified nor
    long-term: conditions.overdue_clause). A deadline already past when the rows are built
    stays past, so all of those share PAST_DEADLINE: half the rows, the same answers.
    """
    dated = overdue_deadline()
    deadline = case((dated < local_today(), PAST_DEADLINE), else_=dated)
    open_deadline = case((Problem.status.not_in(NEVER_OVERDUE_STATUSES), deadline), else_=None)
    keys = (Problem.township_id, Problem.focus_area, Problem.status, open_deadline)
    return (
        select(
            *keys,
            func.count(),
            func.sum(Problem.recovered_yuan),
            func.sum(Problem.rules_improved),
            _count_if(Problem.recovered_yuan > 0),
            _count_if(Problem.rules_improved > 0),
        )
        .where(*where(Problem.township_id))
        .group_by(*keys)
    )


def round_rows(where: Where) -> Select:
    """summary_round rows."""
    keys = (Problem.round_id, Problem.township_id, Problem.status)
    return select(*keys, func.count()).where(*where(Problem.township_id)).group_by(*keys)


def _by_city(select_: Select, where: Where) -> Select:
    """select_ over problems joined to their city, restricted by where() on the city."""
    return (
        select_.join(Township, Township.id == Problem.township_id)
        .join(County, County.id == Township.county_id)
        .where(*where(County.city_id))
    )


def period_rows(where: Where) -> CompoundSelect:
    """summary_period rows: problems per week found and week rectified, money per week and
    month recovered, rules per week improved (facts.PERIOD_KINDS; a problem without money
    or rules has no period of those kinds).

    One pass groups the problems by every period at once (a CTE both backends compute
    once); each kind is then summed from that much smaller set.
    """
    # The same days the queries use (the last rectified event; dated.recovery_day ...).
    rectified_day = case(
        (Problem.status == COMPLETED_STATUS, rectified_day_as_of(Filter())), else_=None
    )
    recovered_day = case((Problem.recovered_yuan > 0, recovery_day()), else_=None)
    rules_improved_day = case((Problem.rules_improved > 0, rules_day()), else_=None)
    periods = (
        WeekStart(Problem.found_on),
        WeekStart(rectified_day),
        WeekStart(recovered_day),
        MonthStart(recovered_day),
        WeekStart(rules_improved_day),
    )
    keys = (County.city_id, Problem.focus_area, *periods)
    grain_rows = _by_city(
        select(
            *(key.label(name) for key, name in zip(keys, PERIOD_GRAIN, strict=True)),
            func.count().label("problems"),
            func.sum(Problem.recovered_yuan).label("recovered_yuan"),
            _count_if(Problem.recovered_yuan > 0).label("with_recovery"),
            func.sum(Problem.rules_improved).label("rules_improved"),
        ),
        where,
    )
    grain = grain_rows.group_by(*keys).cte("period_grain")
    parts = []
    for kind in PERIOD_KINDS:
        start = grain.c[kind]
        part = select(
            grain.c.city_id,
            grain.c.focus_area,
            literal(kind),
            start,
            func.sum(grain.c.problems),
            func.sum(grain.c.recovered_yuan),
            func.sum(grain.c.with_recovery),
            func.sum(grain.c.rules_improved),
        ).where(start.is_not(None))
        parts.append(part.group_by(grain.c.city_id, grain.c.focus_area, start))
    return parts[0].union_all(*parts[1:])


def sub_category_rows(where: Where) -> Select:
    """summary_sub_category rows."""
    keys = (County.city_id, Problem.focus_area, Problem.sub_category)
    query = select(
        *keys,
        func.count(),
        func.sum(Problem.recovered_yuan),
        _count_if(Problem.recovered_yuan > 0),
    )
    return _by_city(query, where).group_by(*keys)


def action_rows(where: Where) -> Select:
    """summary_action rows."""
    action = AccountabilityAction
    keys = (action.township_id, action.category, action.form)
    return select(*keys, func.count()).where(*where(action.township_id)).group_by(*keys)


def action_month_rows(where: Where) -> Select:
    """summary_action_month rows."""
    action = AccountabilityAction
    keys = (County.city_id, MonthStart(action.decided_on), action.category, action.form)
    return (
        select(*keys, func.count())
        .join(Township, Township.id == action.township_id)
        .join(County, County.id == Township.county_id)
        .where(*where(County.city_id))
        .group_by(*keys)
    )


def dual_check_rows(where: Where) -> Select:
    """summary_dual_check rows: per township, 一案双查 problems there and problems spanning."""
    action = AccountabilityAction
    people = and_(action.problem_id.is_not(None), action.category.in_(PERSON_CODES))
    spanning = (
        select(action.problem_id)
        .where(people)
        .group_by(action.problem_id)
        .having(func.count(func.distinct(action.township_id)) > 1)
    )
    per_problem = (
        select(
            action.township_id,
            case((action.problem_id.in_(spanning), 1), else_=0).label("split"),
            _count_if(action.is_leadership_responsibility).label("leaders"),
            _count_if(~action.is_leadership_responsibility).label("direct"),
        )
        .where(people, *where(action.township_id))
        .group_by(action.township_id, action.problem_id)
        .subquery("per_problem")
    )
    both = and_(per_problem.c.leaders > 0, per_problem.c.direct > 0)
    return select(
        per_problem.c.township_id, _count_if(both), func.sum(per_problem.c.split)
    ).group_by(per_problem.c.township_id)


def lead_rows(where: Where) -> Select:
    """summary_lead rows (a case_opened lead without its case row reads pending, as queries do)."""
    outcome = case(
        (and_(Lead.outcome == "case_opened", Case.id.is_(None)), "pending"), else_=Lead.outcome
    )
    keys = (Lead.township_id, outcome, Lead.transferred_to)
    return (
        select(
            *keys,
            func.count(Lead.id),
            func.count(Case.id),
            func.coalesce(func.sum(Case.people_involved), 0),
            func.coalesce(func.sum(Case.people_sanctioned), 0),
        )
        .outerjoin(Case, Case.lead_id == Lead.id)
        .where(*where(Lead.township_id))
        .group_by(*keys)
    )
