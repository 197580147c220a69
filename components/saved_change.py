"""An admin's change saved in one write transaction, and its notice shown once after the rerun."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from sqlmodel import Session

from components.markdown import escape_markdown
from data_access.cache import cached_engine
from data_access.db import session_scope


def save_change(
    notice_key: str,
    done: str,
    change: Callable[[Session], object],
    refusals: tuple[type[Exception], ...],
) -> None:
    """Run change in a write transaction; rerun with the notice done, or show why it was refused.

    done is shown as Markdown: build it with components.markdown.md.
    """
    try:
        with session_scope(cached_engine(), write=True) as session:
            change(session)
    except refusals as refused:
        st.error(escape_markdown(refused), icon=":material/block:")
        return
    st.session_state[notice_key] = done
    st.rerun()


def show_saved_notice(notice_key: str) -> None:
    """The outcome of the last saved change, once."""
    notice = st.session_state.pop(notice_key, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
