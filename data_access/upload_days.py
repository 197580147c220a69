"""The days the ledger was uploaded: what the briefing archive (往期简报) lists.

One entry per day on the office's clock with at least one committed (not undone) ledger
upload or demo seed; the briefing of an entry is the one as of that day (Filter.as_of),
replayed from the status history. A day, not a batch, is the unit: as-of describes the
end of a day, so two uploads of one day share one briefing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlmodel import Session

from data_access.formatting import to_local
from data_access.ingest.apply import LEDGER_KIND
from data_access.ingest.batch_scope import Scope, scoped_counts
from data_access.live import as_utc
from data_access.models import ImportBatch

COMMITTED = "committed"
SEED_KIND = "seed"  # the demo data (seed/demo.py): an upload of the whole ledger
ARCHIVED_KINDS = (LEDGER_KIND, SEED_KIND)  # a regions upload changes no figure's day


@dataclass(frozen=True)
class Upload:
    """One committed upload: its batch, kind, file name and start (UTC)."""

    batch_id: int
    kind: str
    file_name: str
    at: datetime


@dataclass(frozen=True)
class UploadDay:
    """A day with committed uploads, on the office's clock; its uploads, oldest first."""

    day: date
    uploads: tuple[Upload, ...]


def fetch_upload_days(*, session: Session, scope: Scope = None) -> tuple[UploadDay, ...]:
    """The days with committed ledger uploads, newest first.

    scope: a limited account's townships; then only uploads that wrote rows of them (the
    rule of the import history and of the live notice), so the demo seed is not listed.
    """
    query = (
        select(ImportBatch.id, ImportBatch.kind, ImportBatch.file_name, ImportBatch.started_at)
        .where(ImportBatch.status == COMMITTED, ImportBatch.kind.in_(ARCHIVED_KINDS))
        .order_by(ImportBatch.id)
    )
    rows = session.execute(query)
    uploads = [Upload(int(i), kind, name, as_utc(at)) for i, kind, name, at in rows]
    if scope is not None:
        counts = scoped_counts(session, [upload.batch_id for upload in uploads], scope)
        uploads = [upload for upload in uploads if counts[upload.batch_id].touches_scope]
    # Grouped here, not in SQL: SQLite knows no time zones, and there is a batch per
    # upload (tens to hundreds), not per row.
    days: dict[date, list[Upload]] = {}
    for upload in uploads:
        days.setdefault(to_local(upload.at).date(), []).append(upload)
    return tuple(UploadDay(day, tuple(days[day])) for day in sorted(days, reverse=True))
