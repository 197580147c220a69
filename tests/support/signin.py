"""Test accounts and signing in: AppTest (session state) and the browser (the real form)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from streamlit.testing.v1 import AppTest

from bench.app_session import sign_in_app
from components.auth import SESSION_METHOD, SESSION_USER
from components.session_cookie import COOKIE_NAME
from data_access import auth
from data_access.auth import passwords
from data_access.db import DatabaseUnavailableError, get_engine, session_scope
from data_access.queries import list_townships
from data_access.settings import PROJECT_ROOT, get_settings

TEST_ACTOR = "cli:tests"
# username -> (role, password); "scoped" is a viewer limited to the first township.
TEST_USERS: dict[str, tuple[str, str]] = {
    "viewer": ("viewer", "viewer-pass-1"),
    "uploader": ("uploader", "uploader-pass-1"),
    "admin": ("admin", "admin-pass-1"),
    "scoped": ("viewer", "scoped-pass-1"),
}
SCOPED_USER = "scoped"
DASHBOARD = PROJECT_ROOT / "dashboard.py"
APP_TIMEOUT_SECONDS = 60  # the first run migrates and queries; AppTest's default is 3 s
TEST_BCRYPT_ROUNDS = 4  # the lowest cost: test accounts only, the app's default stays 12
# The browser page once the script has finished its run.
SCRIPT_NOT_RUNNING = '[data-testid="stApp"][data-test-script-state="notRunning"]'


@contextmanager
def cheap_bcrypt() -> Iterator[None]:
    """Hash new passwords at the lowest cost while inside (verification reads the cost)."""
    saved = passwords.BCRYPT_ROUNDS
    passwords.BCRYPT_ROUNDS = TEST_BCRYPT_ROUNDS
    try:
        yield
    finally:
        passwords.BCRYPT_ROUNDS = saved


def first_township_id(engine: Engine) -> int:
    """The township the scoped test user is limited to."""
    with session_scope(engine) as session:
        return int(list_townships(session=session)["township_id"].iloc[0])


def create_test_users(engine: Engine, names: tuple[str, ...] = tuple(TEST_USERS)) -> None:
    """Create the named test accounts on engine (skipping ones that exist)."""
    township_ids = (first_township_id(engine),) if SCOPED_USER in names else ()
    with cheap_bcrypt(), session_scope(engine, write=True) as session:
        for name in names:
            if auth.get_user(session=session, username=name) is not None:
                continue
            role, password = TEST_USERS[name]
            auth.create_user(
                session=session,
                actor=TEST_ACTOR,
                username=name,
                password=password,
                role=role,
                township_ids=township_ids if name == SCOPED_USER else (),
            )


def add_account(
    engine: Engine, username: str, role: str, township_ids: tuple[int, ...] = ()
) -> None:
    """An enabled account (cheap hash) named username, unless one exists: whom --as names."""
    with cheap_bcrypt(), session_scope(engine, write=True) as session:
        if auth.get_user(session=session, username=username) is None:
            auth.create_user(
                session=session,
                actor=TEST_ACTOR,
                username=username,
                password=f"{username}-pass-12",
                role=role,
                township_ids=township_ids,
            )


def open_app(
    username: str | None,
    page_path: str | None = None,
    query_params: dict[str, str] | None = None,
) -> AppTest:
    """Run the dashboard signed in as username (None: nobody) on page_path (None: the default).

    The first run opens the page itself, as a browser opening its URL does: the page files
    are named by their url_path, the name Streamlit matches before st.navigation has run.
    """
    app = AppTest.from_file(str(DASHBOARD), default_timeout=APP_TIMEOUT_SECONDS)
    app.query_params.update(query_params or {})
    if username is not None:
        sign_in(app, username)
    if page_path is not None:
        app.switch_page(page_path)
    app.run()
    return app


def sign_in(app, username: str) -> None:
    """Sign username in for an AppTest as the form does: a server-side session, its hash held.

    The session lives in the database DATABASE_URL names (the one the app under test uses);
    the app re-reads the account and the session on every run. With no usable database
    (tests of the error panel) only the name is held: the app stops before reading it.
    """
    try:
        sign_in_app(app, get_engine(get_settings().database_url), username)
    except (DatabaseUnavailableError, OperationalError):
        app.session_state[SESSION_USER] = username
        app.session_state[SESSION_METHOD] = "password"


# A first run after sign-in on a loaded 2-core machine can take longer than Playwright's 30 s.
SIGN_IN_TIMEOUT_MS = 60_000


def browser_sign_in(page, base_url: str, username: str, password: str | None = None) -> None:
    """Fill in the real sign-in form in the browser and wait until the app shows the user."""
    page.goto(base_url)
    page.get_by_label("用户名").fill(username, timeout=SIGN_IN_TIMEOUT_MS)
    page.get_by_label("密码", exact=True).fill(password or TEST_USERS[username][1])
    page.get_by_role("button", name="登录").click()
    # Attached, not visible: a page that hides the sidebar (the meeting view) may already
    # have collapsed it by the time the signed-in run has drawn the user line there.
    page.get_by_text("当前用户").wait_for(state="attached", timeout=SIGN_IN_TIMEOUT_MS)
    # Then the end of that run: a click while it still runs may be lost to the redraw.
    page.wait_for_selector(SCRIPT_NOT_RUNNING, timeout=SIGN_IN_TIMEOUT_MS)
    # And the cookie: the component writes it after that run, and a goto() before it would
    # open a new session that is not signed in.
    page.wait_for_function(
        f"document.cookie.includes('{COOKIE_NAME}=')", timeout=SIGN_IN_TIMEOUT_MS
    )
