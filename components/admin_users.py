"""User administration widgets: list, create, change one account (audited by data_access)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.auth import CurrentUser
from data_access import auth
from data_access.cache import cached_engine, cached_query
from data_access.db import session_scope
from data_access.queries import list_townships
from data_access.roles import ROLE_LABELS, ROLES

NOTICE_KEY = "admin_users_notice"
INPUT_ERRORS = (auth.AccountError, auth.PasswordPolicyError)
TABLE_COLUMNS = {
    "username": "用户名",
    "display_name": "姓名",
    "role_label": "角色",
    "townships": "乡镇范围",
    "state": "状态",
    "failed_attempts": "连续失败次数",
    "sso": "单点登录",
}


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
    try:
        with session_scope(cached_engine(), write=True) as session:
            change(session=session, **kwargs)
    except INPUT_ERRORS as error:
        st.error(str(error))
        return
    st.session_state[NOTICE_KEY] = done
    st.rerun()


def show_notice() -> None:
    """The result of the last change, once."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")


def _state(row: pd.Series) -> str:
    """One word for an account's state: 停用, 锁定 or 正常."""
    if row["disabled"]:
        return "停用"
    locked = row["locked_until"]
    if locked is not None and not pd.isna(locked) and locked > pd.Timestamp.now(tz="UTC"):
        return "锁定"
    return "正常"


def show_user_table(users: pd.DataFrame) -> None:
    """The accounts as a read-only table."""
    shown = users.assign(
        state=[_state(row) for _, row in users.iterrows()],
        sso=["已绑定" if subject else "" for subject in users["oidc_subject"]],
    )
    st.dataframe(
        shown[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS),
        hide_index=True,
        width="stretch",
        key="users_table",
    )


def show_create_form(admin: CurrentUser) -> None:
    """A form that creates an account with a role, a scope and an initial password."""
    names = township_names()
    with st.form("create_user", clear_on_submit=True):
        username = st.text_input("用户名（可用邮箱，便于单点登录对应）", key="new_username")
        display_name = st.text_input("姓名", key="new_display_name")
        role = st.selectbox("角色", ROLES, format_func=ROLE_LABELS.get, key="new_role")
        scope = st.multiselect(
            "限定乡镇（不选为全部）", list(names), format_func=names.get, key="new_scope"
        )
        password = st.text_input("初始密码", type="password", key="new_user_password")
        submitted = st.form_submit_button("新建用户", type="primary")
    if submitted:
        run_change(
            f"已新建用户 {username}",
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
    username = st.selectbox("选择用户", list(users["username"]), key="manage_username")
    row = users.set_index("username").loc[username]
    role_column, scope_column = st.columns(2)
    with role_column:
        _role_editor(admin, username, row["role"])
    with scope_column:
        _scope_editor(admin, username, tuple(row["township_ids"]))
    _state_buttons(admin, username, bool(row["disabled"]))
    with st.form("reset_password", clear_on_submit=True):
        new_password = st.text_input("新密码", type="password", key="reset_password_value")
        if st.form_submit_button("重置密码"):
            run_change(
                f"已重置 {username} 的密码",
                auth.reset_password,
                actor=admin.username,
                username=username,
                new_password=new_password,
            )


def _role_editor(admin: CurrentUser, username: str, role: str) -> None:
    """Role choice and its save button."""
    new_role = st.selectbox(
        "角色",
        ROLES,
        index=ROLES.index(role),
        format_func=ROLE_LABELS.get,
        key=f"edit_role_{username}",
    )
    if st.button("保存角色", key="save_role", disabled=new_role == role):
        run_change(
            f"已将 {username} 的角色改为 {ROLE_LABELS[new_role]}",
            auth.set_role,
            actor=admin.username,
            username=username,
            role=new_role,
        )


def _scope_editor(admin: CurrentUser, username: str, scope: tuple[int, ...]) -> None:
    """Township scope choice and its save button."""
    names = township_names()
    chosen = st.multiselect(
        "限定乡镇（不选为全部）",
        list(names),
        default=list(scope),
        format_func=names.get,
        key=f"edit_scope_{username}",
    )
    if st.button("保存乡镇范围", key="save_scope", disabled=tuple(sorted(chosen)) == scope):
        run_change(
            f"已修改 {username} 的乡镇范围",
            auth.set_township_scope,
            actor=admin.username,
            username=username,
            township_ids=chosen,
        )


def _state_buttons(admin: CurrentUser, username: str, disabled: bool) -> None:
    """Disable or enable, and unlock."""
    left, right = st.columns(2)
    with left:
        if disabled and st.button("启用账号", key="enable_user"):
            run_change(
                f"已启用 {username}", auth.enable_user, actor=admin.username, username=username
            )
        if not disabled and st.button("停用账号", key="disable_user"):
            run_change(
                f"已停用 {username}", auth.disable_user, actor=admin.username, username=username
            )
    with right:
        if st.button("解除锁定", key="unlock_user"):
            run_change(
                f"已解除 {username} 的锁定",
                auth.unlock_user,
                actor=admin.username,
                username=username,
            )
