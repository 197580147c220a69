"""Who is signed in: the session holds a username (and for a password sign-in the hash of
its server-side session); the account and that session are re-read every rerun.

Re-reading role, scope, the disabled flag and the session from the database on each rerun
makes a revoked role, a disabled account or an ended session take effect on the person's
next click, and keeps the browser session from carrying any permission of its own. A new
browser session (reload, new tab, shared link) signs in again from the cookie's token while
that server-side session lives (data_access.auth.sessions, components.session_cookie).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from components.session_cookie import CLEAR, cookie_token, queue_cookie
from data_access import auth
from data_access.audit import record_event
from data_access.auth.sessions import SIGN_OUT, SYSTEM_ACTOR, session_limits
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.models import User
from data_access.roles import ROLE_LABELS, is_role
from data_access.settings import get_settings
from i18n import t

SESSION_USER = "auth_username"  # the signed-in username, nothing else
SESSION_METHOD = "auth_method"  # "password" or "oidc"
SESSION_NOTICE = "auth_notice"  # one message for the sign-in screen (e.g. account disabled)
SESSION_SSO_REFUSED = "auth_sso_refused"  # the single-sign-on identity has no account here
SESSION_CURRENT = "auth_current"  # this rerun's CurrentUser, set by the frame for the pages
SESSION_TOKEN = "auth_session"  # SHA-256 of the password sign-in's session token
SESSION_DEAD_COOKIE = "auth_dead_cookie"  # hash of a cookie token already found ended
LIVE_VERDICTS = ("live", "touch")
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


def client_address(headers: Mapping[str, str], connection: str | None, header: str) -> str | None:
    """The client's address: the last entry of the proxy's header when one is configured
    and present, else the connection's own address.

    A proxy appends the address it saw to X-Forwarded-For: the last entry is the one this
    server's own proxy wrote; earlier ones came from the client and could be made up.
    """
    value = headers.get(header) if header else None
    if isinstance(value, str) and value.strip():
        return value.split(",")[-1].strip() or None
    return connection if isinstance(connection, str) else None


def source_address() -> str | None:
    """This session's client address (CLIENT_ADDRESS_HEADER; None on localhost and in tests,
    where AppTest's stand-in client answers with no text)."""
    header = get_settings().client_address_header
    return client_address(st.context.headers, st.context.ip_address, header)


def sign_in(username: str, method: str, token: str | None = None) -> None:
    """Remember who signed in (checked and audited by data_access); token: its session's.

    The token goes to the browser's cookie on the next run, so a reload stays signed in.
    """
    st.session_state[SESSION_USER] = username
    st.session_state[SESSION_METHOD] = method
    st.session_state.pop(SESSION_NOTICE, None)
    if token is not None:
        st.session_state[SESSION_TOKEN] = auth.hash_token(token)
        queue_cookie(token, int(session_limits().lifetime.total_seconds()))


def forget(notice: str | None = None) -> None:
    """Drop the signed-in user from this session, optionally leaving a notice to show."""
    for key in (SESSION_USER, SESSION_METHOD, SESSION_CURRENT, SESSION_TOKEN):
        st.session_state.pop(key, None)
    if notice:
        st.session_state[SESSION_NOTICE] = notice


def _session_account(token_hash: str | None) -> User | None:
    """The account of a live server-side session (its idle clock refreshed), else None.

    A session found idle too long or past its lifetime is ended here (audited).
    """
    if not token_hash:
        return None
    with session_scope(cached_engine()) as session:
        check = auth.check_session(session=session, token_hash=token_hash)
    if check.verdict not in ("live", "gone"):  # one short write, at most once a minute
        with session_scope(cached_engine(), write=True) as session:
            if check.verdict == "touch":
                auth.touch_session(session=session, token_hash=token_hash)
            else:
                auth.end_session(
                    session=session, token_hash=token_hash, reason=check.verdict, actor=SYSTEM_ACTOR
                )
    return check.user if check.verdict in LIVE_VERDICTS else None


def _resume_from_cookie() -> User | None:
    """Sign in again from the browser's cookie while its session lives; clear a dead one."""
    token = cookie_token()
    if token is None:
        return None
    token_hash = auth.hash_token(token)
    if st.session_state.get(SESSION_DEAD_COOKIE) == token_hash:
        return None  # the cookie of this connection is known ended: no query per rerun
    user = _session_account(token_hash)
    if user is None:
        st.session_state[SESSION_DEAD_COOKIE] = token_hash
        queue_cookie(CLEAR, 0)
        return None
    sign_in(user.username, PASSWORD)
    st.session_state[SESSION_TOKEN] = token_hash
    return user


def _sso_username() -> str | None:
    """Map a fresh single-sign-on identity to an account, once per session (audited)."""
    if not sso_logged_in() or st.session_state.get(SESSION_SSO_REFUSED):
        return None
    email, subject = auth.identity_from_claims(st.user.to_dict())
    with session_scope(cached_engine(), write=True) as session:
        result = auth.authenticate_identity(
            session=session, email=email, subject=subject, source=source_address()
        )
        username = result.user.username if result.ok and result.user else None
    if username is None:
        st.session_state[SESSION_SSO_REFUSED] = True
        return None
    sign_in(username, OIDC)
    return username


def _account(username: str) -> User | None:
    """The account named username, read now."""
    with session_scope(cached_engine()) as session:
        return auth.get_user(session=session, username=username)


def _signed_in_account() -> User | None:
    """The account this browser session is signed in as, read now; None when nobody is."""
    username = st.session_state.get(SESSION_USER)
    if username and st.session_state.get(SESSION_METHOD) == OIDC:
        if sso_logged_in():
            return _account(username)
        forget()  # the identity cookie is gone: so is the sign-in
    elif username:
        user = _session_account(st.session_state.get(SESSION_TOKEN))
        if user is not None and user.username == username:
            return user
        forget(t("accounts.session.ended"))  # signed out elsewhere, expired, or ended by a change
        queue_cookie(CLEAR, 0)
        return None
    user = _resume_from_cookie()
    if user is not None:
        return user
    username = _sso_username()
    return _account(username) if username else None


def current_user() -> CurrentUser | None:
    """The signed-in account re-read from the database now, or None (renders nothing)."""
    user = _signed_in_account()
    if user is None:
        return None
    if user.disabled or not is_role(user.role):
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
    """End the server-side session (audited), clear the cookie, and end single sign-on too."""
    token_hash = st.session_state.get(SESSION_TOKEN)
    with session_scope(cached_engine(), write=True) as session:
        record_event(session=session, actor=user.username, action="sign_out", target=user.username)
        if token_hash:
            # the sign_out row above says why; no second row
            auth.end_session(session=session, token_hash=token_hash, reason=SIGN_OUT, audit=False)
    forget()
    if token_hash:
        st.session_state[SESSION_DEAD_COOKIE] = token_hash
        queue_cookie(CLEAR, 0)
    st.session_state.pop(SESSION_SSO_REFUSED, None)
    if sso_logged_in():
        st.logout()  # else the identity cookie would sign the user in again at once
    else:
        st.rerun()
