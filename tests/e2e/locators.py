"""Locators that ignore what Streamlit keeps on screen from the previous run while it redraws."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

# Streamlit marks each element of the previous run data-stale="true" until the new run
# replaces or removes it; when a rerun shifts the layout, a stale copy of a card can sit
# next to the new one and a strict locator would match both.
CURRENT = '[data-testid="stElementContainer"]:not([data-stale="true"])'


def metric_value(page: Page, label: str) -> Locator:
    """The value of the current metric card whose label is exactly label."""
    labelled = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    cards = page.locator(CURRENT).get_by_test_id("stMetric").filter(has=labelled)
    return cards.get_by_test_id("stMetricValue")
