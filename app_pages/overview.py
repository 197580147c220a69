"""总览 (overview): headline KPIs and the four overview charts for the current filter."""

import streamlit as st

from charts.overview import (
    accountability_chart,
    completion_by_township_chart,
    focus_area_chart,
    weekly_trend_chart,
)
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

flt = current_filter()
headline = cached_query(fetch_headline, flt)

render_kpi_row(headline_kpis(headline))

if headline.problems_total == 0:
    st.info("当前范围内没有问题记录。", icon=":material/search_off:")
    st.stop()

left, right = st.columns([3, 2], gap="large")
with left:
    townships = cached_query(fetch_completion_by_township, flt)
    st.altair_chart(completion_by_township_chart(townships), width="stretch", key="township_chart")
with right:
    areas = cached_query(fetch_problems_by_focus_area, flt)
    st.altair_chart(focus_area_chart(areas), width="stretch", key="focus_area_chart")
    people = cached_query(fetch_accountability_breakdown, flt)
    st.altair_chart(accountability_chart(people), width="stretch", key="accountability_chart")

weeks = cached_query(fetch_weekly_trend, flt)
st.altair_chart(weekly_trend_chart(weeks), width="stretch", key="weekly_trend_chart")
