"""The headline figures as of a day, replayed in plain Python from the stored rows (the oracle).

Written from the rules the docs state, not from the queries: a problem counts once found;
its status is its latest status event by then (none: rectified if rectified_on has come,
else not started); its money and rules once their own day has come (挽损日期 / 制度完善日期,
else the completion day, else the finding day); an accountability record or a lead once its
own day has come (undated: its problem's finding day; neither: always); a case once opened.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Engine
from sqlmodel import select

from data_access.codes import COMPLETED_STATUS, PERSON_CATEGORIES
from data_access.db import session_scope
from data_access.models import AccountabilityAction, Case, Lead, Problem, StatusEvent

ORGANISATIONS = "written_self_criticism"


@dataclass(frozen=True)
class Rows:
    """Every ledger row the headline is made of."""

    problems: list
    events: dict[int, list]  # problem id -> its events, oldest first
    actions: list
    leads: list
    cases: dict[int, object]  # lead id -> its case


def load_rows(engine: Engine) -> Rows:
    """The stored rows, detached."""
    with session_scope(engine) as session:
        events: dict[int, list] = {}
        ordered = select(StatusEvent).order_by(StatusEvent.changed_on, StatusEvent.id)
        for event in session.exec(ordered).all():
            events.setdefault(event.problem_id, []).append(event)
        return Rows(
            problems=list(session.exec(select(Problem)).all()),
            events=events,
            actions=list(session.exec(select(AccountabilityAction)).all()),
            leads=list(session.exec(select(Lead)).all()),
            cases={case.lead_id: case for case in session.exec(select(Case)).all()},
        )


def _came(day: date | None, as_of: date | None) -> bool:
    """True when a record of day is known at the end of as_of (undated: always)."""
    return as_of is None or day is None or day <= as_of


def status_on(rows: Rows, problem, as_of: date | None) -> str:
    """A problem's status at the end of as_of."""
    if as_of is None:
        return problem.status
    known = [e for e in rows.events.get(problem.id, []) if e.changed_on <= as_of]
    if known:
        return known[-1].status
    rectified = problem.rectified_on is not None and problem.rectified_on <= as_of
    return COMPLETED_STATUS if rectified else "not_started"


def _own_or(day: date | None, problem) -> date:
    """A result's own day, else its problem's completion day, else its finding day."""
    return day or problem.rectified_on or problem.found_on


def replay_headline(rows: Rows, as_of: date | None, townships: set[int] | None = None) -> dict:
    """The summary JSON's figures for the townships (None: all) as of the end of as_of."""

    def inside(township_id: int) -> bool:
        return townships is None or township_id in townships

    found = {p.id: p.found_on for p in rows.problems}
    problems = [p for p in rows.problems if inside(p.township_id) and _came(p.found_on, as_of)]
    statuses = Counter(status_on(rows, p, as_of) for p in problems)
    rectified = statuses[COMPLETED_STATUS]
    actions = Counter(
        a.category
        for a in rows.actions
        if inside(a.township_id) and _came(a.decided_on or found.get(a.problem_id), as_of)
    )
    leads = [
        lead
        for lead in rows.leads
        if inside(lead.township_id)
        and _came(lead.transferred_on or found.get(lead.problem_id), as_of)
    ]
    cases = [rows.cases[lead.id] for lead in leads if lead.id in rows.cases]
    cases = [case for case in cases if _came(case.opened_on, as_of)]
    by_category = {code: actions.get(code, 0) for code in PERSON_CATEGORIES}
    return {
        "problems_total": len(problems),
        "problems_rectified": rectified,
        "problems_basically_done": statuses["basically_done"],
        "problems_long_term": statuses["long_term"],
        "completion_rate": round(rectified / len(problems), 4) if problems else 0.0,
        "recovered_yuan": sum(
            p.recovered_yuan for p in problems if _came(_own_or(p.recovered_on, p), as_of)
        ),
        "rules_improved": sum(
            p.rules_improved for p in problems if _came(_own_or(p.rules_improved_on, p), as_of)
        ),
        "accountable_people": sum(by_category.values()),
        "accountable_by_category": by_category,
        "written_self_criticism_orgs": actions.get(ORGANISATIONS, 0),
        "leads_transferred": len(leads),
        "cases_opened": len(cases),
        "case_people": sum(case.people_involved for case in cases),
        "people_sanctioned": sum(case.people_sanctioned for case in cases),
    }
