"""问责情况 (accountability): categories and 四种形态, by township and month, 一案双查 pairs."""

import streamlit as st

from charts.accountability import TOWNSHIP_SELECTION, monthly_forms_chart, township_category_chart
from charts.overview import accountability_chart
from components.auth import signed_in_user
from components.chart_filter import show_chart
from components.chart_notes import note_largest_townships
from components.empty import show_empty_state, stop_if_empty
from components.exports import show_static_chart, table_downloads
from components.filter_state import current_filter
from components.kpi import render_kpi_row
from components.page_kpis import accountability_kpis
from components.page_tables import (
    ORGANISATION_COLUMNS,
    PAIR_COLUMNS,
    show_dual_check_pairs,
    show_organisations_table,
)
from components.view_parts import NAME_COLUMNS
from data_access.cache import cached_query
from data_access.queries import (
    fetch_accountability_breakdown,
    fetch_accountability_by_month,
    fetch_accountability_by_township,
    fetch_accountability_totals,
    fetch_dual_check_pairs,
    fetch_written_self_criticism,
)
from data_access.queries.accountability import TABLE_ROWS as PAIR_ROWS
from data_access.roles import can

flt = current_filter()
role = signed_in_user().role  # names are masked unless the role may see them in full
masked_note = "" if can(role, "see_full_names") else "姓名已脱敏。"
totals = cached_query(fetch_accountability_totals, flt)
render_kpi_row(accountability_kpis(totals))
nothing = totals.people == 0 and totals.organisations == 0
stop_if_empty(nothing, "当前筛选范围内没有问责追责记录。")

if totals.people:
    left, right = st.columns(2, gap="large")
    with left:
        breakdown = cached_query(fetch_accountability_breakdown, flt)
        show_static_chart(accountability_chart(breakdown), key="people_by_category")
    with right:
        months = cached_query(fetch_accountability_by_month, flt)
        show_static_chart(monthly_forms_chart(months), key="people_by_month")
    by_township = cached_query(fetch_accountability_by_township, flt)
    show_chart(
        township_category_chart(by_township),
        key="people_by_township",
        selection=TOWNSHIP_SELECTION,
        filter_field="townships",
    )
    note_largest_townships(by_township, measure="问责人数")
    st.subheader("一案双查")
    st.caption(
        f"同一问题既追究直接责任、又追究领导责任的共 {totals.dual_check_problems} 个问题；"
        f"{masked_note}选中一行查看问题详情。"
    )
    if show_dual_check_pairs(flt, key="dual_check_pairs", role=role):
        pairs = cached_query(fetch_dual_check_pairs, flt, role=role)  # the rows shown (cached)
        if len(pairs) >= PAIR_ROWS:
            st.caption(f"仅列出前 {PAIR_ROWS:,} 行；可用筛选缩小范围。")
        table_downloads(
            pairs,
            key="pairs",
            title="一案双查",
            column_config=PAIR_COLUMNS,
            name_columns=NAME_COLUMNS,
        )
    else:
        show_empty_state("当前筛选范围内没有一案双查的问题。")

if totals.organisations:
    st.subheader("书面检查（组织）")
    st.caption("作出书面检查的村党组织，不计入问责追责人数。")
    organisations = cached_query(fetch_written_self_criticism, flt)
    show_organisations_table(organisations, key="written_self_criticism")
    table_downloads(
        organisations, key="organisations", title="书面检查", column_config=ORGANISATION_COLUMNS
    )
