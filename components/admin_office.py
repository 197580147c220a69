"""巡察轮次 page part: the office's setup (its name in the title, its own words for its units)."""

from __future__ import annotations

import streamlit as st

from components.admin_rounds import NOTICE_KEY
from components.auth import CurrentUser
from components.markdown import md
from components.saved_change import save_change
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.office import OfficeError, fetch_office_settings, set_office_settings
from i18n import t


def show_office_settings(admin: CurrentUser) -> None:
    """A form with the office's name and its words for its township- and village-level units
    (left empty: the words follow the kinds of its regions)."""
    with session_scope(cached_engine()) as session:
        current = fetch_office_settings(session=session)
    with st.form("office_settings"):
        values = {
            key: st.text_input(
                t(f"admin.office.{key}"),
                value=current[key],
                help=t(f"admin.office.{key}_help"),
                key=f"office_{key}",
            )
            for key in current
        }
        submitted = st.form_submit_button(t("admin.office.save"))
    if submitted:
        save_change(
            NOTICE_KEY,
            md("admin.office.saved"),
            lambda s: set_office_settings(session=s, actor=admin.username, values=values),
            (OfficeError,),
        )
