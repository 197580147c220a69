"""Signing in: password check with lock-out, password change, and single-sign-on identities."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from data_access.audit import record_event
from data_access.auth import throttle
from data_access.auth.accounts import get_user
from data_access.auth.passwords import check_password_policy, hash_password, verify_password
from data_access.models import User, utc_now
from i18n import t


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


def source_detail(text: str, source: str | None) -> str:
    """An audit detail with the source address the attempt came from, when known."""
    return f"{text}; source={source[: throttle.SOURCE_MAX_CHARS]}" if source else text


def _refuse(
    session: Session,
    name: str,
    reason: str,
    *,
    purpose: str,
    source: str | None = None,
    until: datetime | None = None,
) -> AuthResult:
    """Audit a refused check (with its source address) and say why."""
    detail = source_detail(f"{purpose}: {reason}", source)
    record_event(session=session, actor=name, action="sign_in_failure", target=name, detail=detail)
    return AuthResult(ok=False, reason=reason, locked_until=until)


def _check_password(
    session: Session, username: str, password: str, now: datetime, purpose: str, source: str | None
) -> AuthResult:
    """Check a password with throttling; names with and without an account answer alike.

    bcrypt runs once whether or not the account exists or is locked: timing reveals nothing.
    """
    name = (username or "").strip().lower()[:64]
    keys = throttle.counters(name, source)
    user = get_user(session=session, username=name)
    password_ok = verify_password(password, user.password_hash if user else "")
    until = throttle.locked_until(session, keys, now)
    if until is None and (user is None or not password_ok):
        throttle.register_failure(session, keys, now)
        until = throttle.locked_until(session, keys, now)
        if until is None:
            return _refuse(session, name, "invalid", purpose=purpose, source=source)
    if until is not None:
        return _refuse(session, name, "locked", purpose=purpose, source=source, until=until)
    assert user is not None  # no password matches the dummy hash of a missing account
    if user.disabled:
        # Said only after a right password, so guessing cannot probe which accounts exist.
        return _refuse(session, name, "disabled", purpose=purpose, source=source)
    throttle.clear_pair(session, keys)
    return AuthResult(ok=True, reason="ok", user=user)


def authenticate(
    *,
    session: Session,
    username: str,
    password: str,
    now: datetime | None = None,
    source: str | None = None,
) -> AuthResult:
    """Sign in with a password (throttled per name and source); audited with the source."""
    result = _check_password(session, username, password, now or utc_now(), "sign_in", source)
    if result.ok and result.user is not None:
        name = result.user.username
        detail = source_detail("password", source)
        record_event(
            session=session, actor=name, action="sign_in_success", target=name, detail=detail
        )
    return result


def change_password(
    *,
    session: Session,
    username: str,
    old_password: str,
    new_password: str,
    now: datetime | None = None,
    source: str | None = None,
) -> AuthResult:
    """The user replaces their own password; a wrong current password counts as a failure."""
    check_password_policy(new_password)
    moment = now or utc_now()
    result = _check_password(session, username, old_password, moment, "password_change", source)
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
        bound = session.execute(select(User).where(User.oidc_subject == subject)).scalars().first()
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
    *, session: Session, email: str | None, subject: str | None, source: str | None = None
) -> AuthResult:
    """Sign in a single-sign-on identity: map it, bind its subject on first use, audit it."""
    label = (email or subject or "").strip().lower()[:64]
    user = user_for_identity(session=session, email=email, subject=subject)
    if user is None:
        return _refuse(session, label, "unknown_identity", purpose="oidc", source=source)
    if subject and user.oidc_subject is None:
        user.oidc_subject = subject
        session.add(user)
    record_event(
        session=session,
        actor=user.username,
        action="sign_in_success",
        target=user.username,
        detail=source_detail("oidc", source),
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
