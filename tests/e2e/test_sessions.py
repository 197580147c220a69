"""Browser tests: a password sign-in survives a reload and a new tab, and sign-out ends it."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from components.session_cookie import COOKIE_NAME
from tests.support.signin import SCRIPT_NOT_RUNNING, browser_sign_in

pytestmark = pytest.mark.e2e

TIMEOUT_MS = 60_000


def session_cookie(context: BrowserContext) -> dict | None:
    """The sign-in cookie the browser holds, or None."""
    return next((c for c in context.cookies() if c["name"] == COOKIE_NAME), None)


def wait_signed_in(page: Page) -> None:
    """Until the sidebar names the user and the run has ended."""
    page.get_by_text("当前用户").wait_for(state="attached", timeout=TIMEOUT_MS)
    page.wait_for_selector(SCRIPT_NOT_RUNNING, timeout=TIMEOUT_MS)


def wait_sign_in_form(page: Page) -> None:
    """Until the sign-in form shows."""
    expect(page.get_by_role("button", name="登录")).to_be_visible(timeout=TIMEOUT_MS)


def test_reload_and_new_tab_stay_signed_in_until_sign_out(page: Page, app_url: str) -> None:
    """F5 and a second tab keep the sign-in; signing out ends it for both and drops the cookie."""
    browser_sign_in(page, app_url, "viewer")
    page.wait_for_function(f"document.cookie.includes('{COOKIE_NAME}=')", timeout=TIMEOUT_MS)
    cookie = session_cookie(page.context)
    assert cookie is not None
    assert (cookie["sameSite"], cookie["path"], cookie["secure"]) == ("Strict", "/", False)
    assert cookie["expires"] > 0  # kept across browser restarts until the lifetime ends

    page.reload()
    wait_signed_in(page)
    expect(page.get_by_text("问题总数")).to_be_visible(timeout=TIMEOUT_MS)

    tab = page.context.new_page()
    tab.goto(f"{app_url}/problems?township=1")  # a shared link opens signed in, link kept
    wait_signed_in(tab)
    assert "township=1" in tab.url

    page.get_by_role("button", name="退出登录").click()
    wait_sign_in_form(page)
    page.wait_for_function(f"!document.cookie.includes('{COOKIE_NAME}=')", timeout=TIMEOUT_MS)
    page.reload()
    wait_sign_in_form(page)

    # The other tab's next click meets the ended session: the sign-in form, with a notice.
    tab.get_by_role("link", name="总览").click()
    wait_sign_in_form(tab)
    expect(tab.get_by_text("登录已结束")).to_be_visible(timeout=TIMEOUT_MS)
