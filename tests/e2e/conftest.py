"""Browser-test fixtures: a real Streamlit server on seeded SQLite, and Debian's Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from data_access.settings import PROJECT_ROOT
from tests.support.server import CHROMIUM_ARGS, serve_dashboard

ARTIFACTS = PROJECT_ROOT / "test-artifacts"


def missing_requirement(reason: str) -> None:
    """Skip the browser tests, or fail them under CI, where they must run."""
    if os.environ.get("CI"):
        pytest.fail(f"CI 需要浏览器测试 / browser tests required under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The folder for screenshots and server logs (kept after the run, ignored by git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def app_url(sqlite_seeded_url: str, artifacts: Path, app_users) -> Iterator[str]:
    """Base URL of a Streamlit server on the seeded demo database (test accounts included)."""
    with serve_dashboard(sqlite_seeded_url, artifacts / "e2e_streamlit.log") as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).is_file():
        missing_requirement(f"{executable} not found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (own cookies and storage) in a desktop-sized, Chinese-locale window."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()
