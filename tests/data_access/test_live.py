"""What changed since a version (data_access.live) and the notice that says so."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from components.live import LiveNotice, change_parts, local_time, notice_for
from data_access.db import session_scope
from data_access.ingest.records import row_to_json
from data_access.ingest.undo import revert_batch
from data_access.live import (
    BatchEvent,
    DataChange,
    fetch_data_change,
    read_data_stamp,
    rectified_deltas,
)
from data_access.models import ImportBatch, ImportChange
from data_access.version import read_data_version
from tests.support.live_files import UPLOADER, commit_weekly


def stamp_version(engine: Engine) -> int:
    """The store's data version now."""
    with session_scope(engine) as session:
        return read_data_version(session=session)


def change_since(engine: Engine, version: int) -> DataChange | None:
    """fetch_data_change in a read session of engine."""
    with session_scope(engine) as session:
        return fetch_data_change(session=session, since_version=version)


# ---------------------------------------------------------------- the change summary


def test_nothing_changed_since_the_current_version(seeded_engine: Engine) -> None:
    with session_scope(seeded_engine) as session:
        stamp = read_data_stamp(session=session)
        assert fetch_data_change(session=session, since_version=stamp.version) is None
    assert stamp.version >= 1
    assert stamp.changed_at is not None and stamp.changed_at.tzinfo is not None
    assert stamp.last_batch_id is not None  # the demo seed's batch


def test_a_committed_import_is_summarised(writable_seeded_engine: Engine, tmp_path: Path) -> None:
    before = stamp_version(writable_seeded_engine)
    weekly, batch_id = commit_weekly(writable_seeded_engine, tmp_path)
    change = change_since(writable_seeded_engine, before)
    assert change is not None and change.version == before + 1
    [event_] = change.events
    assert (event_.batch_id, event_.action, event_.kind) == (batch_id, "import", "ledger")
    assert (event_.file_name, event_.uploader) == (weekly.path.name, UPLOADER)
    assert (change.new, change.changed, change.rectified_delta) == (2, 3, 3)
    assert event_.at.tzinfo is not None


def test_an_undo_is_summarised_and_reverses_the_import(
    writable_seeded_engine: Engine, tmp_path: Path
) -> None:
    before = stamp_version(writable_seeded_engine)
    _, batch_id = commit_weekly(writable_seeded_engine, tmp_path)
    revert_batch(batch_id, engine=writable_seeded_engine, actor="admin")
    undo_only = change_since(writable_seeded_engine, before + 1)
    assert undo_only is not None
    assert [(e.batch_id, e.action, e.uploader) for e in undo_only.events] == [
        (batch_id, "undo", "admin")
    ]
    assert (undo_only.undone, undo_only.rectified_delta, undo_only.new) == (1, -3, 0)
    both = change_since(writable_seeded_engine, before)
    assert both is not None
    assert [e.action for e in both.events] == ["undo", "import"]  # newest first
    assert both.rectified_delta == 0


def test_rectified_delta_reads_the_status_of_each_image(empty_engine: Engine) -> None:
    """Counted from the images' status field by the database, whatever else mentions it."""
    images = [  # (table, before, after): +1, -1, 0, 0, 0 (another table), +1 (insert)
        ("problem", {"status": "in_progress"}, {"status": "rectified"}),
        ("problem", {"status": "rectified"}, {"status": "overdue_risk"}),
        ("problem", {"status": "rectified", "note": "x"}, {"status": "rectified", "note": "y"}),
        ("problem", {"status": "in_progress"}, {"status": "in_progress", "x": "rectified"}),
        ("lead", None, {"status": "rectified"}),
        ("problem", None, {"status": "rectified", "id": 9}),
    ]
    with session_scope(empty_engine, write=True) as session:
        batch = ImportBatch(file_name="w.xlsx", sha256="0" * 64, started_at=datetime.now(UTC))
        session.add(batch)
        session.flush()
        for table, before, after in images:
            session.add(
                ImportChange(
                    batch_id=batch.id,
                    table_name=table,
                    row_key="k",
                    action="insert" if before is None else "update",
                    before_json=None if before is None else row_to_json(before),
                    after_json=row_to_json(after),
                )
            )
        session.flush()
        deltas = rectified_deltas(session, {batch.id, batch.id + 1})
    assert deltas == {batch.id: 1, batch.id + 1: 0}


def test_a_rebuilt_store_counts_as_one_change(seeded_engine: Engine) -> None:
    """A version below the session's (the store was seeded again) is still a change."""
    change = change_since(seeded_engine, stamp_version(seeded_engine) + 10)
    assert change is not None
    assert [e.kind for e in change.events] == ["seed"]
    assert change_parts(change) == ["载入演示数据"]


# ---------------------------------------------------------------- the notice text


def batch_event(**values: object) -> BatchEvent:
    """A BatchEvent with defaults for what a test does not care about."""
    defaults: dict[str, object] = {
        "batch_id": 7,
        "action": "import",
        "kind": "ledger",
        "file_name": "周报.xlsx",
        "uploader": "张三",
        "at": datetime(2024, 5, 1, 7, 42, tzinfo=UTC),
        "new": 0,
        "changed": 0,
        "rectified_delta": 0,
    }
    return BatchEvent(**{**defaults, **values})  # type: ignore[arg-type]


def test_notice_says_what_changed_in_local_time() -> None:
    moment = datetime(2024, 5, 1, 7, 42, tzinfo=UTC)  # 15:42 in Beijing
    change = DataChange(
        since_version=3,
        version=4,
        changed_at=moment,
        events=(batch_event(new=12, changed=1_200, rectified_delta=8),),
    )
    notice = notice_for(change, now=datetime(2024, 5, 1, 9, 0, tzinfo=UTC))
    assert notice == LiveNotice("15:42", "新增 12 条，变更 1,200 条，整改完成 +8", 7)
    assert notice.text == "15:42 更新：新增 12 条，变更 1,200 条，整改完成 +8"


def test_notice_of_an_undo_and_of_another_day() -> None:
    change = DataChange(
        since_version=4,
        version=5,
        changed_at=datetime(2024, 4, 30, 17, 5, tzinfo=UTC),  # 1 May, 01:05 in Beijing
        events=(batch_event(action="undo", new=12, rectified_delta=-8),),
    )
    notice = notice_for(change, now=datetime(2024, 5, 2, 1, 0, tzinfo=UTC))
    assert notice.text == "2024-05-01 01:05 更新：撤销 1 批导入，整改完成 -8"
    assert local_time(datetime(2022, 12, 31, 16, 0, tzinfo=UTC), now=change.changed_at) == (
        "2023-01-01 00:00"
    )
