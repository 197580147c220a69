"""Browser-test helpers: wait for a run to end and for charts to draw, whole-page shots, and
locators that ignore what Streamlit keeps on screen from the previous run while it redraws.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.support.signin import SCRIPT_NOT_RUNNING

TIMEOUT_MS = 60_000
# Streamlit marks each element of the previous run data-stale="true" until the new run
# replaces or removes it; when a rerun shifts the layout, a stale copy of a card can sit
# next to the new one and a strict locator would match both.
CURRENT = '[data-testid="stElementContainer"]:not([data-stale="true"])'
# The bottom of each column's last drawn element, for the columns of a horizontal block.
COLUMN_ENDS = """block => [...block.querySelectorAll(':scope [data-testid=stColumn]')].map(column =>
    Math.max(...[...column.querySelectorAll('[data-testid=stElementContainer]')]
        .map(element => element.getBoundingClientRect())
        .filter(box => box.height > 0).map(box => box.bottom)))"""
# The overview's chart columns end this close to each other: no dead gap under either.
COLUMN_GAP_PX = 200


def metric_value(page: Page, label: str) -> Locator:
    """The value of the current metric card whose label is exactly label."""
    labelled = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    cards = page.locator(CURRENT).get_by_test_id("stMetric").filter(has=labelled)
    return cards.get_by_test_id("stMetricValue")


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


def chart_columns_gap(page: Page) -> float:
    """Pixels between the ends of the overview's two chart columns (once the charts drew)."""
    block = page.get_by_test_id("stHorizontalBlock").filter(
        has=page.get_by_test_id("stVegaLiteChart")
    )
    ends = block.first.evaluate(COLUMN_ENDS)
    assert len(ends) == 2, ends
    return abs(ends[0] - ends[1])
