"""What the reader tells the uploader: rows and columns not taken, headers it is unsure of.

Nothing is dropped in silence: totals, footnotes and headings are listed; columns and
sheets that hold data and are not taken wait on the uploader's yes (a Consent of kind
"skips"); a header two fields fit equally, or a required field no header names, is an
error naming the headers seen and the nearest one.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from data_access.ingest.errors import RowError, joined
from data_access.ingest.normalise_sheet import ROW
from data_access.ingest.options import Consent
from data_access.ingest.read import RawSheet, RawWorkbook
from data_access.ingest.recognise import nearest_header
from i18n import t


def book_notices(book: RawWorkbook) -> tuple[list[str], list[Consent]]:
    """Notices and consents of the whole file, sheet by sheet."""
    notices: list[str] = []
    consents: list[Consent] = []
    for table in book.summaries:
        notices.append(t("ingest.notice.summary_sheet", name=table.name))
    if book.unread:
        message = t("ingest.consent.sheets", names=_quoted(book.unread))
        consents.append(Consent("skips", message))
    for sheet in book.sheets:
        notices.extend(sheet_notices(sheet))
        if sheet.ignored_with_data:
            names = _quoted(sheet.ignored_with_data)
            consents.append(
                Consent("skips", t("ingest.consent.columns", sheet=sheet.name, names=names))
            )
    return notices, consents


def sheet_notices(sheet: RawSheet) -> list[str]:
    """What one sheet's reading left out or decided by itself."""
    notices = []
    recognised = [g for g in sheet.guesses if g.field and not g.known]
    if recognised:
        pairs = joined(
            t("ingest.mapped_pair", header=g.cell.label, field=sheet.spec.column(g.field).header)
            for g in recognised
            if g.field in sheet.columns
        )
        notices.append(t("ingest.notice.recognised", sheet=sheet.name, pairs=pairs))
    empty = [h for h in sheet.ignored_headers if h not in sheet.ignored_with_data]
    for key, items in (
        ("ingest.notice.ignored_columns", _quoted(empty)),
        ("ingest.notice.chosen_out", _quoted(sheet.chosen_out)),
        ("ingest.notice.total_rows", joined(sheet.skipped_rows)),
        ("ingest.notice.footnotes", joined(sheet.footnotes)),
    ):
        if items:
            notices.append(t(key, sheet=sheet.name, names=items, rows=items))
    return notices


def header_errors(raw: RawSheet) -> list[RowError]:
    """Headers two fields fit equally well: the uploader must choose."""
    errors = []
    for guess in raw.ambiguous:
        if guess.field is None or guess.rival is None:  # never: raw.ambiguous has both
            continue
        first = raw.spec.column(guess.field).header
        second = raw.spec.column(guess.rival).header
        reason = t("ingest.reason.ambiguous_header", first=first, second=second)
        errors.append(RowError(raw.name, raw.header_row, guess.cell.label, "", reason))
    return errors


def missing_field_reason(raw: RawSheet, field: str) -> str:
    """A required field no header names: the headers seen and the nearest one."""
    cells = [g.cell for g in raw.guesses]
    header = raw.spec.column(field).header
    taken = {column.index for column in raw.columns.values()}
    nearest = nearest_header(raw.spec, field, [c for c in cells if c.index not in taken])
    seen = _quoted([c.label for c in cells]) or t("ingest.none_seen")
    if nearest:
        return t("ingest.file.missing_column_near", header=header, nearest=nearest, seen=seen)
    return t("ingest.file.missing_column_seen", header=header, seen=seen)


def duplicate_codes(frames: list[tuple[RawSheet, pd.DataFrame]]) -> list[RowError]:
    """Problem codes written on several sheets (each sheet checks its own rows)."""
    if sum(raw.spec.key == "problems" for raw, _frame in frames) < 2:
        return []  # the usual file: no per-row work (and no 2 objects per row to collect)
    where: dict[str, list[tuple[RawSheet, int]]] = defaultdict(list)
    for raw, frame in frames:
        if raw.spec.key == "problems":
            for code, row in zip(frame["code"], frame[ROW], strict=True):
                if isinstance(code, str):
                    where[code].append((raw, int(row)))
    errors = []
    for code, places in where.items():
        if len({raw.name for raw, _row in places}) > 1:
            others = joined(f"{raw.name}!{row}" for raw, row in places)
            reason = t("ingest.reason.code_on_sheets", places=others)
            raw, row = places[-1]
            errors.append(RowError(raw.name, row, raw.header_of("code"), code, reason))
    return errors


def _quoted(items: list[str]) -> str:
    """「甲」、「乙」 ("" for none)."""
    return joined(t("ingest.quoted", text=item) for item in items)
