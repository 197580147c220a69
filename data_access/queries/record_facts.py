"""Fact tables of the accountability records and the leads: from the summaries when they
can answer, as of an earlier day from the summaries corrected by the records dated since
(queries/as_of_facts.py), else from the ledger — the same columns each way (see facts.py).
"""

from __future__ import annotations

from sqlalchemy import Select, Subquery, case, func, literal, select
from sqlmodel import Session

from data_access import summary_models as summary
from data_access.filters import Filter
from data_access.models import AccountabilityAction, Case, Lead
from data_access.queries.as_of_facts import corrected_action_facts, corrected_lead_facts
from data_access.queries.conditions import (
    accountability_conditions,
    case_known_clause,
    lead_conditions,
    lead_outcome_as_of,
    township_clauses,
)
from data_access.queries.facts import answerable, city_clauses, weighted
from data_access.queries.merges import rolled_up_township
from data_access.queries.months import MonthStart


def action_facts(flt: Filter, *, sums_only: bool = False) -> Subquery:
    """township_id, category, form, actions: the accountability records flt selects
    (sums_only: the caller lists no groups, see as_of_facts._summed)."""
    if answerable(flt, grain="township"):
        return _action_summary_rows(flt).subquery("action_fact")
    now = flt.with_(as_of=None)
    if flt.as_of and answerable(now, grain="township"):
        summary_now, ledger_now = _action_summary_rows(now), _action_ledger_rows(now)
        return corrected_action_facts(flt, summary_now, ledger_now, sums_only=sums_only)
    return _action_ledger_rows(flt).subquery("action_fact")


def _action_summary_rows(flt: Filter) -> Select:
    """action_facts' columns from summary_action, for a Filter it answers."""
    s = summary.ActionSummary
    return select(s.township_id, s.category, s.form, s.actions).where(
        *township_clauses(s.township_id, flt)
    )


def _action_ledger_rows(flt: Filter) -> Select:
    """action_facts' columns from the accountability records, one row each."""
    action = AccountabilityAction
    query = select(action.category, action.form, literal(1).label("actions")).select_from(action)
    rolled, township = rolled_up_township(query, action.township_id, flt)
    rolled = rolled.add_columns(township.label("township_id"))
    return rolled.where(*accountability_conditions(flt))


def action_month_facts(flt: Filter) -> Subquery:
    """month (of the decision; None while pending), category, form, actions."""
    if answerable(flt, grain="city"):
        s = summary.ActionMonthSummary
        query = select(s.month, s.category, s.form, s.actions)
        return query.where(*city_clauses(s.city_id, flt)).subquery("action_month_fact")
    action = AccountabilityAction
    month = MonthStart(action.decided_on).label("month")
    return (
        select(month, action.category, action.form, literal(1).label("actions"))
        .where(*accountability_conditions(flt))
        .subquery("action_month_fact")
    )


def lead_facts(flt: Filter, *, sums_only: bool = False) -> Subquery:
    """township_id, transferred_to, outcome (as of), leads, cases, case_people, sanctioned
    (sums_only: the caller lists no groups, see as_of_facts._summed)."""
    if answerable(flt, grain="township"):
        return _lead_summary_rows(flt).subquery("lead_fact")
    now = flt.with_(as_of=None)
    if flt.as_of and answerable(now, grain="township"):
        summary_now, ledger_now = _lead_summary_rows(now), _lead_ledger_rows(now)
        ledger_then = _lead_ledger_rows(flt)
        return corrected_lead_facts(flt, summary_now, ledger_now, ledger_then, sums_only=sums_only)
    return _lead_ledger_rows(flt).subquery("lead_fact")


def _lead_summary_rows(flt: Filter) -> Select:
    """lead_facts' columns from summary_lead, for a Filter it answers."""
    s = summary.LeadSummary
    query = select(
        s.township_id, s.transferred_to, s.outcome, s.leads, s.cases,
        s.case_people, s.people_sanctioned,
    )  # fmt: skip
    return query.where(*township_clauses(s.township_id, flt))


def _lead_ledger_rows(flt: Filter) -> Select:
    """lead_facts' columns from the leads (and their cases opened by as_of), one row each."""
    query = (
        select(
            Lead.transferred_to,
            lead_outcome_as_of().label("outcome"),
            literal(1).label("leads"),
            case((Case.id.is_not(None), 1), else_=0).label("cases"),
            func.coalesce(Case.people_involved, 0).label("case_people"),
            func.coalesce(Case.people_sanctioned, 0).label("people_sanctioned"),
        )
        .select_from(Lead)
        .outerjoin(Case, case_known_clause(flt))
    )
    query, township = rolled_up_township(query, Lead.township_id, flt)
    query = query.add_columns(township.label("township_id"))
    return query.where(*lead_conditions(flt))


def summary_dual_check_problems(session: Session, flt: Filter) -> int | None:
    """一案双查 problems for flt from the summary, or None when it cannot answer.

    The summary counts per township; that adds up only when no problem in the Filter's
    region has people's records in two townships, so then the caller counts the records.
    """
    if not answerable(flt, grain="township"):
        return None
    s = summary.DualCheckSummary
    query = select(weighted(s.problems), weighted(s.split_problems)).where(
        *township_clauses(s.township_id, flt)
    )
    problems, split = session.execute(query).one()
    return None if split else int(problems)
