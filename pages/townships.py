"""乡镇对比 (townships): rank and compare the members of the current level, then drill down.

Beside the ranking of townships or villages, a map of the townships when boundaries are
stored (components/township_map.py).

The level follows the Filter: all townships → one township's villages → one village's
problems → a problem (pages/problem.py); the breadcrumb goes back up.
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
from components.changes import changed_kpis
from components.chart_filter import show_chart
from components.chart_specs import cached_chart
from components.deadlines import show_deadline_warnings, show_projection
from components.downloads import table_downloads
from components.drill_tables import ColumnSpecs, show_drill_table
from components.empty import show_empty_state
from components.filter_state import current_filter
from components.frame import require_frame
from components.kpi import render_kpi_row
from components.ledger_tables import rate_column
from components.township_map import show_township_map, township_map_data
from data_access.cache import cached_query
from data_access.codes import LabelMap
from data_access.kpis import headline_kpis
from data_access.queries import fetch_headline
from data_access.queries.problems import fetch_problem_ledger
from data_access.queries.townships import fetch_region_comparison, fetch_township_weekly
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

LEVEL_FIELDS = {"city": "cities", "county": "counties", "township": "townships"}
LEVEL_FIELDS["village"] = "villages"
MEMBER_NOUNS = LabelMap("level", tuple(LEVEL_FIELDS), area="pages")  # 乡镇 / township
MEMBERS_NOUNS = LabelMap("levels", tuple(LEVEL_FIELDS), area="pages")  # 乡镇 / townships


def comparison_columns() -> ColumnSpecs:
    """Headers of the member comparison table (current language)."""
    number = st.column_config.NumberColumn
    return {
        "member": st.column_config.TextColumn(t("pages.townships.column.member"), pinned=True),
        "problems_total": number(t("charts.metric_name.problems_total"), format="localized"),
        "problems_rectified": number(t("charts.rectified"), format="localized"),
        "completion_rate": rate_column(t("charts.completion_rate")),
        "overdue": number(t("charts.townships.overdue"), format="localized"),
        "recovered_wan": number(t("charts.metric.recovered_wan"), format="%.4f"),
        "rules_improved": number(t("ingest.headline.rules_improved"), format="localized"),
        "accountable_people": number(t("charts.townships.people"), format="localized"),
        "leads_transferred": number(t("charts.townships.leads"), format="localized"),
    }


def problem_columns() -> ColumnSpecs:
    """Headers of a village's problem list (current language)."""
    return {
        "code": st.column_config.TextColumn(t("ingest.problems.column.code"), pinned=True),
        "village": t("ingest.problems.column.village"),
        "focus_area_label": t("ingest.problems.column.focus_area"),
        "sub_category": t("ingest.problems.column.sub_category"),
        "description": st.column_config.TextColumn(
            t("ingest.problems.column.description"), width="large"
        ),
        "status_label": t("ingest.problems.column.status"),
        "deadline": st.column_config.DateColumn(
            t("ingest.problems.column.deadline"), format="YYYY-MM-DD"
        ),
    }


flt = current_filter()
node = current_drill_node(flt)
show_breadcrumb(node.crumbs)
headline = cached_query(fetch_headline, flt)
render_kpi_row(changed_kpis(flt, fetch_headline, headline_kpis, headline))
if headline.problems_total == 0:
    show_empty_state()
    st.stop()

level = node.child_level
if level != "problem":
    members = cached_query(fetch_region_comparison, flt, level=level)
    member_noun, members_noun = MEMBER_NOUNS[level], MEMBERS_NOUNS[level]
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
        metric = st.segmented_control(
            t("pages.townships.metric"),
            list(METRICS),
            format_func=lambda column: METRICS[column].name,
            default="completion_rate",
            required=True,
            key="townships_metric",
        )
        # Laggards first and every member by default: the ones a leader looks for.
        laggards = st.toggle(t("pages.townships.laggards_first"), True, key="townships_laggards")
        every = ranked(members, metric, ascending=METRICS[metric].laggards_low == laggards)
        show_all = len(every) <= DEFAULT_LIMIT or not st.toggle(
            t("pages.townships.top_only_toggle", count=DEFAULT_LIMIT),
            key="townships_top_only",
        )
    rows = every if show_all else every.head(DEFAULT_LIMIT)
    note = t("pages.townships.bar_hint", member=member_noun)
    if not show_all:
        note += t("pages.townships.top_only", count=DEFAULT_LIMIT)
    map_data = township_map_data(flt, level, members)  # beside the ranking, same figure
    ranking_area, map_area = st.columns([3, 2], gap="large") if map_data else (st.container(), None)
    with ranking_area:
        show_chart(
            cached_chart(ranking_chart, rows, metric, level, note=note),
            key=f"ranking_{level}",
            selection=MEMBER_SELECTION,
            filter_field=LEVEL_FIELDS[level],
        )
    if map_area is not None and map_data is not None:
        with map_area:
            show_township_map(map_data, metric)
    if level == "township":
        weeks = cached_query(fetch_township_weekly, flt)
        if not weeks.empty:
            show_chart(
                cached_chart(weekly_small_multiples, weeks),
                key="township_weeks",
                selection=TOWNSHIP_SELECTION,
                filter_field="townships",
            )
    title = t("pages.townships.comparison", members=members_noun)
    st.subheader(title, anchor=False)
    st.caption(t("pages.townships.comparison_hint"))
    columns = comparison_columns()
    show_member_table(members, key=f"members_{level}", level=level, column_config=columns)
    table_downloads(members, key=f"members_{level}", title=title, column_config=columns)
    if level == "township":
        show_projection(flt, key="townships")
        show_deadline_warnings(flt, key="townships")
if level in ("village", "problem"):
    title = t("frame.page.problems")
    st.subheader(title, anchor=False)
    st.caption(t("pages.townships.problems_hint"))
    problems = cached_query(fetch_problem_ledger, flt)
    columns = problem_columns()
    show_drill_table(problems, key="drill_problems", column_config=columns)
    table_downloads(problems, key="drill_problems", title=title, column_config=columns)
