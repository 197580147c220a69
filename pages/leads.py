"""线索移交 (leads): the lead → case → people → sanction funnel and each lead's outcome."""

import streamlit as st

from charts.leads import (
    TOWNSHIP_SELECTION,
    lead_funnel_chart,
    leads_by_receiver_chart,
    leads_by_township_chart,
)
from components.changes import changed_kpis
from components.chart_filter import show_chart
from components.chart_notes import note_largest_townships
from components.chart_specs import cached_chart
from components.downloads import show_static_chart, table_downloads
from components.empty import stop_if_empty
from components.filter_state import current_filter
from components.frame import require_frame
from components.kpi import render_kpi_row
from components.ledger_tables import lead_columns, show_leads_table
from components.page_kpis import leads_kpis
from data_access.cache import cached_query
from data_access.queries import (
    fetch_lead_funnel,
    fetch_lead_outcomes,
    fetch_leads_by_receiver,
    fetch_leads_by_township,
)
from data_access.queries.leads import TABLE_ROWS
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

flt = current_filter()
funnel = cached_query(fetch_lead_funnel, flt)
render_kpi_row(changed_kpis(flt, fetch_lead_funnel, leads_kpis, funnel))
leads = cached_query(fetch_lead_outcomes, flt)
stop_if_empty(leads.empty, t("pages.leads.empty"))

left, right = st.columns(2, gap="large")
with left:
    show_static_chart(cached_chart(lead_funnel_chart, funnel), key="lead_funnel")
    receivers = cached_query(fetch_leads_by_receiver, flt)
    show_static_chart(cached_chart(leads_by_receiver_chart, receivers), key="leads_by_receiver")
with right:
    by_township = cached_query(fetch_leads_by_township, flt)
    show_chart(
        cached_chart(leads_by_township_chart, by_township),
        key="leads_by_township",
        selection=TOWNSHIP_SELECTION,
        filter_field="townships",
    )
    note_largest_townships(by_township, measure=t("pages.measure.leads"))

st.subheader(t("pages.leads.outcomes"))
show_leads_table(leads, key="lead_outcomes")
st.caption(t("pages.leads.table_hint"))
if len(leads) >= TABLE_ROWS:  # a province has far more leads than a table can show
    st.caption(t("pages.leads.first_rows", rows=TABLE_ROWS))
table_downloads(leads, key="leads", title=t("pages.leads.outcomes"), column_config=lead_columns())
