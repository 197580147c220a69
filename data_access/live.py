"""What changed in the data since a version: the import batches committed or undone since.

Every committed import, undo and demo seed bumps the data version once (in its own write
transaction, under the writer lock) and carries a batch. So the changes since version V
are the newest (current - V) batch events: a batch's commit (its finished time) or its
undo (its reverted time). Commits are ordered by batch id (assigned under the writer lock);
commits and undos are merged by their database timestamps.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, overload

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlmodel import Session

from data_access.codes import COMPLETED_STATUS
from data_access.ingest.batch_scope import Scope, scoped_counts
from data_access.ingest.records import PROBLEMS_TABLE, chunks, image_field
from data_access.models import DataVersion, ImportBatch, ImportChange, row_id
from data_access.version import read_data_version

__all__ = [
    "BatchEvent",
    "DataChange",
    "DataStamp",
    "fetch_data_change",
    "read_data_stamp",
    "read_data_version",
]

MAX_EVENTS = 20  # a session away for longer gets the newest 20 changes summarised
COMMIT, UNDO = "import", "undo"


@dataclass(frozen=True)
class DataStamp:
    """The data version row: the version, when it last changed and by which batch."""

    version: int
    changed_at: datetime | None  # UTC
    last_batch_id: int | None


@dataclass(frozen=True)
class BatchEvent:
    """One batch committed or undone: who, when, which file, what it did to the ledger."""

    batch_id: int
    action: str  # "import" or "undo"
    kind: str  # ledger / seed
    file_name: str
    uploader: str  # the undoer for an undo
    at: datetime  # UTC
    new: int  # rows the import added (undo: the rows it removed again)
    changed: int  # rows the import changed (undo: the rows it restored)
    rectified_delta: int  # change of the number of rectified problems, signed


@dataclass(frozen=True)
class DataChange:
    """What changed between since_version and version, newest event first."""

    since_version: int
    version: int
    changed_at: datetime | None  # UTC
    events: tuple[BatchEvent, ...]

    @property
    def latest(self) -> BatchEvent | None:
        """The newest batch event, if any."""
        return self.events[0] if self.events else None

    @property
    def new(self) -> int:
        """Rows added by the imports among the events."""
        return sum(event.new for event in self.events if event.action == COMMIT)

    @property
    def changed(self) -> int:
        """Rows changed by the imports among the events."""
        return sum(event.changed for event in self.events if event.action == COMMIT)

    @property
    def undone(self) -> int:
        """How many of the events are undos."""
        return sum(event.action == UNDO for event in self.events)

    @property
    def rectified_delta(self) -> int:
        """Net change of the number of rectified problems over all events."""
        return sum(event.rectified_delta for event in self.events)


@overload
def as_utc(moment: datetime) -> datetime: ...
@overload
def as_utc(moment: datetime | None) -> datetime | None: ...
def as_utc(moment: datetime | None) -> datetime | None:
    """moment as an aware UTC datetime (SQLite hands back naive UTC values)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def read_data_stamp(*, session: Session) -> DataStamp:
    """The data version row now (one primary-key lookup); version 0 when never written."""
    row = session.execute(
        select(DataVersion.version, DataVersion.changed_at, DataVersion.last_batch_id).where(
            DataVersion.id == 1
        )
    ).first()
    if row is None:
        return DataStamp(version=0, changed_at=None, last_batch_id=None)
    return DataStamp(version=int(row[0]), changed_at=as_utc(row[1]), last_batch_id=row[2])


def fetch_data_change(
    *, session: Session, since_version: int, scope: Scope = None
) -> DataChange | None:
    """The batches committed or undone since since_version; None when nothing changed.

    A version lower than since_version (the store was rebuilt) counts as one change.
    scope: the reader's townships (None: all); then only batches that wrote rows there,
    counted within them.
    """
    stamp = read_data_stamp(session=session)
    if stamp.version == since_version:
        return None
    wanted = min(max(stamp.version - since_version, 1), MAX_EVENTS)
    events = _recent_events(session, wanted)
    if scope is not None:
        events = _within(session, events, scope)
    return DataChange(
        since_version=since_version,
        version=stamp.version,
        changed_at=stamp.changed_at,
        events=tuple(events),
    )


def _recent_events(session: Session, wanted: int) -> list[BatchEvent]:
    """The newest `wanted` commit and undo events, newest first."""
    committed = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(wanted))
    reverted = session.scalars(
        select(ImportBatch)
        .where(ImportBatch.reverted_at.is_not(None))
        .order_by(ImportBatch.reverted_at.desc())
        .limit(wanted)
    )
    moments: list[tuple[ImportBatch, str, datetime | None]] = [
        (batch, COMMIT, batch.finished_at or batch.started_at) for batch in committed
    ]
    moments += [(batch, UNDO, batch.reverted_at) for batch in reverted]
    # Newest first; on equal times an undo comes after (is newer than) its own commit.
    moments.sort(key=lambda item: (as_utc(item[2]), item[1] == UNDO, item[0].id), reverse=True)
    chosen = moments[:wanted]
    deltas = rectified_deltas(session, {row_id(batch) for batch, _, _ in chosen})
    return [_event(batch, action, moment, deltas) for batch, action, moment in chosen]


def _event(
    batch: ImportBatch, action: str, moment: datetime | None, deltas: dict[int, int]
) -> BatchEvent:
    """One BatchEvent; an undo reverses the import's rectified delta."""
    counts = json.loads(batch.counts_json or "{}")
    totals = counts.get("total", {})
    sign = -1 if action == UNDO else 1
    return BatchEvent(
        batch_id=row_id(batch),
        action=action,
        kind=batch.kind,
        file_name=batch.file_name,
        uploader=batch.reverted_by if action == UNDO else batch.uploader,
        at=as_utc(moment) or datetime.now(UTC),
        new=int(totals.get("new", 0)),
        changed=int(totals.get("changed", 0)),
        rectified_delta=sign * deltas.get(row_id(batch), 0),
    )


def _within(session: Session, events: list[BatchEvent], scope: tuple[int, ...]) -> list[BatchEvent]:
    """The events of batches that wrote rows of scope, with their counts within it."""
    counts = scoped_counts(session, {event.batch_id for event in events}, scope)
    kept = []
    for event in events:
        mine = counts[event.batch_id]
        if mine.touches_scope:
            sign = -1 if event.action == UNDO else 1
            delta = sign * mine.rectified_delta
            kept.append(
                dataclasses.replace(
                    event, new=mine.new, changed=mine.changed, rectified_delta=delta
                )
            )
    return kept


def rectified_deltas(session: Session, batch_ids: set[int]) -> dict[int, int]:
    """By batch: problems the import made rectified minus those it took out of rectified.

    Counted by the database from the before/after images of the problems each batch wrote,
    reading each image's status with its JSON functions. Only images that mention
    "rectified" at all are looked at (a cheap superset). Parsing the images in Python was
    slow after a large import, in every page's first rerun (figures: docs/performance.md).
    """
    deltas: dict[int, int] = dict.fromkeys(batch_ids, 0)
    pattern = f"%{COMPLETED_STATUS}%"
    became = _rectified_count(session, ImportChange.after_json)
    was = _rectified_count(session, ImportChange.before_json)
    for part in chunks(sorted(batch_ids)):
        query = select(ImportChange.batch_id, became - was).where(
            ImportChange.batch_id.in_(part),
            ImportChange.table_name == PROBLEMS_TABLE.name,
            or_(ImportChange.after_json.like(pattern), ImportChange.before_json.like(pattern)),
        )
        deltas.update(session.execute(query.group_by(ImportChange.batch_id)).all())
    return deltas


def _rectified_count(session: Session, image: Any) -> ColumnElement[int]:
    """How many of the group's images (JSON text; NULL: no row) have the rectified status."""
    status = image_field(session, image, "status")
    return func.coalesce(func.sum(case((status == COMPLETED_STATUS, 1), else_=0)), 0)
