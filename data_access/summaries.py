"""Keep the summary tables (data_access.summary_models) equal to the ledger they summarise.

`refresh_for_change(session, batch_id)` runs inside every committed change, from
data_access.version.bump_data_version (the one commit point every import, undo and seed
passes), so a reader never sees ledger rows and summaries of different moments. A ledger
import or its undo refreshes only the townships (and their cities) its rows were in,
before or after; anything else (seed, regions import, a change without a batch) rebuilds
every summary. Rebuilding = delete the region's rows, INSERT … SELECT them again.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    SQLColumnExpression,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    select,
)
from sqlmodel import Session

from data_access.codes import COMPLETED_STATUS, NEVER_OVERDUE_STATUSES, PERSON_CATEGORIES
from data_access.db import without_jit
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.ingest.records import image_field
from data_access.models import (
    AccountabilityAction,
    Case,
    County,
    ImportBatch,
    ImportChange,
    Lead,
    Problem,
    Township,
)
from data_access.queries.as_of import rectified_day_as_of
from data_access.queries.conditions import overdue_deadline
from data_access.queries.dated import recovery_day, rules_day
from data_access.queries.facts import PERIOD_KINDS
from data_access.queries.months import MonthStart
from data_access.queries.weeks import WeekStart
from data_access.summary_models import (
    PAST_DEADLINE,
    SUMMARY_MODELS,
    SummaryModel,
)
from data_access.summary_rollups import (
    Where,
    period_total_rows,
    problem_city_rows,
    problem_status_rows,
)

LEDGER_KIND = "ledger"
PERIOD_GRAIN = ("city_id", "focus_area", *PERIOD_KINDS)
LEDGER_TABLES = ("problem", "accountability_action", "lead")
FULL_REFRESH_SHARE = 0.25  # touching more townships than this share: rebuild everything
PERSON_CODES = list(PERSON_CATEGORIES)


def _count_if(condition: SQLColumnExpression[bool]) -> ColumnElement[int]:
    """How many rows of the group meet condition."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _problem_rows(where: Where) -> Select:
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


def _round_rows(where: Where) -> Select:
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


def _period_rows(where: Where) -> CompoundSelect:
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


def _sub_category_rows(where: Where) -> Select:
    """summary_sub_category rows."""
    keys = (County.city_id, Problem.focus_area, Problem.sub_category)
    query = select(
        *keys,
        func.count(),
        func.sum(Problem.recovered_yuan),
        _count_if(Problem.recovered_yuan > 0),
    )
    return _by_city(query, where).group_by(*keys)


def _action_rows(where: Where) -> Select:
    """summary_action rows."""
    action = AccountabilityAction
    keys = (action.township_id, action.category, action.form)
    return select(*keys, func.count()).where(*where(action.township_id)).group_by(*keys)


def _action_month_rows(where: Where) -> Select:
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


def _dual_check_rows(where: Where) -> Select:
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


def _lead_rows(where: Where) -> Select:
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


# (table, region column of the table, rows builder): township-keyed ones first.
# Rows builder and region column of each summary, in SUMMARY_MODELS order.
BUILDERS = (
    (_problem_rows, "township_id"),
    (_round_rows, "township_id"),
    (_period_rows, "city_id"),
    (_sub_category_rows, "city_id"),
    (_action_rows, "township_id"),
    (_action_month_rows, "city_id"),
    (_dual_check_rows, "township_id"),
    (_lead_rows, "township_id"),
    (problem_city_rows, "city_id"),
    (problem_status_rows, "township_id"),
    (period_total_rows, None),
)
SUMMARIES = tuple(
    (model, key, rows) for model, (rows, key) in zip(SUMMARY_MODELS, BUILDERS, strict=True)
)


def _columns(model: SummaryModel) -> list[str]:
    """The summary's columns in table order, without the surrogate id."""
    return [column.name for column in model.__table__.columns if column.name != "id"]


def _within(ids: list[int] | None) -> Where:
    """A Where keeping the rows whose region column is in ids (all rows for None)."""

    def where(column: SQLColumnExpression[int | None]) -> list[ColumnElement[bool]]:
        """The condition on one region column."""
        return [] if ids is None else [column.in_(ids)]

    return where


def refresh_summaries(session: Session, township_ids: Iterable[int] | None = None) -> None:
    """Rebuild the summary rows of township_ids (and of their cities); None: of everything."""
    without_jit(session)
    regions: dict[str, list[int] | None] = {"township_id": None, "city_id": None}
    if township_ids is not None:
        townships = sorted(_with_spanning_problems(session, set(township_ids)))
        cities = select(County.city_id).join(Township, Township.county_id == County.id)
        cities = cities.where(Township.id.in_(townships)).distinct()
        regions = {"township_id": townships, "city_id": list(session.scalars(cities))}
    for model, key, rows in SUMMARIES:
        ids = regions[key] if key else None
        table = model.__table__
        removal = delete(table)
        if ids is not None:
            removal = removal.where(table.c[key].in_(ids))
        session.execute(removal)
        source = rows(_within(ids)).subquery("summary_rows")
        # In a fixed order, so both backends number the rows alike (NULLs first on both).
        ordered = select(*source.c).order_by(*(column.nulls_first() for column in source.c))
        session.execute(insert(table).from_select(_columns(model), ordered))


def _with_spanning_problems(session: Session, townships: set[int]) -> set[int]:
    """townships plus those where the same problems have records (一案双查 spans them)."""
    action = AccountabilityAction
    problems = select(action.problem_id).where(
        action.township_id.in_(townships), action.problem_id.is_not(None)
    )
    others = select(action.township_id).where(action.problem_id.in_(problems)).distinct()
    return townships | set(session.scalars(others))


def touched_townships(session: Session, batch_id: int) -> set[int] | None:
    """Townships a ledger batch's rows were in before or after; None when not a ledger batch."""
    kind = session.scalar(select(ImportBatch.kind).where(ImportBatch.id == batch_id))
    if kind != LEDGER_KIND:
        return None
    townships: set[int] = set()
    for image in (ImportChange.before_json, ImportChange.after_json):
        township = image_field(session, image, "township_id")
        query = (
            select(township)
            .distinct()
            .where(
                ImportChange.batch_id == batch_id,
                ImportChange.table_name.in_(LEDGER_TABLES),
                township.is_not(None),
            )
        )
        townships.update(int(value) for value in session.scalars(query))
    return townships


def refresh_for_change(
    session: Session, batch_id: int | None, touched: Iterable[int] | None = None
) -> None:
    """Bring the summaries up to date with the change being committed in session.

    touched: the townships the batch's rows were in, when the caller knows them (an import
    does, from its diff); otherwise a ledger batch's are read from its row images.
    """
    if touched is not None:
        townships: set[int] | None = set(touched)
    else:
        townships = touched_townships(session, batch_id) if batch_id is not None else None
    if townships is not None:
        total = session.scalar(select(func.count()).select_from(Township)) or 1
        if len(townships) > FULL_REFRESH_SHARE * total:
            townships = None
    refresh_summaries(session, townships)
