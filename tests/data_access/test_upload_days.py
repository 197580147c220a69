"""The briefing archive's days (data_access.upload_days) and a past day's briefing (as-of)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from components.briefing import BriefingRequest, assemble_briefing, briefing_title
from components.briefing_archive import as_of_steps
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.formatting import format_int, local_today
from data_access.ingest.undo import revert_batch
from data_access.meeting.paths import VIEW_KINDS, Step
from data_access.models import ImportBatch, Problem
from data_access.queries import fetch_headline
from data_access.upload_days import UploadDay, fetch_upload_days
from i18n import t
from tests.support.live_files import commit_file, weekly_file
from tests.support.workbooks import open_problem_codes


def upload_days(engine: Engine, scope: tuple[int, ...] | None = None) -> tuple[UploadDay, ...]:
    """fetch_upload_days in a read session of engine."""
    with session_scope(engine) as session:
        return fetch_upload_days(session=session, scope=scope)


def batch_ids(days: tuple[UploadDay, ...]) -> list[list[int]]:
    """The batch ids of each day, as listed."""
    return [[upload.batch_id for upload in entry.uploads] for entry in days]


def commit(engine: Engine, path: Path, *, day: date, first_code: int) -> int:
    """Commit a file rectifying three open problems on day (as the upload page does)."""
    return commit_file(
        engine, weekly_file(engine, path, new=0, first_code=first_code, day=str(day))
    )


def batch(kind: str, started_at: datetime, status: str = "committed") -> ImportBatch:
    """An ImportBatch row of kind, started at started_at (UTC)."""
    name = f"{kind}-{started_at:%m%d%H%M}.xlsx"
    return ImportBatch(file_name=name, sha256="", kind=kind, started_at=started_at, status=status)


def test_days_are_on_the_office_clock_and_skip_undone_and_region_uploads(
    empty_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """16:00 UTC is midnight in Shanghai: the upload a second later is the next day's."""
    monkeypatch.setenv("OFFICE_TIMEZONE", "Asia/Shanghai")
    rows = [
        batch("seed", datetime(2024, 5, 1, 2, 0, tzinfo=UTC)),
        batch("ledger", datetime(2024, 5, 6, 15, 59, 59, tzinfo=UTC)),
        batch("ledger", datetime(2024, 5, 6, 16, 0, 0, tzinfo=UTC)),
        batch("ledger", datetime(2024, 5, 7, 3, 0, tzinfo=UTC)),
        batch("ledger", datetime(2024, 5, 8, 3, 0, tzinfo=UTC), status="reverted"),
        batch("regions", datetime(2024, 5, 9, 3, 0, tzinfo=UTC)),
    ]
    with session_scope(empty_engine, write=True) as session:
        session.add_all(rows)
    days = upload_days(empty_engine)
    assert [entry.day for entry in days] == [date(2024, 5, 7), date(2024, 5, 6), date(2024, 5, 1)]
    assert [[u.file_name for u in entry.uploads] for entry in days] == [
        ["ledger-05061600.xlsx", "ledger-05070300.xlsx"],  # oldest first within a day
        ["ledger-05061559.xlsx"],
        ["seed-05010200.xlsx"],
    ]
    assert all(u.at.tzinfo is not None for entry in days for u in entry.uploads)
    monkeypatch.setenv("OFFICE_TIMEZONE", "UTC")
    assert [entry.day for entry in upload_days(empty_engine)][:2] == [
        date(2024, 5, 7),
        date(2024, 5, 6),  # both 6 May uploads: before midnight on the UTC clock
    ]
    on_utc = upload_days(empty_engine)[1]
    assert [u.file_name for u in on_utc.uploads] == ["ledger-05061559.xlsx", "ledger-05061600.xlsx"]


def test_an_undone_upload_leaves_the_list_and_a_scope_sees_its_own(
    writable_seeded_engine: Engine, tmp_path: Path
) -> None:
    """The demo seed and a committed upload are listed; the undone one is not; a scoped
    account sees only uploads that wrote rows of its townships (so not the seed)."""
    today = local_today()
    touched = township_of(writable_seeded_engine, open_problem_codes(writable_seeded_engine, 3))
    first = commit(writable_seeded_engine, tmp_path / "第10周台账.xlsx", day=today, first_code=950)
    second = commit(writable_seeded_engine, tmp_path / "第11周台账.xlsx", day=today, first_code=960)
    revert_batch(second, engine=writable_seeded_engine, actor="admin")
    days = upload_days(writable_seeded_engine)
    assert days[0].day >= today  # (a commit after midnight: tomorrow)
    listed = {(u.kind, u.file_name): u.batch_id for entry in days for u in entry.uploads}
    assert listed.keys() == {("ledger", "第10周台账.xlsx"), ("seed", "demo")}  # not the 11th
    assert listed["ledger", "第10周台账.xlsx"] == first
    mine = upload_days(writable_seeded_engine, scope=(touched[0],))
    assert batch_ids(mine) == [[first]]
    others = all_townships(writable_seeded_engine) - set(touched)
    assert upload_days(writable_seeded_engine, scope=(min(others),)) == ()


def township_of(engine: Engine, codes: list[str]) -> list[int]:
    """The townships of the problems with codes."""
    with session_scope(engine) as session:
        query = select(Problem.township_id).where(Problem.code.in_(codes))
        return sorted(set(session.scalars(query)))


def all_townships(engine: Engine) -> set[int]:
    """Every township that has problems."""
    with session_scope(engine) as session:
        return set(session.scalars(select(Problem.township_id).distinct()))


def rectified_in_briefing(engine: Engine, day: date) -> str:
    """The 整改完成 figure of the overview briefing as of day, as a viewer downloads it."""
    steps = as_of_steps([Step("overview", Filter(), VIEW_KINDS["overview"])], day)
    request = BriefingRequest(
        title=briefing_title(),
        steps=tuple(steps),
        step_filters=((),),
        role="viewer",
        as_of=day.isoformat(),
        generated_at=datetime.now(UTC),
    )
    with session_scope(engine) as session:
        briefing = assemble_briefing(request, session=session)
    label = t("components.kpi.rectified")
    return next(kpi.value for kpi in briefing.kpis if kpi.label == label)


def rectified_as_of(engine: Engine, day: date) -> int:
    """The rectified count as of day, from the headline query."""
    with session_scope(engine) as session:
        return fetch_headline(session=session, flt=Filter(as_of=day)).problems_rectified


def test_a_past_days_briefing_shows_the_figure_of_that_day(
    writable_seeded_engine: Engine, tmp_path: Path
) -> None:
    """Three problems rectified today: the briefing as of yesterday shows the old count, the
    one of the listed upload day the new one; each equals the as-of headline figure."""
    engine, today = writable_seeded_engine, local_today()
    before = rectified_as_of(engine, today)
    batch_id = commit(engine, tmp_path / "第10周台账.xlsx", day=today, first_code=950)
    [upload_day] = [e.day for e in upload_days(engine) if batch_id in batch_ids((e,))[0]]
    yesterday = today - timedelta(days=1)
    assert rectified_as_of(engine, yesterday) == before
    assert rectified_as_of(engine, upload_day) == before + 3
    assert rectified_in_briefing(engine, yesterday) == format_int(before)
    assert rectified_in_briefing(engine, upload_day) == format_int(before + 3)
