"""The headline figures (the published results) for a Filter, in three aggregate queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import Select, select
from sqlmodel import Session

from data_access.codes import (
    BASICALLY_DONE_STATUS,
    COMPLETED_STATUS,
    LONG_TERM_STATUS,
    PERSON_CATEGORIES,
)
from data_access.filters import Filter
from data_access.queries.conditions import overdue_clause
from data_access.queries.facts import problem_facts, weighted
from data_access.queries.record_facts import action_facts, lead_facts
from data_access.queries.shaped import by_shape, execute

WRITTEN_SELF_CRITICISM = "written_self_criticism"
LEAD_TOTALS = ("leads", "cases", "case_people", "people_sanctioned")


@dataclass(frozen=True)
class Headline:
    """The headline figures of the inspection's rectification, as published."""

    problems_total: int
    problems_rectified: int
    # Reported beside the rectified ones, as published reports do ("688 done, 4 basically
    # done"); neither counts as completed.
    problems_basically_done: int
    problems_long_term: int
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

    # The keys of `python -m data_access summary --json`, in this order (not `overdue`);
    # keys added later come last, so the earlier ones keep their place and meaning.
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
        "problems_basically_done",
        "problems_long_term",
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
        problems_basically_done=problems["basically_done"],
        problems_long_term=problems["long_term"],
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


def _problem_totals(session: Session, flt: Filter) -> dict[str, int]:
    """Counts and sums over the problems flt selects (one query; summaries when they can)."""
    row = execute(session, _problem_totals_query(flt), flt).one()
    return {key: int(value) for key, value in row._mapping.items()}


@by_shape
def _problem_totals_query(flt: Filter) -> Select:
    """_problem_totals' statement for flt's shape."""
    facts = problem_facts(flt, sums_only=True, by_township=False, by_focus_area=False)
    return select(
        weighted(facts.c.problems).label("total"),
        weighted(facts.c.problems, facts.c.status == COMPLETED_STATUS).label("rectified"),
        weighted(facts.c.problems, facts.c.status == BASICALLY_DONE_STATUS).label("basically_done"),
        weighted(facts.c.problems, facts.c.status == LONG_TERM_STATUS).label("long_term"),
        weighted(facts.c.recovered_yuan).label("recovered_yuan"),
        weighted(facts.c.rules_improved).label("rules_improved"),
        weighted(facts.c.problems, overdue_clause(facts.c.status, facts.c.deadline, flt)).label(
            "overdue"
        ),
    )


def _accountability_counts(session: Session, flt: Filter) -> dict[str, int]:
    """Rows per accountability category (people and organisations) for flt (one query)."""
    rows = execute(session, _accountability_counts_query(flt), flt).all()
    return {category: int(count) for category, count in rows}


@by_shape
def _accountability_counts_query(flt: Filter) -> Select:
    """_accountability_counts' statement for flt's shape."""
    facts = action_facts(flt, sums_only=True)
    return select(facts.c.category, weighted(facts.c.actions)).group_by(facts.c.category)


def fetch_lead_totals(*, session: Session, flt: Filter) -> dict[str, int]:
    """leads, cases, case_people and people_sanctioned for flt (the lead funnel)."""
    return _lead_totals(session, flt)


def _lead_totals(session: Session, flt: Filter) -> dict[str, int]:
    """Leads transferred and the cases opened from them, with people involved (one query)."""
    row = execute(session, _lead_totals_query(flt), flt).one()
    return {key: int(value) for key, value in row._mapping.items()}


@by_shape
def _lead_totals_query(flt: Filter) -> Select:
    """_lead_totals' statement for flt's shape."""
    facts = lead_facts(flt, sums_only=True)
    return select(*(weighted(facts.c[key]).label(key) for key in LEAD_TOTALS))
