"""Server-side sign-in sessions: the browser's cookie holds a random token, the table its hash.

A session lasts until sign-out, until it sits idle past the idle timeout, or until its
absolute lifetime runs out (settings SESSION_IDLE_HOURS / SESSION_LIFETIME_DAYS). Disabling
the account, changing its role or scope, and resetting its password end its sessions at
once (data_access.auth.accounts calls end_user_sessions). Every end is audited.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlmodel import Session

from data_access.audit import record_event
from data_access.models import User, UserSession, row_id, utc_now
from data_access.settings import get_settings

TOKEN_BYTES = 32  # 256 bits from the OS's generator
TOUCH_EVERY = timedelta(minutes=1)  # the idle clock is written at most this often
SYSTEM_ACTOR = "system"  # who ends a session that expired

# Why a session ended (the audit row's detail).
SIGN_OUT, IDLE, EXPIRED = "sign_out", "idle_timeout", "lifetime_expired"


@dataclass(frozen=True)
class SessionLimits:
    """How long a session may sit idle, and how long it may last at all."""

    idle: timedelta
    lifetime: timedelta


@dataclass(frozen=True)
class SessionCheck:
    """A session looked up by its token's hash: its account and what to do with it now."""

    user: User | None
    # live / touch (live; refresh the idle clock) / idle_timeout / lifetime_expired / gone
    verdict: str


def session_limits() -> SessionLimits:
    """The limits the settings give now."""
    settings = get_settings()
    return SessionLimits(
        idle=timedelta(hours=settings.session_idle_hours),
        lifetime=timedelta(days=settings.session_lifetime_days),
    )


def hash_token(token: str) -> str:
    """The SHA-256 of a token, hex: what the table stores and looks up (never the token)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(
    *,
    session: Session,
    user: User,
    now: datetime | None = None,
    limits: SessionLimits | None = None,
) -> str:
    """A new session for user; returns its token for the cookie (only its hash is stored).

    Also ends (audited) every session that expired unseen, so the table holds live ones.
    """
    now = now or utc_now()
    limits = limits or session_limits()
    purge_expired(session=session, now=now, limits=limits)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row = UserSession(
        token_hash=hash_token(token),
        user_id=row_id(user),
        created_at=now,
        last_seen_at=now,
        expires_at=now + limits.lifetime,
    )
    session.add(row)
    session.flush()
    return token


def _verdict(row: UserSession, now: datetime, limits: SessionLimits) -> str:
    """live, touch, idle_timeout or lifetime_expired for a stored session at now."""
    if now >= row.expires_at:
        return EXPIRED
    if now - row.last_seen_at >= limits.idle:
        return IDLE
    return "touch" if now - row.last_seen_at >= TOUCH_EVERY else "live"


def check_session(
    *,
    session: Session,
    token_hash: str,
    now: datetime | None = None,
    limits: SessionLimits | None = None,
) -> SessionCheck:
    """The account of the session token_hash names, and its verdict (reads only)."""
    found = session.execute(
        select(UserSession, User)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == token_hash)
    ).first()
    if found is None:
        return SessionCheck(None, "gone")
    row, user = found
    return SessionCheck(user, _verdict(row, now or utc_now(), limits or session_limits()))


def touch_session(*, session: Session, token_hash: str, now: datetime | None = None) -> None:
    """Restart the idle clock of a live session."""
    session.exec(
        update(UserSession)
        .where(UserSession.token_hash == token_hash)
        .values(last_seen_at=now or utc_now())
        .execution_options(synchronize_session=False)
    )


def _audit_end(session: Session, *, actor: str, username: str, reason: str) -> None:
    """One session_end row: whose session ended, and why."""
    record_event(session=session, actor=actor, action="session_end", target=username, detail=reason)


def end_session(
    *, session: Session, token_hash: str, reason: str, actor: str = "", audit: bool = True
) -> bool:
    """End one session (audited with reason unless told); False when it had already ended."""
    found = session.execute(
        select(UserSession.id, User.username)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == token_hash)
    ).first()
    if found is None:
        return False
    session_id, username = found
    session.exec(delete(UserSession).where(UserSession.id == session_id))
    if audit:
        _audit_end(session, actor=actor or username, username=username, reason=reason)
    return True


def end_user_sessions(
    *, session: Session, user: User, reason: str, actor: str, keep: str | None = None
) -> int:
    """End every session of user (but keep, a token hash) at once, audited; how many ended."""
    query = select(UserSession.id).where(UserSession.user_id == user.id)
    if keep:
        query = query.where(UserSession.token_hash != keep)
    ids = list(session.execute(query).scalars())
    if ids:
        session.exec(delete(UserSession).where(UserSession.id.in_(ids)))
        detail = f"{reason} ({len(ids)})"
        _audit_end(session, actor=actor, username=user.username, reason=detail)
    return len(ids)


def purge_expired(*, session: Session, now: datetime, limits: SessionLimits) -> int:
    """End every session past its lifetime or idle too long (one audit row each)."""
    stale = session.execute(
        select(UserSession, User.username)
        .join(User, User.id == UserSession.user_id)
        .where(or_(UserSession.expires_at <= now, UserSession.last_seen_at <= now - limits.idle))
    ).all()
    for row, username in stale:
        session.exec(delete(UserSession).where(UserSession.id == row.id))
        reason = _verdict(row, now, limits)
        _audit_end(session, actor=SYSTEM_ACTOR, username=username, reason=reason)
    return len(stale)
