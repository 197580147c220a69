"""The page registry: every page of the app once, grouped into sidebar sections."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from data_access.roles import can

# Not "pages": with a pages/ folder beside dashboard.py, Streamlit 1.67 starts in its legacy
# multipage mode and runs a page opened by URL without dashboard.py (no frame, no sign-in)
# until someone first opens "/". tests/test_app_smoke.py guards this.
PAGES_FOLDER = "app_pages"
SECTION_VIEW = "看板"
SECTION_DATA = "数据管理"
SECTION_ADMIN = "系统管理"


@dataclass(frozen=True)
class PageSpec:
    """One page: its script, sidebar title and icon, URL path and sidebar section."""

    url_path: str  # also the script's name in PAGES_FOLDER and the page key of roles
    title: str
    icon: str  # Material Symbols ship with Streamlit (no emoji font or network needed)
    section: str
    default: bool = False
    hidden: bool = False  # reachable by link and drill-down only, not listed in the sidebar
    full_screen: bool = False  # draws its own screen (会议模式): no filter bar or filter chips

    @property
    def path(self) -> str:
        """The page script, relative to dashboard.py."""
        return f"{PAGES_FOLDER}/{self.url_path}.py"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "总览", ":material/dashboard:", SECTION_VIEW, default=True),
    PageSpec("townships", "乡镇对比", ":material/bar_chart:", SECTION_VIEW),
    PageSpec("problems", "问题清单", ":material/list_alt:", SECTION_VIEW),
    PageSpec("funds", "资金挽损", ":material/payments:", SECTION_VIEW),
    PageSpec("accountability", "问责情况", ":material/gavel:", SECTION_VIEW),
    PageSpec("leads", "线索移交", ":material/call_split:", SECTION_VIEW),
    PageSpec("rounds", "轮次对比", ":material/compare_arrows:", SECTION_VIEW),
    PageSpec("problem", "问题详情", ":material/description:", SECTION_VIEW, hidden=True),
    PageSpec("meeting", "会议模式", ":material/co_present:", SECTION_VIEW, full_screen=True),
    PageSpec("upload", "台账上传", ":material/upload_file:", SECTION_DATA),
    PageSpec("imports", "导入记录", ":material/history:", SECTION_DATA),
    PageSpec("admin_users", "用户管理", ":material/manage_accounts:", SECTION_ADMIN),
    PageSpec("admin_audit", "审计日志", ":material/policy:", SECTION_ADMIN),
    PageSpec("regions", "行政区划", ":material/map:", SECTION_ADMIN),
    PageSpec("admin_rounds", "巡察轮次", ":material/event_note:", SECTION_ADMIN),
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
            title=spec.title,
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec.default,
            visibility="visible" if is_listed(spec, role) else "hidden",
        )
        sections.setdefault(spec.section, []).append(page)
    return sections


def is_full_screen(page: st.Page) -> bool:
    """True for a page that draws its own screen (no filter bar, no chips)."""
    return any(spec.full_screen and spec.url_path == page_key(page) for spec in PAGES)


def page_key(page: st.Page) -> str:
    """The roles key (url_path) of a page st.navigation returned; the default page has ""."""
    return page.url_path or DEFAULT_PAGE.url_path
