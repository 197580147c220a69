"""问题清单 (problems): the ledger for the filter, searchable and paged, drilling to a problem."""

import streamlit as st

from charts.problems import STATUS_SELECTION, status_matrix_chart
from components.chart_filter import show_chart
from components.empty import stop_if_empty
from components.exports import fetch_now, table_downloads
from components.filter_state import current_filter
from components.kpi import render_kpi_row
from components.page_kpis import problems_kpis
from components.page_tables import LEDGER_COLUMNS, show_ledger_table
from components.tables import pager, search_box, sort_choice
from data_access.cache import cached_query
from data_access.queries import (
    count_problem_ledger,
    fetch_headline,
    fetch_problem_ledger,
    fetch_status_by_focus_area,
)
from data_access.queries.problems import LEDGER_SORTS, PAGE_SIZE

flt = current_filter()
headline = cached_query(fetch_headline, flt)
render_kpi_row(problems_kpis(headline))
stop_if_empty(headline.problems_total == 0)

matrix = cached_query(fetch_status_by_focus_area, flt)
show_chart(
    status_matrix_chart(matrix),
    key="ledger_status_matrix",
    selection=STATUS_SELECTION,
    filter_field="statuses",
)

st.subheader("整改台账")
search_column, sort_column = st.columns([3, 1], vertical_alignment="bottom")
with search_column:
    search = search_box()
with sort_column:
    sort = sort_choice(LEDGER_SORTS, key="ledger_sort")
total = cached_query(count_problem_ledger, flt, search=search)
no_match = f"没有找到包含“{search}”的问题。"
stop_if_empty(total == 0, no_match, hint="请换一个关键词，或清空搜索框。")
offset = pager(total, page_size=PAGE_SIZE, key="ledger_page")
ledger = cached_query(fetch_problem_ledger, flt, search=search, sort=sort, offset=offset)
show_ledger_table(ledger, key="ledger_table")
st.caption("点击表头排序（当前页内）；选中一行查看问题详情。逾期问题的整改状态以红色标出。")
table_downloads(  # every page of the search, fetched only when a download is asked for
    lambda: fetch_now(fetch_problem_ledger, flt, search=search, sort=sort, limit=total),
    key="ledger",
    title="整改台账",
    column_config=LEDGER_COLUMNS,
)
