"""Fields a sheet does not have as columns, taken from its section headings and its name.

A ledger split into sections ("（一）城关镇", "二、党的建设方面") or into sheets per unit or
巡察组 ("第一巡察组", "城关镇") says once what every row under it shares. A heading or sheet
name that is a known township fills 乡镇, one that names a group (第一组, 巡察二组) fills
巡察组, and any other heading fills 问题类别 when the sheet has no category column. The
filled values go in as extra columns, so that normalising, checking and errors treat them
like any other cell (their header says where the value came from).
"""

from __future__ import annotations

from collections.abc import Sequence

from data_access.ingest.cell_values import Invalid
from data_access.ingest.errors import joined
from data_access.ingest.layout_words import GROUP_IN_TEXT
from data_access.ingest.read import RawSheet, SourceColumn
from data_access.ingest.resolve import NameBook, group_ordinal
from data_access.ingest.rows import clean_section
from i18n import t

CONTEXT_FIELDS = ("township", "group", "focus_area")


def fill_context(raw: RawSheet, names: NameBook) -> list[str]:
    """Add township / group / category columns from headings and the sheet name; notices."""
    if raw.spec.key != "problems" or not raw.rows:
        return []
    per_row = [_row_context(sections, raw, names) for sections in raw.sections]
    sheet_kind, sheet_value = _kind(raw.name, names, allow_category=False) or (None, None)
    unused = _unused_headings(raw, names)  # before the filled columns count as present
    notices = []
    for field in CONTEXT_FIELDS:
        if field in raw.columns:
            continue
        values = [found.get(field) for found in per_row]
        source = "ingest.context.from_sections"
        if not any(values) and sheet_kind == field:
            values, source = [sheet_value] * len(raw.rows), "ingest.context.from_sheet"
        if any(values):
            header = t(source, field=raw.spec.column(field).header)
            add_column(raw, field, header, values)
            notices.append(t("ingest.notice.context", sheet=raw.name, header=header))
    if unused:
        notices.append(t("ingest.notice.unused_headings", sheet=raw.name, rows=joined(unused)))
    return notices


def _row_context(sections: tuple[str, ...], raw: RawSheet, names: NameBook) -> dict[str, str]:
    """field -> heading text for the headings in force over one row (inner ones win)."""
    found: dict[str, str] = {}
    for text in sections:
        kind = _kind(text, names, allow_category="focus_area" not in raw.columns)
        if kind:
            found[kind[0]] = kind[1]
    return found


def _kind(text: str, names: NameBook, *, allow_category: bool) -> tuple[str, str] | None:
    """(field, value) a heading or sheet name fills: a township it names (城关镇问题清单 →
    城关镇), a group (第一巡察组台账 → 第一巡察组), else the category; None for nothing."""
    if not text:
        return None
    if not isinstance(names.township_id(text), Invalid):
        return "township", text
    contained = names.township_in(text)
    if contained:
        return "township", contained
    group = GROUP_IN_TEXT.search(text)
    if group and group_ordinal(group.group(1)) is not None:
        return "group", group.group(1)
    return ("focus_area", text) if allow_category else None


def _unused_headings(raw: RawSheet, names: NameBook) -> list[int]:
    """Excel rows of headings that fill no field (the sheet has those columns already)."""
    allow = "focus_area" not in raw.columns
    unused = []
    for row, heading in raw.headings.items():
        kind = _kind(clean_section(heading), names, allow_category=allow)
        if kind is None or kind[0] in raw.columns:
            unused.append(row)
    return unused


def add_column(raw: RawSheet, field: str, header: str, values: Sequence[object]) -> None:
    """Append values as one more column of raw's rows, recognised as field."""
    index = max(len(row) for row in raw.rows)
    raw.rows = [
        (*row, *[None] * (index - len(row)), value)
        for row, value in zip(raw.rows, values, strict=True)
    ]
    raw.columns[field] = SourceColumn(raw.spec.column(field), header, "", index)
