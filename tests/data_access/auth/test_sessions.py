"""Server-side sign-in sessions: hash-only storage, idle and absolute expiry, ending, audit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access import auth
from data_access.audit import list_audit_events
from data_access.auth.sessions import SessionLimits, session_limits
from data_access.db import session_scope
from data_access.models import UserSession, utc_now
from tests.support.signin import cheap_bcrypt, create_test_users, first_township_id

LIMITS = SessionLimits(idle=timedelta(hours=8), lifetime=timedelta(days=7))


@pytest.fixture
def engine(empty_engine: Engine) -> Engine:
    """An empty store with two viewers and an admin."""
    with cheap_bcrypt(), session_scope(empty_engine, write=True) as session:
        for name, role in (("li", "viewer"), ("wang", "viewer"), ("boss", "admin")):
            auth.create_user(
                session=session, actor="t", username=name, password="pass-word-1", role=role
            )
    return empty_engine


def start(engine: Engine, username: str, now=None) -> str:
    """A new session of username; its token."""
    with session_scope(engine, write=True) as session:
        user = auth.require_user(session=session, username=username)
        return auth.start_session(session=session, user=user, now=now, limits=LIMITS)


def verdict(engine: Engine, token: str, now=None) -> str:
    """What check_session says of token now."""
    with session_scope(engine) as session:
        return auth.check_session(
            session=session, token_hash=auth.hash_token(token), now=now, limits=LIMITS
        ).verdict


def session_ends(engine: Engine, username: str) -> list[str]:
    """The details of username's session_end audit rows, oldest first."""
    with session_scope(engine) as session:
        events = list_audit_events(session=session, action="session_end")
    return list(reversed(list(events[events["target"] == username]["detail"])))


def test_defaults_are_eight_hours_idle_and_seven_days(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without settings a session may idle 8 h and lasts 7 days at most; both configurable."""
    monkeypatch.delenv("SESSION_IDLE_HOURS", raising=False)
    monkeypatch.delenv("SESSION_LIFETIME_DAYS", raising=False)
    assert session_limits() == SessionLimits(timedelta(hours=8), timedelta(days=7))
    monkeypatch.setenv("SESSION_IDLE_HOURS", "0.5")
    monkeypatch.setenv("SESSION_LIFETIME_DAYS", "1")
    assert session_limits() == SessionLimits(timedelta(minutes=30), timedelta(days=1))


def test_only_the_hash_of_a_random_token_is_stored(engine: Engine) -> None:
    """The token is long and random; the table holds its SHA-256, never the token itself."""
    first, second = start(engine, "li"), start(engine, "li")
    assert first != second and len(first) >= 40
    with session_scope(engine) as session:
        stored = list(session.exec(select(UserSession.token_hash)).scalars())
    assert sorted(stored) == sorted([auth.hash_token(first), auth.hash_token(second)])
    assert first not in stored and second not in stored
    assert verdict(engine, first) == "live"
    assert verdict(engine, "a-token-nobody-was-given") == "gone"


def test_idle_timeout_and_absolute_lifetime(engine: Engine) -> None:
    """Touched within the idle timeout a session lives on, but never past its lifetime."""
    began = utc_now()
    token = start(engine, "li", now=began)
    assert verdict(engine, token, began + timedelta(seconds=30)) == "live"
    assert verdict(engine, token, began + timedelta(minutes=5)) == "touch"
    assert verdict(engine, token, began + timedelta(hours=8)) == "idle_timeout"
    moment = began
    step = timedelta(hours=7)
    while moment + step < began + LIMITS.lifetime:  # a click every 7 hours keeps it
        moment += step
        assert verdict(engine, token, moment) == "touch"
        with session_scope(engine, write=True) as session:
            auth.touch_session(session=session, token_hash=auth.hash_token(token), now=moment)
    assert verdict(engine, token, began + timedelta(days=7)) == "lifetime_expired"


def test_ending_one_session_leaves_the_others(engine: Engine) -> None:
    """Signing out in one browser ends that session only; ending again is a no-op."""
    here, there = start(engine, "li"), start(engine, "li")
    with session_scope(engine, write=True) as session:
        assert auth.end_session(session=session, token_hash=auth.hash_token(here), reason="x")
        assert not auth.end_session(session=session, token_hash=auth.hash_token(here), reason="x")
    assert verdict(engine, here) == "gone"
    assert verdict(engine, there) == "live"
    assert session_ends(engine, "li") == ["x"]


CHANGES = {  # what an admin does to li, and the audit action that ends li's sessions
    "role": (lambda s: auth.set_role(session=s, actor="boss", username="li", role="uploader")),
    "same_scope": (
        lambda s: auth.set_township_scope(session=s, actor="boss", username="li", township_ids=())
    ),
    "disable": (lambda s: auth.disable_user(session=s, actor="boss", username="li")),
    "password_reset": (
        lambda s: auth.reset_password(
            session=s, actor="boss", username="li", new_password="new-pass-word"
        )
    ),
}
ENDING_ACTIONS = {
    "role": "user_role",
    "disable": "user_disable",
    "password_reset": "password_reset",
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_account_changes_end_that_accounts_sessions_at_once(engine: Engine, name: str) -> None:
    """A role change, a disable or a password reset ends li's sessions (audited), not wang's.

    Setting the scope li already has changes nothing, so li stays signed in.
    """
    mine, theirs = [start(engine, "li"), start(engine, "li")], start(engine, "wang")
    action = ENDING_ACTIONS.get(name)
    with cheap_bcrypt(), session_scope(engine, write=True) as session:
        CHANGES[name](session)
    expected = "live" if action is None else "gone"
    assert [verdict(engine, token) for token in mine] == [expected, expected]
    assert verdict(engine, theirs) == "live"
    assert session_ends(engine, "li") == ([] if action is None else [f"{action} (2)"])


def test_a_scope_change_ends_the_sessions(writable_seeded_engine: Engine) -> None:
    """Limiting an account to a township (a real change of scope) ends its sessions."""
    create_test_users(writable_seeded_engine, ("viewer",))
    token = start(writable_seeded_engine, "viewer")
    township_id = first_township_id(writable_seeded_engine)
    with session_scope(writable_seeded_engine, write=True) as session:
        auth.set_township_scope(
            session=session, actor="boss", username="viewer", township_ids=(township_id,)
        )
    assert verdict(writable_seeded_engine, token) == "gone"
    assert session_ends(writable_seeded_engine, "viewer") == ["user_scope (1)"]


def test_a_new_sign_in_clears_sessions_that_expired_unseen(engine: Engine) -> None:
    """Sessions nobody came back to are ended (and audited) when anyone signs in."""
    long_ago = utc_now() - timedelta(days=8)
    old = start(engine, "wang", now=long_ago)
    start(engine, "li")
    assert verdict(engine, old) == "gone"
    assert session_ends(engine, "wang") == ["lifetime_expired"]
