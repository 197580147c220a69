"""Local accounts: hashing, policy, sign-in with lock-out, user changes, scope, OIDC mapping."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import bcrypt
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data_access import auth
from data_access.audit import list_audit_events
from data_access.auth import passwords
from data_access.models import User, utc_now
from tests.support.office import add_townships

PASSWORD = "correct horse 1"
ADMIN = "cli:tester"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lowest bcrypt cost keeps the suite fast; one test checks the real default."""
    monkeypatch.setattr(passwords, "BCRYPT_ROUNDS", 4)


@pytest.fixture(name="session")
def session_fixture(empty_engine: Engine) -> Iterator[Session]:
    """One session on an empty database, committed step by step by the tests."""
    with Session(empty_engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def checkpw_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts bcrypt.checkpw calls; the real function still does the work."""
    calls: list[int] = []
    real = bcrypt.checkpw

    def counting(password: bytes, hashed: bytes) -> bool:
        """Count, then check for real."""
        calls.append(1)
        return real(password, hashed)

    monkeypatch.setattr(passwords.bcrypt, "checkpw", counting)
    return calls


def make_user(session: Session, name: str = "alice", role: str = "uploader", **kwargs) -> User:
    """Create and commit one account with PASSWORD."""
    user = auth.create_user(
        session=session, actor=ADMIN, username=name, password=PASSWORD, role=role, **kwargs
    )
    session.commit()
    return user


def audit_actions(session: Session) -> list[str]:
    """Actions in the audit log, oldest first."""
    return list_audit_events(session=session)["action"].tolist()[::-1]


# ---------------------------------------------------------------- passwords


def test_hash_round_trip() -> None:
    """The stored hash verifies the right password only, and names its scheme."""
    stored = passwords.hash_password(PASSWORD)
    assert stored.startswith(passwords.HASH_SCHEME)
    assert PASSWORD not in stored
    assert passwords.verify_password(PASSWORD, stored)
    assert not passwords.verify_password(PASSWORD + "x", stored)
    assert not passwords.verify_password("", stored)


def test_default_cost_is_twelve(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real hashes use bcrypt cost 12."""
    monkeypatch.undo()
    assert passwords.hash_password(PASSWORD).startswith(passwords.HASH_SCHEME + "$2b$12$")


def test_long_passwords_are_not_truncated_at_72_bytes() -> None:
    """Plain bcrypt ignores bytes past 72 (bcrypt 5 refuses them); the pre-hash keeps all."""
    base = "巡察整改看板：每项问题都有整改措施责任人和完成时限"  # 75 bytes of UTF-8
    assert len(base.encode()) > 72
    stored = passwords.hash_password(base + "A")
    assert passwords.verify_password(base + "A", stored)
    assert not passwords.verify_password(base + "B", stored)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "至少 8 个字符"),
        ("1234567", "至少 8 个字符"),
        ("x" * 257, "不能超过 256 个字符"),
        (" " * 12, "不能全是空格"),
        ("12345678", "太常见或太容易猜到"),
        ("password", "太常见或太容易猜到"),
        ("Password1", "太常见或太容易猜到"),
        ("88888888", "太常见或太容易猜到"),
        ("qwertyuiop", "太常见或太容易猜到"),
        ("x" * 256, "太常见或太容易猜到"),
    ],
)
def test_password_policy_refuses(password: str, message: str) -> None:
    """Too short, too long, blank or common passwords get a clear Chinese message."""
    with pytest.raises(auth.PasswordPolicyError, match=message):
        passwords.hash_password(password)


@pytest.mark.parametrize("password", ["zq8-Kw3p", "zq8-Kw3p" * 32, "八个汉字的密码啊"])
def test_password_policy_accepts_the_bounds(password: str) -> None:
    """8 and 256 characters are allowed, Chinese characters count as one each."""
    assert passwords.verify_password(password, passwords.hash_password(password))


@pytest.mark.parametrize("stored", ["", "plain-text", "$2b$04$notreallyahash"])
def test_foreign_or_empty_hashes_never_verify(stored: str, checkpw_calls: list[int]) -> None:
    """A row without a hash of our scheme refuses every password, after the same work."""
    assert not passwords.verify_password(PASSWORD, stored)
    assert len(checkpw_calls) == 1


# ---------------------------------------------------------------- sign-in


def test_sign_in_success_resets_failures_and_is_audited(session: Session) -> None:
    """Right password: ok, user returned, failure counter cleared, one audit row."""
    make_user(session, "Alice")
    assert not auth.authenticate(session=session, username="alice", password="nope-nope").ok
    result = auth.authenticate(session=session, username=" ALICE ", password=PASSWORD)
    session.commit()
    assert result.ok and result.reason == "ok" and result.user is not None
    assert result.user.username == "alice"
    users = auth.list_users(session=session).set_index("username")
    assert users.at["alice", "failed_attempts"] == 0
    assert audit_actions(session) == ["user_create", "sign_in_failure", "sign_in_success"]


def test_wrong_password_and_unknown_user_look_the_same(session: Session) -> None:
    """Both are refused as 'invalid' with the same message, and both are audited."""
    make_user(session)
    wrong = auth.authenticate(session=session, username="alice", password="wrong-pass")
    missing = auth.authenticate(session=session, username="mallory", password=PASSWORD)
    assert (wrong.ok, wrong.reason, wrong.user) == (False, "invalid", None)
    assert (missing.ok, missing.reason, missing.message) == (False, "invalid", wrong.message)
    assert "用户名或密码错误" in wrong.message
    events = list_audit_events(session=session, action="sign_in_failure")
    assert sorted(events["actor"]) == ["alice", "mallory"]


def test_bcrypt_runs_once_whether_or_not_the_user_exists(
    session: Session, checkpw_calls: list[int]
) -> None:
    """Timing-safe: a missing, an existing, a locked and a disabled user all cost one check."""
    make_user(session, "alice")
    make_user(session, "bob")
    auth.disable_user(session=session, actor=ADMIN, username="bob")
    checkpw_calls.clear()
    for name in ("nobody", "alice", "bob"):
        auth.authenticate(session=session, username=name, password="wrong-pass")
    assert len(checkpw_calls) == 3
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        auth.authenticate(session=session, username="alice", password="wrong-pass")
    checkpw_calls.clear()
    assert (
        auth.authenticate(session=session, username="alice", password=PASSWORD).reason == "locked"
    )
    assert len(checkpw_calls) == 1


def test_lock_out_after_repeated_failures_then_unlock_after_the_window(session: Session) -> None:
    """The fifth failure locks for 15 minutes, even the right password; afterwards it works."""
    make_user(session)
    start = utc_now()
    reasons = [
        auth.authenticate(session=session, username="alice", password="bad-guess", now=start).reason
        for _ in range(auth.MAX_FAILED_ATTEMPTS)
    ]
    assert reasons == ["invalid"] * (auth.MAX_FAILED_ATTEMPTS - 1) + ["locked"]
    during = start + auth.LOCKOUT - timedelta(seconds=1)
    locked = auth.authenticate(session=session, username="alice", password=PASSWORD, now=during)
    assert (locked.ok, locked.reason) == (False, "locked")
    assert locked.locked_until == start + auth.LOCKOUT
    assert "锁定" in locked.message
    after = start + auth.LOCKOUT + timedelta(seconds=1)
    assert auth.authenticate(session=session, username="alice", password=PASSWORD, now=after).ok


def test_success_resets_the_failure_run(session: Session) -> None:
    """Four failures, a success, four failures again: never locked."""
    make_user(session)
    for _ in range(2):
        for _ in range(auth.MAX_FAILED_ATTEMPTS - 1):
            auth.authenticate(session=session, username="alice", password="bad-guess")
        assert auth.authenticate(session=session, username="alice", password=PASSWORD).ok


def test_lock_state_survives_commit_and_admin_unlock_ends_it(session: Session) -> None:
    """The lock is stored; unlock_user (audited) clears it at once."""
    make_user(session)
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        auth.authenticate(session=session, username="alice", password="bad-guess")
    session.commit()
    session.expire_all()
    assert auth.is_locked(session=session, username="alice", now=utc_now())
    auth.unlock_user(session=session, actor=ADMIN, username="alice")
    assert auth.authenticate(session=session, username="alice", password=PASSWORD).ok
    assert "user_unlock" in audit_actions(session)


def test_disabled_user_is_refused_and_enable_restores(session: Session) -> None:
    """Disabled: refused with 'disabled' on the right password, 'invalid' on a wrong one."""
    make_user(session)
    auth.disable_user(session=session, actor=ADMIN, username="alice")
    right = auth.authenticate(session=session, username="alice", password=PASSWORD)
    wrong = auth.authenticate(session=session, username="alice", password="bad-guess")
    assert (right.ok, right.reason, wrong.reason) == (False, "disabled", "invalid")
    auth.enable_user(session=session, actor=ADMIN, username="alice")
    assert auth.authenticate(session=session, username="alice", password=PASSWORD).ok


def test_change_password(session: Session) -> None:
    """The current password is required; the new one replaces it; audited."""
    make_user(session)
    refused = auth.change_password(
        session=session, username="alice", old_password="bad-guess", new_password="new-pass-1"
    )
    assert refused.reason == "invalid"
    with pytest.raises(auth.PasswordPolicyError):
        auth.change_password(
            session=session, username="alice", old_password=PASSWORD, new_password="short"
        )
    done = auth.change_password(
        session=session, username="alice", old_password=PASSWORD, new_password="new-pass-1"
    )
    assert done.ok
    assert not auth.authenticate(session=session, username="alice", password=PASSWORD).ok
    assert auth.authenticate(session=session, username="alice", password="new-pass-1").ok
    assert "password_change" in audit_actions(session)


# ---------------------------------------------------------------- user changes


def test_first_admin_is_needed_only_while_no_user_exists(session: Session) -> None:
    """needs_first_admin is true on an empty store, false once any account exists."""
    assert auth.needs_first_admin(session=session)
    assert auth.count_users(session=session) == 0
    make_user(session, "boss", role="admin")
    assert not auth.needs_first_admin(session=session)
    assert auth.count_users(session=session) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"username": "alice"}, "用户名已存在"),
        ({"username": "bad name"}, "用户名须为"),
        ({"username": ""}, "用户名须为"),
        ({"role": "root"}, "未知角色"),
        ({"township_ids": [999]}, "乡镇不存在"),
    ],
)
def test_create_user_refuses_bad_input(session: Session, kwargs: dict, message: str) -> None:
    """Duplicates, malformed names, unknown roles and townships are refused clearly."""
    make_user(session, "alice")
    values = {"username": "carol", "password": PASSWORD, "role": "viewer", **kwargs}
    with pytest.raises(auth.AccountError, match=message):
        auth.create_user(session=session, actor=ADMIN, **values)


def test_township_scope(session: Session) -> None:
    """The scope is stored as ids, read back sorted; empty means all; changes audited."""
    first, second = add_townships(session, ["钱桥镇", "藕山镇"])
    user = make_user(session, "carol", role="viewer", township_ids=[second, first, second])
    assert auth.scope_of(user) == (first, second)
    auth.set_township_scope(session=session, actor=ADMIN, username="carol", township_ids=[])
    assert auth.scope_of(auth.get_user(session=session, username="carol")) == ()
    auth.set_township_scope(session=session, actor=ADMIN, username="carol", township_ids=[second])
    users = auth.list_users(session=session)
    assert users.loc[0, "townships"] == "藕山镇"
    assert users.loc[0, "township_ids"] == (second,)
    assert audit_actions(session).count("user_scope") == 2


@pytest.mark.parametrize(
    ("change", "kwargs", "action"),
    [
        (auth.set_role, {"role": "viewer"}, "user_role"),
        (auth.set_township_scope, {"township_ids": []}, "user_scope"),
        (auth.disable_user, {}, "user_disable"),
        (auth.enable_user, {}, "user_enable"),
        (auth.unlock_user, {}, "user_unlock"),
        (auth.reset_password, {"new_password": "another-pass"}, "password_reset"),
    ],
)
def test_each_user_change_is_audited(session: Session, change, kwargs: dict, action: str) -> None:
    """Every change leaves one row naming the actor, the action and the user."""
    make_user(session, "alice")
    change(session=session, actor="admin-bob", username="alice", **kwargs)
    session.commit()
    events = list_audit_events(session=session, action=action)
    assert events[["actor", "target"]].values.tolist() == [["admin-bob", "alice"]]


def test_set_role_records_old_and_new(session: Session) -> None:
    """The role change detail names both roles."""
    make_user(session, "alice", role="viewer")
    auth.set_role(session=session, actor=ADMIN, username="alice", role="uploader")
    assert auth.get_user(session=session, username="alice").role == "uploader"
    detail = list_audit_events(session=session, action="user_role")["detail"].tolist()
    assert detail == ["viewer -> uploader"]


def test_the_last_enabled_admin_cannot_be_demoted_or_disabled(session: Session) -> None:
    """Someone must always be able to manage users; with two admins either may go."""
    make_user(session, "boss", role="admin")
    for change, kwargs in ((auth.set_role, {"role": "viewer"}), (auth.disable_user, {})):
        with pytest.raises(auth.AccountError, match="至少保留一名启用的管理员"):
            change(session=session, actor=ADMIN, username="boss", **kwargs)
    make_user(session, "deputy", role="admin")
    auth.disable_user(session=session, actor=ADMIN, username="boss")
    assert auth.get_user(session=session, username="boss").disabled


def test_reset_password_replaces_it_and_ends_a_lock_out(session: Session) -> None:
    """After an admin reset the new password works at once, even for a locked account."""
    make_user(session)
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        auth.authenticate(session=session, username="alice", password="bad-guess")
    auth.reset_password(session=session, actor=ADMIN, username="alice", new_password="fresh-pass")
    assert auth.authenticate(session=session, username="alice", password="fresh-pass").ok
    with pytest.raises(auth.AccountError, match="用户不存在"):
        auth.reset_password(session=session, actor=ADMIN, username="ghost", new_password="x" * 9)


# ---------------------------------------------------------------- single sign-on


@pytest.fixture
def oidc_users(session: Session) -> Session:
    """alice bound to subject sub-a; bob@example.org by e-mail only; carol disabled."""
    make_user(session, "alice")
    alice = auth.get_user(session=session, username="alice")
    alice.oidc_subject = "sub-a"
    make_user(session, "bob@example.org")
    make_user(session, "carol@example.org")
    auth.disable_user(session=session, actor=ADMIN, username="carol@example.org")
    session.commit()
    return session


@pytest.mark.parametrize(
    ("email", "subject", "expected"),
    [
        (None, "sub-a", "alice"),
        ("someone@else.org", "sub-a", "alice"),
        ("Bob@Example.org", None, "bob@example.org"),
        ("bob@example.org", "sub-b", "bob@example.org"),
        ("alice", "sub-other", None),  # bound to another subject: no take-over by name
        ("nobody@example.org", "sub-x", None),
        (None, None, None),
        ("carol@example.org", None, None),  # disabled
    ],
)
def test_user_for_identity(oidc_users: Session, email, subject, expected) -> None:
    """Subject first, else e-mail as username; unknown or disabled identities get nobody."""
    user = auth.user_for_identity(session=oidc_users, email=email, subject=subject)
    assert (user.username if user else None) == expected


def test_disabled_bound_subject_is_refused(oidc_users: Session) -> None:
    """Disabling an account bound to a subject refuses that identity too."""
    auth.disable_user(session=oidc_users, actor=ADMIN, username="alice")
    assert auth.user_for_identity(session=oidc_users, email=None, subject="sub-a") is None


def test_authenticate_identity_binds_the_subject_and_audits(oidc_users: Session) -> None:
    """First sign-in by e-mail binds the subject; unknown identities are audited failures."""
    ok = auth.authenticate_identity(session=oidc_users, email="bob@example.org", subject="sub-b")
    assert ok.ok and ok.user is not None and ok.user.oidc_subject == "sub-b"
    again = auth.user_for_identity(session=oidc_users, email=None, subject="sub-b")
    assert again is not None and again.username == "bob@example.org"
    refused = auth.authenticate_identity(session=oidc_users, email="eve@example.org", subject="e")
    assert (refused.ok, refused.reason) == (False, "unknown_identity")
    events = list_audit_events(session=oidc_users, date_from=utc_now() - timedelta(minutes=5))
    sign_ins = events[events["action"].str.startswith("sign_in")]
    assert sign_ins[["actor", "action", "detail"]].values.tolist() == [
        ["eve@example.org", "sign_in_failure", "oidc: unknown_identity"],
        ["bob@example.org", "sign_in_success", "oidc"],
    ]
