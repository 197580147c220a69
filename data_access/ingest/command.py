"""One import command for every caller: `LedgerImport(...).preview()` then `.commit()`.

The upload pages, the CLI and the benchmarks all go through here: preview() parses and diffs
a file in a read transaction (nothing written), commit() writes it in one transaction, all or
nothing, reusing the preview's diff when nothing was committed meanwhile. RegionsImport has
the same shape for the regions file; both share FileImport's steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session

from data_access.db import session_scope
from data_access.ingest.apply import ImportResult, apply_ledger
from data_access.ingest.diff import LedgerDiff, compute_diff
from data_access.ingest.options import ImportOptions
from data_access.ingest.parse import ParsedLedger, parse_ledger
from data_access.regions.apply import RegionsResult, apply_regions
from data_access.regions.diff import RegionsDiff, compute_regions_diff
from data_access.regions.parse import ParsedRegions, parse_regions


class Parsed(Protocol):
    """A parsed file (ParsedLedger, ParsedRegions)."""

    @property
    def is_valid(self) -> bool:
        """True when the file may be committed."""
        ...


ParsedT = TypeVar("ParsedT", bound=Parsed)
DiffT = TypeVar("DiffT")  # LedgerDiff, RegionsDiff
ResultT = TypeVar("ResultT")  # ImportResult, RegionsResult


@dataclass(frozen=True)
class ImportPreview(Generic[ParsedT, DiffT]):
    """A file read and compared with the store: what a commit would write, and why not."""

    parsed: ParsedT
    diff: DiffT

    @property
    def is_valid(self) -> bool:
        """True when the file may be committed (no errors, no consent missing)."""
        return self.parsed.is_valid


@dataclass
class FileImport(Generic[ParsedT, DiffT, ResultT]):
    """The steps of one upload, whatever its kind: parse, diff, apply (subclasses say how)."""

    data: bytes
    file_name: str
    uploader: str

    def preview(self, *, engine: Engine) -> ImportPreview[ParsedT, DiffT]:
        """Parse and diff in one read transaction (FileRejectedError for unsafe files)."""
        with session_scope(engine) as session:
            return self.preview_in(session)

    def preview_in(self, session: Session) -> ImportPreview[ParsedT, DiffT]:
        """Parse and diff in the caller's read session."""
        parsed = self.parse_in(session)
        return ImportPreview(parsed, self.diff_in(parsed, session))

    def commit(
        self, preview: ImportPreview[ParsedT, DiffT] | None = None, *, engine: Engine
    ) -> ResultT:
        """Write the previewed file in one transaction (LedgerRejectedError when invalid)."""
        preview = preview or self.preview(engine=engine)
        return self._apply(preview, engine)

    def parse_in(self, session: Session) -> ParsedT:
        """The parsed file (its kind's parser)."""
        raise NotImplementedError

    def diff_in(self, parsed: ParsedT, session: Session) -> DiffT:
        """The parsed file against the store (its kind's diff)."""
        raise NotImplementedError

    def _apply(self, preview: ImportPreview[ParsedT, DiffT], engine: Engine) -> ResultT:
        """The one write transaction (its kind's apply)."""
        raise NotImplementedError


@dataclass
class LedgerImport(FileImport[ParsedLedger, LedgerDiff, ImportResult]):
    """A rectification ledger with the uploader's options (round, scope, mapping, consents)."""

    options: ImportOptions = field(default_factory=ImportOptions)

    def parse_in(self, session: Session) -> ParsedLedger:
        """parse_ledger with the options."""
        return parse_ledger(self.data, self.file_name, session=session, options=self.options)

    def diff_in(self, parsed: ParsedLedger, session: Session) -> LedgerDiff:
        """compute_diff against the store."""
        return compute_diff(parsed, session=session)

    def _apply(
        self, preview: ImportPreview[ParsedLedger, LedgerDiff], engine: Engine
    ) -> ImportResult:
        """apply_ledger, reusing the preview's diff when still current."""
        return apply_ledger(
            preview.parsed, engine=engine, uploader=self.uploader, preview=preview.diff
        )


@dataclass
class RegionsImport(FileImport[ParsedRegions, RegionsDiff, RegionsResult]):
    """A regions file (行政区划)."""

    max_bytes: int | None = None

    def parse_in(self, session: Session) -> ParsedRegions:
        """parse_regions with the size limit."""
        return parse_regions(self.data, self.file_name, session=session, max_bytes=self.max_bytes)

    def diff_in(self, parsed: ParsedRegions, session: Session) -> RegionsDiff:
        """compute_regions_diff against the store."""
        return compute_regions_diff(parsed, session=session)

    def _apply(
        self, preview: ImportPreview[ParsedRegions, RegionsDiff], engine: Engine
    ) -> RegionsResult:
        """apply_regions, reusing the preview's diff when still current."""
        return apply_regions(
            preview.parsed, engine=engine, uploader=self.uploader, preview=preview.diff
        )
