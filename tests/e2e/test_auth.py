"""Browser tests of accounts: the sidebar per role, a crafted URL, an audited download, SSO."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy.engine import Engine

from components.navigation import PAGES
from data_access import auth
from data_access.audit import list_audit_events
from data_access.db import get_engine, session_scope
from tests.support.browser import (
    COLUMN_GAP_PX,
    chart_columns_gap,
    wait_for_app_run,
    wait_for_charts,
)
from tests.support.server import free_port, serve_dashboard
from tests.support.signin import browser_sign_in, cheap_bcrypt

pytestmark = pytest.mark.e2e

TIMEOUT_MS = 60_000
SSO_EMAIL = "sso.viewer@example.cn"
SSO_KNOWN = "sso-known"  # subject of the provider's user that has an account here
SSO_STRANGER = "sso-stranger"  # subject of a user with no account
ADMIN_AND_STAFF_PAGES = (
    "upload",
    "imports",
    "admin_users",
    "admin_audit",
    "regions",
    "admin_rounds",
)


def sidebar_nav(page: Page):
    """The page links of the sidebar."""
    return page.get_by_test_id("stSidebarNav")


def test_viewer_sidebar_has_no_upload_page(page: Page, app_url: str, artifacts: Path) -> None:
    """A viewer signs in with the real form; the sidebar lists read pages only."""
    browser_sign_in(page, app_url, "viewer")
    expect(sidebar_nav(page).get_by_text("总览")).to_be_visible(timeout=TIMEOUT_MS)
    for hidden in ("台账上传", "导入记录", "用户管理", "审计日志", "数据管理", "系统管理"):
        expect(sidebar_nav(page).get_by_text(hidden)).to_have_count(0)
    page.screenshot(path=artifacts / "e2e_viewer_signed_in.png")


def test_uploader_sidebar_has_the_upload_page(page: Page, app_url: str) -> None:
    """An uploader sees the upload page, and it opens with its file picker."""
    browser_sign_in(page, app_url, "uploader")
    upload_link = sidebar_nav(page).get_by_text("台账上传")
    expect(upload_link).to_be_visible(timeout=TIMEOUT_MS)
    expect(sidebar_nav(page).get_by_text("用户管理")).to_have_count(0)
    upload_link.click()
    expect(page.get_by_text("无权访问")).to_have_count(0)


def test_viewer_crafting_the_upload_url_gets_no_access(page: Page, app_url: str) -> None:
    """Opening /upload directly as a viewer: "no access", no file picker."""
    browser_sign_in(page, f"{app_url}/upload", "viewer")
    expect(page.get_by_text("无权访问").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stFileUploader")).to_have_count(0)


@pytest.fixture
def fresh_server(sqlite_seeded_url: str, artifacts: Path, app_users) -> Iterator[str]:
    """A server of its own that no browser has opened yet (the process's first request counts)."""
    with serve_dashboard(sqlite_seeded_url, artifacts / "e2e_fresh_server.log") as base_url:
        yield base_url


def test_signed_out_visitor_opening_every_page_url_sees_only_sign_in(
    page: Page, fresh_server: str
) -> None:
    """Every page URL, the first one as the process's first request: the sign-in form only.

    Streamlit's legacy pages/ mode would run that first page without the frame.
    """
    for spec in PAGES:
        page.goto(f"{fresh_server}/{spec.url_path}")
        wait_for_app_run(page)
        expect(page.get_by_role("button", name="登录", exact=True)).to_be_visible(
            timeout=TIMEOUT_MS
        )
        expect(page.get_by_test_id("stMetric")).to_have_count(0)
        expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(0)
        expect(page.get_by_test_id("stDataFrame")).to_have_count(0)
        expect(page.get_by_test_id("stFileUploader")).to_have_count(0)


def test_scoped_viewer_opening_admin_urls_gets_no_access(page: Page, app_url: str) -> None:
    """A township-scoped viewer who types an admin or staff page's URL sees only 无权访问;
    the overview then shows its scope, and its one-township chart leaves no dead gap."""
    restricted = [spec for spec in PAGES if spec.url_path in ADMIN_AND_STAFF_PAGES]
    assert restricted
    browser_sign_in(page, f"{app_url}/{restricted[0].url_path}", "scoped")
    for spec in restricted:  # the sign-in lasts: each URL opens signed in
        page.goto(f"{app_url}/{spec.url_path}")
        expect(page.get_by_text("无权访问").first).to_be_visible(timeout=TIMEOUT_MS)
        expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
        expect(page.get_by_test_id("stDataFrame")).to_have_count(0)
    page.goto(app_url)
    expect(page.get_by_test_id("stMain").get_by_text("范围：")).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    wait_for_charts(page)
    assert chart_columns_gap(page) <= COLUMN_GAP_PX


def test_admin_download_is_audited(page: Page, app_url: str, sqlite_seeded_url: str) -> None:
    """The audit log's CSV download leaves a "download" row naming the admin and the file."""
    browser_sign_in(page, app_url, "admin")
    sidebar_nav(page).get_by_text("审计日志").click()
    wait_for_app_run(page)
    button = page.get_by_test_id("stDownloadButton").first
    expect(button).to_be_visible(timeout=TIMEOUT_MS)
    with page.expect_download(timeout=TIMEOUT_MS) as download:
        button.click()
    assert download.value.suggested_filename.endswith(".csv")
    with session_scope(get_engine(sqlite_seeded_url)) as session:
        events = list_audit_events(session=session, actor="admin", action="download")
    assert download.value.suggested_filename in set(events["target"])


# ---------------------------------------------------------------- single sign-on


def mock_provider_users() -> list:
    """The provider's one-click users: one with an account here, one without."""
    from oidc_provider_mock import User

    verified = {"email_verified": True}
    return [
        User(sub=SSO_KNOWN, claims={"email": SSO_EMAIL, **verified}),
        User(sub=SSO_STRANGER, claims={"email": "stranger@example.cn", **verified}),
    ]


@pytest.fixture(scope="module")
def oidc_provider() -> Iterator[str]:
    """A local OpenID Connect provider (oidc-provider-mock) on 127.0.0.1; its base URL."""
    provider = pytest.importorskip("oidc_provider_mock")
    serving = pytest.importorskip("werkzeug.serving")
    server = serving.make_server(
        "127.0.0.1", 0, provider.app(user_claims=mock_provider_users()), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def write_sso_secrets(folder: Path, app_base: str, provider_base: str) -> Path:
    """A secrets.toml with an [auth] section pointing at the local provider."""
    path = folder / "secrets.toml"
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "{app_base}/oauth2callback"\n'
        'cookie_secret = "e2e-cookie-secret-not-for-production"\n'
        'client_id = "dashboard"\n'
        'client_secret = "dashboard-secret"\n'
        f'server_metadata_url = "{provider_base}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def sso_engine(sqlite_seeded_url: str, app_users) -> Engine:
    """The demo database with an account for the provider's known user."""
    engine = get_engine(sqlite_seeded_url)
    with cheap_bcrypt(), session_scope(engine, write=True) as session:
        if auth.get_user(session=session, username=SSO_EMAIL) is None:
            auth.create_user(
                session=session,
                actor="cli:tests",
                username=SSO_EMAIL,
                password="sso-viewer-pass",
                role="viewer",
            )
    return engine


@pytest.fixture(scope="module")
def sso_app_url(
    sso_engine: Engine, oidc_provider: str, tmp_path_factory, artifacts: Path
) -> Iterator[str]:
    """A second app server with single sign-on configured against the local provider."""
    folder = tmp_path_factory.mktemp("sso")
    port = free_port()  # the redirect URI in the secrets must name the server's own port
    secrets = write_sso_secrets(folder, f"http://127.0.0.1:{port}", oidc_provider)
    with serve_dashboard(
        sso_engine.url.render_as_string(hide_password=False),
        artifacts / "e2e_streamlit_sso.log",
        extra_args=("--secrets.files", str(secrets)),
        extra_env={"AUTHLIB_INSECURE_TRANSPORT": "1"},  # the local provider speaks plain http
        port=port,
    ) as base_url:
        yield base_url


def sso_sign_in(page: Page, app_base: str, subject: str) -> None:
    """Click 单点登录, pick the provider's one-click user, come back to the app."""
    page.goto(app_base)
    page.get_by_role("button", name="单点登录").click()
    page.get_by_role("button", name=subject).click()
    page.wait_for_url(f"{app_base}/**", timeout=TIMEOUT_MS)


def test_sso_known_identity_signs_in(page: Page, sso_app_url: str) -> None:
    """The provider's user with a matching verified e-mail gets its account's pages."""
    sso_sign_in(page, sso_app_url, SSO_KNOWN)
    expect(page.get_by_text(f"当前用户：{SSO_EMAIL}")).to_be_visible(timeout=TIMEOUT_MS)
    expect(sidebar_nav(page).get_by_text("台账上传")).to_have_count(0)
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible(timeout=TIMEOUT_MS)


def test_sso_unknown_identity_gets_no_access(page: Page, sso_app_url: str) -> None:
    """A provider user without an account here sees "no access" and no figures."""
    sso_sign_in(page, sso_app_url, SSO_STRANGER)
    expect(page.get_by_text("无权访问").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stMetricValue")).to_have_count(0)
