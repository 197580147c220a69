"""问责情况 (accountability): categories and 四种形态, by township and month, 一案双查 pairs."""

import streamlit as st

from charts.accountability import TOWNSHIP_SELECTION, monthly_forms_chart, township_category_chart
from charts.overview import accountability_chart
from components.auth import signed_in_user
from components.changes import changed_kpis
from components.chart_filter import show_chart
from components.chart_notes import note_largest_townships
from components.chart_specs import cached_chart
from components.downloads import show_static_chart, table_downloads
from components.empty import show_empty_state, stop_if_empty
from components.filter_state import current_filter
from components.frame import require_frame
from components.kpi import render_kpi_row
from components.ledger_tables import (
    organisation_columns,
    pair_columns,
    show_dual_check_pairs,
    show_organisations_table,
)
from components.page_kpis import accountability_kpis
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
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

flt = current_filter()
role = signed_in_user().role  # names are masked unless the role may see them in full
masked_note = "" if can(role, "see_full_names") else t("pages.accountability.masked")
totals = cached_query(fetch_accountability_totals, flt)
render_kpi_row(changed_kpis(flt, fetch_accountability_totals, accountability_kpis, totals))
nothing = totals.people == 0 and totals.organisations == 0
stop_if_empty(nothing, t("pages.accountability.empty"))

if totals.people:
    left, right = st.columns(2, gap="large")
    with left:
        breakdown = cached_query(fetch_accountability_breakdown, flt)
        show_static_chart(cached_chart(accountability_chart, breakdown), key="people_by_category")
    with right:
        months = cached_query(fetch_accountability_by_month, flt)
        show_static_chart(cached_chart(monthly_forms_chart, months), key="people_by_month")
    by_township = cached_query(fetch_accountability_by_township, flt)
    show_chart(
        cached_chart(township_category_chart, by_township),
        key="people_by_township",
        selection=TOWNSHIP_SELECTION,
        filter_field="townships",
    )
    note_largest_townships(by_township, measure=t("pages.measure.accountable_people"))
    st.subheader(t("pages.accountability.dual_check"))
    count = totals.dual_check_problems
    st.caption(t("pages.accountability.dual_check_caption", count=count, masked=masked_note))
    if show_dual_check_pairs(flt, key="dual_check_pairs", role=role):
        pairs = cached_query(fetch_dual_check_pairs, flt, role=role)  # the rows shown (cached)
        if len(pairs) >= PAIR_ROWS:
            st.caption(t("pages.accountability.first_rows", rows=PAIR_ROWS))
        table_downloads(
            pairs,
            key="pairs",
            title=t("pages.accountability.dual_check"),
            column_config=pair_columns(),
            name_columns=NAME_COLUMNS,
        )
    else:
        show_empty_state(t("pages.accountability.no_dual_check"))

if totals.organisations:
    st.subheader(t("pages.accountability.organisations"))
    st.caption(t("pages.accountability.organisations_caption"))
    organisations = cached_query(fetch_written_self_criticism, flt)
    show_organisations_table(organisations, key="written_self_criticism")
    table_downloads(
        organisations,
        key="organisations",
        title=t("code.category.written_self_criticism"),
        column_config=organisation_columns(),
    )
