"""Who is signed in: the session holds only a username; the account is re-read every rerun.

Re-reading role, scope and the disabled flag from the database on each rerun makes a
revoked role or a disabled account take effect on the person's next click, and keeps the
browser session from carrying any permission of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from data_access import auth
from data_access.audit import record_event
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.roles import ROLE_LABELS, is_role
from i18n import t

SESSION_USER = "auth_username"  # the signed-in username, nothing else
SESSION_METHOD = "auth_method"  # "password" or "oidc"
SESSION_NOTICE = "auth_notice"  # one message for the sign-in screen (e.g. account disabled)
SESSION_SSO_REFUSED = "auth_sso_refused"  # the single-sign-on identity has no account here
SESSION_CURRENT = "auth_current"  # this rerun's CurrentUser, set by the frame for the pages
PASSWORD = "password"
OIDC = "oidc"


@dataclass(frozen=True)
class CurrentUser:
    """The signed-in account as the database has it on this rerun."""

    username: str
    display_name: str
    role: str
    scope: tuple[int, ...] | None  # townships the user is limited to; None = every township

    @property
    def label(self) -> str:
        """Name and role for the sidebar, e.g. "王五 · 管理员"."""
        return f"{self.display_name or self.username} · {ROLE_LABELS.get(self.role, self.role)}"


def sso_section() -> Mapping | None:
    """The [auth] section of the secrets when single sign-on is configured, else None."""
    if not st.secrets.load_if_toml_exists():
        return None
    section = st.secrets.get("auth")
    return section if isinstance(section, Mapping) and section else None


def sso_providers() -> list[str | None]:
    """st.login providers of [auth]: None for a flat section, else each named sub-section."""
    section = sso_section()
    if section is None:
        return []
    named = [name for name, value in section.items() if isinstance(value, Mapping)]
    return [None] if "client_id" in section or not named else named


def sso_logged_in() -> bool:
    """True when Streamlit holds a signed-in single-sign-on identity for this browser."""
    return sso_section() is not None and bool(st.user.get("is_logged_in"))


def sign_in(username: str, method: str) -> None:
    """Remember who signed in (the sign-in itself was checked and audited by data_access)."""
    st.session_state[SESSION_USER] = username
    st.session_state[SESSION_METHOD] = method
    st.session_state.pop(SESSION_NOTICE, None)


def forget(notice: str | None = None) -> None:
    """Drop the signed-in user from this session, optionally leaving a notice to show."""
    for key in (SESSION_USER, SESSION_METHOD, SESSION_CURRENT):
        st.session_state.pop(key, None)
    if notice:
        st.session_state[SESSION_NOTICE] = notice


def _sso_username() -> str | None:
    """Map a fresh single-sign-on identity to an account, once per session (audited)."""
    if not sso_logged_in() or st.session_state.get(SESSION_SSO_REFUSED):
        return None
    email, subject = auth.identity_from_claims(st.user.to_dict())
    with session_scope(cached_engine(), write=True) as session:
        result = auth.authenticate_identity(session=session, email=email, subject=subject)
        username = result.user.username if result.ok and result.user else None
    if username is None:
        st.session_state[SESSION_SSO_REFUSED] = True
        return None
    sign_in(username, OIDC)
    return username


def current_user() -> CurrentUser | None:
    """The signed-in account re-read from the database now, or None (renders nothing)."""
    username = st.session_state.get(SESSION_USER)
    if username and st.session_state.get(SESSION_METHOD) == OIDC and not sso_logged_in():
        forget()  # the identity cookie is gone: so is the sign-in
        username = None
    username = username or _sso_username()
    if not username:
        return None
    with session_scope(cached_engine()) as session:
        user = auth.get_user(session=session, username=username)
    if user is None or user.disabled or not is_role(user.role):
        forget(t("accounts.session.gone"))
        return None
    return CurrentUser(
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        scope=auth.scope_of(user) or None,
    )


def remember_for_this_run(user: CurrentUser | None) -> None:
    """Hand this rerun's user to the pages (the frame calls it after current_user())."""
    if user is None:
        st.session_state.pop(SESSION_CURRENT, None)
    else:
        st.session_state[SESSION_CURRENT] = user


def signed_in_user() -> CurrentUser:
    """The user the frame signed in for this rerun; pages run only after the gate let them in."""
    user = st.session_state.get(SESSION_CURRENT)
    if not isinstance(user, CurrentUser):
        raise RuntimeError("no signed-in user: pages must run through dashboard.py")
    return user


def current_scope() -> tuple[int, ...] | None:
    """The signed-in user's township scope for every Filter; () (no rows) when nobody is."""
    user = st.session_state.get(SESSION_CURRENT)
    return user.scope if isinstance(user, CurrentUser) else ()


def sign_out(user: CurrentUser) -> None:
    """Audit the sign-out, forget the user, and end the single-sign-on session too."""
    with session_scope(cached_engine(), write=True) as session:
        record_event(session=session, actor=user.username, action="sign_out", target=user.username)
    forget()
    st.session_state.pop(SESSION_SSO_REFUSED, None)
    if sso_logged_in():
        st.logout()  # else the identity cookie would sign the user in again at once
    else:
        st.rerun()
