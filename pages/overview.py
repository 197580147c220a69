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
from components.briefing_archive import show_briefing_archive
from components.changes import changed_kpis
from components.chart_filter import WEEK, show_chart, show_chart_opening_page
from components.chart_notes import note_largest_townships
from components.chart_specs import cached_chart
from components.deadlines import show_deadline_warnings
from components.downloads import view_briefing, view_steps
from components.empty import show_empty_state
from components.filter_state import current_filter
from components.frame import require_frame
from components.kpi import render_kpi_row
from components.notice import show_notice
from data_access.cache import cached_query
from data_access.kpis import headline_kpis
from data_access.queries import (
    fetch_accountability_breakdown,
    fetch_completion_by_township,
    fetch_headline,
    fetch_problems_by_focus_area,
    fetch_weekly_trend,
)
from data_access.queries.status import fetch_status_totals
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

ACCOUNTABILITY_PAGE = "pages/accountability.py"
# Townships up to which the status chart sits in the left column. Measured at 1440 px: the
# township chart is 214 px + 22 px a township, the weekly trend and captions 374 px; the
# right column 1,160 px with the status chart, 860 px without. At 12 townships either way
# leaves about the same space; below, the left column is the shorter one by far.
SHORT_TOWNSHIP_CHART = 12

flt = current_filter()
headline = cached_query(fetch_headline, flt)

render_kpi_row(changed_kpis(flt, fetch_headline, headline_kpis, headline))

if headline.problems_total == 0:
    show_empty_state(t("pages.overview.empty"))
    st.stop()
view_briefing("overview", key="overview")  # with the overdue list and accountability
show_notice(flt, key="overview_notice")
show_briefing_archive(view_steps("overview"), key="briefing_archive")  # as of upload days

st.caption(t("pages.overview.click_hint"))
left, right = st.columns([3, 2], gap="large")
townships = cached_query(fetch_completion_by_township, flt.with_(townships=(), villages=()))
with left:
    show_chart(
        cached_chart(completion_by_township_chart, townships),
        key="township_chart",
        selection=TOWNSHIP_SELECTION,
        filter_field="townships",
    )
    note_largest_townships(townships, measure=t("pages.measure.problems"))
    # The weekly trend under the township chart: the left column is then about as tall as
    # the right one (focus areas, statuses, accountability), with no empty space below.
    weeks = cached_query(fetch_weekly_trend, flt)
    show_chart(
        cached_chart(weekly_trend_chart, weeks),
        key="weekly_trend_chart",
        selection=WEEK_SELECTION,
        filter_field=WEEK,
    )
    st.caption(t("pages.overview.week_hint"))
with right:
    areas = cached_query(fetch_problems_by_focus_area, flt.with_(focus_areas=(), sub_categories=()))
    show_chart(
        cached_chart(focus_area_chart, areas),
        key="focus_area_chart",
        selection=FOCUS_AREA_SELECTION,
        filter_field="focus_areas",
    )
# A short township chart (a scoped account, an office of few townships) leaves the left
# column short: the status chart then goes under the weekly trend instead.
with left if len(townships) <= SHORT_TOWNSHIP_CHART else right:
    statuses = cached_query(fetch_status_totals, flt.with_(statuses=()))
    show_chart(
        cached_chart(status_totals_chart, statuses),
        key="status_chart",
        selection=STATUS_SELECTION,
        filter_field="statuses",
    )
with right:
    people = cached_query(fetch_accountability_breakdown, flt)
    show_chart_opening_page(
        cached_chart(accountability_chart, people),
        key="accountability_chart",
        selection=CATEGORY_SELECTION,
        page=ACCOUNTABILITY_PAGE,
        caption=t("pages.overview.accountability_hint"),
    )
show_deadline_warnings(flt, key="overview")
