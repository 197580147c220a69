"""queries.as_of_facts: figures as of any day from the summaries corrected by what moved since
equal the figures from the ledger — every week of the demo, and after imports and an undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.ingest.apply import apply_ledger
from data_access.ingest.undo import revert_batch
from data_access.models import Problem, StatusEvent
from data_access.queries import (
    fetch_accountability_totals,
    fetch_deadline_warnings,
    fetch_funds_totals,
    fetch_headline,
    fetch_lead_funnel,
)
from data_access.queries.facts import answerable, ledger_only
from tests.support.edits import edit_weekly, with_problem_changes
from tests.support.stored import parsed_from_store

PROBLEM_KEEPS = frozenset({"focus_areas", "statuses"})
STEP_DAYS = 10  # not a multiple of 7: the days fall on every weekday
ROUND_DAYS = 190  # the demo's findings to its last rectification
READS = (
    fetch_headline,
    fetch_accountability_totals,
    fetch_funds_totals,
    fetch_lead_funnel,
    fetch_deadline_warnings,
)


def checked_days(engine: Engine) -> list[date]:
    """Every STEP_DAYS through the round (from before the first finding), the days around
    the last status change (an import's today), and a week ago."""
    with session_scope(engine) as session:
        first = session.scalar(select(func.min(Problem.found_on)))
        last = session.scalar(select(func.max(StatusEvent.changed_on)))
    assert first is not None and last is not None
    through_round = [first + timedelta(days=n) for n in range(-7, ROUND_DAYS, STEP_DAYS)]
    around_last = [last - timedelta(days=1), last]
    return [*through_round, *around_last, local_today() - timedelta(days=7)]


def differences(engine: Engine, flt: Filter) -> list[str]:
    """The reads whose answer from the corrected summaries differs from the ledger's."""
    # Problems' facts come corrected from the summaries (records too without a status choice).
    assert answerable(flt.with_(as_of=None), grain="township", keeps=PROBLEM_KEEPS)
    found = []
    with session_scope(engine) as session:
        for read in READS:
            corrected = read(session=session, flt=flt)
            with ledger_only():
                ledger = read(session=session, flt=flt)
            same = corrected.equals(ledger) if hasattr(corrected, "equals") else corrected == ledger
            if not same:
                found.append(f"{read.__name__} as of {flt.as_of}")
    return found


def assert_every_week(engine: Engine, base: Filter | None = None) -> None:
    """Every read equal to the ledger's on every day checked."""
    base = base or Filter()
    days = checked_days(engine)
    assert [d for day in days for d in differences(engine, base.with_(as_of=day))] == []


@pytest.mark.slow
def test_every_week_of_the_demo(seeded_engine: Engine) -> None:
    assert_every_week(seeded_engine)


@pytest.mark.parametrize("statuses", [("overdue",), ("in_progress", "not_started")])
def test_every_week_with_a_status_filter(seeded_engine: Engine, statuses: tuple[str, ...]) -> None:
    assert_every_week(seeded_engine, Filter(statuses=statuses))


def test_every_week_after_imports_and_an_undo(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    with session_scope(engine) as session:
        weekly = edit_weekly(parsed_from_store(session)).parsed
    apply_ledger(weekly, engine=engine, uploader="张录入")
    rectified = weekly.problems.loc[weekly.problems["status"] == "rectified", "code"]
    reopened = with_problem_changes(
        weekly,
        rectified.iloc[2],
        file_name="重新整改.xlsx",
        status="in_progress",
        rectified_on=None,
    )
    batch = apply_ledger(reopened, engine=engine, uploader="张录入").batch_id
    assert_every_week(engine)
    assert batch is not None
    revert_batch(batch, engine=engine, actor="admin")
    assert_every_week(engine)
