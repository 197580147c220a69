"""Entry point and frame around every page: `streamlit run dashboard.py`.

Order of the frame: page config -> database check -> (sign-in, issue 5) -> navigation
-> global filter bar (sidebar) -> page title, notices and filter chips -> the chosen page.
"""

import streamlit as st

from components.filter_bar import show_filter_bar, show_filter_chips
from components.filter_state import show_filter_notices
from components.frame import show_database_error, show_demo_banner
from components.navigation import navigation_pages
from data_access.cache import cached_engine
from data_access.db import DatabaseUnavailableError


def main() -> None:
    """Render the frame and run the page the URL asks for."""
    # An emoji favicon is drawn locally; a Material icon (also each page's icon, when no
    # page_icon is set) would be fetched from fonts.gstatic.com, unreachable on an intranet.
    st.set_page_config(page_title="巡察整改看板", page_icon="📋", layout="wide")
    pages = navigation_pages()
    try:
        cached_engine()  # connects, and upgrades the schema once per process
    except DatabaseUnavailableError as error:
        st.navigation(pages, position="hidden")  # claim the router so no page runs
        show_database_error(error)
        return
    page = st.navigation(pages)
    st.sidebar.caption("巡察整改看板 · 脱贫攻坚专项巡察")
    try:
        flt = show_filter_bar()  # also drops unknown ids from the URL, with a notice
        st.title(page.title)  # one place for page titles; pages start with their content
        show_demo_banner()
        show_filter_notices()
        show_filter_chips(flt)
        page.run()
    except DatabaseUnavailableError as error:  # lost mid-run: same panel, no traceback
        show_database_error(error)


main()
