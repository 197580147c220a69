"""The audit log browser (filters: actor, action, local date range) and audited downloads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TypedDict

import streamlit as st

from components.auth import CurrentUser, signed_in_user
from data_access.audit import (
    AUDIT_ACTIONS,
    CSV_COLUMNS,
    audit_events_csv,
    csv_headers,
    list_audit_actors,
    list_audit_events,
    local_times,
    record_event,
)
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.formatting import local_now, local_today
from data_access.roles import can
from i18n import get_language, t, use_language

ALL = ""
DEFAULT_DAYS = 30
ROW_LIMIT = 1000


class AuditFilters(TypedDict):
    """list_audit_events keyword arguments chosen in the filter widgets."""

    actor: str | None
    action: str | None
    date_from: date | None
    date_to: date | None


def show_audit_filters() -> AuditFilters:
    """Actor, action and date range widgets; returns list_audit_events keyword arguments."""
    with session_scope(cached_engine()) as session:
        actors = list_audit_actors(session=session)
    today = local_today()  # the office's day, as the filter reads it
    actor_column, action_column, days_column = st.columns([1, 1, 2])
    everything = t("admin.audit.all")
    actor = actor_column.selectbox(
        t("admin.audit.column.actor"),
        [ALL, *actors],
        format_func=lambda a: a or everything,
        key="audit_actor",
    )
    action = action_column.selectbox(
        t("admin.audit.column.action_label"),
        [ALL, *AUDIT_ACTIONS],
        format_func=lambda code: AUDIT_ACTIONS.get(code, everything),
        key="audit_action",
    )
    days = days_column.date_input(
        t("admin.audit.days"),
        value=(today - timedelta(days=DEFAULT_DAYS), today),
        format="YYYY-MM-DD",  # as every date of the dashboard (Streamlit's default: YYYY/MM/DD)
        key="audit_days",
    )
    start, end = date_range(days)
    return {"actor": actor or None, "action": action or None, "date_from": start, "date_to": end}


def date_range(value: object) -> tuple[date | None, date | None]:
    """(first, last) day of a date_input value: a range, a range half picked, or one day."""
    if isinstance(value, tuple | list):
        first = value[0] if value else None
        return first, value[1] if len(value) > 1 else first
    return (value, value) if isinstance(value, date) else (None, None)


def show_audit_events(filters: AuditFilters) -> None:
    """The matching events, newest first, times in the office's time zone (never cached)."""
    with session_scope(cached_engine()) as session:
        events = list_audit_events(session=session, limit=ROW_LIMIT, **filters)
    st.caption(t("admin.audit.count", count=len(events), limit=ROW_LIMIT))
    shown = events.assign(at=local_times(events["at"]))[list(CSV_COLUMNS)].rename(
        columns=csv_headers()
    )
    st.dataframe(shown, hide_index=True, width="stretch", key="audit_table", placeholder="—")
    audited_download_button(
        t("admin.audit.download"),
        audit_events_csv(events),
        file_name=f"audit_log_{local_now():%Y%m%d_%H%M}.csv",
        mime="text/csv",
        key="audit_csv",
        detail=f"{len(events)} rows",
    )


def record_download(user: CurrentUser, target: str, detail: str = "") -> None:
    """Write the audit row for a download the user asked for."""
    with session_scope(cached_engine(), write=True) as session:
        record_event(
            session=session, actor=user.username, action="download", target=target, detail=detail
        )


def audited_download_button(
    label: str,
    data: bytes | str | Callable[[], bytes | str],
    *,
    file_name: str,
    mime: str,
    key: str,
    detail: str = "",
    permission: str = "export",
) -> None:
    """st.download_button whose file is handed out only after a "download" audit row is written.

    The file is made on request (deferred data), so the row is committed before the browser
    gets a byte, with no rerun. Shown only to roles with permission ("export"; the briefing
    has its own, which leaders hold too; deny by default); detail says what was in the file
    (e.g. the Filter's URL parameters). data may itself be a callable that makes the file.
    """
    user = signed_in_user()
    if not can(user.role, permission):
        return
    # Streamlit makes the file on a thread of its own, outside this run's context: the file
    # must still follow the language of the page the button was on.
    language = get_language()

    def audited_data() -> bytes | str:
        """Record the download, then make the file (in the page's language)."""
        with use_language(language):
            record_download(user, file_name, detail)
            return data() if callable(data) else data

    st.download_button(
        label,
        audited_data,
        file_name=file_name,
        mime=mime,
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )
