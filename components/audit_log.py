"""The audit log browser (filters: actor, action, local date range) and audited downloads."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from components.auth import CurrentUser, signed_in_user
from data_access.audit import (
    AUDIT_ACTIONS,
    LOCAL_TIMEZONE,
    list_audit_actors,
    list_audit_events,
    record_event,
)
from data_access.cache import cached_engine
from data_access.db import session_scope

ALL = ""
DEFAULT_DAYS = 30
ROW_LIMIT = 1000
COLUMNS = {
    "at": "时间",
    "actor": "操作人",
    "action_label": "操作",
    "target": "对象",
    "detail": "详情",
}


def show_audit_filters() -> dict[str, object]:
    """Actor, action and date range widgets; returns list_audit_events keyword arguments."""
    with session_scope(cached_engine()) as session:
        actors = list_audit_actors(session=session)
    today = date.today()
    actor_column, action_column, days_column = st.columns([1, 1, 2])
    actor = actor_column.selectbox(
        "操作人", [ALL, *actors], format_func=lambda a: a or "全部", key="audit_actor"
    )
    action = action_column.selectbox(
        "操作",
        [ALL, *AUDIT_ACTIONS],
        format_func=lambda code: AUDIT_ACTIONS.get(code, "全部"),
        key="audit_action",
    )
    days = days_column.date_input(
        "日期范围", value=(today - timedelta(days=DEFAULT_DAYS), today), key="audit_days"
    )
    start, end = date_range(days)
    return {"actor": actor or None, "action": action or None, "date_from": start, "date_to": end}


def date_range(value: object) -> tuple[date | None, date | None]:
    """(first, last) day of a date_input value: a range, a range half picked, or one day."""
    if isinstance(value, tuple | list):
        first = value[0] if value else None
        return first, value[1] if len(value) > 1 else first
    return value, value  # type: ignore[return-value]


def show_audit_events(filters: dict[str, object]) -> None:
    """The matching events, newest first, times in the office's time zone (never cached)."""
    with session_scope(cached_engine()) as session:
        events = list_audit_events(session=session, limit=ROW_LIMIT, **filters)
    st.caption(f"共 {len(events)} 条（最多显示 {ROW_LIMIT} 条，按时间倒序）")
    local = events["at"].dt.tz_convert(LOCAL_TIMEZONE).dt.strftime("%Y-%m-%d %H:%M:%S")
    shown = events.assign(at=local)
    st.dataframe(
        shown[list(COLUMNS)].rename(columns=COLUMNS),
        hide_index=True,
        width="stretch",
        key="audit_table",
    )


def record_download(user: CurrentUser, target: str, detail: str = "") -> None:
    """Write the audit row for a download the user just clicked."""
    with session_scope(cached_engine(), write=True) as session:
        record_event(
            session=session, actor=user.username, action="download", target=target, detail=detail
        )


def audited_download_button(
    label: str,
    data: bytes | str,
    *,
    file_name: str,
    mime: str,
    key: str,
    detail: str = "",
) -> None:
    """st.download_button that leaves a "download" audit row (who, which file) when clicked.

    detail says what was in the file (e.g. the Filter's URL parameters).
    """
    user = signed_in_user()
    st.download_button(
        label,
        data,
        file_name=file_name,
        mime=mime,
        key=key,
        on_click=record_download,
        args=(user, file_name, detail),
        icon=":material/download:",
    )
