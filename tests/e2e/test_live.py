"""Browser tests: an open overview follows a commit made elsewhere, without a click or reload.

The servers poll every second (LIVE_POLL_SECONDS=1); every wait is a Playwright
expectation bounded by TIMEOUT_MS, never a sleep. A page reload would start a new session
and show the sign-in form, so a KPI that changes while "当前用户" stays proves the update
came through the live poll.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from components.live import deferred_text
from data_access.db import get_engine
from data_access.schema import upgrade_schema
from tests.support.browser import metric_value, wait_for_app_run
from tests.support.live_files import commit_with_cli, weekly_file
from tests.support.server import serve_dashboard
from tests.support.signin import browser_sign_in, create_test_users

pytestmark = pytest.mark.e2e

TIMEOUT_MS = 60_000
LIVE_ENV = {"LIVE_POLL_SECONDS": "1"}
FILE_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
ACCOUNTS = ("viewer", "uploader")


def seeded_store(url: str) -> str:
    """Seed the demo data and the test accounts into the empty database at url."""
    from seed import load_demo

    engine = get_engine(url)
    upgrade_schema(engine)
    load_demo(engine)
    create_test_users(engine, ACCOUNTS)
    return url


@pytest.fixture
def live_sqlite(tmp_path: Path) -> str:
    """A private seeded SQLite store (these tests write)."""
    return seeded_store(f"sqlite:///{tmp_path / 'live.db'}")


@contextmanager
def new_tab(browser: Browser) -> Iterator[Page]:
    """A tab in a browser context of its own (own cookies: its own app session)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    try:
        yield context.new_page()
    finally:
        context.close()


def open_overview(page: Page, base_url: str, username: str) -> None:
    """Sign in on the overview and wait for its figures."""
    browser_sign_in(page, base_url, username)
    expect(metric_value(page, "整改完成")).to_have_text("381", timeout=TIMEOUT_MS)


def expect_live_update(page: Page, summary: str) -> None:
    """The open overview shows the new figures and the notice, still signed in."""
    expect(metric_value(page, "整改完成")).to_have_text("384", timeout=TIMEOUT_MS)
    expect(metric_value(page, "问题总数")).to_have_text("416", timeout=TIMEOUT_MS)
    line = page.get_by_test_id("stCaptionContainer").filter(has_text="数据更新于")
    expect(line).to_contain_text(summary, timeout=TIMEOUT_MS)
    expect(page.get_by_text("当前用户")).to_be_visible()  # no reload: the same session
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_an_open_overview_follows_a_cli_commit(
    page: Page, live_sqlite: str, tmp_path: Path, artifacts: Path
) -> None:
    with serve_dashboard(live_sqlite, artifacts / "e2e_live.log", extra_env=LIVE_ENV) as url:
        open_overview(page, url, "viewer")
        expect(page.get_by_text("数据更新于")).to_be_visible()
        weekly = weekly_file(get_engine(live_sqlite), tmp_path / "第10周台账.xlsx")
        commit_with_cli(live_sqlite, weekly.path)
        toast = page.get_by_test_id("stToast")
        expect(toast).to_contain_text(f"更新：{weekly.summary}", timeout=TIMEOUT_MS)
        expect_live_update(page, weekly.summary)
        page.screenshot(path=artifacts / "e2e_live_update.png")


def test_meeting_mode_waits_for_the_presenters_next_step(
    page: Page, live_sqlite: str, tmp_path: Path, artifacts: Path
) -> None:
    log = artifacts / "e2e_live_meeting.log"
    with serve_dashboard(live_sqlite, log, extra_env=LIVE_ENV) as url:
        browser_sign_in(page, f"{url}/meeting", "viewer")
        expect(metric_value(page, "整改完成")).to_have_text("381", timeout=TIMEOUT_MS)
        weekly = weekly_file(get_engine(live_sqlite), tmp_path / "第10周台账.xlsx")
        commit_with_cli(live_sqlite, weekly.path)
        expect(page.get_by_text(deferred_text())).to_be_visible(timeout=TIMEOUT_MS)
        expect(metric_value(page, "整改完成")).to_have_text("381")  # the screen did not jump
        page.screenshot(path=artifacts / "e2e_live_meeting_waiting.png")

        page.get_by_role("button", name="下一步").click()
        page.get_by_role("button", name="上一步").click(timeout=TIMEOUT_MS)
        expect(metric_value(page, "整改完成")).to_have_text("384", timeout=TIMEOUT_MS)
        expect(page.get_by_text(deferred_text())).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)


def upload_and_commit(page: Page, base_url: str, path: Path) -> None:
    """Upload path on the upload page of base_url as the uploader, and commit it."""
    browser_sign_in(page, f"{base_url}/upload", "uploader")
    page.locator(FILE_INPUT).set_input_files(str(path))
    page.get_by_role("button", name="确认导入").click(timeout=TIMEOUT_MS)
    expect(page.get_by_text("已导入（第")).to_be_visible(timeout=TIMEOUT_MS)


@pytest.mark.postgres
def test_two_servers_on_one_postgresql_database(
    browser: Browser, database_urls: dict[str, str], tmp_path: Path, artifacts: Path
) -> None:
    """A commit through one app process shows on a page another app process serves."""
    url = seeded_store(database_urls["postgres:live_e2e"])
    weekly = weekly_file(get_engine(url), tmp_path / "第10周台账.xlsx")
    with ExitStack() as stack:
        wall = stack.enter_context(
            serve_dashboard(url, artifacts / "e2e_live_wall.log", extra_env=LIVE_ENV)
        )
        office = stack.enter_context(
            serve_dashboard(url, artifacts / "e2e_live_office.log", extra_env=LIVE_ENV)
        )
        leader, staff = stack.enter_context(new_tab(browser)), stack.enter_context(new_tab(browser))
        open_overview(leader, wall, "viewer")
        upload_and_commit(staff, office, weekly.path)
        expect_live_update(leader, weekly.summary)
        leader.screenshot(path=artifacts / "e2e_live_two_servers.png")

        # The uploader's own notice links to the batch on the import history.
        staff.get_by_test_id("stSidebarNav").get_by_text("总览").click()
        wait_for_app_run(staff)
        # .first: while a rerun replaces the line, the old link may linger beside the new one.
        batch_link = staff.get_by_test_id("stPageLink").filter(has_text="批").first
        batch_link.click(timeout=TIMEOUT_MS)
        expect(staff.get_by_text("批导入")).to_be_visible(timeout=TIMEOUT_MS)
        expect(staff.get_by_test_id("stException")).to_have_count(0)
