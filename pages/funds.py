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
from components.changes import changed_kpis
from components.chart_filter import show_chart
from components.chart_notes import note_largest_townships
from components.chart_specs import cached_chart
from components.downloads import show_static_chart, table_downloads
from components.empty import show_empty_state, stop_if_empty
from components.filter_state import current_filter
from components.frame import require_frame
from components.kpi import render_kpi_row
from components.ledger_tables import recovery_columns, show_recoveries_table
from components.page_kpis import funds_kpis
from data_access.cache import cached_query
from data_access.queries import (
    fetch_funds_totals,
    fetch_largest_recoveries,
    fetch_recovered_by_month,
    fetch_recovered_by_sub_category,
    fetch_recovered_by_township,
    fetch_rules_by_township,
)
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

flt = current_filter()
totals = cached_query(fetch_funds_totals, flt)
render_kpi_row(changed_kpis(flt, fetch_funds_totals, funds_kpis, totals))
stop_if_empty(
    totals.recovered_yuan == 0 and totals.rules_improved == 0,
    t("pages.funds.empty"),
)

if totals.recovered_yuan:
    left, right = st.columns(2, gap="large")
    with left:
        by_township = cached_query(fetch_recovered_by_township, flt)
        show_chart(
            cached_chart(recovered_by_township_chart, by_township),
            key="funds_by_township",
            selection=TOWNSHIP_SELECTION,
            filter_field="townships",
        )
        note_largest_townships(by_township, measure=t("pages.measure.recovered"))
    with right:
        show_chart(
            cached_chart(
                recovered_by_sub_category_chart, cached_query(fetch_recovered_by_sub_category, flt)
            ),
            key="funds_by_sub_category",
            selection=SUB_CATEGORY_SELECTION,
            filter_field="sub_categories",
        )
        months = cached_query(fetch_recovered_by_month, flt)
        show_static_chart(cached_chart(recovered_by_month_chart, months), key="funds_by_month")
    st.subheader(t("pages.funds.largest"))
    recoveries = cached_query(fetch_largest_recoveries, flt)
    show_recoveries_table(recoveries, key="largest_recoveries")
    title = t("pages.funds.largest")
    table_downloads(recoveries, key="recoveries", title=title, column_config=recovery_columns())
else:
    show_empty_state(t("pages.funds.no_recoveries"))

if totals.rules_improved:
    rules = cached_query(fetch_rules_by_township, flt)
    show_chart(
        cached_chart(rules_by_township_chart, rules),
        key="rules_by_township",
        selection=RULES_SELECTION,
        filter_field="townships",
    )
    note_largest_townships(rules, measure=t("pages.measure.rules_improved"))
