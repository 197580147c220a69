"""The data version: one row every committed change bumps, so caches know when to refresh."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlmodel import Session

from data_access.models import DataVersion, utc_now


def read_data_version(*, session: Session) -> int:
    """The current data version (0 for a store nothing was ever written to)."""
    version = session.exec(select(DataVersion.version).where(DataVersion.id == 1)).first()
    return int(version[0]) if version is not None else 0


def bump_data_version(*, session: Session, batch_id: int | None = None) -> int:
    """Increase the version inside the caller's write transaction; returns the new value."""
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
