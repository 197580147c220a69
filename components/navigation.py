"""The page registry: every page of the app once, grouped into sidebar sections."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from data_access.roles import can
from i18n import t

# The design card's folder. Beside the entry script it puts Streamlit 1.67 in its legacy
# multipage mode until the first st.navigation call, in which a page URL runs the page alone
# (no frame, no sign-in): every page calls components.frame.require_frame() first, and
# tests/test_dashboard.py and tests/e2e/test_auth.py check that it does.
PAGES_FOLDER = "pages"
# Sidebar sections and page titles are catalogue keys, translated each run (the language
# may change between runs); url_path never changes, so links and the roles matrix hold.
SECTION_VIEW = "frame.section.view"
SECTION_DATA = "frame.section.data"
SECTION_ADMIN = "frame.section.admin"


@dataclass(frozen=True)
class PageSpec:
    """One page: its script, sidebar title (a catalogue key) and icon, URL path and section."""

    url_path: str  # also the script's name in PAGES_FOLDER and the page key of roles
    title_key: str
    icon: str  # Material Symbols ship with Streamlit (no emoji font or network needed)
    section: str  # a catalogue key, e.g. SECTION_VIEW
    default: bool = False
    hidden: bool = False  # reachable by link and drill-down only, not listed in the sidebar
    full_screen: bool = False  # draws its own screen (会议模式): no filter bar or filter chips
    filtered: bool = True  # its figures follow the data filters (admin and data pages: no)

    @property
    def title(self) -> str:
        """The page's title in the current language."""
        return t(self.title_key)

    @property
    def path(self) -> str:
        """The page script, relative to dashboard.py."""
        return f"{PAGES_FOLDER}/{self.url_path}.py"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "frame.page.overview", ":material/dashboard:", SECTION_VIEW, default=True),
    PageSpec("townships", "frame.page.townships", ":material/bar_chart:", SECTION_VIEW),
    PageSpec("problems", "frame.page.problems", ":material/list_alt:", SECTION_VIEW),
    PageSpec("funds", "frame.page.funds", ":material/payments:", SECTION_VIEW),
    PageSpec("accountability", "frame.page.accountability", ":material/gavel:", SECTION_VIEW),
    PageSpec("leads", "frame.page.leads", ":material/call_split:", SECTION_VIEW),
    PageSpec("rounds", "frame.page.rounds", ":material/compare_arrows:", SECTION_VIEW),
    PageSpec("problem", "frame.page.problem", ":material/description:", SECTION_VIEW, hidden=True),
    PageSpec(
        "meeting", "frame.page.meeting", ":material/co_present:", SECTION_VIEW, full_screen=True
    ),
    # The data and admin pages change or list records, not figures: no filter bar there.
    PageSpec("upload", "frame.page.upload", ":material/upload_file:", SECTION_DATA, filtered=False),
    PageSpec("imports", "frame.page.imports", ":material/history:", SECTION_DATA, filtered=False),
    PageSpec(
        "admin_users",
        "frame.page.admin_users",
        ":material/manage_accounts:",
        SECTION_ADMIN,
        filtered=False,
    ),
    PageSpec(
        "admin_audit", "frame.page.admin_audit", ":material/policy:", SECTION_ADMIN, filtered=False
    ),
    PageSpec("regions", "frame.page.regions", ":material/map:", SECTION_ADMIN, filtered=False),
    PageSpec(
        "admin_rounds",
        "frame.page.admin_rounds",
        ":material/event_note:",
        SECTION_ADMIN,
        filtered=False,
    ),
)
DEFAULT_PAGE = next(spec for spec in PAGES if spec.default)


def is_listed(spec: PageSpec, role: str | None) -> bool:
    """True when the sidebar lists spec for role: a page role may open, and not a detail page."""
    return not spec.hidden and can(role, spec.url_path)


def navigation_pages(
    specs: tuple[PageSpec, ...] = PAGES, *, role: str | None = None
) -> dict[str, list[st.Page]]:
    """st.Page objects by section, for st.navigation; the sidebar lists only role's pages.

    Every page stays registered, so its URL still reaches the frame, which shows "no
    access" for a page the role may not open instead of running it (deny by default).
    """
    sections: dict[str, list[st.Page]] = {}
    for spec in specs:
        page = st.Page(
            spec.path,
            title=spec.title,  # in this run's language
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec.default,
            visibility="visible" if is_listed(spec, role) else "hidden",
        )
        sections.setdefault(t(spec.section), []).append(page)
    return sections


def is_full_screen(page: st.Page) -> bool:
    """True for a page that draws its own screen (no filter bar, no chips)."""
    return any(spec.full_screen and spec.url_path == page_key(page) for spec in PAGES)


def uses_filters(page: st.Page) -> bool:
    """True for a page whose figures follow the data filters (it gets the filter bar)."""
    return any(spec.filtered and spec.url_path == page_key(page) for spec in PAGES)


def page_key(page: st.Page) -> str:
    """The roles key (url_path) of a page st.navigation returned; the default page has ""."""
    return page.url_path or DEFAULT_PAGE.url_path
