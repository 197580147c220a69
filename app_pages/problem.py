"""问题详情 (problem): one ledger row in full, its status history, accountability and leads.

Opened with ?code=问题编号 from the tables and the drill-down; not listed in the sidebar.
"""

import pandas as pd
import streamlit as st

from charts.timeline import status_timeline_chart
from components.auth import signed_in_user
from components.breadcrumb import current_drill_node, show_breadcrumb
from components.empty import show_empty_state
from components.exports import show_static_chart, table_downloads
from components.filter_state import current_filter
from data_access.cache import cached_query
from data_access.codes import overdue_label
from data_access.queries.problem_detail import (
    fetch_problem_accountability,
    fetch_problem_detail,
    fetch_problem_leads,
    fetch_problem_timeline,
    ledger_fields,
)

ROLE = signed_in_user().role  # names are masked unless the role may see them in full
ACCOUNTABILITY_COLUMNS = {
    "name": "姓名",
    "position": "职务",
    "category_label": "处理方式",
    "form_label": "形态",
    "decided_on": st.column_config.DateColumn("决定日期", format="YYYY-MM-DD"),
    "leader": st.column_config.CheckboxColumn("领导责任（一案双查）"),
}
LEAD_COLUMNS = {
    "code": "线索编号",
    "subject_position": "被反映人职务",
    "transferred_to": "移交单位",
    "transferred_on": st.column_config.DateColumn("移交日期", format="YYYY-MM-DD"),
    "outcome_label": "办理结果",
    "case_opened_on": st.column_config.DateColumn("立案日期", format="YYYY-MM-DD"),
    "people_involved": "涉及人数",
    "people_sanctioned": "处分人数",
}

flt = current_filter()
code = st.query_params.get("code", "").strip()
if not code:
    show_empty_state("未指定问题编号。", hint="请在“问题清单”或“乡镇对比”中点击一个问题。")
    st.stop()
detail = cached_query(fetch_problem_detail, flt, code=code)
if detail is None:
    show_empty_state(f"没有编号为 {code} 的问题。", hint="编号可能已更改，请在“问题清单”中查找。")
    st.stop()

region = detail.region
place = flt.with_(
    townships=(region["township_id"],),
    villages=(region["village_id"],) if region["village_id"] else (),
)
show_breadcrumb(current_drill_node(place).crumbs, current=f"问题 {code}")

fields = dict(ledger_fields(detail))
if detail.overdue:
    fields["整改状态"] += f"（{overdue_label()}）"
if flt.as_of:
    fields["整改状态"] += f"（截至 {flt.as_of.isoformat()}）"
st.table(pd.DataFrame({"内容": list(fields.values())}, index=pd.Index(fields, name="字段")))

events = cached_query(fetch_problem_timeline, flt, code=code)
if events.empty:
    st.caption("暂无状态变更记录。")
else:
    chart = status_timeline_chart(events, deadline=detail.values["deadline"], as_of=flt.as_of)
    show_static_chart(chart, key="problem_timeline")

st.subheader("问责情况", anchor=False)
people = cached_query(fetch_problem_accountability, flt, code=code, role=ROLE)
if people.empty:
    st.caption("本问题暂无问责记录。")
else:
    st.caption("姓名已按权限脱敏显示。")
    st.dataframe(people, hide_index=True, column_config=ACCOUNTABILITY_COLUMNS, width="stretch")
    table_downloads(
        people,
        key="problem_people",
        title=f"问题{code}问责情况",
        column_config=ACCOUNTABILITY_COLUMNS,  # names come masked as the role may see them
    )

st.subheader("移交线索", anchor=False)
leads = cached_query(fetch_problem_leads, flt, code=code)
if leads.empty:
    st.caption("本问题未移交问题线索。")
else:
    st.dataframe(leads, hide_index=True, column_config=LEAD_COLUMNS, width="stretch")
    title = f"问题{code}移交线索"
    table_downloads(leads, key="problem_leads", title=title, column_config=LEAD_COLUMNS)
