"""Parts of the frame around every page: database error panel, demo-data banner."""

from __future__ import annotations

import streamlit as st

from data_access.cache import cached_query
from data_access.queries import is_demo_data
from i18n import t


def demo_notice() -> str:
    """The demo-data notice (banner and exports): totals real, distribution illustrative."""
    return t("frame.demo_notice")


def show_database_error(error: Exception) -> None:
    """A clear panel instead of a traceback (bilingual in Chinese); the detail names the cause."""
    st.error(t("frame.database_error", error=error), icon=":material/error:")


def show_page_error() -> None:
    """A friendly notice for an unexpected error; Streamlit logs the traceback on the server.

    client.showErrorDetails = "none" keeps the details out of the browser.
    """
    st.error(t("frame.page_error"), icon=":material/error:")


def show_demo_banner() -> None:
    """Mark demo data as such on every page (totals real, distribution illustrative)."""
    if cached_query(is_demo_data, None):
        st.info(demo_notice(), icon=":material/info:")
