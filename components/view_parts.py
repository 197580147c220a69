"""What a view of 会议模式 and of the briefing shows besides charts: KPI cards and one table.

Pure functions of data_access.meeting.views.ViewData; the KPI cards and column headers are
the pages' own (data_access.kpis, page_kpis, ledger_tables), so a meeting reads like the pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import SupportsFloat

import pandas as pd

from charts.townships import ranked
from components.ledger_tables import header, lead_columns, ledger_columns, pair_columns
from components.page_kpis import accountability_kpis, leads_kpis, problems_kpis
from data_access.formatting import MISSING, format_date, format_int, format_rate
from data_access.kpis import Kpi, headline_kpis, with_changes
from data_access.meeting.views import ComparedView, ViewData
from data_access.roles import PERSON_NAME_FIELDS
from i18n import t

PERCENT = "0.0%"
# Streamlit column formats -> spreadsheet number formats.
SPREADSHEET_FORMATS = {"percent": PERCENT, "localized": "#,##0"}
NAME_COLUMNS = ("direct_name", "leader_name")  # shown as the role may see them
MEMBER_FIELDS: tuple[str, ...] = (
    "problems_total",
    "problems_rectified",
    "completion_rate",
    "overdue",
)
MEMBER_FIELDS += ("recovered_wan", "accountable_people", "leads_transferred")
PROBLEM_FIELDS: tuple[str, ...] = (
    "code",
    "township",
    "village",
    "focus_area_label",
    "sub_category",
)
PROBLEM_FIELDS += ("description", "status_label", "deadline")
OVERDUE_FIELDS: tuple[str, ...] = (
    "code",
    "township",
    "village",
    "description",
    "status_label",
    "deadline",
)
OVERDUE_FIELDS += ("days_overdue", "responsible_unit", "responsible_person")
LEAD_FIELDS: tuple[str, ...] = (
    "code",
    "township",
    "subject_position",
    "transferred_to",
    "transferred_on",
)
LEAD_FIELDS += ("outcome_label",)


def column_labels(column_config: Mapping[str, object]) -> dict[str, str]:
    """Header text per field from st.column_config objects (plain strings kept as they are)."""
    labels = {}
    for name, config in column_config.items():
        label = config.get("label") if isinstance(config, Mapping) else config
        labels[name] = str(label or name)
    return labels


def number_formats(column_config: Mapping[str, object]) -> dict[str, str]:
    """Spreadsheet number formats per field from the columns' display formats."""
    formats = {}
    for name, config in column_config.items():
        type_config = config.get("type_config") if isinstance(config, Mapping) else None
        shown = (type_config or {}).get("format")
        if shown in SPREADSHEET_FORMATS:
            formats[name] = SPREADSHEET_FORMATS[shown]
        elif isinstance(shown, str) and shown.startswith("%.") and shown.endswith("f"):
            digits = int(shown[2:-1] or 0)
            formats[name] = "0." + "0" * digits if digits else "0"
    return formats


def member_headers() -> dict[str, str]:
    """The headers of the township comparison table (a row per member township)."""
    return {"member": header("township")} | {name: header(name) for name in MEMBER_FIELDS}


def _subset(column_config: Mapping[str, object], fields: tuple[str, ...]) -> dict[str, str]:
    """The headers of some fields of a page table, in the order given."""
    labels = column_labels(column_config)
    return {name: labels[name] for name in fields}


@dataclass(frozen=True)
class ViewTable:
    """The table a view shows: its title, rows, headers, names to mask, number formats."""

    title: str
    frame: pd.DataFrame
    headers: Mapping[str, str]
    name_columns: tuple[str, ...] = ()
    number_formats: Mapping[str, str] = field(default_factory=dict)


def view_kpis(view: ViewData, compared: Sequence[ComparedView] = ()) -> list[Kpi]:
    """The KPI cards of a view (the page's cards for the same figures), with the changes
    since each compared view's day, as the page shows them."""
    cards = _cards(view)
    pairs = [
        (c.comparison, cards if c.now is None else _cards(c.now), _cards(c.then)) for c in compared
    ]
    return with_changes(cards, pairs)


def _cards(view: ViewData) -> list[Kpi]:
    """The cards of a view's figures."""
    if view.kind == "overview":
        return headline_kpis(view.headline)
    if view.kind == "accountability" and view.accountability is not None:
        return accountability_kpis(view.accountability)
    if view.kind == "leads":
        return leads_kpis(view.frames["funnel"])
    return problems_kpis(view.headline)


def view_table(view: ViewData) -> ViewTable | None:
    """The table of a view, or None (the overview shows cards and charts only)."""
    frames = view.frames
    if view.kind == "townships":
        rows = ranked(frames["members"], "completion_rate", ascending=True)
        formats = {"completion_rate": PERCENT, "recovered_wan": "0.0000"}
        title = t("components.view.townships")
        return ViewTable(title, rows, member_headers(), number_formats=formats)
    if view.kind == "township_problems":
        headers = _subset(ledger_columns(), PROBLEM_FIELDS)
        return ViewTable(t("components.view.problems"), frames["problems"], headers)
    if view.kind == "overdue":
        headers = {name: header(name) for name in OVERDUE_FIELDS}
        title = t("components.view.overdue")
        return ViewTable(title, frames["problems"], headers, PERSON_NAME_FIELDS)
    if view.kind == "accountability":
        title = t("components.view.pairs")
        return ViewTable(title, frames["pairs"], column_labels(pair_columns()), NAME_COLUMNS)
    if view.kind == "leads":
        headers = _subset(lead_columns(), LEAD_FIELDS)
        return ViewTable(t("components.view.leads"), frames["leads"], headers)
    return None


def shown_rows(table: ViewTable, limit: int) -> pd.DataFrame:
    """The first limit rows as the reader sees them: headers, 92.0%, 万元 with four decimals,
    YYYY-MM-DD, — for an empty cell (formatting.py's rules, for an HTML table)."""
    frame = table.frame.head(limit)
    shown = {}
    for name, label in table.headers.items():
        number_format = table.number_formats.get(name, "")
        shown[label] = [_cell(value, number_format) for value in frame[name]]
    return pd.DataFrame(shown)


def _number(value: object) -> float:
    """A numeric cell as a float (a number, or its text)."""
    return float(value) if isinstance(value, SupportsFloat) else float(str(value))


def _cell(value: object, number_format: str) -> str:
    """One cell's text by its column's number format and its own type."""
    if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
        return MISSING
    if "%" in number_format:
        return format_rate(_number(value))
    if number_format.startswith("0."):
        return f"{_number(value):,.{len(number_format) - 2}f}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return format_int(value)
    return str(value)
