"""Helpers for the query tests: run read functions for a Filter, and a plain-Python oracle."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import select

from data_access.codes import COMPLETED_STATUS
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.models import AccountabilityAction, InspectionRound, Lead, Problem, StatusEvent
from data_access.queries import Headline, fetch_headline
from tests.support.published_figures import PUBLISHED_JSON

# The published figures that are plain counts or sums (total and rate have their own test).
PUBLISHED = {
    key: value
    for key, value in PUBLISHED_JSON.items()
    if key not in ("problems_total", "completion_rate", "accountable_by_category")
}
PUBLISHED_BREAKDOWN = PUBLISHED_JSON["accountable_by_category"]
DEMO_PROBLEMS_TOTAL = PUBLISHED_JSON["problems_total"]
RECTIFIED = PUBLISHED_JSON["problems_rectified"]
NO_SUCH_ID = 10**9  # an id no row has


def headline(engine: Engine, **changes: object) -> Headline:
    """fetch_headline for Filter().with_(**changes)."""
    with session_scope(engine) as session:
        return fetch_headline(session=session, flt=Filter().with_(**changes))


def frame(engine: Engine, fetch, **changes: object):
    """Run one of the DataFrame read functions for Filter().with_(**changes)."""
    with session_scope(engine) as session:
        return fetch(session=session, flt=Filter().with_(**changes))


def all_rows(engine: Engine, model) -> list:
    """Every row of model, as detached objects (the test's independent oracle data)."""
    with session_scope(engine) as session:
        return list(session.exec(select(model)).all())


@dataclass(frozen=True)
class Ledger:
    """The seeded rows the tests recompute figures from in plain Python."""

    problems: list
    events: list
    actions: list
    leads: list

    def status_on(self, problem, day: date | None) -> str:
        """A problem's status at the end of day: its latest event by then (the oracle)."""
        if day is None:
            return problem.status
        mine = [e for e in self.events if e.problem_id == problem.id and e.changed_on <= day]
        if mine:
            return max(mine, key=lambda e: (e.changed_on, e.id)).status
        rectified = problem.rectified_on is not None and problem.rectified_on <= day
        return COMPLETED_STATUS if rectified else "not_started"

    def recovery_day(self, problem) -> date:
        """The day a problem's money counts from: 挽损日期, else completion, else finding."""
        return problem.recovered_on or problem.rectified_on or problem.found_on

    def statuses_on(self, day: date | None) -> Counter:
        """Problems per status at the end of day (problems found later left out)."""
        return Counter(
            self.status_on(p, day) for p in self.problems if day is None or p.found_on <= day
        )


def load_ledger(engine: Engine) -> Ledger:
    """The seeded ledger loaded into Python."""
    return Ledger(
        problems=all_rows(engine, Problem),
        events=all_rows(engine, StatusEvent),
        actions=all_rows(engine, AccountabilityAction),
        leads=all_rows(engine, Lead),
    )


def feedback_day(engine: Engine) -> date:
    """The earliest feedback day of the seeded rounds."""
    rounds = all_rows(engine, InspectionRound)
    return min(r.feedback_on for r in rounds if r.feedback_on is not None)


def busiest_township(engine: Engine) -> int:
    """The township with the most problems found in a village (a meaningful village level)."""
    problems = [p for p in all_rows(engine, Problem) if p.village_id is not None]
    counts = pd.Series([p.township_id for p in problems]).value_counts()
    return int(counts.index[0])
