"""The overdue early warning (红黄绿 by township, 逾期清单) and the completion projection."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.deadlines import WARNING_SELECTION, warning_chart
from components.auth import signed_in_user
from components.chart_filter import show_chart
from components.chart_notes import note_largest_townships
from components.chart_specs import cached_chart
from components.downloads import table_downloads
from components.drill_tables import ColumnSpecs, show_drill_table
from data_access.cache import cached_query
from data_access.filters import Filter
from data_access.queries.conditions import reference_day
from data_access.queries.deadlines import (
    OVERDUE_LIST_ROWS,
    fetch_deadline_warnings,
    fetch_overdue_list,
)
from data_access.queries.projection import WINDOW_DAYS, fetch_completion_projection
from data_access.roles import PERSON_NAME_FIELDS
from data_access.settings import get_settings
from i18n import t


def overdue_columns() -> ColumnSpecs:
    """Headers of the 逾期清单 (current language)."""
    number = st.column_config.NumberColumn
    return {
        "code": st.column_config.TextColumn(t("ingest.problems.column.code"), pinned=True),
        "township": t("charts.township"),
        "village": t("ingest.problems.column.village"),
        "description": st.column_config.TextColumn(
            t("ingest.problems.column.description"), width="large"
        ),
        "status_label": t("ingest.problems.column.status"),
        "deadline": st.column_config.DateColumn(
            t("ingest.problems.column.deadline"), format="YYYY-MM-DD"
        ),
        "days_overdue": number(t("components.deadlines.days_overdue"), format="localized"),
        "responsible_unit": t("ingest.problems.column.responsible_unit"),
        "responsible_person": t("ingest.problems.column.responsible_person"),
        "lead_leader": t("ingest.problems.column.lead_leader"),
    }


def projection_columns() -> ColumnSpecs:
    """Headers of the completion projection (current language)."""
    number = st.column_config.NumberColumn
    return {
        "township": st.column_config.TextColumn(t("charts.township"), pinned=True),
        "problems_total": number(t("charts.metric_name.problems_total"), format="localized"),
        "problems_rectified": number(t("charts.rectified"), format="localized"),
        "open_problems": number(t("components.deadlines.open"), format="localized"),
        "rectified_last_4_weeks": number(t("components.deadlines.last_4_weeks"), format="%d"),
        "weekly_pace": number(t("components.deadlines.weekly_pace"), format="%.2f"),
        "outlook_label": t("components.deadlines.outlook"),
    }


def show_deadline_warnings(flt: Filter, *, key: str) -> None:
    """红黄绿 per township (every township of the region; a click filters) and the 逾期清单."""
    days = get_settings().due_soon_days
    st.subheader(t("components.deadlines.title"), anchor=False)
    day = reference_day(flt).isoformat()
    st.caption(t("components.deadlines.rule", day=day, days=days))
    chart_flt = flt.with_(townships=(), villages=(), statuses=())
    counts = cached_query(fetch_deadline_warnings, chart_flt, days=days)
    if counts.empty:
        st.caption(t("components.deadlines.none_open"))
        return
    show_chart(
        cached_chart(warning_chart, counts, days),
        key=f"{key}_warnings",
        selection=WARNING_SELECTION,
        filter_field="townships",
        value_field="township_id",
        also={"filter_status": "statuses"},
    )
    st.caption(t("components.deadlines.click_hint"))
    note_largest_townships(counts, measure=t("components.deadlines.measure"))
    overdue = cached_query(fetch_overdue_list, flt, role=signed_in_user().role)
    show_overdue_list(overdue, key=key)


def show_overdue_list(overdue: pd.DataFrame, *, key: str) -> None:
    """The 逾期清单: longest overdue first, sortable, downloadable (names as the role sees)."""
    title = t("components.deadlines.list_title")
    st.subheader(title, anchor=False)
    if overdue.empty:
        st.caption(t("components.deadlines.no_overdue"))
        return
    if len(overdue) >= OVERDUE_LIST_ROWS:
        st.caption(t("components.deadlines.first_rows", rows=OVERDUE_LIST_ROWS))
    columns = overdue_columns()
    show_drill_table(overdue, key=f"{key}_overdue", column_config=columns)
    table_downloads(
        overdue,
        key=f"{key}_overdue",
        title=title,
        column_config=columns,
        name_columns=PERSON_NAME_FIELDS,
    )


def show_projection(flt: Filter, *, key: str) -> None:
    """When each township (and the whole scope) finishes at its last four weeks' pace."""
    title = t("components.deadlines.projection_title")
    st.subheader(title, anchor=False)
    day = reference_day(flt).isoformat()
    st.caption(t("components.deadlines.method", day=day, window=WINDOW_DAYS))
    projection = cached_query(fetch_completion_projection, flt)
    columns = projection_columns()
    st.dataframe(
        projection,
        key=f"{key}_projection",
        hide_index=True,
        column_order=list(columns),
        column_config=columns,
        width="stretch",
        placeholder="—",
    )
    table_downloads(projection, key=f"{key}_projection", title=title, column_config=columns)
