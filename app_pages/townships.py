"""乡镇对比 (townships): rank and compare the members of the current level, then drill down.

The level follows the Filter: all townships → one township's villages → one village's
problems → a problem (app_pages/problem.py); the breadcrumb goes back up.
"""

import streamlit as st

from charts.townships import (
    DEFAULT_LIMIT,
    MEMBER_SELECTION,
    METRICS,
    TOWNSHIP_SELECTION,
    ranked,
    ranking_chart,
    weekly_small_multiples,
)
from components.breadcrumb import current_drill_node, show_breadcrumb, show_member_table
from components.chart_filter import show_chart
from components.empty import show_empty_state
from components.exports import table_downloads
from components.filter_state import current_filter
from components.kpi import headline_kpis, render_kpi_row
from components.tables import show_drill_table
from data_access.cache import cached_query
from data_access.queries import fetch_headline
from data_access.queries.problems import fetch_problem_ledger
from data_access.queries.townships import fetch_region_comparison, fetch_township_weekly

LEVEL_FIELDS = {"city": "cities", "county": "counties", "township": "townships"}
LEVEL_FIELDS["village"] = "villages"
LEVEL_NAMES = {"city": "市", "county": "县区", "township": "乡镇", "village": "村"}
COMPARISON_COLUMNS = {
    "member": st.column_config.TextColumn("名称", pinned=True),
    "problems_total": st.column_config.NumberColumn("问题数", format="localized"),
    "problems_rectified": st.column_config.NumberColumn("整改完成", format="localized"),
    "completion_rate": st.column_config.ProgressColumn(
        "完成率", format="percent", min_value=0.0, max_value=1.0
    ),
    "overdue": st.column_config.NumberColumn("逾期", format="localized"),
    "recovered_wan": st.column_config.NumberColumn("挽回损失（万元）", format="%.4f"),
    "rules_improved": st.column_config.NumberColumn("完善制度", format="localized"),
    "accountable_people": st.column_config.NumberColumn("问责人数", format="localized"),
    "leads_transferred": st.column_config.NumberColumn("移交线索", format="localized"),
}
PROBLEM_COLUMNS = {
    "code": st.column_config.TextColumn("问题编号", pinned=True),
    "village": "村",
    "focus_area_label": "问题类别",
    "sub_category": "问题子类",
    "description": st.column_config.TextColumn("问题描述", width="large"),
    "status_label": "整改状态",
    "deadline": st.column_config.DateColumn("整改时限", format="YYYY-MM-DD"),
}

flt = current_filter()
node = current_drill_node(flt)
show_breadcrumb(node.crumbs)
headline = cached_query(fetch_headline, flt)
render_kpi_row(headline_kpis(headline))
if headline.problems_total == 0:
    show_empty_state()
    st.stop()

level = node.child_level
if level != "problem":
    members = cached_query(fetch_region_comparison, flt, level=level)
    name = LEVEL_NAMES[level]
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
        metric = st.segmented_control(
            "排名指标",
            list(METRICS),
            format_func=lambda column: METRICS[column].label.split("（")[0],
            default="completion_rate",
            required=True,
            key="townships_metric",
        )
        low_first = st.toggle("从低到高", key="townships_low_first")
        every = ranked(members, metric, ascending=low_first)
        show_all = len(every) <= DEFAULT_LIMIT or st.toggle(
            f"显示全部 {len(every)} 个{name}", key="townships_show_all"
        )
    rows = every if show_all else every.head(DEFAULT_LIMIT)
    note = f"点击条形进入该{name}" + ("" if show_all else f"；仅显示前 {DEFAULT_LIMIT} 个")
    show_chart(
        ranking_chart(rows, metric, level, note=note),
        key=f"ranking_{level}",
        selection=MEMBER_SELECTION,
        filter_field=LEVEL_FIELDS[level],
    )
    if level == "township":
        weeks = cached_query(fetch_township_weekly, flt)
        if not weeks.empty:
            show_chart(
                weekly_small_multiples(weeks),
                key="township_weeks",
                selection=TOWNSHIP_SELECTION,
                filter_field="townships",
            )
    st.subheader(f"各{name}对比", anchor=False)
    st.caption("点击一行进入下一级；表头可排序。")
    show_member_table(
        members,
        key=f"members_{level}",
        level=level,
        column_config=COMPARISON_COLUMNS,
    )
    title = f"各{name}对比"
    table_downloads(members, key=f"members_{level}", title=title, column_config=COMPARISON_COLUMNS)
if level in ("village", "problem"):
    st.subheader("问题清单", anchor=False)
    st.caption("点击一行查看问题详情。")
    problems = cached_query(fetch_problem_ledger, flt)
    show_drill_table(problems, key="drill_problems", column_config=PROBLEM_COLUMNS)
    table_downloads(problems, key="drill_problems", title="问题清单", column_config=PROBLEM_COLUMNS)
