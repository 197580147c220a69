"""Facts as of an earlier day from the summary tables: today's rows, corrected by the few
rows whose figures moved since that day.

A problem's figures as of day D (status, money, rules, whether found yet, how its deadline
stands) equal today's unless something about it is dated after D: it was found, rectified,
given a recovery or rules day, changed status (a status event), or its dated deadline lies
between D and today. An accountability record or a lead counts from its own day (else its
problem's finding), and a lead's case from the day it was opened. Those are the touched
rows (a week's worth for the cards' "last week"), found through indexes (migration 0012).
So the facts as of D are

    summary rows (today) − the touched rows as today + the touched rows as of D,

summed per the summary's keys. The subtracted rows repeat exactly the summary's grouping of
the same rows, so they cancel inside the same group and each group's sums are the ledger's
as of D. For problems that includes the open deadline, which summaries.py collapses into
PAST_DEADLINE once past at its build day: both sides read it as "past today" or the day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import (
    CompoundSelect,
    Integer,
    Select,
    Subquery,
    and_,
    case,
    cast,
    func,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute

from data_access.codes import NEVER_OVERDUE_STATUSES
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.models import AccountabilityAction, Case, Lead, Problem, StatusEvent
from data_access.queries.problem_rows import ledger_problem_rows
from data_access.summary_models import PAST_DEADLINE

PROBLEM_KEYS = ("township_id", "focus_area", "status", "deadline")
PROBLEM_MEASURES = ("problems", "recovered_yuan", "rules_improved", "with_recovery", "with_rules")
ACTION_KEYS, ACTION_MEASURES = ("township_id", "category", "form"), ("actions",)
LEAD_KEYS = ("township_id", "transferred_to", "outcome")
LEAD_MEASURES = ("leads", "cases", "case_people", "people_sanctioned")


def corrected_problem_facts(flt: Filter, summary_now: Select, *, sums_only: bool) -> Subquery:
    """problem_facts of flt (with as_of) from summary_now, the summary's rows for flt
    without as_of, and the touched problems (module docstring)."""
    today = local_today()
    day = flt.as_of or today
    touched = problems_touched_after(day, today)
    # The summary's keys (a city rollup has no township_id): every part groups alike.
    keys = [key for key in PROBLEM_KEYS if key in summary_now.selected_columns]
    parts = [
        _deadline_past_today(summary_now, today, keys, sign=1),
        _deadline_past_today(
            ledger_problem_rows(flt.with_(as_of=None), among=touched), today, keys, sign=-1
        ),
        _ordered(ledger_problem_rows(flt, among=touched), keys, PROBLEM_MEASURES),
    ]
    return _summed(parts, keys, PROBLEM_MEASURES, "problem_fact", grouped=not sums_only)


def corrected_action_facts(
    flt: Filter, summary_now: Select, ledger_now: Select, *, sums_only: bool
) -> Subquery:
    """action_facts of flt (with as_of): the records known after the day drop out."""
    action = AccountabilityAction
    known_later = union(*_known_after(action.id, action.decided_on, action.problem_id, flt.as_of))
    later = ledger_now.where(AccountabilityAction.id.in_(known_later))
    parts = [_ordered(summary_now, ACTION_KEYS, ACTION_MEASURES)]
    parts.append(_ordered(later, ACTION_KEYS, ACTION_MEASURES, sign=-1))
    return _summed(parts, ACTION_KEYS, ACTION_MEASURES, "action_fact", grouped=not sums_only)


def corrected_lead_facts(
    flt: Filter,
    summary_now: Select,
    ledger_now: Select,
    ledger_then: Select,
    *,
    sums_only: bool,
) -> Subquery:
    """lead_facts of flt (with as_of): leads known or cases opened after the day, replaced."""
    day = flt.as_of
    known_later = _known_after(Lead.id, Lead.transferred_on, Lead.problem_id, day)
    touched = union(*known_later, select(Case.lead_id).where(Case.opened_on > day))
    parts = [
        _ordered(summary_now, LEAD_KEYS, LEAD_MEASURES),
        _ordered(ledger_now.where(Lead.id.in_(touched)), LEAD_KEYS, LEAD_MEASURES, sign=-1),
        _ordered(ledger_then.where(Lead.id.in_(touched)), LEAD_KEYS, LEAD_MEASURES),
    ]
    return _summed(parts, LEAD_KEYS, LEAD_MEASURES, "lead_fact", grouped=not sums_only)


def problems_with_records_after(day: date | None) -> CompoundSelect:
    """Problems with an accountability record known only after day (a superset: every
    problem found after it, and the problems of the records decided after it)."""
    decided_later = select(AccountabilityAction.problem_id).where(
        AccountabilityAction.decided_on > day
    )
    return union(decided_later, select(Problem.id).where(Problem.found_on > day))


def problems_touched_after(day: date, today: date) -> CompoundSelect:
    """The ids of the problems with anything dated after day (each through an index)."""
    dated_after = (
        Problem.found_on > day,
        Problem.rectified_on > day,
        Problem.recovered_on > day,
        Problem.rules_improved_on > day,
        # Its deadline lies between the two days, so it stands otherwise (either way round).
        and_(Problem.deadline >= min(day, today), Problem.deadline < max(day, today)),
    )
    events = select(StatusEvent.problem_id).where(StatusEvent.changed_on > day)
    return union(*(select(Problem.id).where(clause) for clause in dated_after), events)


def _known_after(
    record_id: InstrumentedAttribute[int | None],
    own_day: InstrumentedAttribute[date | None],
    problem_id: InstrumentedAttribute[int | None],
    day: date | None,
) -> tuple[Select, Select]:
    """Records known only after day (conditions.known_on): dated after it, or undated with
    a problem found after it — each half from an index (the day; the problems found).
    Two SELECTs for the caller's one UNION (SQLite takes no nested compound SELECT)."""
    dated = select(record_id).where(own_day > day)
    # IN, not a join: SQLite guesses a quarter of the problems for the day's range and
    # would walk every lead instead (1M: 6–10 ms per use, the week-ago lead funnel 20 → 4).
    found_later = problem_id.in_(select(Problem.id).where(Problem.found_on > day))
    # Undated through an expression, not the column: SQLite would otherwise walk every
    # undated (pending) record by the day's index instead of the few problems found later.
    undated = func.coalesce(own_day, None).is_(None)
    return dated, select(record_id).where(undated, found_later)


def _deadline_past_today(rows: Select, today: date, keys: Sequence[str], *, sign: int) -> Select:
    """rows' keys with the summary's open deadline read against today, measures times sign."""
    inner = rows.subquery()
    deadline = case(
        (inner.c.status.in_(NEVER_OVERDUE_STATUSES), None),
        (inner.c.deadline < today, PAST_DEADLINE),
        else_=inner.c.deadline,
    )
    columns = [deadline.label(key) if key == "deadline" else inner.c[key] for key in keys]
    return select(*columns, *((inner.c[m] * sign).label(m) for m in PROBLEM_MEASURES))


def _ordered(
    rows: Select, keys: Sequence[str], measures: Sequence[str], *, sign: int = 1
) -> Select:
    """rows' keys then measures (times sign) by name, so the parts of a UNION line up."""
    inner = rows.subquery()
    return select(*(inner.c[k] for k in keys), *((inner.c[m] * sign).label(m) for m in measures))


def _summed(
    parts: Sequence[Select],
    keys: Sequence[str],
    measures: Sequence[str],
    name: str,
    *,
    grouped: bool,
) -> Subquery:
    """The parts' measures summed per keys, without the groups that cancelled out.

    Not grouped, for a caller that only sums the measures (the totals): the rows that
    cancel still add up to nothing, and 23,000 summary rows need no sort (1M: 38 → 17 ms).
    """
    if not grouped:
        return union_all(*parts).subquery(name)
    rows = union_all(*parts).subquery(f"{name}_parts")
    # Kept an integer like the summary's columns (PostgreSQL's SUM would widen it).
    sums = (cast(func.sum(rows.c[m]), Integer).label(m) for m in measures)
    return (
        select(*(rows.c[k] for k in keys), *sums)
        .group_by(*(rows.c[k] for k in keys))
        .having(func.sum(rows.c[measures[0]]) != 0)
        .subquery(name)
    )
