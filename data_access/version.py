"""The data version: one row every committed change bumps, so caches know when to refresh."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlmodel import Session

from data_access.models import DataVersion, utc_now
from data_access.summaries import refresh_for_change


def read_data_version(*, session: Session) -> int:
    """The current data version (0 for a store nothing was ever written to)."""
    version = session.execute(select(DataVersion.version).where(DataVersion.id == 1)).first()
    return int(version[0]) if version is not None else 0


def bump_data_version(
    *,
    session: Session,
    batch_id: int | None = None,
    summaries: bool = True,
    touched: Iterable[int] | None = None,
) -> int:
    """Increase the version inside the caller's write transaction; returns the new value.

    Every committed change of the data passes here once, so this is also where the summary
    tables catch up with it (data_access.summaries): in the same transaction, so readers
    never see ledger rows and summaries of different moments. Without a ledger batch that
    is a full rebuild (seconds at a million problems); a change that cannot alter any
    summary (e.g. renaming an inspection group) may pass summaries=False. touched: the
    townships the batch's rows were in, when the caller knows them.
    """
    if summaries:
        refresh_for_change(session, batch_id, touched)
    now = utc_now()
    result = session.exec(
        update(DataVersion)
        .where(DataVersion.id == 1)
        .values(version=DataVersion.version + 1, changed_at=now, last_batch_id=batch_id)
    )
    if result.rowcount == 0:
        session.add(DataVersion(id=1, version=1, changed_at=now, last_batch_id=batch_id))
        session.flush()
    return read_data_version(session=session)
