"""Browser test: the overview page in real Chromium shows the published headline figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from signin import SCRIPT_NOT_RUNNING, browser_sign_in

pytestmark = pytest.mark.e2e

# The published record (DOMAIN.md) as the overview's KPI cards write it.
EXPECTED_KPI_VALUES = ["414", "381", "92.0%", "117.0128 万元", "117", "177", "40"]
TIMEOUT_MS = 60_000
# A metric value is cut off (ellipsis) when some part of it is wider than its box.
CUT_OFF = "el => [el, ...el.querySelectorAll('*')].some(x => x.scrollWidth > x.clientWidth + 1)"


def wait_for_app_run(page: Page) -> None:
    """Wait until the script finished its run ("initial" before the first run starts)."""
    page.wait_for_selector(SCRIPT_NOT_RUNNING, timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stStatusWidgetRunningIcon")).to_have_count(0, timeout=TIMEOUT_MS)


def wait_for_charts(page: Page) -> None:
    """Every Vega-Lite chart has drawn (charts render after the script run ends)."""
    charts = page.get_by_test_id("stVegaLiteChart")
    for index in range(charts.count()):
        expect(charts.nth(index).locator("canvas, svg").first).to_be_visible(timeout=TIMEOUT_MS)


def screenshot_whole_page(page: Page, path: Path) -> None:
    """Streamlit scrolls inside stMain, so grow the window to its content, then shoot."""
    height = page.get_by_test_id("stMain").evaluate("el => el.scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
    wait_for_charts(page)
    page.screenshot(path=path, full_page=True)


def test_overview_shows_the_published_figures(page: Page, app_url: str, artifacts: Path) -> None:
    """KPI cards carry the published totals in full, nothing raised; a screenshot is kept."""
    browser_sign_in(page, app_url, "viewer")
    wait_for_app_run(page)
    exceptions = page.get_by_test_id("stException").all_inner_texts()
    assert exceptions == [], f"the app raised; traceback in {artifacts / 'e2e_streamlit.log'}"
    metrics = page.get_by_test_id("stMetricValue")
    expect(metrics.first).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    wait_for_charts(page)
    screenshot_whole_page(page, artifacts / "e2e_overview.png")

    shown = [value.strip() for value in metrics.all_inner_texts()]
    for expected in EXPECTED_KPI_VALUES:
        assert expected in shown, f"KPI {expected!r} missing from {shown}"
    cut_off = [
        text for text, metric in zip(shown, metrics.all(), strict=True) if metric.evaluate(CUT_OFF)
    ]
    assert cut_off == [], f"KPI values cut off at {page.viewport_size['width']}px: {cut_off}"
    expect(page.get_by_test_id("stException")).to_have_count(0)  # nor in a later rerun
    expect(page.get_by_text("演示数据").first).to_be_visible()
