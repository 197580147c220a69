"""Signing in: password check with lock-out, password change, and single-sign-on identities."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlmodel import Session

from data_access.audit import record_event
from data_access.auth.accounts import get_user, is_locked
from data_access.auth.passwords import check_password_policy, hash_password, verify_password
from data_access.models import User, utc_now
from i18n import t

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)


@dataclass(frozen=True)
class AuthResult:
    """The outcome of a sign-in: the user when ok, else a reason code and a message."""

    ok: bool
    reason: str  # ok / invalid / locked / disabled / unknown_identity
    user: User | None = None
    locked_until: datetime | None = None

    @property
    def message(self) -> str:
        """The line to show the person signing in, in the UI language."""
        return t(f"accounts.sign_in.{self.reason}")


def _register_failure(session: Session, user: User, now: datetime) -> None:
    """Count one failure atomically; the fifth in a row locks the account for LOCKOUT."""
    session.exec(
        update(User)
        .where(User.id == user.id)
        .values(failed_attempts=User.failed_attempts + 1)
        .execution_options(synchronize_session=False)
    )
    session.refresh(user)
    if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
        # The counter starts again, so after the lock-out a new run of failures is needed.
        user.failed_attempts = 0
        user.locked_until = now + LOCKOUT
        session.add(user)
        session.flush()


def _refuse(
    session: Session, name: str, reason: str, *, purpose: str, user: User | None = None
) -> AuthResult:
    """Audit a refused password check and say why."""
    detail = f"{purpose}: {reason}"
    record_event(session=session, actor=name, action="sign_in_failure", target=name, detail=detail)
    locked_until = user.locked_until if user is not None and reason == "locked" else None
    return AuthResult(ok=False, reason=reason, locked_until=locked_until)


def _check_password(
    session: Session, username: str, password: str, now: datetime, purpose: str
) -> AuthResult:
    """Check a password with lock-out; bcrypt runs once whether or not the user exists."""
    name = (username or "").strip().lower()[:64]
    user = get_user(session=session, username=name)
    # Same work for a missing user (dummy hash) as for a real one: timing reveals no names.
    password_ok = verify_password(password, user.password_hash if user else "")
    if user is None:
        return _refuse(session, name, "invalid", purpose=purpose)
    if is_locked(user, now):
        return _refuse(session, name, "locked", purpose=purpose, user=user)
    if not password_ok:
        _register_failure(session, user, now)
        reason = "locked" if is_locked(user, now) else "invalid"
        return _refuse(session, name, reason, purpose=purpose, user=user)
    if user.disabled:
        # Said only after a right password, so guessing cannot probe which accounts exist.
        return _refuse(session, name, "disabled", purpose=purpose)
    user.failed_attempts = 0
    user.locked_until = None
    session.add(user)
    return AuthResult(ok=True, reason="ok", user=user)


def authenticate(
    *, session: Session, username: str, password: str, now: datetime | None = None
) -> AuthResult:
    """Sign in with a password (lock-out after repeated failures); audited either way."""
    result = _check_password(session, username, password, now or utc_now(), "sign_in")
    if result.ok and result.user is not None:
        name = result.user.username
        record_event(
            session=session, actor=name, action="sign_in_success", target=name, detail="password"
        )
    return result


def change_password(
    *,
    session: Session,
    username: str,
    old_password: str,
    new_password: str,
    now: datetime | None = None,
) -> AuthResult:
    """The user replaces their own password; a wrong current password counts as a failure."""
    check_password_policy(new_password)
    result = _check_password(session, username, old_password, now or utc_now(), "password_change")
    if result.ok and result.user is not None:
        user = result.user
        user.password_hash = hash_password(new_password)
        session.add(user)
        name = user.username
        record_event(session=session, actor=name, action="password_change", target=name)
    return result


def user_for_identity(*, session: Session, email: str | None, subject: str | None) -> User | None:
    """The enabled account for a single-sign-on identity: by subject, else by e-mail; or None."""
    if subject:
        bound = session.exec(select(User).where(User.oidc_subject == subject)).scalars().first()
        if bound is not None:
            return None if bound.disabled else bound
    if not email:
        return None
    user = get_user(session=session, username=email.strip().lower())
    # An account already bound to another subject is not taken over by a matching e-mail.
    if user is None or user.disabled or user.oidc_subject not in (None, subject):
        return None
    return user


def authenticate_identity(
    *, session: Session, email: str | None, subject: str | None
) -> AuthResult:
    """Sign in a single-sign-on identity: map it, bind its subject on first use, audit it."""
    label = (email or subject or "").strip().lower()[:64]
    user = user_for_identity(session=session, email=email, subject=subject)
    if user is None:
        return _refuse(session, label, "unknown_identity", purpose="oidc")
    if subject and user.oidc_subject is None:
        user.oidc_subject = subject
        session.add(user)
    record_event(
        session=session,
        actor=user.username,
        action="sign_in_success",
        target=user.username,
        detail="oidc",
    )
    return AuthResult(ok=True, reason="ok", user=user)


def identity_from_claims(claims: Mapping[str, object]) -> tuple[str | None, str | None]:
    """(e-mail, subject) of a single-sign-on identity; the e-mail only if the provider verified it.

    An unverified address could be typed in by anyone at some providers, so it never maps
    to an account; the subject ("sub") always identifies the person at their provider.
    """
    email = claims.get("email")
    verified = claims.get("email_verified") is True or claims.get("email_verified") == "true"
    subject = claims.get("sub")
    return (
        str(email).strip().lower() if email and verified else None,
        str(subject) if subject else None,
    )
