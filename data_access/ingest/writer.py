"""What every import writer (ledger, regions, map shapes, demo data) shares.

One writer at a time (serialise_writers), the preview written only while still current
(current_diff), and the refusal of a file with errors (LedgerRejectedError).
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from sqlalchemy import func, select
from sqlmodel import Session

from data_access.ingest.errors import RowError
from i18n import t

ParsedT = TypeVar("ParsedT", contravariant=True)
DiffT = TypeVar("DiffT", bound="Preview", covariant=True)

WRITER_LOCK_KEY = 20_180_608  # any constant, shared by every ledger writer


class LedgerRejectedError(Exception):
    """The parsed ledger has errors, so nothing may be written."""

    def __init__(self, errors: list[RowError]) -> None:
        """Keep the errors; the message counts them."""
        super().__init__(t("ingest.apply.rejected", count=len(errors)))
        self.message = str(self)
        self.errors = errors


class Preview(Protocol):
    """A diff that knows whether it is still current (LedgerDiff, RegionsDiff)."""

    def is_current_for(self, parsed: object, *, session: Session) -> bool:
        """True when the diff is of parsed and nothing was committed since."""
        ...


class Compute(Protocol[ParsedT, DiffT]):
    """A diff function: compute_diff, compute_regions_diff."""

    def __call__(self, parsed: ParsedT, /, *, session: Session) -> DiffT:
        """The diff of parsed against the store."""
        ...


def current_diff(
    parsed: ParsedT, preview: DiffT | None, compute: Compute[ParsedT, DiffT], *, session: Session
) -> DiffT:
    """The preview shown to the user if nothing was committed since, else compute it again.

    Called under the writer lock, so what is written is decided on the store as it is now.
    """
    if preview is not None and preview.is_current_for(parsed, session=session):
        return preview
    return compute(parsed, session=session)


def serialise_writers(session: Session) -> None:
    """Let one import or undo write at a time, until this transaction ends.

    SQLite's BEGIN IMMEDIATE already holds the database's write lock; PostgreSQL gets a
    transaction-scoped advisory lock, so a diff is never computed from rows another import
    is about to change.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(WRITER_LOCK_KEY)))
