"""The clicks bench/browser.py times, as a person makes them, and what each waits for.

One pass: sign in (a new browser session) → every page from the sidebar → a township
picked in the sidebar filter → its chip removed → a township bar clicked on the overview →
乡镇对比: the ranking's first bar drills a level down → the breadcrumb back up → 问题清单: a
row opens 问题详情 → 会议模式 and its next step. Steps put the page back where the next
one expects it (untimed), so passes can repeat on the same session's caches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.browser_ready import INPUT_LISTENER, TIMEOUT_MS, Mark, arm, wait_ready
from bench.browser_servers import BENCH_ACCOUNT, BENCH_PASSWORD, Server

VIEWPORT: ViewportSize = {"width": 1440, "height": 1000}
OVERVIEW = "总览"
SIDEBAR_PAGES = ("乡镇对比", "问题清单", "资金挽损", "问责情况", "线索移交", "轮次对比", OVERVIEW)
BAR = '[role="graphics-symbol"][aria-label*="乡镇: "]'
RANKED_BAR = '[aria-roledescription="bar"][aria-label*="member: "]'
CHIPS = ".st-key-filter_chips"
LIST_TRIES = 3
LIST_WAIT_MS = 30_000  # 1,500 townships at 1M: the list takes seconds to open on a busy machine
OPTION = '[role="option"]:not([data-key="__select_all__"])'  # a list's first real choice
HEADER_ROWS = 35  # a table's header row in pixels, then half a row to hit the first one
HALF_ROW = 17


@dataclass(frozen=True)
class Measure:
    """One timed action: seconds until ready, the server's and the browser's CPU seconds.

    The browser's: all of Chromium's processes together; the other targets' tabs sit idle
    while one acts, so it is this tab's drawing (and the browser's own work for it).
    """

    wall: float
    server_cpu: float
    browser_cpu: float


class Tab:
    """One signed-in browser session on one server."""

    def __init__(self, browser: Browser, server: Server, browser_cpu: Callable[[], float]) -> None:
        self.server = server
        self.browser_cpu = browser_cpu
        self.context: BrowserContext = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
        self.context.add_init_script(INPUT_LISTENER)
        self.context.set_default_timeout(TIMEOUT_MS)  # a busy machine: minutes, not seconds
        self.page: Page = self.context.new_page()

    def close(self) -> None:
        """End the browser session."""
        self.context.close()

    def timed(self, act: Callable[[], None], mark: Mark) -> Measure:
        """Run act (one click or key), wait until the page is ready with mark; the figures."""
        cpu, busy = self.server.cpu_seconds(), self.browser_cpu()
        arm(self.page)
        act()
        wall = wait_ready(self.page, mark)
        return Measure(wall, self.server.cpu_seconds() - cpu, self.browser_cpu() - busy)

    def untimed(self, act: Callable[[], None], mark: Mark) -> None:
        """An action that only puts the page where the next step starts."""
        self.timed(act, mark)

    def link(self, title: str) -> Locator:
        """A sidebar page link."""
        return self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title)


def sign_in(tab: Tab) -> Measure:
    """The sign-in form filled in; timed from the click on 登录 to the drawn overview."""
    page = tab.page
    page.goto(tab.server.url)
    page.get_by_label("用户名").fill(BENCH_ACCOUNT)
    page.get_by_label("密码", exact=True).fill(BENCH_PASSWORD)
    button = page.get_by_role("button", name="登录")
    return tab.timed(button.click, Mark("heading", OVERVIEW))


def open_page(title: str) -> Callable[[Tab], Measure]:
    """A step: the sidebar link to title."""

    def step(tab: Tab) -> Measure:
        return tab.timed(tab.link(title).click, Mark("heading", title))

    step.__name__ = title
    return step


def sidebar_township(tab: Tab) -> Measure:
    """The first township of the sidebar's 乡镇 list picked; timed from the pick to its chip."""
    page = tab.page
    box = page.get_by_test_id("stMultiSelect").filter(has_text="乡镇").first
    option = open_list(page, box)
    name = option.inner_text().strip()
    measure = tab.timed(option.click, Mark("chip", f"乡镇：{name}"))
    page.keyboard.press("Escape")
    return measure


def open_list(page: Page, box: Locator) -> Locator:
    """Open a multiselect's list; its first choice.

    A rerun that lands just after the click (the live poll's fragment, say) may close the
    list again: then it is opened again, a bounded number of times.
    """
    option = page.locator(OPTION).first
    for _ in range(LIST_TRIES):
        box.locator("input").click()
        try:
            option.wait_for(timeout=LIST_WAIT_MS)
            return option
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    raise RuntimeError(f"the list did not open in {LIST_TRIES} tries")


def remove_chip(tab: Tab) -> Measure:
    """A click on the (only) filter chip removes it."""
    chip = tab.page.locator(CHIPS).get_by_role("button").first
    return tab.timed(chip.click, Mark("absent", CHIPS))


def overview_bar(tab: Tab) -> Measure:
    """A click on the overview's first township bar: it becomes a filter (a chip)."""
    bar = tab.page.get_by_test_id("stVegaLiteChart").first.locator(BAR).first
    name = (bar.get_attribute("aria-label") or "").split("乡镇: ")[1].split(";")[0]
    measure = tab.timed(bar.click, Mark("chip", f"乡镇：{name}"))
    chip = tab.page.locator(CHIPS).get_by_role("button").first
    tab.untimed(chip.click, Mark("absent", CHIPS))
    return measure


def comparison(tab: Tab) -> str:
    """乡镇对比's table heading now, e.g. "各乡镇对比" (the level the ranking shows)."""
    headings = tab.page.get_by_test_id("stHeading").locator("h3").all_inner_texts()
    return next(text for text in headings if text.startswith("各") and text.endswith("对比"))


def drill_bar(tab: Tab) -> Measure:
    """On 乡镇对比, a click on the ranking's first bar opens that member's level below."""
    tab.untimed(tab.link("乡镇对比").click, Mark("heading", "乡镇对比"))
    bar = tab.page.get_by_test_id("stVegaLiteChart").first.locator(RANKED_BAR).first
    return tab.timed(bar.click, Mark("comparison_not", comparison(tab)))


def breadcrumb_up(tab: Tab) -> Measure:
    """One level down the drill path, the breadcrumb's last link goes back up a level."""
    crumb = tab.page.locator(".st-key-crumb_row").get_by_role("button").last
    measure = tab.timed(crumb.click, Mark("comparison_not", comparison(tab)))
    clear = tab.page.get_by_test_id("stSidebar").get_by_role("button", name="清除全部筛选")
    if tab.page.locator(CHIPS).count():  # the county or city the breadcrumb left chosen
        tab.untimed(clear.click, Mark("absent", CHIPS))
    return measure


def problem_detail(tab: Tab) -> Measure:
    """问题清单: a click on the first row of the ledger opens 问题详情."""
    page = tab.page
    tab.untimed(tab.link("问题清单").click, Mark("heading", "问题清单"))
    table = page.get_by_test_id("stDataFrame").last
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    if box is None:
        raise RuntimeError("the ledger table is not on the page")
    x, y = box["x"] + 16, box["y"] + HEADER_ROWS + HALF_ROW
    measure = tab.timed(lambda: page.mouse.click(x, y), Mark("heading", "问题详情"))
    tab.untimed(tab.link(OVERVIEW).click, Mark("heading", OVERVIEW))
    return measure


def meeting_step(tab: Tab) -> Measure:
    """会议模式 opened, then its 下一步 timed; back to the overview by its exit link."""
    page = tab.page
    tab.untimed(tab.link("会议模式").click, Mark("heading", "会议模式"))
    next_step = page.get_by_role("button", name="下一步")
    measure = tab.timed(next_step.click, Mark("step", "step=2"))
    exit_link = page.get_by_role("link", name="退出会议模式")
    tab.untimed(exit_link.click, Mark("heading", OVERVIEW))
    return measure


def open_meeting(tab: Tab) -> Measure:
    """会议模式 from the sidebar (its first screen), then back to the overview."""
    measure = tab.timed(tab.link("会议模式").click, Mark("heading", "会议模式"))
    exit_link = tab.page.get_by_role("link", name="退出会议模式")
    tab.untimed(exit_link.click, Mark("heading", OVERVIEW))
    return measure


# (label, step) in the order of a pass; labels name the table's rows.
STEPS: tuple[tuple[str, Callable[[Tab], Measure]], ...] = (
    ("sign-in → 总览", sign_in),
    *((f"→ {title}", open_page(title)) for title in SIDEBAR_PAGES),
    ("sidebar: one township", sidebar_township),
    ("chip removed", remove_chip),
    ("总览: township bar click", overview_bar),
    ("乡镇对比: bar → next level", drill_bar),
    ("breadcrumb: up a level", breadcrumb_up),
    ("问题清单: row → 问题详情", problem_detail),
    ("→ 会议模式", open_meeting),
    ("会议模式: next step", meeting_step),
)
