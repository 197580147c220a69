"""Parts of the frame around every page: database error panel, demo-data banner."""

from __future__ import annotations

import logging
import runpy

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from components.auth import SESSION_CURRENT, CurrentUser
from components.markdown import md
from data_access.cache import cached_query
from data_access.office import Heading, fetch_heading, fetch_unit_terms
from data_access.queries import is_demo_data
from data_access.roles import can
from i18n import DEFAULT_TERMS, get_terms, set_terms, t

LOGGER = logging.getLogger(__name__)


def demo_notice() -> str:
    """The demo-data notice (banner and exports): totals real, distribution illustrative."""
    return t("frame.demo_notice")


def show_database_error(error: Exception) -> None:
    """A clear panel instead of a traceback (bilingual in Chinese); the server log keeps the
    detail, which names the database's user, host, port and name: the panel shows it only
    to the admin this session signed in as (remembered from the last run that could ask)."""
    LOGGER.error("database unavailable: %s", error)
    user = st.session_state.get(SESSION_CURRENT)
    if isinstance(user, CurrentUser) and can(user.role, "see_error_details"):
        st.error(md("frame.database_error", error=error), icon=":material/error:")
    else:
        st.error(t("frame.database_error_brief"), icon=":material/error:")


def show_page_error() -> None:
    """A friendly notice for an unexpected error; Streamlit logs the traceback on the server.

    client.showErrorDetails = "none" keeps the details out of the browser.
    """
    st.error(t("frame.page_error"), icon=":material/error:")


OFFICE_WORDS_KEY = "office_words"  # session: the office's terms and heading last read


def remembered_office_words() -> Heading | None:
    """Use the office's words this session last read (乡镇 and 村 before any) for the frame's
    parts drawn before the page's access check, which may read nothing but the account;
    the heading last read, if any."""
    terms, heading = st.session_state.get(OFFICE_WORDS_KEY, (DEFAULT_TERMS, None))
    set_terms(terms)
    return heading


def apply_office_words() -> Heading:
    """Read the office's words for its units (乡镇 or 街道, 村 or 社区 ...: i18n.Terms) and its
    title and subtitle, for a page the user may open, and use them for the rest of the run.
    When the terms differ from those the navigation was drawn with (a session's first run,
    new regions), rerun once so the page names show them too."""
    terms = cached_query(fetch_unit_terms, None)
    heading = cached_query(fetch_heading, None)
    changed = terms != get_terms()
    st.session_state[OFFICE_WORDS_KEY] = (terms, heading)
    if changed:
        st.rerun()
    return heading


def sidebar_caption(heading: Heading) -> str:
    """The caption above the pages: the office's title, and its round's theme when it has one."""
    if not heading.subtitle:
        return heading.title
    return t("frame.sidebar_caption", title=heading.title, theme=heading.subtitle)


def show_demo_banner() -> None:
    """Mark demo data as such on every page (totals real, distribution illustrative)."""
    if cached_query(is_demo_data, None):
        st.info(demo_notice(), icon=":material/info:")


def require_frame() -> None:
    """Run the page inside dashboard.py's frame when Streamlit ran it without the frame.

    With a pages/ folder beside the entry script, Streamlit 1.67 starts each server process
    (and each AppTest run) in its legacy multipage mode: a page URL as the first request runs
    that page alone, without the sign-in gate, until some run calls st.navigation. Every page
    calls this first; in that mode it leaves the mode as st.navigation would, runs the entry
    script in this same run (its gate, then this page again, inside the frame) and stops.
    """
    if not PagesManager.uses_pages_directory:
        return
    PagesManager.uses_pages_directory = False
    ctx = get_script_run_ctx()
    assert ctx is not None, "a page script runs inside a Streamlit script run"
    runpy.run_path(str(ctx.pages_manager.main_script_path), run_name="__main__")
    st.stop()
