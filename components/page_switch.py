"""Another page chosen in a click's callback: queued there, opened by the frame first thing.

A click handled in the run (st.switch_page where the table or chart is drawn) costs the
source page's run up to that element before the new page runs; queued in the callback,
the frame opens the new page before anything of the old one is drawn.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from components.language import with_language

QUEUED_PAGE_KEY = "queued_page"


def queue_page(path: str, params: Mapping[str, str]) -> None:
    """From a widget callback: open the page script path with params in the coming run."""
    st.session_state[QUEUED_PAGE_KEY] = (path, dict(params))


def follow_queued_page() -> None:
    """In the frame, right after st.navigation: open a queued page (this run stops here)."""
    queued = st.session_state.pop(QUEUED_PAGE_KEY, None)
    if queued is not None:
        path, params = queued
        st.switch_page(path, query_params=with_language(params))
