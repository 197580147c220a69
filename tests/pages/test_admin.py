"""The admin pages in the app: manage accounts (audited, actor = the admin) and browse the log."""

from __future__ import annotations

import pytest
import streamlit as st
from sqlalchemy.engine import Engine

from components.navigation import PAGES
from data_access import auth
from data_access.audit import list_audit_events
from data_access.db import session_scope
from tests.support.app_content import rendered
from tests.support.signin import (
    TEST_USERS,
    cheap_bcrypt,
    create_test_users,
    first_township_id,
    open_app,
)

USERS_PAGE = next(spec for spec in PAGES if spec.url_path == "admin_users").path
AUDIT_PAGE = next(spec for spec in PAGES if spec.url_path == "admin_audit").path


@pytest.fixture
def admin_engine(monkeypatch: pytest.MonkeyPatch, writable_seeded_engine: Engine) -> Engine:
    """A writable demo store with the test accounts, used by the app."""
    st.cache_data.clear()  # scratch databases are reused within the test session
    create_test_users(writable_seeded_engine, ("viewer", "uploader", "admin"))
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    return writable_seeded_engine


def account(engine: Engine, username: str):
    """The stored account."""
    with session_scope(engine) as session:
        return auth.require_user(session=session, username=username)


def admin_actions(engine: Engine) -> list[tuple[str, str]]:
    """(action, target) of every audit event the admin caused, oldest first."""
    with session_scope(engine) as session:
        events = list_audit_events(session=session, actor="admin")
    return list(zip(events["action"][::-1], events["target"][::-1], strict=True))


def test_admin_creates_an_account(admin_engine: Engine) -> None:
    """The create form makes a scoped account; the table lists it; the event names the admin."""
    app = open_app("admin", USERS_PAGE)
    assert not app.exception
    township_id = first_township_id(admin_engine)
    app.text_input(key="new_username").input("zhao.liu")
    app.text_input(key="new_display_name").input("赵六")
    app.selectbox(key="new_role").select("uploader")
    app.multiselect(key="new_scope").select(township_id)
    app.text_input(key="new_user_password").input("zhao-pass-12")
    with cheap_bcrypt():
        app.button(key="FormSubmitter:create_user-新建用户").click().run()
    assert not app.exception
    assert "已新建用户 zhao.liu" in " ".join(rendered(s.value) for s in app.success)
    created = account(admin_engine, "zhao.liu")
    assert (created.role, auth.scope_of(created)) == ("uploader", (township_id,))
    assert "zhao.liu" in set(app.dataframe[0].value["用户名"])
    assert ("user_create", "zhao.liu") in admin_actions(admin_engine)


def test_admin_changes_role_disables_unlocks_and_resets(admin_engine: Engine) -> None:
    """Each change on the page reaches the database and the audit log, with the admin as actor."""
    app = open_app("admin", USERS_PAGE)
    app.selectbox(key="manage_username").select("viewer").run()
    app.selectbox(key="edit_role_viewer").select("uploader").run()
    app.button(key="save_role").click().run()
    assert account(admin_engine, "viewer").role == "uploader"
    app.button(key="disable_user").click().run()
    assert account(admin_engine, "viewer").disabled
    app.button(key="enable_user").click().run()
    app.button(key="unlock_user").click().run()
    app.text_input(key="reset_password_value").input("viewer-new-pass")
    with cheap_bcrypt():
        app.button(key="FormSubmitter:reset_password-重置密码").click().run()
    assert not app.exception
    with session_scope(admin_engine) as session:
        assert auth.authenticate(session=session, username="viewer", password="viewer-new-pass").ok
    assert [a for a, target in admin_actions(admin_engine) if target == "viewer"] == [
        "user_role",
        "user_disable",
        "user_enable",
        "user_unlock",
        "password_reset",
    ]


def test_refused_change_shows_the_reason(admin_engine: Engine) -> None:
    """The last admin cannot demote themself: the page says why and nothing changes."""
    app = open_app("admin", USERS_PAGE)
    app.selectbox(key="manage_username").select("admin").run()
    app.selectbox(key="edit_role_admin").select("viewer").run()
    app.button(key="save_role").click().run()
    assert "至少保留一名启用的管理员" in " ".join(e.value for e in app.error)
    assert account(admin_engine, "admin").role == "admin"


def test_audit_page_filters_by_actor_and_action(admin_engine: Engine) -> None:
    """The log lists sign-in events; filtering by person and action narrows it."""
    with session_scope(admin_engine, write=True) as session:
        auth.authenticate(session=session, username="uploader", password="wrong-password")
        auth.authenticate(session=session, username="viewer", password=TEST_USERS["viewer"][1])
    app = open_app("admin", AUDIT_PAGE)
    assert not app.exception
    everything = app.dataframe[0].value
    assert {"登录失败", "登录成功"} <= set(everything["操作"])
    app.selectbox(key="audit_actor").select("uploader").run()
    app.selectbox(key="audit_action").select("sign_in_failure").run()
    narrowed = app.dataframe[0].value
    assert list(narrowed["操作人"]) == ["uploader"]
    assert list(narrowed["操作"]) == ["登录失败"]
