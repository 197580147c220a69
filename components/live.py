"""Live updates: an open page polls the data version and reruns when, and only when, it changed.

The frame reads the version row before any query of a run (track_data_version) and keeps
it in the session as the version this session rendered with. A fragment on every read
page (watch_data_version) then asks only for the version, every LIVE_POLL_SECONDS; when
it differs, it reruns the whole app, whose cached queries key on the new version. Meeting
mode (defer=True) never reruns under the presenter: it says new data is waiting, and the
next step the presenter takes (a rerun) shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import streamlit as st

from components.auth import current_scope
from components.import_history import show_history_table
from components.language import with_language
from data_access.cache import cached_query, current_data_version, fresh_query
from data_access.db import DatabaseUnavailableError
from data_access.formatting import format_clock, format_int, format_time, to_local
from data_access.live import DataChange, DataStamp, fetch_data_change, read_data_stamp
from data_access.models import utc_now
from data_access.roles import can
from data_access.settings import get_settings
from i18n import t

STAMP_KEY = "live_stamp"  # the DataStamp this session last rendered with
NOTICE_KEY = "live_notice"  # the LiveNotice of the last change this session saw
TOAST_KEY = "live_toast"  # True until the notice has been toasted once
BATCH_PARAM = "batch"  # ?batch=ID on the imports page: the batch a notice links to
IMPORTS_PAGE = "pages/imports.py"
# Read pages that follow new data at once; meeting mode defers, data entry pages don't poll.
LIVE_PAGES = frozenset(
    {"overview", "townships", "problems", "funds", "accountability", "leads", "problem"}
)


@dataclass(frozen=True)
class LiveNotice:
    """What the last change this session saw did, when, and the batch to link to."""

    when: str  # local time, e.g. "15:42"
    summary: str  # e.g. "新增 12 条，整改完成 +8"
    batch_id: int | None

    @property
    def text(self) -> str:
        """The toast's text, e.g. "15:42 更新：新增 12 条，整改完成 +8"."""
        return t("frame.live.toast", when=self.when, summary=self.summary)


def deferred_text() -> str:
    """Meeting mode's notice that new data waits for the presenter's next step."""
    return t("frame.live.deferred")


def track_data_version() -> DataStamp:
    """Remember the version this run renders with (call before any query of the run).

    When it differs from the one the session rendered with before, the change is
    summarised once (cached per version) as this session's notice.
    """
    stamp = fresh_query(read_data_stamp)
    seen = st.session_state.get(STAMP_KEY)
    if isinstance(seen, DataStamp) and seen.version != stamp.version:
        # Within the reader's townships: a scoped reader learns nothing of the others.
        scope = current_scope()
        change = cached_query(fetch_data_change, None, since_version=seen.version, scope=scope)
        if change is not None:
            st.session_state[NOTICE_KEY] = notice_for(change)
            st.session_state[TOAST_KEY] = True
    st.session_state[STAMP_KEY] = stamp
    return stamp


def notice_for(change: DataChange, now: datetime | None = None) -> LiveNotice:
    """The notice of a change, e.g. "15:42 更新：新增 12 条，整改完成 +8"."""
    moment = change.changed_at or (change.latest.at if change.latest else None)
    when = local_time(moment, now) if moment else t("frame.live.just_now")
    latest = change.latest
    return LiveNotice(
        when=when,
        summary=t("frame.list_separator").join(change_parts(change)) or t("frame.live.updated"),
        batch_id=latest.batch_id if latest else None,
    )


def change_parts(change: DataChange) -> list[str]:
    """The pieces of a notice: rows added and changed, imports undone, rectified delta."""
    parts = []
    if any(event.kind == "seed" and event.action == "import" for event in change.events):
        parts.append(t("frame.live.demo_loaded"))
    if change.new:
        parts.append(t("frame.live.added", count=format_int(change.new)))
    if change.changed:
        parts.append(t("frame.live.changed", count=format_int(change.changed)))
    if change.undone:
        parts.append(t("frame.live.undone", count=change.undone))
    if change.rectified_delta:
        parts.append(t("frame.live.rectified", delta=f"{change.rectified_delta:+,d}"))
    return parts


def local_time(moment: datetime, now: datetime | None = None) -> str:
    """A UTC moment on the office's clock: "15:42" today, "2026-05-01 15:42" other days."""
    if to_local(moment).date() == to_local(now or utc_now()).date():
        return format_clock(moment)
    return format_time(moment)


def show_live_status(stamp: DataStamp, *, page: str, role: str) -> None:
    """The frame's part: the toast of a change, the update line, the poll on read pages.

    On read pages the update line is drawn by the polling fragment, so its time stays
    right ("5月1日 15:42" once the day has passed) on a screen left open for days.
    """
    notice = st.session_state.get(NOTICE_KEY)
    if isinstance(notice, LiveNotice) and st.session_state.pop(TOAST_KEY, False):
        st.toast(notice.text, icon=":material/update:", duration="long")
    link = can(role, "imports")
    if page in LIVE_PAGES and poll_seconds() > 0:
        st.fragment(_poll_data_version, run_every=poll_seconds())(False, stamp, link)
    else:
        show_update_line(stamp, link=link)


def show_update_line(stamp: DataStamp, *, link: bool) -> None:
    """One small caption: "数据更新于 15:42", plus what changed when this session saw it.

    Staff (link=True) also get a link to the batch on the import history.
    """
    if stamp.changed_at is None:
        return  # nothing was ever written
    notice = st.session_state.get(NOTICE_KEY)
    notice = notice if isinstance(notice, LiveNotice) else None
    text = ":material/update: " + t("frame.live.updated_at", when=local_time(stamp.changed_at))
    if notice is not None:
        text += f" · {notice.summary}"
    if not (link and notice is not None and notice.batch_id):
        st.caption(text)
        return
    caption, button = st.columns([5, 1], vertical_alignment="center")
    caption.caption(text)
    button.page_link(
        IMPORTS_PAGE,
        label=t("frame.live.batch_link", batch=notice.batch_id),
        icon=":material/history:",
        query_params=with_language({BATCH_PARAM: str(notice.batch_id)}),
    )


def poll_seconds() -> float:
    """LIVE_POLL_SECONDS: how often an open page asks for the data version (0: never)."""
    return get_settings().live_poll_seconds


def watch_data_version(*, defer: bool = False) -> None:
    """Poll the data version every LIVE_POLL_SECONDS (0 turns polling off).

    defer=False reruns the app on a change; defer=True (meeting mode) only says that new
    data is waiting until the presenter's next step reruns the app.
    """
    if poll_seconds() > 0:
        st.fragment(_poll_data_version, run_every=poll_seconds())(defer, None, False)


def _poll_data_version(defer: bool, stamp: DataStamp | None, link: bool) -> None:
    """One poll (the fragment's body): one primary-key lookup, a rerun only on a change.

    With a stamp, the fragment also draws the update line of that stamp.
    """
    if data_version_changed():
        if not defer:
            st.rerun(scope="app")
        st.info(deferred_text(), icon=":material/update:")
    if stamp is not None:
        show_update_line(stamp, link=link)


def data_version_changed() -> bool:
    """True when the database's version differs from the one this session rendered with."""
    seen = st.session_state.get(STAMP_KEY)
    try:
        version = current_data_version()
    except DatabaseUnavailableError:
        return False  # stay quiet; the next full run shows the database error panel
    return isinstance(seen, DataStamp) and version != seen.version


def show_linked_batch(history: pd.DataFrame) -> None:
    """On the imports page, the batch a live notice linked to (?batch=ID), above the list."""
    raw = st.query_params.get(BATCH_PARAM)
    if raw is None:
        return
    batch_id = int(raw) if str(raw).isdigit() else -1
    linked = history[history["id"] == batch_id]
    if linked.empty:
        st.caption(t("frame.live.batch_missing"))  # the URL's text is never echoed as Markdown
        return
    st.markdown(f"**:material/arrow_right: {t('frame.live.batch_title', batch=batch_id)}**")
    show_history_table(linked)
