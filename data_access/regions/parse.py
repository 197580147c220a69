"""parse_regions: an uploaded regions file -> the places it describes and every error found."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlmodel import Session

from data_access.ingest.columns import REGION_SHEETS, REGIONS
from data_access.ingest.errors import FILE_ROW, RowError
from data_access.ingest.parse import missing_columns, workbook_errors
from data_access.ingest.read import read_workbook
from data_access.ingest.safety import check_upload
from data_access.regions.places import fill_places
from data_access.regions.plan import RegionPlan, build_plan
from data_access.regions.rows import RowReporter, read_rows
from data_access.regions.snapshot import RegionSnapshot
from i18n import t


@dataclass
class ParsedRegions:
    """A parsed regions upload: its places (from rows without errors) and every error."""

    file_name: str
    sha256: str
    sheet_name: str
    plan: RegionPlan
    errors: list[RowError]
    notices: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        """True when the file may be applied (no errors at all)."""
        return not self.errors


def parse_regions(
    data: bytes, file_name: str, *, session: Session, max_bytes: int | None = None
) -> ParsedRegions:
    """Check, read and validate a regions file (FileRejectedError for unsafe files)."""
    digest = hashlib.sha256(data).hexdigest()
    kind = check_upload(data, file_name=file_name, max_bytes=max_bytes)
    book = read_workbook(data, kind, REGION_SHEETS)
    parsed = ParsedRegions(file_name, digest, REGIONS.name, RegionPlan(), [], book.notices)
    errors = workbook_errors(book)
    if not book.sheets and not book.missing:
        no_sheet = t("regions.file.no_sheet")  # not the ledger's wording
        errors = [RowError("", FILE_ROW, "", "", no_sheet)]
    parsed.errors.extend(errors)
    if parsed.errors or not book.sheets:
        return parsed
    raw = book.sheets[0]
    parsed.sheet_name = raw.name
    fill_places(raw, session)
    parsed.errors.extend(missing_columns(raw))
    if parsed.errors:
        return parsed
    report = RowReporter(raw)
    parsed.plan = build_plan(read_rows(raw, report), report, RegionSnapshot.load(session))
    parsed.errors.extend(sorted(report.errors, key=lambda error: error.row))
    parsed.notices.extend(parsed.plan.notices)
    return parsed
