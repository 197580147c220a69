"""The tables of 问题清单, 资金挽损, 问责情况 and 线索移交: Chinese headers, formats, drill-down."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from components.tables import show_drill_table
from data_access.cache import cached_query
from data_access.filters import Filter
from data_access.queries import fetch_dual_check_pairs
from data_access.roles import VIEWER

Column = st.column_config
DATE = "YYYY-MM-DD"
OVERDUE_STYLE = "background-color: #FDECEA; color: #B71C1C; font-weight: 600"
TABLE_HEIGHT = 420
ROW_PIXELS = 35  # Streamlit's default row height (the header is one more row)


def rows_height(rows: int) -> int:
    """A table height showing rows without scrolling (plus the header and the border)."""
    return (rows + 1) * ROW_PIXELS + 3


def _code(title: str = "问题编号") -> object:
    """The problem code column (picking the row opens the problem)."""
    return Column.TextColumn(title, help="选中一行查看问题详情", pinned=True)


def _yuan(title: str = "挽回损失（元）") -> object:
    """Integer 元 with thousands separators."""
    return Column.NumberColumn(title, format="localized")


LEDGER_COLUMNS = {  # the state of each problem first, its description after
    "code": _code(),
    "township": Column.TextColumn("乡镇"),
    "village": Column.TextColumn("村"),
    "status_label": Column.TextColumn("整改状态", help="超过整改时限仍未完成的标为“已逾期”"),
    "deadline": Column.DateColumn("整改时限", format=DATE),
    "rectified_on": Column.DateColumn("完成日期", format=DATE),
    "focus_area_label": Column.TextColumn("巡察重点"),
    "sub_category": Column.TextColumn("问题子类"),
    "description": Column.TextColumn("问题描述", width="large"),
    "source_label": Column.TextColumn("问题来源"),
    "recovered_yuan": _yuan(),
    "responsible_unit": Column.TextColumn("责任单位"),
}
RECOVERY_COLUMNS = {
    "code": _code(),
    "township": Column.TextColumn("乡镇"),
    "village": Column.TextColumn("村"),
    "sub_category": Column.TextColumn("问题子类"),
    "description": Column.TextColumn("问题描述", width="large"),
    "recovered_yuan": _yuan(),
    "status_label": Column.TextColumn("整改状态"),
}
PAIR_COLUMNS = {
    "problem_code": _code(),
    "township": Column.TextColumn("乡镇"),
    "direct_name": Column.TextColumn("直接责任人"),
    "direct_position": Column.TextColumn("直接责任人职务"),
    "direct_category_label": Column.TextColumn("处理方式（直接）"),
    "leader_name": Column.TextColumn("领导责任人"),
    "leader_position": Column.TextColumn("领导责任人职务"),
    "leader_category_label": Column.TextColumn("处理方式（领导）"),
    "decided_on": Column.DateColumn("决定日期", format=DATE),
}
ORGANISATION_COLUMNS = {
    "problem_code": _code("关联问题"),
    "township": Column.TextColumn("乡镇"),
    "organisation": Column.TextColumn("组织"),
    "decided_on": Column.DateColumn("决定日期", format=DATE),
}
LEAD_COLUMNS = {
    "problem_code": _code("关联问题"),
    "code": Column.TextColumn("线索编号"),
    "township": Column.TextColumn("乡镇"),
    "sub_category": Column.TextColumn("问题子类"),
    "subject_position": Column.TextColumn("被反映人职务"),
    "transferred_to": Column.TextColumn("移交单位"),
    "transferred_on": Column.DateColumn("移交日期", format=DATE),
    "outcome_label": Column.TextColumn("办理结果"),
    "case_opened_on": Column.DateColumn("立案日期", format=DATE),
    "people_involved": Column.NumberColumn("涉及人员", format="localized"),
    "people_sanctioned": Column.NumberColumn("给予处分", format="localized"),
}


def _overdue_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """CSS per cell: the status of an overdue problem in red."""
    css = pd.DataFrame("", index=frame.index, columns=frame.columns)
    css.loc[frame["overdue"], "status_label"] = OVERDUE_STYLE
    return css


def show_ledger_table(ledger: pd.DataFrame, *, key: str) -> None:
    """The ledger page's rows, overdue problems highlighted; a picked row opens its problem."""
    styled: Styler = ledger.style.apply(_overdue_cells, axis=None)
    show_drill_table(styled, key=key, column_config=LEDGER_COLUMNS, height=TABLE_HEIGHT * 3 // 2)


def show_recoveries_table(recoveries: pd.DataFrame, *, key: str) -> None:
    """The largest recoveries, all rows in view; a picked row opens its problem."""
    show_drill_table(
        recoveries, key=key, column_config=RECOVERY_COLUMNS, height=rows_height(len(recoveries))
    )


def show_dual_check_pairs(flt: Filter, *, key: str, role: str = VIEWER) -> int:
    """一案双查 pairs for flt with names as role may see them; returns how many rows."""
    pairs = cached_query(fetch_dual_check_pairs, flt, role=role)
    if not pairs.empty:
        show_drill_table(pairs, key=key, column_config=PAIR_COLUMNS, code_column="problem_code")
    return len(pairs)


def show_organisations_table(organisations: pd.DataFrame, *, key: str) -> None:
    """Organisations that made written self-criticism (书面检查)."""
    show_drill_table(
        organisations, key=key, column_config=ORGANISATION_COLUMNS, code_column="problem_code"
    )


def show_leads_table(leads: pd.DataFrame, *, key: str) -> None:
    """Every lead with its outcome; a picked row opens the problem it came from."""
    show_drill_table(
        leads,
        key=key,
        column_config=LEAD_COLUMNS,
        code_column="problem_code",
        height=TABLE_HEIGHT,
    )
