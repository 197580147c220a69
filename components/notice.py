"""The 通报稿 on a page: the progress paragraph for a Filter, ready to copy into a document."""

from __future__ import annotations

import streamlit as st

from data_access.cache import cached_query
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.queries.notice import fetch_notice
from i18n import t


def show_notice(flt: Filter, *, key: str, expanded: bool = False) -> None:
    """The paragraph for flt in an expander, as a code block (its button copies the text).

    Drafted only while the expander is open (expander_key(key)): closed, the page's first
    render after new data skips its queries (1M problems: about 20–30 ms of the overview's).
    """
    with st.expander(
        t("components.notice.title"),
        expanded=expanded,
        icon=":material/article:",
        key=expander_key(key),
        on_change="rerun",
    ) as box:
        if not box.open:
            return
        # Without an as-of day the paragraph is dated today: part of the cache key.
        text = cached_query(fetch_notice, flt, today=local_today())
        st.caption(t("components.notice.help"))
        with st.container(key=key):
            st.code(text, language=None, wrap_lines=True)


def expander_key(key: str) -> str:
    """The widget key of the notice's expander (True while open)."""
    return f"{key}_open"
