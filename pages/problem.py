"""问题详情 (problem): one ledger row in full, its status history, accountability and leads.

Opened with ?code=问题编号 from the tables and the drill-down; not listed in the sidebar.
"""

import pandas as pd
import streamlit as st

from charts.timeline import status_timeline_chart
from components.auth import signed_in_user
from components.breadcrumb import current_drill_node, show_breadcrumb
from components.chart_specs import cached_chart
from components.downloads import show_static_chart, table_downloads
from components.drill_tables import ColumnSpecs
from components.empty import show_empty_state
from components.filter_state import current_filter
from components.frame import require_frame
from components.markdown import md
from data_access.cache import cached_query
from data_access.codes import overdue_label
from data_access.ingest.columns import PROBLEMS
from data_access.ingest.preview import column_title
from data_access.queries.problem_detail import (
    fetch_problem_accountability,
    fetch_problem_detail,
    fetch_problem_leads,
    fetch_problem_timeline,
    ledger_fields,
)
from data_access.roles import can
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

ROLE = signed_in_user().role  # names are masked unless the role may see them in full


def accountability_columns() -> ColumnSpecs:
    """Headers of the problem's accountability table (current language)."""
    return {
        "name": t("ingest.accountability.column.person_name"),
        "position": t("ingest.accountability.column.position"),
        "category_label": t("ingest.accountability.column.category"),
        "form_label": t("ingest.accountability.column.form"),
        "decided_on": st.column_config.DateColumn(
            t("ingest.accountability.column.decided_on"), format="YYYY-MM-DD"
        ),
        "leader": st.column_config.CheckboxColumn(t("pages.problem.column.leader")),
    }


def lead_columns() -> ColumnSpecs:
    """Headers of the problem's leads table (current language)."""
    return {
        "code": t("ingest.leads.column.code"),
        "subject_position": t("ingest.leads.column.subject_position"),
        "transferred_to": t("ingest.leads.column.transferred_to"),
        "transferred_on": st.column_config.DateColumn(
            t("ingest.leads.column.transferred_on"), format="YYYY-MM-DD"
        ),
        "outcome_label": t("ingest.leads.column.outcome"),
        "case_opened_on": st.column_config.DateColumn(
            t("pages.problem.column.case_opened_on"), format="YYYY-MM-DD"
        ),
        "people_involved": t("pages.problem.column.people_involved"),
        "people_sanctioned": t("pages.problem.column.people_sanctioned"),
    }


flt = current_filter()
code = st.query_params.get("code", "").strip()
if not code:
    show_empty_state(t("pages.problem.no_code"), hint=t("pages.problem.no_code_hint"))
    st.stop()
detail = cached_query(fetch_problem_detail, flt, code=code, role=ROLE)
if detail is None:
    hint = t("pages.problem.not_found_hint")
    show_empty_state(md("pages.problem.not_found", code=code), hint=hint)
    st.stop()

region = detail.region
place = flt.with_(
    townships=(region["township_id"],),
    villages=(region["village_id"],) if region["village_id"] else (),
)
show_breadcrumb(current_drill_node(place).crumbs, current=t("pages.problem.crumb", code=code))

fields = dict(ledger_fields(detail))
status_header = column_title(PROBLEMS.key, PROBLEMS.column("status"))  # as ledger_fields names it
if detail.overdue:
    fields[status_header] = t(
        "queries.status_overdue", status=fields[status_header], overdue=overdue_label()
    )
if flt.as_of:
    fields[status_header] = t(
        "pages.problem.as_of", status=fields[status_header], day=flt.as_of.isoformat()
    )
index = pd.Index(fields, name=t("pages.problem.field"))
st.table(pd.DataFrame({t("pages.problem.value"): list(fields.values())}, index=index))
# True for each role: what this role sees of the names on the page (data_access.roles).
st.caption(t("pages.problem.names_full" if can(ROLE, "see_full_names") else "pages.problem.masked"))

events = cached_query(fetch_problem_timeline, flt, code=code)
if events.empty:
    st.caption(t("pages.problem.no_history"))
else:
    deadline = detail.values["deadline"]
    chart = cached_chart(status_timeline_chart, events, deadline=deadline, as_of=flt.as_of)
    show_static_chart(chart, key="problem_timeline")

st.subheader(t("frame.page.accountability"), anchor=False)
people = cached_query(fetch_problem_accountability, flt, code=code, role=ROLE)
if people.empty:
    st.caption(t("pages.problem.no_people"))
else:
    columns = accountability_columns()
    st.dataframe(people, hide_index=True, column_config=columns, width="stretch", placeholder="—")
    table_downloads(
        people,
        key="problem_people",
        title=t("pages.problem.people_title", code=code),
        column_config=columns,  # names come masked as the role may see them
    )

st.subheader(t("ingest.leads.title"), anchor=False)
leads = cached_query(fetch_problem_leads, flt, code=code)
if leads.empty:
    st.caption(t("pages.problem.no_leads"))
else:
    columns = lead_columns()
    st.dataframe(leads, hide_index=True, column_config=columns, width="stretch", placeholder="—")
    title = t("pages.problem.leads_title", code=code)
    table_downloads(leads, key="problem_leads", title=title, column_config=columns)
