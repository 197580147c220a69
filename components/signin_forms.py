"""The screens around signing in: first-admin setup, sign-in form, single sign-on, account menu."""

from __future__ import annotations

import streamlit as st

from components.auth import (
    PASSWORD,
    SESSION_NOTICE,
    SESSION_SSO_REFUSED,
    CurrentUser,
    sign_in,
    sign_out,
    source_address,
    sso_logged_in,
    sso_providers,
)
from components.markdown import escape_markdown, md
from data_access import auth
from data_access.cache import cached_engine
from data_access.db import DatabaseUnavailableError, session_scope
from data_access.formatting import format_clock
from data_access.office import fetch_heading
from i18n import t

INPUT_ERRORS = (auth.AccountError, auth.PasswordPolicyError)
CHANGE_PASSWORD_KEY = "account_change_password"
SIGN_IN_REFUSAL = "sign_in_refusal"  # why the last password check failed, shown once


def show_sign_in_screen() -> None:
    """What a visitor who is not signed in sees: setup, refusal, or the sign-in form."""
    with session_scope(cached_engine()) as session:
        first_start = auth.needs_first_admin(session=session)
        st.title(fetch_heading(session=session).title)  # the office's name, when it set one
    if first_start:
        show_setup_form()
    elif st.session_state.get(SESSION_SSO_REFUSED) and sso_logged_in():
        show_unknown_identity()
    else:
        show_sign_in_form()


def show_setup_form() -> None:
    """One-time setup on a fresh install: create the first admin (there is no default password)."""
    st.subheader(t("accounts.setup.title"))
    st.caption(t("accounts.setup.caption", count=auth.MIN_PASSWORD_CHARS))
    with st.form("first_admin", enter_to_submit=False):
        username = st.text_input(t("accounts.field.username"), key="setup_username")
        display_name = st.text_input(
            t("accounts.field.display_name_optional"), key="setup_display_name"
        )
        password = st.text_input(
            t("accounts.field.password"), type="password", key="setup_password"
        )
        repeated = st.text_input(
            t("accounts.field.password_repeat"), type="password", key="setup_password_repeat"
        )
        submitted = st.form_submit_button(t("accounts.setup.submit"), type="primary")
    if not submitted:
        return
    if password != repeated:
        st.error(t("accounts.error.passwords_differ"))
        return
    try:
        with session_scope(cached_engine(), write=True) as session:
            admin = auth.create_first_admin(
                session=session, username=username, password=password, display_name=display_name
            )
            token = auth.start_session(session=session, user=admin)  # signed in at once
    except INPUT_ERRORS as error:
        st.error(escape_markdown(error))
        return
    sign_in(admin.username, PASSWORD, token)
    st.toast(t("accounts.setup.done"), icon=":material/check_circle:")
    st.rerun()


def show_sign_in_form() -> None:
    """Username and password (lock-out after repeated failures), plus single sign-on if set up."""
    notice = st.session_state.pop(SESSION_NOTICE, None)
    if notice:
        st.info(notice, icon=":material/info:")
    st.subheader(t("accounts.sign_in.title"))
    with st.form("sign_in", enter_to_submit=False):
        st.text_input(t("accounts.field.username"), key="sign_in_username")
        st.text_input(t("accounts.field.password"), type="password", key="sign_in_password")
        # Checked in the callback, before the run: a right password shows the page in this
        # same run instead of drawing the form once more and rerunning.
        st.form_submit_button(
            t("accounts.sign_in.submit"), type="primary", on_click=_check_password
        )
    refusal = st.session_state.pop(SIGN_IN_REFUSAL, None)
    if refusal:
        st.error(refusal)
    for provider in sso_providers():
        label = (
            t("accounts.sso.button")
            if provider is None
            else t("accounts.sso.button_named", provider=provider)
        )
        if st.button(label, key=f"sso_{provider or 'default'}", icon=":material/login:"):
            st.login(provider)


def _check_password() -> None:
    """Form callback: run the password check (audited by data_access); sign in or say why not."""
    username = st.session_state.get("sign_in_username", "")
    password = st.session_state.get("sign_in_password", "")
    try:
        with session_scope(cached_engine(), write=True) as session:
            result = auth.authenticate(
                session=session, username=username, password=password, source=source_address()
            )
            user = result.user if result.ok else None
            name = user.username if user else None
            token = auth.start_session(session=session, user=user) if user else None
    except DatabaseUnavailableError:
        return  # the run that follows finds the database gone and shows its panel
    if name is not None:
        sign_in(name, PASSWORD, token)
        return
    message = result.message
    if result.locked_until is not None:
        message += t("accounts.sign_in.locked_until", time=format_clock(result.locked_until))
    st.session_state[SIGN_IN_REFUSAL] = message


def show_unknown_identity() -> None:
    """A single-sign-on identity that maps to no account: no access, no data."""
    st.error(
        t(
            "accounts.sso.no_access",
            reason=auth.AuthResult(ok=False, reason="unknown_identity").message,
        ),
        icon=":material/block:",
    )
    if st.button(t("accounts.sso.sign_out"), key="sso_logout"):
        st.session_state.pop(SESSION_SSO_REFUSED, None)
        st.logout()


def show_account_menu(user: CurrentUser) -> None:
    """In the sidebar: who is signed in, sign out, change the own password."""
    with st.sidebar:
        st.caption(md("accounts.menu.current_user", label=user.label))
        if st.button(t("accounts.menu.sign_out"), key="sign_out", icon=":material/logout:"):
            sign_out(user)
        # Built only while open: a closed form would still be sent and drawn on every rerun.
        with st.expander(
            t("accounts.menu.change_password"), key=CHANGE_PASSWORD_KEY, on_change="rerun"
        ) as menu:
            if menu.open:
                show_change_password_form(user)


def show_change_password_form(user: CurrentUser) -> None:
    """The signed-in user replaces their own password (the current one is checked)."""
    with st.form("change_password", clear_on_submit=True, enter_to_submit=False):
        old = st.text_input(
            t("accounts.field.current_password"), type="password", key="old_password"
        )
        new = st.text_input(t("accounts.field.new_password"), type="password", key="new_password")
        repeated = st.text_input(
            t("accounts.field.new_password_repeat"), type="password", key="new_password_repeat"
        )
        submitted = st.form_submit_button(t("accounts.menu.change_password"))
    if not submitted:
        return
    if new != repeated:
        st.error(t("accounts.error.new_passwords_differ"))
        return
    try:
        with session_scope(cached_engine(), write=True) as session:
            result = auth.change_password(
                session=session,
                username=user.username,
                old_password=old,
                new_password=new,
                source=source_address(),
            )
    except INPUT_ERRORS as error:
        st.error(escape_markdown(error))
        return
    if result.ok:
        st.success(t("accounts.password.changed"))
    else:
        st.error(result.message)


def show_no_access() -> None:
    """The page a role may not open: a refusal instead of the page (nothing of it runs)."""
    st.error(
        t("accounts.no_access"),
        icon=":material/block:",
    )
