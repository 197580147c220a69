"""The screens around signing in: first-admin setup, sign-in form, single sign-on, account menu."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from components.auth import (
    PASSWORD,
    SESSION_NOTICE,
    SESSION_SSO_REFUSED,
    CurrentUser,
    sign_in,
    sign_out,
    sso_logged_in,
    sso_providers,
)
from data_access import auth
from data_access.audit import LOCAL_TIMEZONE
from data_access.cache import cached_engine
from data_access.db import session_scope

APP_TITLE = "巡察整改看板"
INPUT_ERRORS = (auth.AccountError, auth.PasswordPolicyError)


def show_sign_in_screen() -> None:
    """What a visitor who is not signed in sees: setup, refusal, or the sign-in form."""
    st.title(APP_TITLE)
    with session_scope(cached_engine()) as session:
        first_start = auth.needs_first_admin(session=session)
    if first_start:
        show_setup_form()
    elif st.session_state.get(SESSION_SSO_REFUSED) and sso_logged_in():
        show_unknown_identity()
    else:
        show_sign_in_form()


def show_setup_form() -> None:
    """One-time setup on a fresh install: create the first admin (there is no default password)."""
    st.subheader("初始设置：创建第一个管理员账号")
    st.caption(
        "系统中还没有任何账号。请设置管理员的用户名和密码"
        f"（至少 {auth.MIN_PASSWORD_CHARS} 个字符）。"
        "创建后此页面不再出现。也可在服务器上运行 "
        "`python -m data_access users add 用户名 --role admin`。"
    )
    with st.form("first_admin"):
        username = st.text_input("用户名", key="setup_username")
        display_name = st.text_input("姓名（可选）", key="setup_display_name")
        password = st.text_input("密码", type="password", key="setup_password")
        repeated = st.text_input("再次输入密码", type="password", key="setup_password_repeat")
        submitted = st.form_submit_button("创建管理员", type="primary")
    if not submitted:
        return
    if password != repeated:
        st.error("两次输入的密码不一致 / the two passwords differ")
        return
    try:
        with session_scope(cached_engine(), write=True) as session:
            auth.create_first_admin(
                session=session, username=username, password=password, display_name=display_name
            )
    except INPUT_ERRORS as error:
        st.error(str(error))
        return
    st.session_state[SESSION_NOTICE] = "管理员账号已创建，请登录 / admin created: please sign in"
    st.rerun()


def show_sign_in_form() -> None:
    """Username and password (lock-out after repeated failures), plus single sign-on if set up."""
    notice = st.session_state.pop(SESSION_NOTICE, None)
    if notice:
        st.info(notice, icon=":material/info:")
    st.subheader("请登录")
    with st.form("sign_in"):
        username = st.text_input("用户名", key="sign_in_username")
        password = st.text_input("密码", type="password", key="sign_in_password")
        submitted = st.form_submit_button("登录", type="primary")
    if submitted:
        _check_password(username, password)
    for provider in sso_providers():
        label = "单点登录" if provider is None else f"单点登录（{provider}）"
        if st.button(label, key=f"sso_{provider or 'default'}", icon=":material/login:"):
            st.login(provider)


def _check_password(username: str, password: str) -> None:
    """Run the password check (audited by data_access); sign in or say why not."""
    with session_scope(cached_engine(), write=True) as session:
        result = auth.authenticate(session=session, username=username, password=password)
        name = result.user.username if result.ok and result.user else None
    if name is not None:
        sign_in(name, PASSWORD)
        st.rerun()
    message = result.message
    if result.locked_until is not None:
        message += f"（解锁时间 / locked until {_local_time(result.locked_until)}）"
    st.error(message)


def _local_time(moment: datetime) -> str:
    """A UTC instant as the office's local clock time."""
    return moment.astimezone(LOCAL_TIMEZONE).strftime("%H:%M")


def show_unknown_identity() -> None:
    """A single-sign-on identity that maps to no account: no access, no data."""
    st.error(
        "无权访问：" + auth.AuthResult(ok=False, reason="unknown_identity").message,
        icon=":material/block:",
    )
    if st.button("退出单点登录", key="sso_logout"):
        st.session_state.pop(SESSION_SSO_REFUSED, None)
        st.logout()


def show_account_menu(user: CurrentUser) -> None:
    """In the sidebar: who is signed in, sign out, change the own password."""
    with st.sidebar:
        st.caption(f"当前用户：{user.label}")
        if st.button("退出登录", key="sign_out", icon=":material/logout:"):
            sign_out(user)
        with st.expander("修改密码"):
            show_change_password_form(user)


def show_change_password_form(user: CurrentUser) -> None:
    """The signed-in user replaces their own password (the current one is checked)."""
    with st.form("change_password", clear_on_submit=True):
        old = st.text_input("当前密码", type="password", key="old_password")
        new = st.text_input("新密码", type="password", key="new_password")
        repeated = st.text_input("再次输入新密码", type="password", key="new_password_repeat")
        submitted = st.form_submit_button("修改密码")
    if not submitted:
        return
    if new != repeated:
        st.error("两次输入的新密码不一致 / the two new passwords differ")
        return
    try:
        with session_scope(cached_engine(), write=True) as session:
            result = auth.change_password(
                session=session, username=user.username, old_password=old, new_password=new
            )
    except INPUT_ERRORS as error:
        st.error(str(error))
        return
    if result.ok:
        st.success("密码已修改 / password changed")
    else:
        st.error(result.message)


def show_no_access() -> None:
    """The page a role may not open: a refusal instead of the page (nothing of it runs)."""
    st.error(
        "无权访问 / no access：您的账号没有打开此页面的权限。如需开通，请联系管理员。",
        icon=":material/block:",
    )
