"""往期简报 (the briefing archive): the briefing as of each upload day or of any past day,
and two days' headline figures side by side.

A past day's briefing is the usual one with the Filter's as_of set to that day, so every
figure is replayed from the status history (docs/notice.md); its downloads are audited
like any briefing's. The list has one entry per upload day (data_access.upload_days).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from components.auth import current_scope, signed_in_user
from components.briefing import briefing_title
from components.downloads import briefing_downloads
from components.filter_bar import filter_options
from data_access.cache import cached_query
from data_access.filters import Filter
from data_access.formatting import format_date, local_today
from data_access.kpis import headline_kpis
from data_access.meeting.paths import Step
from data_access.queries import fetch_headline
from data_access.roles import can
from data_access.upload_days import SEED_KIND, UploadDay, fetch_upload_days
from i18n import t

ARCHIVE_DAYS = 8  # upload days listed (two months of weekly uploads); older: the picker
NAMES_SHOWN = 3  # file names in an entry's label; more are counted
PICKER_WIDTH = 240  # pixels: a day, not the whole row


def upload_days() -> tuple[UploadDay, ...]:
    """The upload days the signed-in account may see, newest first (cached)."""
    return cached_query(fetch_upload_days, None, scope=current_scope())


def as_of_steps(steps: Sequence[Step], day: date) -> list[Step]:
    """steps as of the end of day, their other filters kept."""
    return [Step(step.kind, step.flt.with_(as_of=day), step.title) for step in steps]


def day_title(title: str, day: date) -> str:
    """A past day's briefing title: the usual one with the day (also in its file name)."""
    return t("archive.titled", title=title, day=format_date(day))


def entry_label(entry: UploadDay) -> str:
    """ "2018-07-16　第10周台账.xlsx、…" (the demo seed named as such)."""
    names = [
        t("admin.batch.kind.seed") if upload.kind == SEED_KIND else upload.file_name
        for upload in entry.uploads
    ]
    files = t("download.list_separator").join(names[:NAMES_SHOWN])
    if len(names) > NAMES_SHOWN:
        files = t("archive.more_files", files=files, count=len(names))
    return t("archive.entry", day=format_date(entry.day), files=files)


def day_briefing(steps: Sequence[Step], day: date, *, label: str, key: str, title: str) -> None:
    """One day's row: its label, then the PDF and Word buttons of its briefing."""
    with st.container(horizontal=True, vertical_alignment="center", key=f"{key}_row"):
        st.text(label)  # file names came from users: plain text, never Markdown
        briefing_downloads(as_of_steps(steps, day), key=key, title=day_title(title, day))


def day_key(key: str, day: date) -> str:
    """The widget key of a day's row."""
    return f"{key}_{day:%Y%m%d}"


def show_upload_days(
    steps: Sequence[Step], days: Sequence[UploadDay], *, key: str, title: str
) -> None:
    """The newest upload days, a briefing each (or a line saying there is none yet)."""
    if not days:
        st.caption(t("archive.none"))
    for entry in days[:ARCHIVE_DAYS]:
        label = entry_label(entry)
        day_briefing(steps, entry.day, label=label, key=day_key(key, entry.day), title=title)
    if len(days) > ARCHIVE_DAYS:
        st.caption(t("archive.older", count=len(days) - ARCHIVE_DAYS))


def other_day(steps: Sequence[Step], *, key: str, title: str) -> date | None:
    """A date picker for any past day, and that day's briefing once one is picked."""
    first = filter_options().first_found
    day = st.date_input(
        t("archive.other_day"),
        value=None,
        min_value=min(first, local_today()) if first else None,
        max_value=local_today(),
        key=f"{key}_other",
        format="YYYY-MM-DD",
        width=PICKER_WIDTH,
    )
    if isinstance(day, date):
        label = t("archive.other_entry", day=format_date(day))
        day_briefing(steps, day, label=label, key=f"{key}_other", title=title)
        return day
    return None


def side_by_side(flt: Filter, days: Sequence[date]) -> pd.DataFrame:
    """The headline figures as of each day, one column a day (oldest first)."""
    cards = {day: headline_kpis(cached_query(fetch_headline, flt.with_(as_of=day))) for day in days}
    first = cards[days[0]]
    columns = {t("archive.figure"): [card.label for card in first]}
    columns |= {format_date(day): [card.value for card in cards[day]] for day in days}
    return pd.DataFrame(columns)


def show_side_by_side(
    flt: Filter, days: Sequence[date], *, key: str, picked: date | None = None
) -> None:
    """Two chosen days' headline figures next to each other (queried only when asked).

    The first choice starts on the picked day (else the upload before the newest).
    """
    if not st.toggle(t("archive.compare"), key=f"{key}_compare"):
        return
    if len(days) < 2:
        st.caption(t("archive.compare_needs_two"))
        return
    left, right = st.columns(2)
    earlier = left.selectbox(
        t("archive.compare_first"),
        days,
        index=days.index(picked) if picked in days else 1,
        format_func=format_date,
        key=f"{key}_first",
    )
    later = right.selectbox(
        t("archive.compare_second"), days, index=0, format_func=format_date, key=f"{key}_second"
    )
    chosen = sorted({earlier, later})
    st.dataframe(side_by_side(flt, chosen), hide_index=True, key=f"{key}_figures")


def show_briefing_archive(steps: Sequence[Step], *, key: str, title: str | None = None) -> None:
    """往期简报 in an expander that runs only when open (the comparison queries the ledger)."""
    if not steps or not can(signed_in_user().role, "briefing"):
        return
    title = title or briefing_title()
    with st.expander(
        t("archive.title"), icon=":material/history:", key=key, on_change="rerun"
    ) as box:
        if not box.open:
            return
        st.caption(t("archive.caption"))
        days = upload_days()
        show_upload_days(steps, days, key=key, title=title)
        picked = other_day(steps, key=key, title=title)
        listed = [entry.day for entry in days[:ARCHIVE_DAYS]]
        choices = sorted({*listed, *([picked] if picked else [])}, reverse=True)
        show_side_by_side(steps[0].flt, choices, key=key, picked=picked)


def show_archive_picker(steps: Sequence[Step], *, key: str, title: str) -> None:
    """A compact archive (the meeting menu): pick an upload day, get that day's briefing."""
    days = {entry.day: entry for entry in upload_days()[:ARCHIVE_DAYS]}
    if not days:
        return
    day = st.selectbox(
        t("archive.picker"),
        list(days),
        index=None,
        format_func=lambda day: entry_label(days[day]),
        placeholder=t("archive.picker_placeholder"),
        key=key,
    )
    if day is not None:
        briefing_downloads(as_of_steps(steps, day), key=key, title=day_title(title, day))
