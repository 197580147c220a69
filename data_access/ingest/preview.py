"""A LedgerDiff as small display tables (Chinese headers, names and labels, not ids or codes)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.formatting import format_int, format_rate, format_yuan_wan
from data_access.ingest.columns import NAME_FIELDS, SHEETS_BY_KEY, ColumnSpec
from data_access.ingest.diff import LedgerDiff
from data_access.ingest.errors import RowError
from data_access.models import InspectionGroup, InspectionRound, Township, Village

ERROR_COLUMNS = {"sheet": "工作表", "row": "行号", "column": "列", "value": "值", "reason": "原因"}
COUNT_LABELS = {"new": "新增", "changed": "变更", "unchanged": "未变", "rejected": "有误"}
NAME_MODELS = {
    "township_id": Township,
    "village_id": Village,
    "group_id": InspectionGroup,
    "round_id": InspectionRound,
}
_ID_TO_NAME_FIELD = {id_field: name for name, id_field in NAME_FIELDS.items()}


def errors_frame(errors: list[RowError]) -> pd.DataFrame:
    """The rejected cells: sheet, Excel row, column, value, reason."""
    records = [asdict(error) for error in errors]
    return pd.DataFrame.from_records(records, columns=list(ERROR_COLUMNS)).rename(
        columns=ERROR_COLUMNS
    )


def counts_frame(diff: LedgerDiff) -> pd.DataFrame:
    """One row per sheet (and a total) with new / changed / unchanged / rejected counts."""
    rows = [
        {"工作表": SHEETS_BY_KEY[key].name, **_labelled(counts)}
        for key, counts in diff.counts_by_sheet().items()
    ]
    rows.append({"工作表": "合计", **_labelled(diff.counts())})
    return pd.DataFrame(rows)


def _labelled(counts: dict[str, int]) -> dict[str, int]:
    """Counts keyed by their Chinese labels."""
    return {COUNT_LABELS[key]: counts[key] for key in COUNT_LABELS}


def headline_frame(diff: LedgerDiff) -> pd.DataFrame:
    """The headline figures before and after the import, formatted for reading."""
    rows = [
        (label, render(diff.before), render(diff.after))
        for label, render in (
            ("问题总数", lambda h: format_int(h.problems_total)),
            ("整改完成", lambda h: format_int(h.problems_rectified)),
            ("完成率", lambda h: format_rate(h.completion_rate)),
            ("挽回损失", lambda h: format_yuan_wan(h.recovered_yuan)),
            ("完善制度", lambda h: format_int(h.rules_improved)),
            ("问责人数", lambda h: format_int(h.accountable_people)),
            ("移交线索", lambda h: format_int(h.leads_transferred)),
        )
    ]
    return pd.DataFrame(rows, columns=["指标", "导入前", "导入后"])


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
                    {
                        "工作表": spec.name,
                        "行号": row.excel_row,
                        "编号": row.code,
                        "列": column.header,
                        "原值": display(column, field, old, names),
                        "新值": display(column, field, new, names),
                    }
                )
    return pd.DataFrame(rows, columns=["工作表", "行号", "编号", "列", "原值", "新值"])


def rows_frame(diff: LedgerDiff, which: str) -> pd.DataFrame:
    """The new or unchanged rows: sheet, Excel row, code."""
    rows = []
    for key, sheet in diff.sheets.items():
        pairs = [(r.code, r.excel_row) for r in sheet.new] if which == "new" else sheet.unchanged
        rows += [
            {"工作表": SHEETS_BY_KEY[key].name, "行号": row, "编号": code} for code, row in pairs
        ]
    return pd.DataFrame(rows, columns=["工作表", "行号", "编号"])


def _column(spec: Any, field: str) -> ColumnSpec:
    """The workbook column of a stored field (township_id -> 乡镇)."""
    return spec.column(_ID_TO_NAME_FIELD.get(field, field))


def display(column: ColumnSpec, field: str, value: Any, names: dict[str, dict]) -> str:
    """A stored value as text a reader recognises (names, labels, 是/否, ISO dates)."""
    if value is None or value == "":
        return ""
    if field in names:
        return str(names[field].get(value, value))
    if column.kind == "code" and column.codes:
        return str(column.codes.get(value, value))
    if column.kind == "bool":
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _id_names(session: Session, diff: LedgerDiff) -> dict[str, dict[int, str]]:
    """Names of the townships, villages, groups and rounds the changes mention."""
    wanted: dict[str, set[int]] = {field: set() for field in NAME_MODELS}
    for sheet in diff.sheets.values():
        for row in sheet.changed:
            for field, pair in row.fields.items():
                if field in wanted:
                    wanted[field].update(v for v in pair if v is not None)
    names: dict[str, dict[int, str]] = {}
    for field, ids in wanted.items():
        model = NAME_MODELS[field]
        query = select(model.id, model.name).where(model.id.in_(sorted(ids)))
        names[field] = dict(tuple(row) for row in session.execute(query)) if ids else {}
    return names
