"""Browser test: the overview page in real Chromium shows the published headline figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import (
    COLUMN_GAP_PX,
    TIMEOUT_MS,
    chart_columns_gap,
    screenshot_whole_page,
    wait_for_app_run,
    wait_for_charts,
)
from tests.support.signin import browser_sign_in

pytestmark = pytest.mark.e2e

# The published record (docs/domain.md) as the overview's KPI cards write it.
EXPECTED_KPI_VALUES = ["414", "381", "92.0%", "117.0128 万元", "117", "177", "40"]
# A metric value is cut off (ellipsis) when some part of it is wider than its box.
CUT_OFF = "el => [el, ...el.querySelectorAll('*')].some(x => x.scrollWidth > x.clientWidth + 1)"


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
    assert chart_columns_gap(page) <= COLUMN_GAP_PX  # no dead gap under a column
    expect(page.get_by_test_id("stException")).to_have_count(0)  # nor in a later rerun
    expect(page.get_by_text("演示数据").first).to_be_visible()
