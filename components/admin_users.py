"""User administration widgets: list, create, change one account (audited by data_access)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.auth import CurrentUser
from components.markdown import md
from components.saved_change import save_change, show_saved_notice
from data_access import auth
from data_access.cache import cached_engine, cached_query
from data_access.db import session_scope
from data_access.queries import list_townships
from data_access.roles import ROLE_LABELS, ROLES
from i18n import t

NOTICE_KEY = "admin_users_notice"
INPUT_ERRORS = (auth.AccountError, auth.PasswordPolicyError)
# Shown columns; each one's header is "accounts.table.<column>".
TABLE_COLUMNS = ("username", "display_name", "role_label", "townships", "state",
                 "failed_attempts", "sso")  # fmt: skip


def table_headers() -> dict[str, str]:
    """Column -> header of the accounts table, in the UI language."""
    return {column: t(f"accounts.table.{column}") for column in TABLE_COLUMNS}


def township_names() -> dict[int, str]:
    """Township id -> name, for the scope choices."""
    townships = cached_query(list_townships, None)
    return dict(zip(townships["township_id"].astype(int), townships["township"], strict=True))


def load_users() -> pd.DataFrame:
    """Every account, read fresh (never cached: changes must show at once)."""
    with session_scope(cached_engine()) as session:
        return auth.list_users(session=session)


def run_change(done: str, change: Callable[..., object], **kwargs: object) -> None:
    """Apply one account change in a write transaction; rerun with a notice, or show the error."""
    save_change(NOTICE_KEY, done, lambda session: change(session=session, **kwargs), INPUT_ERRORS)


def show_notice() -> None:
    """The result of the last change, once."""
    show_saved_notice(NOTICE_KEY)


def _state(row: pd.Series) -> str:
    """One word for an account's state: disabled, locked or active."""
    if row["disabled"]:
        return t("accounts.state.disabled")
    locked = row["locked_until"]
    if locked is not None and not pd.isna(locked) and locked > pd.Timestamp.now(tz="UTC"):
        return t("accounts.state.locked")
    return t("accounts.state.active")


def show_user_table(users: pd.DataFrame) -> None:
    """The accounts as a read-only table."""
    shown = users.assign(
        state=[_state(row) for _, row in users.iterrows()],
        sso=[t("accounts.sso.bound") if subject else "" for subject in users["oidc_subject"]],
    )
    st.dataframe(
        shown[list(TABLE_COLUMNS)].rename(columns=table_headers()),
        hide_index=True,
        width="stretch",
        key="users_table",
        placeholder="—",
    )


def show_create_form(admin: CurrentUser) -> None:
    """A form that creates an account with a role, a scope and an initial password."""
    names = township_names()
    with st.form("create_user", clear_on_submit=True, enter_to_submit=False):
        username = st.text_input(t("accounts.create.username"), key="new_username")
        display_name = st.text_input(t("accounts.create.display_name"), key="new_display_name")
        role = st.selectbox(
            t("accounts.field.role"), ROLES, format_func=ROLE_LABELS.__getitem__, key="new_role"
        )
        scope = st.multiselect(
            t("accounts.field.scope"),
            list(names),
            format_func=names.__getitem__,
            key="new_scope",
            placeholder=t("accounts.all_townships"),  # empty: every township
        )
        password = st.text_input(
            t("accounts.create.password"), type="password", key="new_user_password"
        )
        submitted = st.form_submit_button(t("accounts.create.submit"), type="primary")
    if submitted:
        run_change(
            md("accounts.create.done", username=username),
            auth.create_user,
            actor=admin.username,
            username=username,
            password=password,
            role=role,
            township_ids=scope,
            display_name=display_name,
        )


def show_manage_user(admin: CurrentUser, users: pd.DataFrame) -> None:
    """Pick an account and change its role, scope, state or password."""
    if users.empty:
        return
    username = st.selectbox(
        t("accounts.manage.pick"), list(users["username"]), key="manage_username"
    )
    row = users.set_index("username").loc[username]
    role_column, scope_column = st.columns(2)
    with role_column:
        _role_editor(admin, username, row["role"])
    with scope_column:
        _scope_editor(admin, username, tuple(row["township_ids"]))
    _state_buttons(admin, username, bool(row["disabled"]))
    with st.form("reset_password", clear_on_submit=True, enter_to_submit=False):
        new_password = st.text_input(
            t("accounts.field.new_password"), type="password", key="reset_password_value"
        )
        if st.form_submit_button(t("accounts.reset.submit")):
            run_change(
                md("accounts.reset.done", username=username),
                auth.reset_password,
                actor=admin.username,
                username=username,
                new_password=new_password,
            )


def _role_editor(admin: CurrentUser, username: str, role: str) -> None:
    """Role choice and its save button."""
    new_role = st.selectbox(
        t("accounts.field.role"),
        ROLES,
        index=ROLES.index(role),
        format_func=ROLE_LABELS.__getitem__,
        key=f"edit_role_{username}",
    )
    if st.button(t("accounts.role.save"), key="save_role", disabled=new_role == role):
        run_change(
            md("accounts.role.done", username=username, role=ROLE_LABELS[new_role]),
            auth.set_role,
            actor=admin.username,
            username=username,
            role=new_role,
        )


def _scope_editor(admin: CurrentUser, username: str, scope: tuple[int, ...]) -> None:
    """Township scope choice and its save button."""
    names = township_names()
    chosen = st.multiselect(
        t("accounts.field.scope"),
        list(names),
        default=list(scope),
        format_func=names.__getitem__,
        key=f"edit_scope_{username}",
        placeholder=t("accounts.all_townships"),
    )
    saved = tuple(sorted(chosen)) == scope
    if st.button(t("accounts.scope.save"), key="save_scope", disabled=saved):
        run_change(
            md("accounts.scope.done", username=username),
            auth.set_township_scope,
            actor=admin.username,
            username=username,
            township_ids=chosen,
        )


def _state_buttons(admin: CurrentUser, username: str, disabled: bool) -> None:
    """Disable or enable, and unlock."""
    left, right = st.columns(2)
    with left:
        if disabled and st.button(t("accounts.enable"), key="enable_user"):
            run_change(
                md("accounts.enable.done", username=username),
                auth.enable_user,
                actor=admin.username,
                username=username,
            )
        if not disabled and st.button(t("accounts.disable"), key="disable_user"):
            run_change(
                md("accounts.disable.done", username=username),
                auth.disable_user,
                actor=admin.username,
                username=username,
            )
    with right:
        if st.button(t("accounts.unlock"), key="unlock_user"):
            run_change(
                md("accounts.unlock.done", username=username),
                auth.unlock_user,
                actor=admin.username,
                username=username,
            )
