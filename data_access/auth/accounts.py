"""Local accounts: create, look up, role, scope, enable, disable, reset; every change audited."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

import pandas as pd
from sqlalchemy import func, select
from sqlmodel import Session

from data_access.audit import record_event
from data_access.auth import throttle
from data_access.auth.passwords import hash_password
from data_access.auth.sessions import end_user_sessions
from data_access.models import Township, User, utc_now
from data_access.roles import ADMIN, ROLE_LABELS, ROLES, can, is_role
from i18n import t

# Letters (Chinese included), digits and . _ @ + -: room for e-mail addresses as names.
_USERNAME_RE = re.compile(r"^[\w.@+-]{1,64}$")
USER_COLUMNS = [
    "username",
    "display_name",
    "role",
    "role_label",
    "township_ids",
    "townships",
    "disabled",
    "locked_until",
    "failed_attempts",
    "oidc_subject",
    "created_at",
]


# Changes after which the account's open sessions end at once (the person signs in again).
SESSION_ENDING_ACTIONS = frozenset({"user_role", "user_scope", "user_disable", "password_reset"})


class AccountError(ValueError):
    """A user change that cannot be made; the message is in the UI language."""


def normalise_username(username: str) -> str:
    """Trimmed and lower-cased (names are case-insensitive); AccountError when malformed."""
    name = (username or "").strip().lower()
    if not _USERNAME_RE.match(name):
        raise AccountError(t("accounts.error.username_malformed"))
    return name


def get_user(*, session: Session, username: str) -> User | None:
    """The account named username (any case), or None."""
    name = (username or "").strip().lower()
    return session.execute(select(User).where(User.username == name)).scalars().first()


def require_user(*, session: Session, username: str) -> User:
    """The account named username; AccountError when there is none."""
    user = get_user(session=session, username=username)
    if user is None:
        raise AccountError(t("accounts.error.no_such_user", username=username))
    return user


def acting_user(*, session: Session, username: str, action: str) -> User:
    """The account a command acts as (--as): it must exist, be enabled and have a role that
    may do action; AccountError says which of these fails."""
    user = require_user(session=session, username=username)
    if user.disabled:
        raise AccountError(t("accounts.error.acting_disabled", username=user.username))
    if not can(user.role, action):
        role = ROLE_LABELS.get(user.role, user.role)
        raise AccountError(t("accounts.error.acting_role", username=user.username, role=role))
    return user


def count_users(*, session: Session) -> int:
    """How many accounts exist (disabled ones included)."""
    return int(session.execute(select(func.count()).select_from(User)).scalar_one())


def needs_first_admin(*, session: Session) -> bool:
    """True while no account exists at all: the one-time setup may create the first admin."""
    return count_users(session=session) == 0


def scope_of(user: User) -> tuple[int, ...]:
    """Township ids the user is limited to; empty means every township."""
    parts = (part.strip() for part in (user.township_scope or "").split(","))
    return tuple(sorted({int(part) for part in parts if part}))


def is_locked(*, session: Session, username: str, now: datetime) -> bool:
    """True while a lock-out of the name (from any source address) is still running."""
    name = (username or "").strip().lower()
    return throttle.name_states(session, now).get(name, (None, 0))[0] is not None


def _checked_role(role: str) -> str:
    """role itself when known; AccountError otherwise."""
    if not is_role(role):
        raise AccountError(
            t("accounts.error.unknown_role", role=repr(role), roles=", ".join(ROLES))
        )
    return role


def _scope_text(session: Session, township_ids: Iterable[int]) -> str:
    """The stored form of a township scope; AccountError for ids that name no township."""
    wanted = sorted({int(township_id) for township_id in township_ids})
    if not wanted:
        return ""
    found = set(session.execute(select(Township.id).where(Township.id.in_(wanted))).scalars())
    missing = [str(township_id) for township_id in wanted if township_id not in found]
    if missing:
        raise AccountError(t("accounts.error.unknown_township", ids=", ".join(missing)))
    return ",".join(str(township_id) for township_id in wanted)


def create_user(
    *,
    session: Session,
    actor: str,
    username: str,
    password: str,
    role: str,
    township_ids: Iterable[int] = (),
    display_name: str = "",
) -> User:
    """Add an account (password checked against the policy and hashed); audited."""
    name = normalise_username(username)
    if get_user(session=session, username=name) is not None:
        raise AccountError(t("accounts.error.username_taken", name=name))
    user = User(
        username=name,
        display_name=display_name.strip()[:64],
        password_hash=hash_password(password),
        role=_checked_role(role),
        township_scope=_scope_text(session, township_ids),
        created_at=utc_now(),
    )
    session.add(user)
    session.flush()
    detail = f"role={user.role} townships={user.township_scope or 'all'}"
    record_event(session=session, actor=actor, action="user_create", target=name, detail=detail)
    return user


def _ensure_an_admin_remains(session: Session, user: User) -> None:
    """Refuse to demote or disable the last enabled admin (nobody could manage users then)."""
    if user.role != ADMIN or user.disabled:
        return
    others = select(func.count()).select_from(User)
    others = others.where(User.role == ADMIN, User.disabled.is_(False), User.id != user.id)
    if session.execute(others).scalar_one() == 0:
        raise AccountError(t("accounts.error.last_admin"))


def _change(user: User, *, session: Session, actor: str, action: str, detail: str = "", **fields):
    """Set fields on user and audit the change as action; some changes end its sessions."""
    changed = any(getattr(user, name) != value for name, value in fields.items())
    for name, value in fields.items():
        setattr(user, name, value)
    session.add(user)
    record_event(session=session, actor=actor, action=action, target=user.username, detail=detail)
    if changed and action in SESSION_ENDING_ACTIONS:
        end_user_sessions(session=session, user=user, reason=action, actor=actor)
    return user


def set_role(*, session: Session, actor: str, username: str, role: str) -> User:
    """Give the user another role; audited."""
    user = require_user(session=session, username=username)
    new_role = _checked_role(role)
    if new_role != ADMIN:
        _ensure_an_admin_remains(session, user)
    detail = f"{user.role} -> {new_role}"
    return _change(
        user, session=session, actor=actor, action="user_role", detail=detail, role=new_role
    )


def set_township_scope(
    *, session: Session, actor: str, username: str, township_ids: Iterable[int]
) -> User:
    """Limit the user to these townships (empty: all); audited."""
    user = require_user(session=session, username=username)
    scope = _scope_text(session, township_ids)
    detail = f"townships={scope or 'all'}"
    return _change(
        user, session=session, actor=actor, action="user_scope", detail=detail, township_scope=scope
    )


def disable_user(*, session: Session, actor: str, username: str) -> User:
    """Refuse this account every sign-in from now on; audited."""
    user = require_user(session=session, username=username)
    _ensure_an_admin_remains(session, user)
    return _change(user, session=session, actor=actor, action="user_disable", disabled=True)


def enable_user(*, session: Session, actor: str, username: str) -> User:
    """Allow a disabled account again; audited."""
    user = require_user(session=session, username=username)
    return _change(user, session=session, actor=actor, action="user_enable", disabled=False)


def unlock_user(*, session: Session, actor: str, username: str) -> User:
    """End a lock-out and forget earlier failures (from every source address); audited."""
    user = require_user(session=session, username=username)
    throttle.clear_name(session, user.username)
    return _change(user, session=session, actor=actor, action="user_unlock")


def reset_password(*, session: Session, actor: str, username: str, new_password: str) -> User:
    """Set a new password chosen by an admin (also ends a lock-out); audited."""
    user = require_user(session=session, username=username)
    new_hash = hash_password(new_password)
    throttle.clear_name(session, user.username)
    return _change(
        user, session=session, actor=actor, action="password_reset", password_hash=new_hash
    )


def list_users(*, session: Session) -> pd.DataFrame:
    """Every account with its role, scope (ids and names) and lock state, by username."""
    users = session.execute(select(User).order_by(User.username)).scalars().all()
    names = dict(session.execute(select(Township.id, Township.name)).all())
    locks = throttle.name_states(session, utc_now())
    separator, everywhere = t("accounts.list_separator"), t("accounts.all_townships")
    rows = [
        {
            "username": user.username,
            "display_name": user.display_name,
            "role": user.role,
            "role_label": ROLE_LABELS.get(user.role, user.role),
            "township_ids": scope_of(user),
            "townships": separator.join(names.get(i, str(i)) for i in scope_of(user)) or everywhere,
            "disabled": bool(user.disabled),
            "locked_until": locks.get(user.username, (None, 0))[0],
            "failed_attempts": locks.get(user.username, (None, 0))[1],
            "oidc_subject": user.oidc_subject,
            "created_at": user.created_at,
        }
        for user in users
    ]
    return pd.DataFrame(rows, columns=USER_COLUMNS)
