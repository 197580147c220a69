"""Sign-in throttling (issue 18, finding 4): one answer for unknown and locked names, limits
per name and source address, per source, per name, and the source address in the audit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from components.auth import client_address
from data_access import auth
from data_access.audit import list_audit_events
from data_access.auth import passwords, throttle
from data_access.models import SignInThrottle, utc_now

PASSWORD = "correct horse 1"
WRONG = "wrong-guess-1"
ATTACKER, OFFICE = "198.51.100.7", "203.0.113.20"


@pytest.fixture(name="session")
def session_fixture(empty_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    """A session on an empty database with one account, alice (cheap hashes)."""
    monkeypatch.setattr(passwords, "BCRYPT_ROUNDS", 4)
    with Session(empty_engine, expire_on_commit=False) as session:
        auth.create_user(
            session=session, actor="cli:tests", username="alice", password=PASSWORD, role="admin"
        )
        session.commit()
        yield session


def attempt(session: Session, name: str, password: str = WRONG, source: str | None = None):
    """One sign-in attempt, committed."""
    result = auth.authenticate(session=session, username=name, password=password, source=source)
    session.commit()
    return result


def fail_times(session: Session, name: str, times: int, source: str | None = None) -> list:
    """The results of times wrong passwords for name from source."""
    return [attempt(session, name, source=source) for _ in range(times)]


@pytest.mark.parametrize("source", [None, ATTACKER])
def test_unknown_and_locked_names_get_the_same_answers(session: Session, source) -> None:
    """Before: an existing name said "locked" after five failures, an unknown one "invalid"."""
    existing = fail_times(session, "alice", auth.MAX_FAILED_ATTEMPTS + 1, source)
    unknown = fail_times(session, "nobody", auth.MAX_FAILED_ATTEMPTS + 1, source)
    assert [r.message for r in existing] == [r.message for r in unknown]
    assert [r.reason for r in unknown][-2:] == ["locked", "locked"]
    assert all(r.locked_until is not None for r in unknown[-2:])


def test_failures_from_one_address_do_not_lock_the_account_elsewhere(session: Session) -> None:
    """Someone guessing the admin's password locks only their own address out."""
    fail_times(session, "alice", auth.MAX_FAILED_ATTEMPTS, ATTACKER)
    assert attempt(session, "alice", PASSWORD, ATTACKER).reason == "locked"
    assert attempt(session, "alice", PASSWORD, OFFICE).ok


def test_one_address_is_throttled_over_many_names(session: Session) -> None:
    """Password spraying: many names from one address lock that address for every name."""
    for number in range(throttle.MAX_SOURCE_FAILURES):
        attempt(session, f"guess{number}", source=ATTACKER)
    assert attempt(session, "alice", PASSWORD, ATTACKER).reason == "locked"
    assert attempt(session, "alice", PASSWORD, OFFICE).ok


def test_one_name_is_throttled_over_many_addresses(session: Session) -> None:
    """Guessing one name from many addresses locks the name, whatever the address."""
    for number in range(throttle.MAX_NAME_FAILURES):
        attempt(session, "alice", source=f"192.0.2.{number}")
    assert attempt(session, "alice", PASSWORD, OFFICE).reason == "locked"
    assert attempt(session, "nobody", WRONG, OFFICE).reason == "invalid"


def test_admin_unlock_ends_the_locks_of_every_address(session: Session) -> None:
    """unlock_user (and the admin's view of the account) covers every source address."""
    for source in (ATTACKER, OFFICE):
        fail_times(session, "alice", auth.MAX_FAILED_ATTEMPTS, source)
    users = auth.list_users(session=session).set_index("username")
    assert users.at["alice", "locked_until"] is not None
    assert auth.is_locked(session=session, username="alice", now=utc_now())
    auth.unlock_user(session=session, actor="cli:tests", username="alice")
    assert attempt(session, "alice", PASSWORD, ATTACKER).ok
    assert attempt(session, "alice", PASSWORD, OFFICE).ok


def test_sign_in_audit_records_the_source_address(session: Session) -> None:
    """Failures and successes name the address they came from."""
    attempt(session, "nobody", source=ATTACKER)
    attempt(session, "alice", PASSWORD, OFFICE)
    events = list_audit_events(session=session).set_index("action")
    assert events.at["sign_in_failure", "detail"] == f"sign_in: invalid; source={ATTACKER}"
    assert events.at["sign_in_success", "detail"] == f"password; source={OFFICE}"


def test_ended_counts_are_forgotten(session: Session) -> None:
    """Guessed names do not pile up: rows whose window and lock ended go on the next failure."""
    start = utc_now()
    for number in range(10):
        auth.authenticate(session=session, username=f"g{number}", password=WRONG, now=start)
    later = start + throttle.LOCKOUT + timedelta(seconds=1)
    auth.authenticate(session=session, username="last", password=WRONG, now=later)
    count = session.exec(select(func.count()).select_from(SignInThrottle)).scalar_one()
    assert count == 2  # the last attempt's pair and name keys


@pytest.mark.parametrize(
    ("headers", "connection", "header", "expected"),
    [
        ({}, None, "", None),
        ({}, "10.1.2.3", "", "10.1.2.3"),
        ({"X-Forwarded-For": "6.6.6.6"}, "10.1.2.3", "", "10.1.2.3"),  # not configured
        ({"X-Forwarded-For": "6.6.6.6, 192.0.2.9"}, None, "X-Forwarded-For", "192.0.2.9"),
        ({"X-Real-IP": "192.0.2.9"}, "10.0.0.1", "X-Real-IP", "192.0.2.9"),
        ({}, "10.0.0.1", "X-Real-IP", "10.0.0.1"),  # header missing: the connection's
    ],
)
def test_client_address(headers: dict, connection, header: str, expected) -> None:
    """The proxy's header only when configured; its last entry (the proxy's own)."""
    assert client_address(headers, connection, header) == expected
