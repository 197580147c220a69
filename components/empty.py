"""The empty state: a clear notice instead of an empty chart when a filter matches nothing."""

from __future__ import annotations

import streamlit as st

from i18n import t


def show_empty_state(message: str | None = None, *, hint: str | None = None) -> None:
    """A notice that nothing matches (message, or the general one), with what to do next."""
    text = message or t("components.empty.no_match")
    st.info(f"**{text}**  \n{hint or t('components.empty.hint')}", icon=":material/search_off:")


def stop_if_empty(is_empty: bool, message: str | None = None, *, hint: str | None = None) -> None:
    """When is_empty, show the empty state and end the page's run here."""
    if is_empty:
        show_empty_state(message, hint=hint)
        st.stop()
