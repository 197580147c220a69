"""Browser tests: click a real bar to filter, drill down to a problem and back, share a link."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import format_int, format_rate
from data_access.queries import fetch_headline, resolve_township_names
from tests.support.browser import (
    TIMEOUT_MS,
    metric_value,
    screenshot_whole_page,
    wait_for_app_run,
    wait_for_charts,
)
from tests.support.signin import browser_sign_in

pytestmark = pytest.mark.e2e

QIANQIAO = "钱桥镇"
AS_OF = "2018-08-31"
# A date box's text, and whether all of it fits (the sidebar once cut "2018-07-1").
DATE_SHOWN = "input => [input.value, input.scrollWidth <= input.clientWidth]"
MARK = '[role="graphics-symbol"]'


def township_figures(url: str, name: str = QIANQIAO) -> tuple[int, dict[str, str]]:
    """A township's id and its cards (问题总数, 完成率) from fetch_headline."""
    with session_scope(get_engine(url)) as session:
        township = resolve_township_names(session=session, names=[name])[0][0]
        h = fetch_headline(session=session, flt=Filter(townships=(township,)))
    return township, {
        "问题总数": format_int(h.problems_total),
        "完成率": format_rate(h.completion_rate),
    }


def settle(page: Page) -> None:
    """Wait for the run to end and its charts to draw (call once the click's effect shows)."""
    wait_for_app_run(page)
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_charts(page)


def metric_choice(page: Page, label: str) -> Locator:
    """A choice of the ranking's metric (a segmented control)."""
    return page.get_by_test_id("stButtonGroup").get_by_text(label, exact=True)


def bar(page: Page, chart_index: int, label_part: str) -> Locator:
    """The first mark of a chart whose accessible label mentions label_part."""
    chart = page.get_by_test_id("stVegaLiteChart").nth(chart_index)
    return chart.locator(f'{MARK}[aria-label*="{label_part}"]').first


def test_clicking_a_township_bar_filters_the_overview(
    page: Page, app_url: str, sqlite_seeded_url: str, artifacts: Path
) -> None:
    """A click on 钱桥镇's bar: a chip appears, the cards show 钱桥镇, the URL carries it."""
    township, expected = township_figures(sqlite_seeded_url)
    browser_sign_in(page, app_url, "viewer")
    settle(page)
    expect(metric_value(page, "问题总数")).to_have_text("414")
    bar(page, 0, f"乡镇: {QIANQIAO}").click()
    expect(page.get_by_role("button", name=f"乡镇：{QIANQIAO}")).to_be_visible(timeout=TIMEOUT_MS)
    expect(metric_value(page, "问题总数")).to_have_text(expected["问题总数"], timeout=TIMEOUT_MS)
    settle(page)
    expect(metric_value(page, "完成率")).to_have_text(expected["完成率"])
    assert f"township={township}" in page.url
    screenshot_whole_page(page, artifacts / "e2e_explore_overview_filtered.png")
    # One click on the chip undoes the filter.
    page.get_by_role("button", name=f"乡镇：{QIANQIAO}").click()
    expect(metric_value(page, "问题总数")).to_have_text("414", timeout=TIMEOUT_MS)
    settle(page)
    assert "township=" not in page.url
    expect(page.get_by_test_id("stException")).to_have_count(0)


def shoot(page: Page, path: Path) -> None:
    """A whole-page screenshot, then the window back to its size for the next clicks."""
    screenshot_whole_page(page, path)
    page.set_viewport_size({"width": 1440, "height": 1000})


def click_township_in_ranking(page: Page, name: str) -> None:
    """Rank by problems (all townships show), click name's bar; wait for its villages."""
    metric_choice(page, "问题数").click()
    expect(page.get_by_text("各乡镇问题数排名")).to_be_visible(timeout=TIMEOUT_MS)
    expect(bar(page, 0, f"乡镇: {name}")).to_be_attached(timeout=TIMEOUT_MS)
    settle(page)
    bar(page, 0, f"乡镇: {name}").click()
    expect(page.get_by_text("各村对比")).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)


def click_busiest_village(page: Page) -> str:
    """Click the village bar ranked first (not the township-level row); its name."""
    chart = page.get_by_test_id("stVegaLiteChart").first
    village_bar = chart.locator(f'{MARK}[aria-label*="村: "]:not([aria-label*="乡镇本级"])').first
    village = village_bar.get_attribute("aria-label").split("村: ")[1].split(";")[0]
    village_bar.click()
    expect(page.get_by_role("button", name=QIANQIAO, exact=True)).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)
    return village


def click_first_problem_row(page: Page) -> None:
    """Pick the first row of the problem table (a canvas grid: its selection box)."""
    box = page.get_by_test_id("stDataFrame").last.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # header 35 px, then half a row
    expect(page.get_by_role("heading", name="问题详情")).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    expect(page.get_by_test_id("stTable")).to_be_visible(timeout=TIMEOUT_MS)


def test_drill_down_to_a_problem_and_back(
    page: Page, app_url: str, sqlite_seeded_url: str, artifacts: Path
) -> None:
    """乡镇对比: township bar → village bar → problem row → 问题详情, then the breadcrumb up."""
    township, expected = township_figures(sqlite_seeded_url)
    browser_sign_in(page, f"{app_url}/townships", "viewer")
    settle(page)
    shoot(page, artifacts / "e2e_explore_townships.png")
    click_township_in_ranking(page, QIANQIAO)
    expect(metric_value(page, "问题总数")).to_have_text(expected["问题总数"])
    assert f"township={township}" in page.url
    shoot(page, artifacts / "e2e_explore_villages.png")
    village = click_busiest_village(page)
    assert "village=" in page.url
    click_first_problem_row(page)
    assert "code=" in page.url
    expect(page.get_by_role("button", name=village, exact=True)).to_be_visible()
    shoot(page, artifacts / "e2e_explore_problem.png")
    page.get_by_role("button", name=QIANQIAO, exact=True).click()  # back to the township
    expect(page.get_by_text("各村对比")).to_be_visible(timeout=TIMEOUT_MS)
    assert page.url.endswith(f"/townships?township={township}")
    page.get_by_role("button", name="铜陵市", exact=True).click()  # back to the county
    expect(page.get_by_text("各乡镇对比")).to_be_visible(timeout=TIMEOUT_MS)
    expect(metric_value(page, "问题总数")).to_have_text("414", timeout=TIMEOUT_MS)
    settle(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_copied_link_opens_the_same_view(
    page: Page, browser, app_url: str, sqlite_seeded_url: str, artifacts: Path
) -> None:
    """Filters set by widgets and clicks, then the URL opened in a new browser context; the
    URL's as-of day shows in full in its date box."""
    township, _ = township_figures(sqlite_seeded_url)
    link = f"{app_url}/townships?township={township}&area=funds_projects&asof={AS_OF}"
    browser_sign_in(page, link, "viewer")
    settle(page)
    metric_choice(page, "问题数").click()
    expect(page.get_by_text("各村问题数排名")).to_be_visible(timeout=TIMEOUT_MS)
    status_filter = page.get_by_test_id("stMultiSelect").filter(has_text="整改状态")
    status_filter.locator("input").click()
    page.keyboard.type("已完成")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="整改状态：已完成")).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)
    copied = page.url
    assert "status=rectified" in copied and f"township={township}" in copied
    labels = ("问题总数", "完成率", "挽回损失")
    cards = {label: metric_value(page, label).inner_text() for label in labels}
    chips = page.get_by_role("button", name="：").all_inner_texts()

    fresh = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    try:
        other = fresh.new_page()
        browser_sign_in(other, copied, "viewer")
        settle(other)
        assert other.url == copied
        expect(other.get_by_role("heading", name="乡镇对比")).to_be_visible()
        for label, value in cards.items():
            expect(metric_value(other, label)).to_have_text(value)
        assert other.get_by_role("button", name="：").all_inner_texts() == chips
        expect(other.get_by_text("各村对比")).to_be_visible()
        other.get_by_test_id("stSidebar").get_by_text("更多筛选").click()  # built when opened
        as_of = other.get_by_test_id("stDateInput").filter(has_text="截至日期").locator("input")
        expect(as_of).to_be_visible(timeout=TIMEOUT_MS)
        assert as_of.evaluate(DATE_SHOWN) == [AS_OF, True]
        screenshot_whole_page(other, artifacts / "e2e_explore_shared_link.png")
    finally:
        fresh.close()
