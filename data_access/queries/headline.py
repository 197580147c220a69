"""The headline figures (the published results) for a Filter, in three aggregate queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlmodel import Session

from data_access.codes import COMPLETED_STATUS, PERSON_CATEGORIES
from data_access.filters import Filter
from data_access.models import AccountabilityAction, Case, Lead
from data_access.queries.conditions import (
    accountability_conditions,
    lead_conditions,
    overdue_clause,
    scoped_problems,
)

WRITTEN_SELF_CRITICISM = "written_self_criticism"


@dataclass(frozen=True)
class Headline:
    """The headline figures of the inspection's rectification, as published."""

    problems_total: int
    problems_rectified: int
    completion_rate: float  # fraction rectified / total, 0.0 when there are no problems
    recovered_yuan: int
    rules_improved: int
    accountable_people: int
    accountable_by_category: dict[str, int]  # the 8 PERSON_CATEGORIES, zeros included
    written_self_criticism_orgs: int
    leads_transferred: int
    cases_opened: int
    case_people: int
    people_sanctioned: int
    overdue: int

    # The keys of `python -m data_access summary --json`, in this order (not `overdue`).
    JSON_KEYS: ClassVar[tuple[str, ...]] = (
        "problems_total",
        "problems_rectified",
        "completion_rate",
        "recovered_yuan",
        "rules_improved",
        "accountable_people",
        "accountable_by_category",
        "written_self_criticism_orgs",
        "leads_transferred",
        "cases_opened",
        "case_people",
        "people_sanctioned",
    )

    def to_json_dict(self) -> dict[str, Any]:
        """The published figures as a JSON-ready dict (completion_rate to 4 decimals)."""
        values = {key: getattr(self, key) for key in self.JSON_KEYS}
        values["completion_rate"] = round(self.completion_rate, 4)
        values["accountable_by_category"] = dict(self.accountable_by_category)
        return values


def fetch_headline(*, session: Session, flt: Filter) -> Headline:
    """The headline figures for flt.

    Problems follow every Filter field. Accountability and leads follow the rules of
    conditions.accountability_conditions / lead_conditions: region and rounds, their own
    dates (decided_on, transferred_on; the problem's found_on while undated) against the
    date range and as_of, and the problem-only fields through the linked problem. Cases
    follow their lead and count only once opened (opened_on on or before as_of).
    """
    problems = _problem_totals(session, flt)
    by_category = _accountability_counts(session, flt)
    leads = _lead_totals(session, flt)
    total, rectified = problems["total"], problems["rectified"]
    return Headline(
        problems_total=total,
        problems_rectified=rectified,
        completion_rate=rectified / total if total else 0.0,
        recovered_yuan=problems["recovered_yuan"],
        rules_improved=problems["rules_improved"],
        accountable_people=sum(by_category.get(code, 0) for code in PERSON_CATEGORIES),
        accountable_by_category={code: by_category.get(code, 0) for code in PERSON_CATEGORIES},
        written_self_criticism_orgs=by_category.get(WRITTEN_SELF_CRITICISM, 0),
        leads_transferred=leads["leads"],
        cases_opened=leads["cases"],
        case_people=leads["case_people"],
        people_sanctioned=leads["people_sanctioned"],
        overdue=problems["overdue"],
    )


def _count_where(condition) -> Any:
    """SUM of 1 over the rows meeting condition (0 when none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _problem_totals(session: Session, flt: Filter) -> dict[str, int]:
    """Counts and sums over the problems flt selects (one query)."""
    scope = scoped_problems(flt)
    query = select(
        func.count(scope.c.id).label("total"),
        _count_where(scope.c.status == COMPLETED_STATUS).label("rectified"),
        func.coalesce(func.sum(scope.c.recovered_yuan), 0).label("recovered_yuan"),
        func.coalesce(func.sum(scope.c.rules_improved), 0).label("rules_improved"),
        _count_where(overdue_clause(scope.c.status, scope.c.deadline, flt)).label("overdue"),
    )
    row = session.exec(query).one()
    return {key: int(value) for key, value in row._mapping.items()}


def _accountability_counts(session: Session, flt: Filter) -> dict[str, int]:
    """Rows per accountability category (people and organisations) for flt (one query)."""
    query = (
        select(AccountabilityAction.category, func.count(AccountabilityAction.id))
        .where(*accountability_conditions(flt))
        .group_by(AccountabilityAction.category)
    )
    return {category: int(count) for category, count in session.exec(query).all()}


def case_known_clause(flt: Filter) -> ColumnElement[bool]:
    """Join condition Lead -> Case: the lead's case, only once opened by flt.as_of."""
    case_known = Case.lead_id == Lead.id
    if flt.as_of is not None:
        case_known = and_(case_known, or_(Case.opened_on.is_(None), Case.opened_on <= flt.as_of))
    return case_known


def fetch_lead_totals(*, session: Session, flt: Filter) -> dict[str, int]:
    """leads, cases, case_people and people_sanctioned for flt (the lead funnel)."""
    return _lead_totals(session, flt)


def _lead_totals(session: Session, flt: Filter) -> dict[str, int]:
    """Leads transferred and the cases opened from them, with people involved (one query)."""
    case_known = case_known_clause(flt)
    query = (
        select(
            func.count(Lead.id).label("leads"),
            func.count(Case.id).label("cases"),
            func.coalesce(func.sum(Case.people_involved), 0).label("case_people"),
            func.coalesce(func.sum(Case.people_sanctioned), 0).label("people_sanctioned"),
        )
        .select_from(Lead)
        .outerjoin(Case, case_known)
        .where(*lead_conditions(flt))
    )
    row = session.exec(query).one()
    return {key: int(value) for key, value in row._mapping.items()}
