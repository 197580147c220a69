"""Deny by default in the running app: identity × page × link matrix, township scope."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import streamlit as st
from sqlalchemy import event
from sqlalchemy.engine import Engine

from components.navigation import PAGES, PageSpec, is_listed
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import format_int
from data_access.queries import fetch_headline
from data_access.roles import ROLES, can
from seed import load_demo
from tests.support.access_matrix import (
    DATE_PARAMS,
    IDENTITIES,
    SIGNED_OUT,
    Outside,
    add_matrix_accounts,
    disable,
    download_texts,
    matrix_link,
    outside_of,
    role_of,
    scope_of,
)
from tests.support.app_content import chart_texts, rendered, shown_texts
from tests.support.databases import BACKENDS, reset_schema
from tests.support.signin import (
    SCOPED_USER,
    TEST_USERS,
    create_test_users,
    first_township_id,
    open_app,
)

NO_ACCESS = "无权访问"
ROLE_USERS = {role: name for name, (role, _) in TEST_USERS.items() if name != SCOPED_USER}
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
PAGE_ERROR = "页面出错了"
ACCOUNT = ("FROM app_user", "FROM user_session")
# The sign-in screen also reads the office's title and the newest round's theme it shows.
SIGN_IN_SCREEN = (*ACCOUNT, "FROM office_setting", "FROM inspection_round")
# Every identity on every page, one AppTest session per identity (test_role_page_matrix).
MATRIX = [(identity, spec) for identity in IDENTITIES for spec in PAGES]


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> Engine:
    """The seeded SQLite demo database with the test accounts, used by the app."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return get_engine(sqlite_seeded_url)


@contextmanager
def recorded(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement run on engine while inside."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        """Keep the statement text."""
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
def statements(app_database: Engine) -> Iterator[list[str]]:
    """Every SQL statement the app runs on the database while the test runs."""
    with recorded(app_database) as seen:
        yield seen


READ_PAGES = ["overview", "townships", "problems", "funds", "accountability", "leads", "rounds"]
# The sidebar of each role, written out by hand (the matrix of docs/operations.md, as pages).
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


def reads_only_the_account(statements: list[str], tables: tuple[str, ...] = ACCOUNT) -> bool:
    """True when every statement (transaction control aside) reads the account or its session
    (or another of tables)."""
    queries = [s for s in statements if not s.upper().startswith(TRANSACTION_CONTROL)]
    return bool(queries) and all(any(table in query for table in tables) for query in queries)


def tables_read(statements: list[str]) -> list[str]:
    """The tables statements read, for a failure's message."""
    return sorted(set(re.findall(r"FROM (\w+)", " ".join(statements))))


def data_elements(app) -> int:
    """How many elements that show data the run rendered."""
    kinds = ("metric", "dataframe", "table", "file_uploader")
    return sum(len(app.get(kind)) for kind in kinds) + len(app.get("arrow_vega_lite_chart"))


@pytest.fixture(scope="module", params=BACKENDS)
def matrix_store(request: pytest.FixtureRequest, database_urls: dict[str, str]) -> Engine:
    """The demo data with the walk's accounts, on each database (its own: one is disabled)."""
    engine = get_engine(database_urls[f"{request.param}:matrix"])
    reset_schema(engine)
    load_demo(engine)
    create_test_users(engine)
    add_matrix_accounts(engine)
    return engine


@pytest.fixture
def matrix_app(matrix_store: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The app on the walk's store, with no cached answer from another store or account."""
    monkeypatch.setenv("DATABASE_URL", matrix_store.url.render_as_string(hide_password=False))
    st.cache_data.clear()
    return matrix_store


@pytest.fixture
def matrix_statements(matrix_app: Engine) -> Iterator[list[str]]:
    """Every SQL statement the app runs on the walk's store."""
    with recorded(matrix_app) as seen:
        yield seen


@pytest.mark.slow
@pytest.mark.parametrize("identity", IDENTITIES)
def test_role_page_matrix(
    matrix_app: Engine, matrix_statements: list[str], downloads, identity: str
) -> None:
    """One session per identity walks every page on a hostile link (MATRIX: identity × page).

    Allowed pages open, with a notice for each date moved into range; any other page shows
    "no access" (or, signed out, the sign-in form), no data, and runs no query but the
    account's. Nothing outside the identity's scope is shown: no other township's name,
    village, code or headline figure, in the page, its charts' data or its downloads.
    """
    username, statements = IDENTITIES[identity], matrix_statements
    app = open_app(username)
    if identity == "disabled":
        disable(matrix_app, username)
    role = None if identity in SIGNED_OUT else role_of(matrix_app, username)
    outside = outside_of(matrix_app, scope_of(matrix_app, identity))
    link = matrix_link(matrix_app, identity)
    failures: list[str] = []
    read: set[str] = set()
    for spec in (spec for who, spec in MATRIX if who == identity):
        downloads.clear()
        before = len(statements)
        app.query_params.clear()
        app.query_params.update(link)
        app.switch_page(spec.path).run()
        texts = [*shown_texts(app), *chart_texts(app), *download_texts(downloads, outside, read)]
        failures += [
            f"{identity} {spec.url_path}: {failure}"
            for failure in page_failures(app, spec, role, link, statements[before:])
            + leaks(app, texts, outside, downloads if role is None else {})
        ]
    assert failures == [], "\n".join(failures)


def page_failures(app, spec: PageSpec, role: str | None, link: dict, queries: list[str]) -> list:
    """What is wrong with the run on spec: an error, a refusal or not, a date without notice."""
    if app.exception:
        return [f"exception {app.exception}"]
    errors = [error.value for error in app.error]
    failures = [f"page error {error}" for error in errors if PAGE_ERROR in error]
    refused = any(NO_ACCESS in error for error in errors)
    if can(role, spec.url_path):
        if refused or spec.title not in app.title[0].value:
            failures.append("an allowed page did not open")
        notices = " ".join(rendered(caption.value) for caption in app.caption)
        moved = [f"{k}={v}" for k, v in link.items() if k in DATE_PARAMS]
        if spec.filtered and not all(date in notices for date in moved):
            failures.append(f"no notice for the moved dates {moved}")
        return failures
    if role is not None and not refused:
        failures.append("no refusal")
    if role is None and not app.text_input:
        failures.append("no sign-in form")
    tables = ACCOUNT if role is not None else SIGN_IN_SCREEN
    if data_elements(app) or not reads_only_the_account(queries, tables):
        failures.append(f"data shown or tables read: {tables_read(queries)}")
    return failures


def leaks(app, texts: list[str], outside: Outside, files: dict) -> list[str]:
    """What the run shows of the outside: names, codes, figures; any file for nobody."""
    found = outside.found_in(texts)
    figures = outside.figures_in(str(metric.value) for metric in app.metric)
    return [
        *([f"shows {found[:10]}"] if found else []),
        *([f"shows the whole store's figures {figures}"] if figures else []),
        *([f"offers files {sorted(files)}"] if files else []),
    ]


def test_denied_page_reads_only_the_account(app_database, statements) -> None:
    """A viewer on the upload URL: after switching, every statement re-reads the sign-in."""
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
