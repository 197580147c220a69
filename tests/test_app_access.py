"""Deny by default in the running app: role × page matrix, crafted URLs, township scope."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
from signin import SCOPED_USER, TEST_USERS, first_township_id, open_app
from sqlalchemy import event
from sqlalchemy.engine import Engine

from components.navigation import PAGES, PageSpec, is_listed
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import format_int
from data_access.queries import fetch_headline
from data_access.roles import ROLES, can

NO_ACCESS = "无权访问"
ROLE_USERS = {role: name for name, (role, _) in TEST_USERS.items() if name != SCOPED_USER}
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
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


READ_PAGES = ["overview", "townships", "problems", "funds", "accountability", "leads", "rounds"]
# The sidebar of each role, written out by hand (the README's matrix, as pages).
SIDEBAR = {
    "viewer": [*READ_PAGES, "meeting"],
    "uploader": [*READ_PAGES, "meeting", "upload", "imports"],
    "admin": [
        *READ_PAGES,
        "meeting",
        "upload",
        "imports",
        "admin_users",
        "admin_audit",
        "regions",
        "admin_rounds",
    ],
}


@pytest.mark.parametrize("role", ROLES)
def test_sidebar_lists_only_the_pages_of_the_role(role: str) -> None:
    """The sidebar is built from the role's pages; detail pages are never listed."""
    assert [spec.url_path for spec in PAGES if is_listed(spec, role)] == SIDEBAR[role]


@pytest.mark.parametrize("role", [None, "", "root"])
def test_unknown_role_lists_nothing(role) -> None:
    """Deny by default: no page is listed for a role the matrix does not know."""
    assert not any(is_listed(spec, role) for spec in PAGES)


def reads_only_the_account(statements: list[str]) -> bool:
    """True when every statement (transaction control aside) reads the app_user table."""
    queries = [s for s in statements if not s.upper().startswith(TRANSACTION_CONTROL)]
    return bool(queries) and all("FROM app_user" in query for query in queries)


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
    assert reads_only_the_account(statements[before:]), statements[before:]


def test_denied_page_reads_only_the_account(app_database, statements) -> None:
    """A viewer on the upload URL: after switching, every statement is the account re-read."""
    st.cache_data.clear()
    app = open_app(ROLE_USERS["viewer"])
    before = len(statements)
    assert any("problem" in statement for statement in statements), "overview queried data"
    app.switch_page(next(s for s in PAGES if s.url_path == "upload").path).run()
    crafted = statements[before:]
    assert crafted and reads_only_the_account(crafted), crafted
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
    """A scoped user asking for another township in the link never gets that township's rows.

    The filter bar may drop the foreign id (then the own township shows) or keep it (then
    nothing shows); either way no row outside the scope appears.
    """
    own_id = first_township_id(app_database)
    with session_scope(app_database) as session:
        own = fetch_headline(session=session, flt=Filter(townships=(own_id,))).problems_total
    app = open_app(SCOPED_USER, query_params={"township": str(own_id + 1), "scope": ""})
    assert not app.exception
    shown = {m.label: m.value for m in app.metric}.get("问题总数", "0")
    assert shown in {"0", format_int(own)}


def shown_names(app) -> set[str]:
    """Every value of a name column in the tables on screen."""
    names: set[str] = set()
    for table in app.dataframe:
        frame = table.value
        for column in (c for c in frame.columns if str(c).endswith("name")):
            names.update(str(value) for value in frame[column].dropna())
    return names


def test_names_are_masked_for_viewers_and_full_for_admins(app_database) -> None:
    """The 一案双查 table names people as "张*" for a viewer, in full for an admin."""
    accountability = next(spec for spec in PAGES if spec.url_path == "accountability")
    viewer = shown_names(open_app("viewer", accountability.path))
    admin = shown_names(open_app("admin", accountability.path))
    assert viewer and admin
    assert all(name.endswith("*") for name in viewer)
    assert not any("*" in name for name in admin)
    assert {name[0] for name in viewer} == {name[0] for name in admin}
