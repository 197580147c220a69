"""问题清单 (problems): the ledger for the filter, searchable and paged, drilling to a problem."""

import streamlit as st

from charts.problems import STATUS_SELECTION, status_matrix_chart
from components.chart_filter import show_chart
from components.empty import stop_if_empty
from components.exports import fetch_now, table_downloads
from components.filter_state import current_filter
from components.kpi import render_kpi_row
from components.page_kpis import problems_kpis
from components.page_tables import ledger_columns, show_ledger_table
from components.tables import pager, search_box, sort_choice
from data_access.cache import cached_query
from data_access.queries import (
    count_problem_ledger,
    fetch_headline,
    fetch_problem_ledger,
    fetch_status_by_focus_area,
)
from data_access.queries.problems import LEDGER_SORTS, PAGE_SIZE
from i18n import t

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

st.subheader(t("ingest.problems.title"))
search_column, sort_column = st.columns([3, 1], vertical_alignment="bottom")
with search_column:
    search = search_box()
with sort_column:
    sort = sort_choice(LEDGER_SORTS, key="ledger_sort")
total = cached_query(count_problem_ledger, flt, search=search)
no_match = t("pages.problems.no_match", search=search)
stop_if_empty(total == 0, no_match, hint=t("pages.problems.no_match_hint"))
offset = pager(total, page_size=PAGE_SIZE, key="ledger_page")
ledger = cached_query(fetch_problem_ledger, flt, search=search, sort=sort, offset=offset)
show_ledger_table(ledger, key="ledger_table")
st.caption(t("pages.problems.table_hint"))
table_downloads(  # every page of the search, fetched only when a download is asked for
    lambda: fetch_now(fetch_problem_ledger, flt, search=search, sort=sort, limit=total),
    key="ledger",
    title=t("ingest.problems.title"),
    column_config=ledger_columns(),
)
