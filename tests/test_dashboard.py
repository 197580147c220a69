"""AppTest smoke tests: every page through the dashboard router, the KPIs, the error panel."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from components.navigation import PAGES
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import format_int, format_rate
from data_access.models import Problem
from data_access.queries import fetch_headline, list_townships
from data_access.version import bump_data_version
from tests.support.app_content import kpis, rendered
from tests.support.published_figures import PUBLISHED_KPIS
from tests.support.signin import create_test_users, open_app, sign_in

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"
TIMEOUT_SECONDS = 60  # the first run migrates and queries; AppTest's default is 3 s
DEFAULT_PAGE = next(spec for spec in PAGES if spec.default)


def open_page(page_path: str, query_params: dict[str, str] | None = None) -> AppTest:
    """The dashboard signed in as an admin (who may open every page) on page_path."""
    return open_app("admin", page_path, query_params)


@pytest.fixture
def seeded_app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> str:
    """Point the app at the seeded SQLite demo database (with the test accounts)."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return sqlite_seeded_url


@pytest.mark.parametrize("spec", PAGES, ids=[spec.url_path for spec in PAGES])
def test_every_page_runs_without_exception(seeded_app_database, spec):
    """Each page renders under the frame with its title and the demo-data banner."""
    app = open_page(spec.path)
    assert not app.exception
    assert spec.title in app.title[0].value
    assert any("演示数据" in info.value for info in app.info)


def test_overview_shows_the_published_figures(seeded_app_database):
    """The eight KPI cards show the published results, formatted for Chinese readers."""
    app = open_page(DEFAULT_PAGE.path)
    assert not app.exception
    assert kpis(app) == PUBLISHED_KPIS
    assert not app.error


def test_overview_follows_the_filter_in_the_url(seeded_app_database):
    """?township=ID narrows every KPI to that township; a malformed parameter is named."""
    engine = get_engine(seeded_app_database)
    with session_scope(engine) as session:
        township_id = int(list_townships(session=session)["township_id"].iloc[0])
        expected = fetch_headline(session=session, flt=Filter(townships=(township_id,)))
    app = open_page(DEFAULT_PAGE.path, {"township": str(township_id), "status": "bogus"})
    assert not app.exception
    shown = kpis(app)
    assert shown["问题总数"] == format_int(expected.problems_total)
    assert shown["完成率"] == format_rate(expected.completion_rate)
    assert 0 < expected.problems_total < 414
    assert any("status=bogus" in rendered(caption.value) for caption in app.caption)


def test_empty_store_shows_the_setup_guide_and_no_demo_banner(monkeypatch, empty_engine: Engine):
    """A migrated store with no rows: the setup guide instead of empty cards, no demo banner."""
    st.cache_data.clear()  # scratch databases are reused within the test session
    monkeypatch.setenv("DATABASE_URL", empty_engine.url.render_as_string(hide_password=False))
    create_test_users(empty_engine, ("admin",))
    app = open_page(DEFAULT_PAGE.path)
    assert not app.exception
    assert not app.metric
    assert any("初始设置" in header.value for header in app.subheader)
    notices = [info.value for info in app.info]
    assert not any("演示数据" in notice for notice in notices)


UNUSABLE_URLS = {
    "unreachable": "postgresql+psycopg://dbuser@127.0.0.1:1/ledgerdb",
    "unsupported": "oracle://dbuser@127.0.0.1/ledgerdb",
    "malformed": "not a url",
}
# What the detail would tell a visitor about the database (issue 18, finding 11).
DATABASE_DETAILS = ("dbuser", "127.0.0.1", "ledgerdb", "oracle", "scheme")


def error_panel(app: AppTest) -> str:
    """The one error panel of the run, as read."""
    assert not app.exception
    assert len(app.error) == 1
    assert not app.metric
    return rendered(app.error[0].value)


@pytest.mark.parametrize("database_url", UNUSABLE_URLS.values(), ids=UNUSABLE_URLS.keys())
def test_unusable_database_shows_a_visitor_no_details(monkeypatch, database_url):
    """Signed out: the Chinese panel (no English in the Chinese UI), nothing of the database's
    user, host, port or name."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    app = AppTest.from_file(str(DASHBOARD), default_timeout=TIMEOUT_SECONDS)
    app.run()
    panel = error_panel(app)
    assert "无法连接数据库" in panel and "The database" not in panel
    assert not [detail for detail in DATABASE_DETAILS if detail in panel]


@pytest.mark.parametrize(("username", "detailed"), [("admin", True), ("viewer", False)])
def test_database_lost_mid_session_shows_details_only_to_an_admin(
    monkeypatch, seeded_app_database: str, username: str, detailed: bool
):
    """A signed-in admin gets the cause (the server log has it for everyone); a viewer not."""
    app = AppTest.from_file(str(DASHBOARD), default_timeout=TIMEOUT_SECONDS)
    sign_in(app, username)
    app.run()
    assert app.metric
    monkeypatch.setenv("DATABASE_URL", UNUSABLE_URLS["unsupported"])
    app.run()
    panel = error_panel(app)
    assert ("oracle" in panel) is detailed and ("dbuser" in panel) is False


def test_committed_change_shows_on_next_rerun(monkeypatch, writable_seeded_engine: Engine):
    """Cached figures refresh when the data version is bumped, and only then."""
    st.cache_data.clear()  # this scratch database may have held other data at the same version
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    create_test_users(writable_seeded_engine, ("admin",))
    app = open_page(DEFAULT_PAGE.path)
    assert kpis(app)["整改完成"] == "381"

    with session_scope(writable_seeded_engine, write=True) as session:
        rectified_id = session.exec(
            select(Problem.id).where(Problem.status == "rectified").limit(1)
        ).one()
        session.exec(update(Problem).where(Problem.id == rectified_id).values(status="in_progress"))
    app.run()
    assert kpis(app)["整改完成"] == "381", "without a new data version the cache still answers"

    with session_scope(writable_seeded_engine, write=True) as session:
        bump_data_version(session=session)
    app.run()
    assert not app.exception
    assert kpis(app)["整改完成"] == "380"
    assert kpis(app)["完成率"] == "91.8%"


def test_every_page_script_first_requires_the_frame():
    """Each pages/ script calls require_frame() before its first statement (the legacy mode)."""
    for spec in PAGES:
        tree = ast.parse((DASHBOARD.parent / spec.path).read_text(encoding="utf-8"))
        statements = [
            node for node in tree.body[1:] if not isinstance(node, ast.Import | ast.ImportFrom)
        ]
        first = statements[0]
        assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Call), spec.path
        assert getattr(first.value.func, "id", "") == "require_frame", spec.path
