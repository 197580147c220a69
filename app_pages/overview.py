"""总览 (overview): headline KPIs and the overview charts; a click on a chart filters.

The township, focus-area and status charts keep all their members (the chosen ones
highlighted) so that shift-click can add more; every other figure follows the whole Filter.
"""

import streamlit as st

from charts.overview import (
    CATEGORY_SELECTION,
    FOCUS_AREA_SELECTION,
    TOWNSHIP_SELECTION,
    WEEK_SELECTION,
    accountability_chart,
    completion_by_township_chart,
    focus_area_chart,
    weekly_trend_chart,
)
from charts.status import STATUS_SELECTION, status_totals_chart
from components.chart_filter import WEEK, show_chart, show_chart_opening_page
from components.chart_notes import note_largest_townships
from components.empty import show_empty_state
from components.exports import view_briefing
from components.filter_state import current_filter
from components.kpi import headline_kpis, render_kpi_row
from data_access.cache import cached_query
from data_access.queries import (
    fetch_accountability_breakdown,
    fetch_completion_by_township,
    fetch_headline,
    fetch_problems_by_focus_area,
    fetch_weekly_trend,
)
from data_access.queries.status import fetch_status_totals
from i18n import t

ACCOUNTABILITY_PAGE = "app_pages/accountability.py"

flt = current_filter()
headline = cached_query(fetch_headline, flt)

render_kpi_row(headline_kpis(headline))

if headline.problems_total == 0:
    show_empty_state(t("pages.overview.empty"))
    st.stop()
view_briefing("overview", key="overview")  # with the overdue list and accountability

st.caption(t("pages.overview.click_hint"))
left, right = st.columns([3, 2], gap="large")
with left:
    townships = cached_query(fetch_completion_by_township, flt.with_(townships=(), villages=()))
    show_chart(
        completion_by_township_chart(townships),
        key="township_chart",
        selection=TOWNSHIP_SELECTION,
        filter_field="townships",
    )
    note_largest_townships(townships, measure=t("pages.measure.problems"))
with right:
    areas = cached_query(fetch_problems_by_focus_area, flt.with_(focus_areas=(), sub_categories=()))
    show_chart(
        focus_area_chart(areas),
        key="focus_area_chart",
        selection=FOCUS_AREA_SELECTION,
        filter_field="focus_areas",
    )
    statuses = cached_query(fetch_status_totals, flt.with_(statuses=()))
    show_chart(
        status_totals_chart(statuses),
        key="status_chart",
        selection=STATUS_SELECTION,
        filter_field="statuses",
    )
    people = cached_query(fetch_accountability_breakdown, flt)
    show_chart_opening_page(
        accountability_chart(people),
        key="accountability_chart",
        selection=CATEGORY_SELECTION,
        page=ACCOUNTABILITY_PAGE,
        caption=t("pages.overview.accountability_hint"),
    )

weeks = cached_query(fetch_weekly_trend, flt)
show_chart(
    weekly_trend_chart(weeks),
    key="weekly_trend_chart",
    selection=WEEK_SELECTION,
    filter_field=WEEK,
)
st.caption(t("pages.overview.week_hint"))
