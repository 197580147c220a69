"""A LedgerDiff as small display tables (UI-language headers and labels, not ids or codes)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.categories import fetch_category_labels
from data_access.codes import LabelMap
from data_access.formatting import format_int, format_rate, format_yuan_wan
from data_access.ingest.columns import NAME_FIELDS, SHEETS_BY_KEY, ColumnSpec, SheetSpec
from data_access.ingest.diff import COUNT_KEYS, LedgerDiff
from data_access.ingest.errors import RowError
from data_access.models import InspectionGroup, InspectionRound, Township, Village
from i18n import t

# RowError field -> its column header ("ingest.preview.<field>").
ERROR_COLUMNS = LabelMap("preview", ("sheet", "row", "column", "value", "reason"), area="ingest")
COUNT_LABELS = LabelMap("count", COUNT_KEYS, area="ingest")
# Columns of the changes table and of the new / unchanged rows tables ("ingest.preview.<key>").
CHANGE_COLUMNS = ("sheet", "row", "code", "column", "old", "new")
ROW_COLUMNS = ("sheet", "row", "code")
BLANK_COLUMNS = ("sheet", "row", "code", "column", "old")
NAME_MODELS: dict[
    str, type[Township] | type[Village] | type[InspectionGroup] | type[InspectionRound]
] = {
    "township_id": Township,
    "village_id": Village,
    "group_id": InspectionGroup,
    "round_id": InspectionRound,
}
_ID_TO_NAME_FIELD = {id_field: name for name, id_field in NAME_FIELDS.items()}


def sheet_title(sheet_key: str) -> str:
    """A ledger sheet as the interface names it (Chinese: its canonical workbook name)."""
    return t(f"ingest.{sheet_key}.title")


def column_title(sheet_key: str, column: ColumnSpec) -> str:
    """A ledger column as the interface names it (Chinese: its canonical header)."""
    return t(f"ingest.{sheet_key}.column.{column.field}")


def _headers(keys: tuple[str, ...]) -> list[str]:
    """The table headers of keys ("ingest.preview.<key>") in the current language."""
    return [t(f"ingest.preview.{key}") for key in keys]


def errors_frame(errors: list[RowError]) -> pd.DataFrame:
    """The rejected cells: sheet, Excel row, column, value, reason."""
    records = [asdict(error) for error in errors]
    return pd.DataFrame.from_records(records, columns=list(ERROR_COLUMNS)).rename(
        columns=dict(ERROR_COLUMNS)
    )


def counts_frame(diff: LedgerDiff) -> pd.DataFrame:
    """One row per sheet (and a total) with new / changed / unchanged / rejected counts."""
    sheet = t("ingest.preview.sheet")
    rows = [
        {sheet: sheet_title(key), **_labelled(counts)}
        for key, counts in diff.counts_by_sheet().items()
    ]
    rows.append({sheet: t("ingest.preview.total"), **_labelled(diff.counts())})
    return pd.DataFrame(rows)


def _labelled(counts: dict[str, int]) -> dict[str, int]:
    """Counts keyed by their labels."""
    return {label: counts[key] for key, label in COUNT_LABELS.items()}


# Headline figure ("ingest.headline.<figure>") and how to show it.
HEADLINE_FIGURES = (
    ("problems_total", lambda h: format_int(h.problems_total)),
    ("problems_rectified", lambda h: format_int(h.problems_rectified)),
    ("completion_rate", lambda h: format_rate(h.completion_rate)),
    ("recovered_yuan", lambda h: format_yuan_wan(h.recovered_yuan)),
    ("rules_improved", lambda h: format_int(h.rules_improved)),
    ("accountable_people", lambda h: format_int(h.accountable_people)),
    ("leads_transferred", lambda h: format_int(h.leads_transferred)),
)


def headline_frame(diff: LedgerDiff) -> pd.DataFrame:
    """The headline figures before and after the import, formatted for reading."""
    rows = [
        (t(f"ingest.headline.{figure}"), render(diff.before), render(diff.after))
        for figure, render in HEADLINE_FIGURES
    ]
    return pd.DataFrame(rows, columns=_headers(("figure", "before", "after")))


def changes_frame(diff: LedgerDiff, *, session: Session) -> pd.DataFrame:
    """One line per changed field: sheet, Excel row, code, column, old value, new value."""
    names = _id_names(session, diff)
    rows = []
    for key, sheet in diff.sheets.items():
        spec = SHEETS_BY_KEY[key]
        for row in sheet.changed:
            for field, (old, new) in row.fields.items():
                column = _column(spec, field)
                rows.append(
                    (
                        sheet_title(key),
                        row.excel_row,
                        row.code,
                        column_title(key, column),
                        display(column, field, old, names),
                        display(column, field, new, names),
                    )
                )
    return pd.DataFrame(rows, columns=_headers(CHANGE_COLUMNS))


def blank_cells_frame(diff: LedgerDiff, *, session: Session) -> pd.DataFrame:
    """The blank cells whose stored value is kept (or cleared): sheet, row, code, column, value."""
    names = _names(session, ((c.field, c.stored) for c in diff.blank_cells))
    rows = []
    for key, sheet in diff.sheets.items():
        spec = SHEETS_BY_KEY[key]
        for cell in sheet.blank_cells:
            column = _column(spec, cell.field)
            stored = display(column, cell.field, cell.stored, names)
            rows.append(
                (sheet_title(key), cell.excel_row, cell.code, column_title(key, column), stored)
            )
    return pd.DataFrame(rows, columns=_headers(BLANK_COLUMNS))


def rows_frame(diff: LedgerDiff, which: str) -> pd.DataFrame:
    """The new or unchanged rows: sheet, Excel row, code."""
    titles, excel_rows, codes = [], [], []
    for key, sheet in diff.sheets.items():
        pairs = [(r.code, r.excel_row) for r in sheet.new] if which == "new" else sheet.unchanged
        # The title once per sheet: translating it per row was slow (docs/performance.md).
        titles += [sheet_title(key)] * len(pairs)
        codes += [code for code, _row in pairs]
        excel_rows += [row for _code, row in pairs]
    return pd.DataFrame(dict(zip(_headers(ROW_COLUMNS), (titles, excel_rows, codes), strict=True)))


def _column(spec: SheetSpec, field: str) -> ColumnSpec:
    """The workbook column of a stored field (township_id -> 乡镇)."""
    return spec.column(_ID_TO_NAME_FIELD.get(field, field))


def display(column: ColumnSpec, field: str, value: object, names: dict[str, dict]) -> str:
    """A stored value as text a reader recognises (names, labels, yes/no, ISO dates)."""
    if value is None or value == "":
        return ""
    if field in names:
        return str(names[field].get(value, value))
    if column.kind == "code" and column.codes:
        return str(column.codes.get(value, value))
    if column.kind == "bool":
        return t("ingest.preview.yes") if value else t("ingest.preview.no")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _id_names(session: Session, diff: LedgerDiff) -> dict[str, dict[int, str]]:
    """Names of the townships, villages, groups and rounds the changes mention."""
    pairs = (
        (field, value)
        for sheet in diff.sheets.values()
        for row in sheet.changed
        for field, pair in row.fields.items()
        for value in pair
    )
    return _names(session, pairs)


def _names(session: Session, pairs: Iterable[tuple[str, object]]) -> dict[str, dict[int, str]]:
    """Names of the ids among (field, value) pairs whose field names a township, village..."""
    wanted: dict[str, set[int]] = {field: set() for field in NAME_MODELS}
    categories = False
    for field, value in pairs:
        if field in wanted and isinstance(value, int):
            wanted[field].add(value)
        categories = categories or field == "focus_area"
    names: dict[str, dict] = {}
    for field, ids in wanted.items():
        model = NAME_MODELS[field]
        query = select(model.id, model.name).where(model.id.in_(sorted(ids)))
        names[field] = dict(tuple(row) for row in session.execute(query)) if ids else {}
    if categories:  # a category's code as its round names it (funds_projects → 扶贫资金项目落实)
        names["focus_area"] = fetch_category_labels(session=session).labels
    return names
