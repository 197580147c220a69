"""The admin's one-step removal of the demo data (shown only while demo data is present)."""

from __future__ import annotations

import streamlit as st

from components.auth import CurrentUser
from components.markdown import escape_markdown
from components.saved_change import show_saved_notice
from data_access.cache import cached_engine, cached_query
from data_access.db import session_scope
from data_access.demo_data import DemoDataError, remove_demo_data
from data_access.queries.setup import fetch_setup_status
from i18n import t

CONFIRM_KEY = "demo_remove_confirm"
NOTICE_KEY = "demo_remove_notice"


def show_demo_removal(admin: CurrentUser) -> None:
    """A bordered box with the remove button and a confirm step, while the demo is stored."""
    show_saved_notice(NOTICE_KEY)
    if not cached_query(fetch_setup_status, None).demo:
        return
    with st.container(border=True, key="demo_removal"):
        st.markdown(t("admin.demo.title"))
        st.caption(t("admin.demo.caption"))
        keep = st.checkbox(t("admin.demo.keep_regions"), key="demo_keep_regions")
        if st.button(t("admin.demo.remove"), key="remove_demo", icon=":material/delete:"):
            st.session_state[CONFIRM_KEY] = True
        if st.session_state.get(CONFIRM_KEY):
            _confirm(admin, keep_regions=keep)


def _confirm(admin: CurrentUser, *, keep_regions: bool) -> None:
    """The confirm and cancel buttons; removing reruns with a notice."""
    st.warning(t("admin.demo.confirm_question"))
    yes, no = st.columns(2)
    if yes.button(t("admin.demo.confirm"), type="primary", key="remove_demo_yes"):
        try:
            with session_scope(cached_engine(), write=True) as session:
                counts = remove_demo_data(
                    session=session, actor=admin.username, keep_regions=keep_regions
                )
        except DemoDataError as missing:
            st.error(escape_markdown(missing))
            return
        st.session_state.pop(CONFIRM_KEY, None)
        st.session_state[NOTICE_KEY] = t("admin.demo.removed", rows=f"{sum(counts.values()):,}")
        st.rerun()
    if no.button(t("admin.cancel"), key="remove_demo_no"):
        st.session_state.pop(CONFIRM_KEY, None)
        st.rerun()
