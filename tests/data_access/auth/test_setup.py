"""The first-admin setup and the mapping of single-sign-on claims to an identity."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from data_access import auth
from data_access.audit import list_audit_events
from data_access.auth import passwords
from data_access.db import session_scope

PASSWORD = "first admin pw"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lowest bcrypt cost keeps these tests fast."""
    monkeypatch.setattr(passwords, "BCRYPT_ROUNDS", 4)


def test_first_admin_is_created_once_then_setup_closes(empty_engine: Engine) -> None:
    """Setup creates an admin on an empty store (audited as "setup"), and refuses afterwards."""
    with session_scope(empty_engine, write=True) as session:
        user = auth.create_first_admin(session=session, username="Chief", password=PASSWORD)
    assert (user.username, user.role) == ("chief", "admin")
    with (
        pytest.raises(auth.AccountError, match="初始设置已关闭"),
        session_scope(empty_engine, write=True) as session,
    ):
        auth.create_first_admin(session=session, username="second", password=PASSWORD)
    with session_scope(empty_engine) as session:
        assert auth.count_users(session=session) == 1
        events = list_audit_events(session=session, action="user_create")
        assert list(events["actor"]) == [auth.SETUP_ACTOR]
        assert auth.authenticate(session=session, username="chief", password=PASSWORD).ok


def test_first_admin_needs_a_valid_password(empty_engine: Engine) -> None:
    """The password policy holds for the first admin too; nothing is created on refusal."""
    with (
        pytest.raises(auth.PasswordPolicyError),
        session_scope(empty_engine, write=True) as session,
    ):
        auth.create_first_admin(session=session, username="chief", password="short")
    with session_scope(empty_engine) as session:
        assert auth.needs_first_admin(session=session)


@pytest.mark.parametrize(
    ("claims", "identity"),
    [
        ({"email": "A@X.CN", "email_verified": True, "sub": "s1"}, ("a@x.cn", "s1")),
        ({"email": "a@x.cn", "email_verified": "true", "sub": "s1"}, ("a@x.cn", "s1")),
        ({"email": "a@x.cn", "email_verified": False, "sub": "s1"}, (None, "s1")),
        ({"email": "a@x.cn", "sub": "s1"}, (None, "s1")),
        ({"email": "a@x.cn", "email_verified": True}, ("a@x.cn", None)),
        ({"is_logged_in": True}, (None, None)),
        ({}, (None, None)),
    ],
)
def test_identity_from_claims(claims: dict, identity: tuple) -> None:
    """Only a verified e-mail counts; the subject always does."""
    assert auth.identity_from_claims(claims) == identity
