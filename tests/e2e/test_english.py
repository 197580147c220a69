"""Browser test: the language switch turns the app English and the URL keeps the choice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from data_access.db import get_engine, session_scope
from data_access.office import fetch_heading
from tests.support.browser import TIMEOUT_MS, screenshot_whole_page, wait_for_app_run
from tests.support.signin import TEST_USERS, browser_sign_in

pytestmark = pytest.mark.e2e

CJK = re.compile(r"[\u3400-\u9fff]")


def sidebar_texts(page: Page) -> str:
    """What the sidebar says (page links, switch, account menu)."""
    return page.get_by_test_id("stSidebar").inner_text()


def round_theme(database_url: str) -> str:
    """The newest round's theme as stored: the office's own words, shown as written."""
    with session_scope(get_engine(database_url)) as session:
        return fetch_heading(session=session).subtitle


def test_switch_to_english_and_keep_it(
    page: Page, app_url: str, sqlite_seeded_url: str, artifacts: Path
) -> None:
    """中文 → English: titles, KPI labels and the sidebar turn English (the round's theme, the
    office's own words, stays as written); the URL keeps lang=en."""
    browser_sign_in(page, app_url, "viewer")
    wait_for_app_run(page)
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]lang=en"), timeout=TIMEOUT_MS)
    expect(page.get_by_role("heading", name="Overview")).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    labels = page.get_by_test_id("stMetricLabel").all_inner_texts()
    assert "Problems" in [label.strip() for label in labels], labels
    screenshot_whole_page(page, artifacts / "e2e_overview_english.png")

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Townships").click()
    expect(page).to_have_url(re.compile(r"/townships\?(.*&)?lang=en"), timeout=TIMEOUT_MS)
    expect(page.get_by_role("heading", name="Townships").first).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    chinese = [line for line in sidebar_texts(page).splitlines() if CJK.search(line)]
    theme = round_theme(sqlite_seeded_url)
    assert CJK.search(theme), theme  # the demo's theme is Chinese: the check below is not vacuous
    caption = f"Inspection rectification dashboard · {theme}"
    expected = ["语言 / Language", "中文", caption]
    assert chinese == expected, f"sidebar lines still in Chinese: {chinese}"
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_an_english_link_opens_english_sign_in(page: Page, app_url: str) -> None:
    """A shared ?lang=en link shows the sign-in form in English, and signs in from there."""
    page.goto(f"{app_url}/?lang=en")
    page.get_by_label("Username").fill("viewer")
    page.get_by_label("Password", exact=True).fill(TEST_USERS["viewer"][1])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Overview")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page).to_have_url(re.compile(r"[?&]lang=en"))
