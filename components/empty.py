"""The empty state: a clear notice instead of an empty chart when a filter matches nothing."""

from __future__ import annotations

import streamlit as st

NO_MATCH = "当前筛选条件下没有匹配的记录。"
HINT = "可在左侧筛选栏调整条件，或点击“清除全部”查看全部数据。"


def show_empty_state(message: str | None = None, *, hint: str = HINT) -> None:
    """A notice that nothing matches (message, or the general one), with what to do next."""
    st.info(f"**{message or NO_MATCH}**  \n{hint}", icon=":material/search_off:")


def stop_if_empty(is_empty: bool, message: str | None = None, *, hint: str = HINT) -> None:
    """When is_empty, show the empty state and end the page's run here."""
    if is_empty:
        show_empty_state(message, hint=hint)
        st.stop()
