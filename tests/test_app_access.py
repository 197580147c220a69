"""Deny by default in the running app: role × page matrix, crafted URLs, township scope."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
from signin import SCOPED_USER, TEST_USERS, first_township_id, open_app
from sqlalchemy import event
from sqlalchemy.engine import Engine

from components.navigation import PAGES, PageSpec, navigation_pages
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import format_int
from data_access.queries import fetch_headline
from data_access.roles import ROLES, can

NO_ACCESS = "无权访问"
ROLE_USERS = {role: name for name, (role, _) in TEST_USERS.items() if name != SCOPED_USER}
MATRIX = [(role, spec) for role in ROLES for spec in PAGES]


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> Engine:
    """The seeded SQLite demo database with the test accounts, used by the app."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return get_engine(sqlite_seeded_url)


@pytest.fixture
def statements(app_database: Engine) -> Iterator[list[str]]:
    """Every SQL statement the app runs on the database while the test runs."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        """Keep the statement text."""
        seen.append(statement)

    event.listen(app_database, "before_cursor_execute", record)
    yield seen
    event.remove(app_database, "before_cursor_execute", record)


def visible_pages(role: str) -> list[str]:
    """url_path of the pages the sidebar shows to role (hidden ones left out)."""
    shown = []
    for pages in navigation_pages(role=role).values():
        for page in pages:
            if page.visibility == "visible":
                shown.append(page.url_path or next(s for s in PAGES if s.default).url_path)
    return shown


@pytest.mark.parametrize("role", ROLES)
def test_navigation_lists_only_the_pages_of_the_role(role: str) -> None:
    """The sidebar is built from the role's pages; every page stays registered (hidden)."""
    expected = [spec.url_path for spec in PAGES if can(role, spec.url_path) and not spec.hidden]
    assert visible_pages(role) == expected
    registered = [page for pages in navigation_pages(role=role).values() for page in pages]
    assert len(registered) == len(PAGES)


def test_the_roles_see_different_navigation() -> None:
    """Non-vacuous: upload only for staff, user admin only for admins."""
    assert "upload" not in visible_pages("viewer")
    assert "upload" in visible_pages("uploader")
    assert "admin_users" not in visible_pages("uploader")
    assert {"admin_users", "admin_audit", "upload"} <= set(visible_pages("admin"))


def data_elements(app) -> int:
    """How many elements that show data the run rendered."""
    kinds = ("metric", "dataframe", "table", "file_uploader")
    return sum(len(app.get(kind)) for kind in kinds) + len(app.get("arrow_vega_lite_chart"))


@pytest.mark.parametrize(
    ("role", "spec"), MATRIX, ids=[f"{role}-{spec.url_path}" for role, spec in MATRIX]
)
def test_role_page_matrix(app_database, statements, role: str, spec: PageSpec) -> None:
    """Allowed pages open; any other page URL shows "no access" and runs no data query."""
    st.cache_data.clear()  # a cached answer would hide a query the page ran
    app = open_app(ROLE_USERS[role])
    before = len(statements)
    app.switch_page(spec.path).run()
    assert not app.exception
    refused = any(NO_ACCESS in error.value for error in app.error)
    if can(role, spec.url_path):
        assert not refused
        assert spec.title in app.title[0].value
        return
    assert refused
    assert data_elements(app) == 0
    # The run on the crafted URL read the account and nothing else.
    assert all("app_user" in statement for statement in statements[before:])


def test_denied_page_reads_only_the_account(app_database, statements) -> None:
    """A viewer on the upload URL: after switching, every statement is the account re-read."""
    st.cache_data.clear()
    app = open_app(ROLE_USERS["viewer"])
    before = len(statements)
    assert any("problem" in statement for statement in statements), "overview queried data"
    app.switch_page(next(s for s in PAGES if s.url_path == "upload").path).run()
    crafted = statements[before:]
    assert crafted and all("app_user" in statement for statement in crafted)
    assert not app.get("file_uploader")
    assert any(NO_ACCESS in error.value for error in app.error)


def test_scoped_user_sees_only_their_townships(app_database) -> None:
    """The overview KPIs of a township-scoped viewer are those of their township alone."""
    township_id = first_township_id(app_database)
    with session_scope(app_database) as session:
        own = fetch_headline(session=session, flt=Filter(townships=(township_id,)))
    for username, expected_total in [
        ("admin", "414"),
        (SCOPED_USER, format_int(own.problems_total)),
        ("admin", "414"),  # the cache keeps the scoped answer to the scoped Filter
    ]:
        app = open_app(username)
        assert not app.exception
        shown = {metric.label: metric.value for metric in app.metric}
        assert shown["问题总数"] == expected_total, username
    assert 0 < own.problems_total < 414


def test_scope_cannot_be_widened_through_the_url(app_database) -> None:
    """A scoped user asking for another township in the link gets nothing, not its rows."""
    township_id = first_township_id(app_database)
    app = open_app(SCOPED_USER, query_params={"township": str(township_id + 1), "scope": ""})
    assert not app.exception
    assert {m.label: m.value for m in app.metric}.get("问题总数", "0") == "0"
