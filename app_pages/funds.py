"""资金挽损 (funds): money recovered by township, sub-category and month; rules improved."""

import streamlit as st

from charts.funds import (
    RULES_SELECTION,
    SUB_CATEGORY_SELECTION,
    TOWNSHIP_SELECTION,
    recovered_by_month_chart,
    recovered_by_sub_category_chart,
    recovered_by_township_chart,
    rules_by_township_chart,
)
from components.chart_filter import show_chart
from components.chart_notes import note_largest_townships
from components.empty import show_empty_state, stop_if_empty
from components.exports import show_static_chart, table_downloads
from components.filter_state import current_filter
from components.kpi import render_kpi_row
from components.page_kpis import funds_kpis
from components.page_tables import RECOVERY_COLUMNS, show_recoveries_table
from data_access.cache import cached_query
from data_access.queries import (
    fetch_funds_totals,
    fetch_largest_recoveries,
    fetch_recovered_by_month,
    fetch_recovered_by_sub_category,
    fetch_recovered_by_township,
    fetch_rules_by_township,
)

flt = current_filter()
totals = cached_query(fetch_funds_totals, flt)
render_kpi_row(funds_kpis(totals))
stop_if_empty(
    totals.recovered_yuan == 0 and totals.rules_improved == 0,
    "当前筛选范围内没有挽回损失或完善制度的记录。",
)

if totals.recovered_yuan:
    left, right = st.columns(2, gap="large")
    with left:
        by_township = cached_query(fetch_recovered_by_township, flt)
        show_chart(
            recovered_by_township_chart(by_township),
            key="funds_by_township",
            selection=TOWNSHIP_SELECTION,
            filter_field="townships",
        )
        note_largest_townships(by_township, measure="挽回损失")
    with right:
        show_chart(
            recovered_by_sub_category_chart(cached_query(fetch_recovered_by_sub_category, flt)),
            key="funds_by_sub_category",
            selection=SUB_CATEGORY_SELECTION,
            filter_field="sub_categories",
        )
        months = cached_query(fetch_recovered_by_month, flt)
        show_static_chart(recovered_by_month_chart(months), key="funds_by_month")
    st.subheader("挽回损失最多的问题")
    recoveries = cached_query(fetch_largest_recoveries, flt)
    show_recoveries_table(recoveries, key="largest_recoveries")
    title = "挽回损失最多的问题"
    table_downloads(recoveries, key="recoveries", title=title, column_config=RECOVERY_COLUMNS)
else:
    show_empty_state("当前筛选范围内没有挽回损失的记录。")

if totals.rules_improved:
    rules = cached_query(fetch_rules_by_township, flt)
    show_chart(
        rules_by_township_chart(rules),
        key="rules_by_township",
        selection=RULES_SELECTION,
        filter_field="townships",
    )
    note_largest_townships(rules, measure="完善制度")
