"""Browser tests of the served app's edges (issue 18): the metrics endpoint is closed, a
sign-in is audited with the proxy's client address, table toolbars offer no download."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from data_access.audit import list_audit_events
from data_access.db import get_engine, session_scope
from tests.support.browser import wait_for_app_run
from tests.support.server import serve_dashboard
from tests.support.signin import TEST_USERS, browser_sign_in

pytestmark = pytest.mark.e2e

TIMEOUT_MS = 60_000
CLIENT = "203.0.113.77"  # the address the proxy says the browser has


@pytest.fixture(scope="module")
def proxied_url(sqlite_seeded_url: str, artifacts: Path, app_users) -> Iterator[str]:
    """A server that takes the client's address from X-Real-IP, as behind nginx."""
    env = {"CLIENT_ADDRESS_HEADER": "X-Real-IP"}
    with serve_dashboard(sqlite_seeded_url, artifacts / "e2e_proxied.log", extra_env=env) as url:
        yield url


def status_of(url: str) -> int:
    """The HTTP status a GET of url answers with."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_metrics_endpoint_is_closed(proxied_url: str) -> None:
    """Finding 12: /_stcore/metrics answered anyone; serve.py's middleware answers 404."""
    assert status_of(f"{proxied_url}/_stcore/health") == 200
    for path in ("/_stcore/metrics", "/_stcore/metrics/", "/_stcore/metrics?families=x"):
        assert status_of(proxied_url + path) == 404, path


def test_failed_sign_in_is_audited_with_the_proxy_address(
    page: Page, proxied_url: str, sqlite_seeded_url: str
) -> None:
    """Finding 4: the audit names the address the proxy wrote, then a right password works."""
    page.set_extra_http_headers({"X-Real-IP": CLIENT})
    page.goto(proxied_url)
    page.get_by_label("用户名").fill("no-such-name")
    page.get_by_label("密码", exact=True).fill("wrong-password-1")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text("用户名或密码错误").first).to_be_visible(timeout=TIMEOUT_MS)
    with session_scope(get_engine(sqlite_seeded_url)) as session:
        events = list_audit_events(session=session, actor="no-such-name")
    assert list(events["detail"]) == [f"sign_in: invalid; source={CLIENT}"]
    browser_sign_in(page, proxied_url, "viewer", TEST_USERS["viewer"][1])


def test_table_toolbar_offers_no_download(page: Page, proxied_url: str) -> None:
    """Finding 13: no "Download as CSV" in any table's toolbar, not even for an admin."""
    browser_sign_in(page, proxied_url, "admin")
    page.goto(f"{proxied_url}/problems")
    wait_for_app_run(page)
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_be_visible(timeout=TIMEOUT_MS)
    table.hover()
    box = page.get_by_test_id("stElementContainer").filter(has=table)
    buttons = box.get_by_test_id("stElementToolbar").get_by_role("button")
    expect(buttons.first).to_be_visible(timeout=TIMEOUT_MS)
    labels = [button.get_attribute("aria-label") for button in buttons.all()]
    assert "Search" in labels and "Download as CSV" not in labels, labels
