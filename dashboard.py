"""Entry point and frame around every page (served by `streamlit run serve.py`).

Order of the frame: page config -> database check -> sign-in gate (first-admin setup,
sign-in form, single sign-on; the account re-read from the database every rerun) ->
navigation of the role's pages (any other page's URL: "no access", nothing of it runs)
-> global filter bar (sidebar) -> page title, notices and filter chips -> the chosen page.
"""

import streamlit as st

from components.auth import CurrentUser, current_user, remember_for_this_run
from components.filter_bar import show_filter_bar
from components.filter_chips import show_filter_chips
from components.filter_state import show_filter_notices
from components.frame import (
    apply_office_words,
    remembered_office_words,
    show_database_error,
    show_demo_banner,
    show_page_error,
    sidebar_caption,
)
from components.language import apply_language, show_language_switch
from components.live import show_live_status, track_data_version
from components.navigation import is_full_screen, navigation_pages, page_key, uses_filters
from components.page_switch import follow_queued_page
from components.session_cookie import write_queued_cookie
from components.setup_guide import show_setup_guide
from components.signin_forms import show_account_menu, show_no_access, show_sign_in_screen
from data_access.cache import cached_engine
from data_access.db import DatabaseUnavailableError
from data_access.roles import can
from i18n import t


def signed_in() -> CurrentUser | None:
    """The signed-in user, or None after showing the sign-in screen or the database error."""
    try:
        cached_engine()  # connects, and upgrades the schema once per process
        user = current_user()
    except DatabaseUnavailableError as error:
        st.navigation(navigation_pages(), position="hidden")  # claim the router so no page runs
        show_database_error(error)
        return None
    remember_for_this_run(user)
    if user is None:
        write_queued_cookie()  # the removal of an ended session's cookie
        # Every page registered but hidden: the URL's page waits until after sign-in.
        st.navigation(navigation_pages(), position="hidden")
        try:
            show_sign_in_screen()
        except DatabaseUnavailableError as error:
            show_database_error(error)
    return user


def main() -> None:
    """Render the frame and run the page the URL asks for, if the user's role may open it."""
    # An emoji favicon is drawn locally; a Material icon (also each page's icon, when no
    # page_icon is set) would be fetched from fonts.gstatic.com, unreachable on an intranet.
    lang = apply_language()  # first: every string below is rendered in this language
    st.set_page_config(page_title=t("frame.app_title"), page_icon="📋", layout="wide")
    show_language_switch(lang)
    user = signed_in()
    if user is None:
        return
    heading = remembered_office_words()  # page names name the office's units
    # expanded: an admin has 14 pages; "View more" would hide 行政区划 and 巡察轮次.
    page = st.navigation(navigation_pages(role=user.role), expanded=True)
    follow_queued_page()  # a click's callback chose another page: open it before drawing this
    caption = st.sidebar.empty()
    show_account_menu(user)
    if not can(user.role, page_key(page)):
        write_queued_cookie()
        if heading is not None:
            caption.caption(sidebar_caption(heading))
        st.title(page.title)
        show_no_access()  # the page's script never runs: no query, no widget of it
        return
    try:
        caption.caption(sidebar_caption(apply_office_words()))  # may rerun once, see there
        stamp = track_data_version()  # before any query: the version this run renders with
        # The bar also drops unknown ids from the URL (with a notice); only where filters act.
        flt = show_filter_bar() if uses_filters(page) else None
        st.title(page.title)  # one place for page titles; pages start with their content
        show_demo_banner()
        # The live line's fragment stays outside the container below: a polling fragment
        # nested in it left its old line on screen beside the new one after a rerun.
        show_live_status(stamp, page=page_key(page), role=user.role)
        # One container for what comes and goes (a sign-in's cookie write, notices, chips):
        # the browser matches elements by their place, so the page's own keep theirs and are
        # updated, not drawn anew (docs/performance.md).
        with st.container():
            write_queued_cookie()  # a sign-in's token
            show_filter_notices()
            if flt is not None and not is_full_screen(page):  # 会议模式: its own filters
                show_filter_chips(flt)
        if show_setup_guide(page_key(page), user):  # a new office: the steps, not empty charts
            return
        page.run()
    except DatabaseUnavailableError as error:  # lost mid-run: same panel, no traceback
        show_database_error(error)
    except Exception:
        show_page_error()
        raise  # Streamlit logs the traceback and shows the browser no details


main()
