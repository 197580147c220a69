"""Signing in through the app: first-admin setup, password, lock-out, revoke, sign-out, SSO."""

from __future__ import annotations

import pytest
import streamlit as st
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from components.navigation import PAGES
from components.signin_forms import CHANGE_PASSWORD_KEY
from data_access import auth
from data_access.audit import list_audit_events
from data_access.auth import MAX_FAILED_ATTEMPTS
from data_access.db import session_scope
from tests.support.app_content import rendered
from tests.support.signin import (
    APP_TIMEOUT_SECONDS,
    DASHBOARD,
    TEST_USERS,
    cheap_bcrypt,
    create_test_users,
    open_app,
    sign_in,
)

UPLOAD_PAGE = next(spec for spec in PAGES if spec.url_path == "upload")
SSO_SECRETS = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "dashboard",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


@pytest.fixture
def app_engine(monkeypatch: pytest.MonkeyPatch, empty_engine: Engine) -> Engine:
    """An empty store of this test (no account yet) that the app uses."""
    st.cache_data.clear()  # scratch databases are reused within the test session
    monkeypatch.setenv("DATABASE_URL", empty_engine.url.render_as_string(hide_password=False))
    return empty_engine


@pytest.fixture
def users_engine(app_engine: Engine) -> Engine:
    """The app's store with the viewer, uploader and admin test accounts."""
    create_test_users(app_engine, ("viewer", "uploader", "admin"))
    return app_engine


def texts(app, kind: str) -> str:
    """The text of every element of one kind as the reader sees it, joined."""
    return " ".join(rendered(str(element.value)) for element in app.get(kind))


def submit_sign_in(app, username: str, password: str) -> None:
    """Fill in and send the sign-in form."""
    app.text_input(key="sign_in_username").input(username)
    app.text_input(key="sign_in_password").input(password)
    app.button(key="FormSubmitter:sign_in-登录").click().run()


def actions_of(engine: Engine, actor: str) -> list[str]:
    """The audit actions recorded for actor, oldest first."""
    with session_scope(engine) as session:
        return list(reversed(list(list_audit_events(session=session, actor=actor)["action"])))


def test_setup_screen_only_while_no_account_exists(app_engine: Engine) -> None:
    """A fresh install asks for the first admin, who is signed in at once; then only sign-in."""
    app = open_app(None)
    assert not app.exception
    assert "创建第一个管理员账号" in texts(app, "subheader")
    assert not app.metric
    app.text_input(key="setup_username").input("chief")
    app.text_input(key="setup_password").input("chief-pass-1")
    app.text_input(key="setup_password_repeat").input("chief-pass-2")
    with cheap_bcrypt():
        app.button(key="FormSubmitter:first_admin-创建管理员").click().run()
        assert "不一致" in texts(app, "error")
        app.text_input(key="setup_password_repeat").input("chief-pass-1")
        app.button(key="FormSubmitter:first_admin-创建管理员").click().run()
    assert not app.exception
    assert "当前用户：chief" in texts(app.sidebar, "caption")  # no second sign-in asked for
    fresh = open_app(None)
    assert "创建第一个管理员账号" not in texts(fresh, "subheader")
    assert "请登录" in texts(fresh, "subheader")
    with session_scope(app_engine) as session:
        assert auth.require_user(session=session, username="chief").role == "admin"


def test_password_sign_in_wrong_then_right_then_sign_out(users_engine: Engine) -> None:
    """Wrong password: message and no data; right one: the app; sign-out ends it. All audited."""
    app = open_app(None)
    submit_sign_in(app, "viewer", "not-the-password")
    assert "用户名或密码错误" in texts(app, "error")
    assert not app.metric
    submit_sign_in(app, "viewer", TEST_USERS["viewer"][1])
    assert not app.exception
    assert "当前用户：viewer" in texts(app.sidebar, "caption")
    assert "三步初始设置" in texts(app, "subheader")  # the overview (an empty store: the guide)
    app.sidebar.button(key="sign_out").click().run()
    assert "请登录" in texts(app, "subheader")
    assert not app.metric
    assert actions_of(users_engine, "viewer") == ["sign_in_failure", "sign_in_success", "sign_out"]


def test_a_database_lost_at_sign_in_shows_its_panel(
    monkeypatch: pytest.MonkeyPatch, users_engine: Engine
) -> None:
    """The password check runs in the form's callback: a database gone by then raises
    nothing there; the run shows the database panel (no details to a visitor)."""
    app = open_app(None)
    monkeypatch.setenv("DATABASE_URL", "oracle://dbuser@127.0.0.1/ledgerdb")
    submit_sign_in(app, "viewer", TEST_USERS["viewer"][1])
    assert not app.exception
    assert len(app.error) == 1
    assert "无法连接数据库" in texts(app, "error") and "oracle" not in texts(app, "error")
    assert not app.metric


def test_lock_out_after_repeated_failures(users_engine: Engine) -> None:
    """The fifth wrong password locks the account; even the right one is refused then."""
    app = open_app(None)
    for _ in range(MAX_FAILED_ATTEMPTS):
        submit_sign_in(app, "uploader", "wrong-password")
    assert "锁定" in texts(app, "error")
    submit_sign_in(app, "uploader", TEST_USERS["uploader"][1])
    assert "锁定" in texts(app, "error")
    assert "当前用户" not in texts(app.sidebar, "caption")


def test_revoked_role_and_disabled_account_take_effect_on_the_next_rerun(
    users_engine: Engine,
) -> None:
    """A demotion ends the sign-in on the next rerun; signed in again, the new role applies."""
    app = open_app("uploader", UPLOAD_PAGE.path)
    assert not any("无权访问" in error.value for error in app.error)
    with session_scope(users_engine, write=True) as session:
        auth.set_role(session=session, actor="admin", username="uploader", role="viewer")
    app.run()
    assert "请登录" in texts(app, "subheader")
    assert "登录已结束" in texts(app, "info")
    assert not app.get("file_uploader")
    again = open_app("uploader", UPLOAD_PAGE.path)
    assert any("无权访问" in error.value for error in again.error)
    with session_scope(users_engine, write=True) as session:
        auth.disable_user(session=session, actor="admin", username="uploader")
    again.run()
    assert "请登录" in texts(again, "subheader")
    assert not again.metric


def test_unknown_username_in_the_session_gets_nothing(users_engine: Engine) -> None:
    """A session state naming a user without a live server-side session is not signed in."""
    app = AppTest.from_file(str(DASHBOARD), default_timeout=APP_TIMEOUT_SECONDS)
    app.session_state["auth_username"] = "viewer"  # no session token: not a sign-in
    app.session_state["auth_method"] = "password"
    app.run()
    assert "请登录" in texts(app, "subheader")
    assert not app.metric


def sso_app(user_info: dict) -> AppTest:
    """The dashboard with [auth] configured and Streamlit holding user_info as st.user."""
    app = AppTest.from_file(str(DASHBOARD), default_timeout=APP_TIMEOUT_SECONDS)
    app.secrets["auth"] = SSO_SECRETS
    app.user = user_info
    return app.run()


def test_sso_offers_the_login_button(users_engine: Engine) -> None:
    """With [auth] configured, a visitor sees the single-sign-on button beside the form."""
    app = sso_app({"is_logged_in": False})
    assert not app.exception
    assert app.button(key="sso_default").label == "单点登录"


def test_sso_identity_maps_to_its_account(users_engine: Engine) -> None:
    """A verified e-mail that names an account signs that account in and binds the subject."""
    with cheap_bcrypt(), session_scope(users_engine, write=True) as session:
        auth.create_user(
            session=session,
            actor="t",
            username="li@example.cn",
            password="li-pass-12",
            role="viewer",
        )
    claims = {"is_logged_in": True, "email": "li@example.cn", "email_verified": True, "sub": "s-9"}
    app = sso_app(claims)
    assert not app.exception
    assert "当前用户：li@example.cn" in texts(app.sidebar, "caption")
    assert "三步初始设置" in texts(app, "subheader")  # the overview (an empty store: the guide)
    with session_scope(users_engine) as session:
        assert auth.require_user(session=session, username="li@example.cn").oidc_subject == "s-9"


@pytest.mark.parametrize(
    "claims",
    [
        {"is_logged_in": True, "email": "stranger@example.cn", "email_verified": True, "sub": "x"},
        {"is_logged_in": True, "email": "viewer", "email_verified": False, "sub": "y"},
    ],
    ids=["unknown", "unverified-email"],
)
def test_unknown_sso_identity_gets_no_access_and_no_data(users_engine: Engine, claims) -> None:
    """An identity that maps to no account sees "no access", nothing else; it is audited."""
    app = sso_app(claims)
    assert not app.exception
    assert "无权访问" in texts(app, "error")
    assert not app.metric
    assert app.button(key="sso_logout")
    email, subject = auth.identity_from_claims(claims)
    assert actions_of(users_engine, email or subject) == ["sign_in_failure"]


def test_signed_in_session_state_is_only_a_name(users_engine: Engine) -> None:
    """The session holds no role: setting a role key in it grants nothing."""
    app = open_app(None)
    sign_in(app, "viewer")
    app.session_state["role"] = "admin"
    app.run()
    app.switch_page(UPLOAD_PAGE.path).run()
    assert any("无权访问" in error.value for error in app.error)


def change_password(app, old: str, new: str) -> None:
    """Fill in and send the account menu's password form."""
    app.text_input(key="old_password").input(old)
    app.text_input(key="new_password").input(new)
    app.text_input(key="new_password_repeat").input(new)
    with cheap_bcrypt():
        app.button(key="FormSubmitter:change_password-修改密码").click().run()


def test_the_own_password_is_changed_in_the_account_menu(users_engine: Engine) -> None:
    """The form waits in a closed 修改密码; open, it checks the current password first."""
    app = open_app("viewer")
    assert "old_password" not in {box.key for box in app.sidebar.text_input}
    app.session_state[CHANGE_PASSWORD_KEY] = True
    app.run()
    new = "viewer-pass-new-2"
    change_password(app, "wrong-password-1", new)
    assert texts(app, "error") and not texts(app, "success")
    change_password(app, TEST_USERS["viewer"][1], new)
    assert "密码已修改" in texts(app, "success")
    with session_scope(users_engine, write=True) as session:
        assert auth.authenticate(session=session, username="viewer", password=new).ok
