"""问题清单 (problems): the ledger for the filter, searchable and paged, drilling to a problem."""

import streamlit as st

from charts.problems import STATUS_SELECTION, status_matrix_chart
from components.changes import changed_kpis
from components.chart_filter import show_chart
from components.chart_specs import cached_chart
from components.downloads import fetch_now, table_downloads
from components.drill_tables import pager, search_box, sort_choice
from components.empty import stop_if_empty
from components.filter_state import current_filter
from components.frame import require_frame
from components.kpi import render_kpi_row
from components.ledger_tables import ledger_columns, show_ledger_table
from components.markdown import md
from components.page_kpis import problems_kpis
from data_access.cache import cached_query
from data_access.queries import (
    count_problem_ledger,
    fetch_headline,
    fetch_problem_ledger,
    fetch_status_by_focus_area,
)
from data_access.queries.problems import LEDGER_SORTS, PAGE_SIZE
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

flt = current_filter()
headline = cached_query(fetch_headline, flt)
render_kpi_row(changed_kpis(flt, fetch_headline, problems_kpis, headline))
stop_if_empty(headline.problems_total == 0)

matrix = cached_query(fetch_status_by_focus_area, flt)
show_chart(
    cached_chart(status_matrix_chart, matrix),
    key="ledger_status_matrix",
    selection=STATUS_SELECTION,
    filter_field="statuses",
    value_field="status",
    also={"focus_area": "focus_areas"},  # a cell is a status in a focus area: both filter
)

st.subheader(t("ingest.problems.title"))
search_column, sort_column = st.columns([3, 1], vertical_alignment="bottom")
with search_column:
    search = search_box()
with sort_column:
    sort = sort_choice(LEDGER_SORTS, key="ledger_sort")
total = cached_query(count_problem_ledger, flt, search=search)
no_match = md("pages.problems.no_match", search=search)
stop_if_empty(total == 0, no_match, hint=t("pages.problems.no_match_hint"))
offset = pager(total, page_size=PAGE_SIZE, key="ledger_page")
ledger = cached_query(fetch_problem_ledger, flt, search=search, sort=sort, offset=offset)
show_ledger_table(ledger, key="ledger_table")
# The sort box orders the whole result in SQL; a header click can only order what is shown.
st.caption(
    t("pages.problems.table_hint" if total <= PAGE_SIZE else "pages.problems.table_hint_paged")
)
table_downloads(  # every page of the search, fetched only when a download is asked for
    lambda: fetch_now(fetch_problem_ledger, flt, search=search, sort=sort, limit=total),
    key="ledger",
    title=t("ingest.problems.title"),
    column_config=ledger_columns(),
)
