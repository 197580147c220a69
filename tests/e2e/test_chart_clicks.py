"""Browser tests: every clickable chart's click does what its mark says.

Each test reads a real mark's own value from its accessible label (the tooltip's fields),
clicks it, and compares the filtered page's figure with that value. A bar stacked from
segments is the sum of its segments (all marks of the clicked township or category).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.support.browser import TIMEOUT_MS, metric_value, wait_for_app_run, wait_for_charts
from tests.support.signin import browser_sign_in

pytestmark = pytest.mark.e2e

MARK = '[role="graphics-symbol"]:not([aria-label*="axis"])'
QIANQIAO = "钱桥镇"


@pytest.fixture(scope="module")
def signed_in(browser, app_url: str) -> Iterator[Page]:
    """One viewer's tab for the module: signed in once, each test opens its page by URL."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    browser_sign_in(page, app_url, "viewer")
    yield page
    context.close()


def open_page(page: Page, url: str) -> None:
    """Go to url and wait until its run has ended and its charts are drawn."""
    page.goto(url)
    settle(page)


def settle(page: Page) -> None:
    """The run over, a card and the charts drawn."""
    wait_for_app_run(page)
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_charts(page)


def chart(page: Page, number: int) -> Locator:
    """The number-th chart of the page."""
    return page.get_by_test_id("stVegaLiteChart").nth(number)


def fields(mark: Locator) -> dict[str, str]:
    """A mark's tooltip fields from its accessible label ("乡镇: 钱桥镇; 问题数: 20")."""
    label = mark.get_attribute("aria-label") or ""
    pairs = (part.split(": ", 1) for part in label.split("; ") if ": " in part)
    return {key: value for key, value in pairs}


def marks_with(page: Page, number: int, text: str) -> list[dict[str, str]]:
    """The fields of every mark of chart number whose label mentions text."""
    marks = chart(page, number).locator(f'{MARK}[aria-label*="{text}"]')
    expect(marks.first).to_be_attached(timeout=TIMEOUT_MS)
    return [fields(marks.nth(i)) for i in range(marks.count())]


def number(text: str) -> float:
    """The number in a figure's text: "1,234" / "92.0%" / "117.0128 万元" → 1234 / 92.0 / …"""
    return float(re.sub(r"[^\d.\-]", "", text))


def click_mark(page: Page, number_: int, text: str, chip: str) -> None:
    """Click the first mark of chart number_ mentioning text; wait for chip and the new run."""
    chart(page, number_).locator(f'{MARK}[aria-label*="{text}"]').first.click()
    expect(page.get_by_role("button", name=chip).first).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)


def card(page: Page, label: str) -> str:
    """A card's value text."""
    return metric_value(page, label).inner_text()


def test_overview_township_bar(signed_in: Page, app_url: str) -> None:
    """钱桥镇's bar says its completion rate; the filtered 完成率 card says the same."""
    page = signed_in
    open_page(page, app_url)
    rate = marks_with(page, 0, f"乡镇: {QIANQIAO}")[0]["完成率"]
    total = sum(int(mark["问题数"]) for mark in marks_with(page, 0, f"乡镇: {QIANQIAO}"))
    click_mark(page, 0, f"乡镇: {QIANQIAO}", f"乡镇：{QIANQIAO}")
    assert (card(page, "完成率"), number(card(page, "问题总数"))) == (rate, total)


def test_overview_weekly_bar(signed_in: Page, app_url: str) -> None:
    """A week's bar says 本周整改完成 N; the click filters to those N rectified problems."""
    page = signed_in
    open_page(page, app_url)
    weeks = [mark for mark in marks_with(page, 1, "本周完成") if int(mark["本周完成"]) > 0]
    busiest = max(weeks, key=lambda mark: int(mark["本周完成"]))
    click_mark(page, 1, f"周起始日: {busiest['周起始日']};", "整改完成：")
    assert (
        number(card(page, "整改完成")) == number(card(page, "问题总数")) == int(busiest["本周完成"])
    )


def test_overview_focus_area_bar(signed_in: Page, app_url: str) -> None:
    """A focus area's bar: its completion rate and its problems are the filtered cards'."""
    page = signed_in
    open_page(page, app_url)
    area = "扶贫资金项目落实"
    segments = marks_with(page, 2, f"巡察重点: {area}")
    click_mark(page, 2, f"巡察重点: {area}", f"巡察重点：{area}")
    assert card(page, "完成率") == segments[0]["完成率"]
    assert number(card(page, "问题总数")) == sum(int(mark["问题数"]) for mark in segments)


def test_overview_status_bar(signed_in: Page, app_url: str) -> None:
    """The 已逾期 bar says N; filtered, the page has N problems."""
    page = signed_in
    open_page(page, app_url)
    overdue = marks_with(page, 3, "整改状态: 已逾期")[0]
    click_mark(page, 3, "整改状态: 已逾期", "整改状态：已逾期")
    assert number(card(page, "问题总数")) == int(overdue["问题数"])


def test_overview_accountability_bar_opens_its_page(signed_in: Page, app_url: str) -> None:
    """A category's bar opens 问责情况, whose category chart shows the same bar."""
    page = signed_in
    open_page(page, app_url)
    segment = marks_with(page, 4, "处理方式: 提醒谈话")[0]
    chart(page, 4).locator(f'{MARK}[aria-label*="处理方式: 提醒谈话"]').first.click()
    expect(page.get_by_role("heading", name="问责情况")).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)
    assert segment in marks_with(page, 0, "处理方式: 提醒谈话")


def test_problems_matrix_cell(signed_in: Page, app_url: str) -> None:
    """A cell says N problems of a status in a focus area; filtered, the ledger has N."""
    page = signed_in
    open_page(page, f"{app_url}/problems")
    cell = marks_with(page, 0, "整改状态: 已完成")[0]
    area = cell["巡察重点"]
    click_mark(page, 0, f"巡察重点: {area}; 整改状态: 已完成", f"巡察重点：{area}")
    assert number(card(page, "问题总数")) == int(cell["问题数"])


def test_township_ranking_bar(signed_in: Page, app_url: str) -> None:
    """A ranking bar says a township's rate and problems; the drilled page's cards agree."""
    page = signed_in
    open_page(page, f"{app_url}/townships")
    bar = marks_with(page, 0, f"乡镇: {QIANQIAO}")[0]
    chart(page, 0).locator(f'{MARK}[aria-label*="乡镇: {QIANQIAO}"]').first.click()
    expect(page.get_by_text("各村对比")).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)
    assert card(page, "完成率") == bar["完成率"]
    assert number(card(page, "问题总数")) == int(bar["问题数"])


def test_township_map(signed_in: Page, app_url: str) -> None:
    """A township on the map (beside the ranking) says its rate and problems; clicked, it
    filters like its bar: the villages of that township, the cards its figures."""
    page = signed_in
    open_page(page, f"{app_url}/townships")
    the_map = chart(page, 1)
    expect(the_map).to_contain_text("示意图")
    shape = the_map.locator(f'{MARK}[aria-label*="乡镇: {QIANQIAO}"]')
    mark = fields(shape.first)
    box = shape.first.bounding_box()
    assert box is not None
    # Above the name at the hexagon's centre (a click there selects the township too).
    shape.first.click(position={"x": box["width"] / 2, "y": box["height"] / 4})
    expect(page.get_by_role("button", name=f"乡镇：{QIANQIAO}").first).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(page.get_by_text("各村对比")).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)
    assert card(page, "完成率") == mark["完成率"]
    assert number(card(page, "问题总数")) == int(mark["问题数"])


@pytest.mark.parametrize(
    ("number_", "text", "chip", "value", "card_label"),
    [
        (0, f"乡镇: {QIANQIAO}", f"乡镇：{QIANQIAO}", "挽回损失（万元）", "挽回损失"),
        (1, "问题子类: 截留挪用", "问题子类：截留挪用", "挽回损失（万元）", "挽回损失"),
        (3, f"乡镇: {QIANQIAO}", f"乡镇：{QIANQIAO}", "完善制度（项）", "完善制度"),
    ],
    ids=["recovered_by_township", "recovered_by_sub_category", "rules_by_township"],
)
def test_funds_bars(signed_in, app_url, number_, text, chip, value, card_label) -> None:
    """资金挽损's bars (a bar = its segments) equal the filtered page's card."""
    page = signed_in
    open_page(page, f"{app_url}/funds")
    expected = sum(number(mark[value]) for mark in marks_with(page, number_, text))
    click_mark(page, number_, text, chip)
    assert number(card(page, card_label)) == pytest.approx(expected)


def test_accountability_heatmap_row(signed_in: Page, app_url: str) -> None:
    """The heatmap's cells of a township add up to the people the filtered page counts."""
    page = signed_in
    open_page(page, f"{app_url}/accountability")
    cells = marks_with(page, 2, f"乡镇: {QIANQIAO}")
    click_mark(page, 2, f"乡镇: {QIANQIAO}", f"乡镇：{QIANQIAO}")
    assert number(card(page, "问责追责")) == sum(int(cell["人数"]) for cell in cells)


def test_leads_by_township_bar(signed_in: Page, app_url: str) -> None:
    """A township's leads bar (its outcome segments) equals the filtered 移交问题线索 card."""
    page = signed_in
    open_page(page, f"{app_url}/leads")
    township = marks_with(page, 2, "乡镇: ")[0]["乡镇"]
    segments = marks_with(page, 2, f"乡镇: {township}")
    click_mark(page, 2, f"乡镇: {township}", f"乡镇：{township}")
    assert number(card(page, "移交问题线索")) == sum(int(mark["线索（条）"]) for mark in segments)
