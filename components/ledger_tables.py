"""The tables of 问题清单, 资金挽损, 问责情况 and 线索移交: headers, formats, drill-down."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler
from streamlit.elements.lib.column_types import ColumnConfig, ColumnWidth

from components.drill_tables import ColumnSpecs, show_drill_table
from data_access.cache import cached_query
from data_access.filters import Filter
from data_access.formatting import RATE_DIGITS
from data_access.queries import fetch_dual_check_pairs
from data_access.roles import VIEWER
from i18n import t

Column = st.column_config
DATE = "YYYY-MM-DD"
OVERDUE_STYLE = "background-color: #FDECEA; color: #B71C1C; font-weight: 600"
TABLE_HEIGHT = 420
ROW_PIXELS = 35  # Streamlit's default row height (the header is one more row)


def rows_height(rows: int) -> int:
    """A table height showing rows without scrolling (plus the header and the border)."""
    return (rows + 1) * ROW_PIXELS + 3


# Headers naming the same field as a chart's axis or legend use the chart's message.
SHARED_HEADERS = {
    "township": "charts.township",
    "focus_area_label": "charts.focus_area",
    "status_label": "charts.status",
    "round": "charts.round",
    "problems_total": "charts.problems",
    "problems_rectified": "charts.rectified",
    "completion_rate": "charts.completion_rate",
    "recovered_yuan": "charts.recovered_yuan",
    "recovered_wan": "charts.recovered_wan",
    "outcome_label": "charts.outcome",
    "overdue": "charts.townships.overdue",
    "accountable_people": "charts.townships.people",
    "leads_transferred": "charts.townships.leads",
    "days_overdue": "components.deadlines.days_overdue",
    "responsible_person": "ingest.problems.column.responsible_person",
}


def header(name: str) -> str:
    """A column header in the current language (catalogue "components.column.<name>")."""
    return t(SHARED_HEADERS.get(name, f"components.column.{name}"))


def _code(name: str = "code") -> ColumnConfig:
    """The problem code column (picking the row opens the problem)."""
    return Column.TextColumn(header(name), help=t("components.column.code_help"), pinned=True)


def _text(name: str, *, help: str | None = None, width: ColumnWidth | None = None) -> ColumnConfig:
    """A text column headed header(name)."""
    return Column.TextColumn(header(name), help=help, width=width)


def _date(name: str) -> ColumnConfig:
    """A date column headed header(name)."""
    return Column.DateColumn(header(name), format=DATE)


# Streamlit shows a "percent" column with the step's decimals less two (0.001 -> 92.0%);
# without a step it shows up to two (94.12% beside 88%), unlike every other rate.
RATE_STEP = 10 ** -(RATE_DIGITS + 2)


def rate_column(label: str, *, bar: bool = True) -> ColumnConfig:
    """A completion-rate column as formatting.format_rate shows rates: 92.0% (a bar if bar)."""
    if bar:
        return Column.ProgressColumn(
            label, format="percent", step=RATE_STEP, min_value=0.0, max_value=1.0
        )
    return Column.NumberColumn(label, format="percent", step=RATE_STEP)


def _number(name: str) -> ColumnConfig:
    """An integer column (people, 元) with thousands separators."""
    return Column.NumberColumn(header(name), format="localized")


def ledger_columns() -> ColumnSpecs:
    """The ledger's columns: the state of each problem first, its description after."""
    return {
        "code": _code(),
        "township": _text("township"),
        "village": _text("village"),
        "status_label": _text("status_label", help=t("components.column.status_help")),
        "deadline": _date("deadline"),
        "rectified_on": _date("rectified_on"),
        "focus_area_label": _text("focus_area_label"),
        "sub_category": _text("sub_category"),
        "description": _text("description", width="large"),
        "source_label": _text("source_label"),
        "recovered_yuan": _number("recovered_yuan"),
        "responsible_unit": _text("responsible_unit"),
    }


def recovery_columns() -> ColumnSpecs:
    """The columns of the largest recoveries (资金挽损)."""
    return {
        "code": _code(),
        "township": _text("township"),
        "village": _text("village"),
        "sub_category": _text("sub_category"),
        "description": _text("description", width="large"),
        "recovered_yuan": _number("recovered_yuan"),
        "status_label": _text("status_label"),
    }


def pair_columns() -> ColumnSpecs:
    """The columns of 一案双查: the person directly responsible beside the leader."""
    return {
        "problem_code": _code(),
        "township": _text("township"),
        "direct_name": _text("direct_name"),
        "direct_position": _text("direct_position"),
        "direct_category_label": _text("direct_category_label"),
        "leader_name": _text("leader_name"),
        "leader_position": _text("leader_position"),
        "leader_category_label": _text("leader_category_label"),
        "decided_on": _date("decided_on"),
    }


def organisation_columns() -> ColumnSpecs:
    """The columns of the organisations that made written self-criticism."""
    return {
        "problem_code": _code("related_problem"),
        "township": _text("township"),
        "organisation": _text("organisation"),
        "decided_on": _date("decided_on"),
    }


def lead_columns() -> ColumnSpecs:
    """The columns of the transferred leads and their outcomes."""
    return {
        "problem_code": _code("related_problem"),
        "code": _text("lead_code"),
        "township": _text("township"),
        "sub_category": _text("sub_category"),
        "subject_position": _text("subject_position"),
        "transferred_to": _text("transferred_to"),
        "transferred_on": _date("transferred_on"),
        "outcome_label": _text("outcome_label"),
        "case_opened_on": _date("case_opened_on"),
        "people_involved": _number("people_involved"),
        "people_sanctioned": _number("people_sanctioned"),
    }


def _overdue_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """CSS per cell: the status of an overdue problem in red."""
    css = pd.DataFrame("", index=frame.index, columns=frame.columns)
    css.loc[frame["overdue"], "status_label"] = OVERDUE_STYLE
    return css


def show_ledger_table(ledger: pd.DataFrame, *, key: str) -> None:
    """The ledger page's rows, overdue problems highlighted; a picked row opens its problem."""
    styled: Styler = ledger.style.apply(_overdue_cells, axis=None)
    show_drill_table(styled, key=key, column_config=ledger_columns(), height=TABLE_HEIGHT * 3 // 2)


def show_recoveries_table(recoveries: pd.DataFrame, *, key: str) -> None:
    """The largest recoveries, all rows in view; a picked row opens its problem."""
    show_drill_table(
        recoveries, key=key, column_config=recovery_columns(), height=rows_height(len(recoveries))
    )


def show_dual_check_pairs(flt: Filter, *, key: str, role: str = VIEWER) -> int:
    """一案双查 pairs for flt with names as role may see them; returns how many rows."""
    pairs = cached_query(fetch_dual_check_pairs, flt, role=role)
    if not pairs.empty:
        show_drill_table(pairs, key=key, column_config=pair_columns(), code_column="problem_code")
    return len(pairs)


def show_organisations_table(organisations: pd.DataFrame, *, key: str) -> None:
    """Organisations that made written self-criticism (书面检查)."""
    show_drill_table(
        organisations, key=key, column_config=organisation_columns(), code_column="problem_code"
    )


def show_leads_table(leads: pd.DataFrame, *, key: str) -> None:
    """Every lead with its outcome; a picked row opens the problem it came from."""
    show_drill_table(
        leads,
        key=key,
        column_config=lead_columns(),
        code_column="problem_code",
        height=TABLE_HEIGHT,
    )
