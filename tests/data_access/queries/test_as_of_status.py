"""queries.as_of (the status as of a day): replaying only the problems touched after the day
gives the same status as replaying every problem — on the demo, after imports and an undo."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.ingest.apply import apply_ledger
from data_access.ingest.undo import revert_batch
from data_access.models import Problem, StatusEvent
from data_access.queries.as_of import NOT_STARTED, problem_status_as_of, replayed_status_as_of
from tests.support.edits import edit_weekly, with_problem_changes
from tests.support.stored import parsed_from_store

WEEK = timedelta(days=7)


def days_to_check(engine: Engine) -> list[date]:
    """Every week from the first finding to a week after the last event, and today."""
    with session_scope(engine) as session:
        first = session.scalar(select(func.min(Problem.found_on)))
        last = session.scalar(select(func.max(StatusEvent.changed_on)))
    assert first is not None and last is not None
    days = [first - WEEK]
    while days[-1] <= last + WEEK:
        days.append(days[-1] + WEEK)
    return [*days, last, last - timedelta(days=1), local_today()]


def statuses(engine: Engine, day: date) -> list[tuple[int, str, str]]:
    """(id, shortened, replayed) for every problem found by day."""
    query = select(
        Problem.id, problem_status_as_of(Filter(as_of=day)), replayed_status_as_of(day)
    ).where(Problem.found_on <= day)
    with session_scope(engine) as session:
        return [(i, short, full) for i, short, full in session.execute(query)]


def assert_same_everywhere(engine: Engine) -> None:
    """The shortened status equals the full replay on every day checked (and some are)."""
    compared = {day: statuses(engine, day) for day in days_to_check(engine)}
    assert sum(map(len, compared.values())) > 1_000
    differing = {day: [row for row in rows if row[1] != row[2]] for day, rows in compared.items()}
    assert {day: rows for day, rows in differing.items() if rows} == {}


def test_the_shortcut_equals_the_replay_on_the_demo(seeded_engine: Engine) -> None:
    assert_same_everywhere(seeded_engine)


def test_the_shortcut_equals_the_replay_after_imports_and_an_undo(
    writable_seeded_engine: Engine,
) -> None:
    engine = writable_seeded_engine
    with session_scope(engine) as session:
        parsed = parsed_from_store(session)
    weekly = edit_weekly(parsed).parsed
    apply_ledger(weekly, engine=engine, uploader="张录入")
    reopened_code = weekly.problems.loc[weekly.problems["status"] == "rectified", "code"].iloc[1]
    reopened = with_problem_changes(
        weekly, reopened_code, file_name="重新整改.xlsx", status="in_progress", rectified_on=None
    )
    batch = apply_ledger(reopened, engine=engine, uploader="张录入").batch_id
    assert_same_everywhere(engine)
    assert batch is not None
    revert_batch(batch, engine=engine, actor="admin")
    assert_same_everywhere(engine)


def test_every_started_problem_has_its_status_as_its_latest_event(seeded_engine: Engine) -> None:
    """The rule the shortcut rests on (module docstring of queries.as_of), on the demo."""
    latest = (
        select(StatusEvent.status)
        .where(StatusEvent.problem_id == Problem.id)
        .order_by(StatusEvent.changed_on.desc(), StatusEvent.id.desc())
        .limit(1)
        .correlate(Problem)
        .scalar_subquery()
    )
    query = select(Problem.id).where(
        Problem.status != NOT_STARTED, func.coalesce(latest, "") != Problem.status
    )
    with session_scope(seeded_engine) as session:
        assert session.scalars(query).all() == []
