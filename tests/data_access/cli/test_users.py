"""`python -m data_access users ...` run as an operator runs it, on a SQLite file (in-process;
the prompt test in a real process without a terminal)."""

from __future__ import annotations

import getpass
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from data_access import auth
from data_access.audit import list_audit_events
from data_access.db import get_engine, session_scope
from data_access.schema import upgrade_schema
from tests.support.cli import Runner, run_cli, run_process
from tests.support.office import add_townships
from tests.support.signin import cheap_bcrypt

PASSWORD = "first-pass-1"


@pytest.fixture(autouse=True)
def cheap_hashes() -> Iterator[None]:
    """In-process commands hash at bcrypt's lowest cost; the real process keeps cost 12."""
    with cheap_bcrypt():
        yield


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A SQLite file the commands create and migrate themselves."""
    return f"sqlite:///{tmp_path / 'users.db'}"


def users(
    url: str, *args: str, stdin: str = "", run: Runner = run_cli
) -> subprocess.CompletedProcess[str]:
    """`python -m data_access users ARGS` with DATABASE_URL=url, without a terminal."""
    return run("users", *args, env={"DATABASE_URL": url}, stdin=stdin)


def add(url: str, name: str, role: str, *extra: str, password: str = PASSWORD):
    """users add NAME --role ROLE --password-stdin."""
    return users(
        url, "add", name, "--role", role, "--password-stdin", *extra, stdin=password + "\n"
    )


def sign_in(url: str, name: str, password: str) -> auth.AuthResult:
    """Sign in through the library against the file the command wrote."""
    with session_scope(get_engine(url), write=True) as session:
        return auth.authenticate(session=session, username=name, password=password)


def test_add_then_sign_in_and_audit_names_the_os_user(url: str) -> None:
    """The created account signs in with the piped password; the audit actor is cli:<user>."""
    done = add(url, "Alice", "admin")
    assert (done.returncode, done.stderr) == (0, "")
    assert "已创建用户 / created user: alice (admin)" in done.stdout
    assert sign_in(url, "alice", PASSWORD).ok
    with session_scope(get_engine(url)) as session:
        created = list_audit_events(session=session, action="user_create")
    assert created[["actor", "target"]].values.tolist() == [[f"cli:{getpass.getuser()}", "alice"]]


@pytest.mark.parametrize(
    ("password", "message"),
    [("short", "密码至少 8 个字符"), ("x" * 300, "密码不能超过 256 个字符")],
)
def test_add_refuses_a_bad_password_and_creates_nobody(url: str, password: str, message: str):
    """Policy violations exit 1 with the Chinese reason; no account is left behind."""
    refused = add(url, "alice", "viewer", password=password)
    assert refused.returncode == 1
    assert message in refused.stderr
    listed = users(url, "list", "--json")
    assert json.loads(listed.stdout) == []


def test_prompted_passwords_must_match(url: str) -> None:
    """Without --password-stdin the password is asked twice; different answers exit 1.

    A real process: getpass there finds no terminal and reads stdin (run_cli stands in for it).
    """
    args = ("add", "bob", "--role", "viewer")
    differ = users(url, *args, stdin="first-pass-1\nother-pass-2\n", run=run_process)
    assert differ.returncode == 1
    assert "两次输入的密码不一致" in differ.stderr
    same = users(url, *args, stdin="first-pass-1\nfirst-pass-1\n", run=run_process)
    assert same.returncode == 0, same.stderr
    assert sign_in(url, "bob", "first-pass-1").ok


def test_list_shows_role_state_and_scope(url: str) -> None:
    """list prints one line per user, --json the same as records."""
    engine = get_engine(url)
    upgrade_schema(engine)
    with session_scope(engine, write=True) as session:
        add_townships(session, ["钱桥镇", "藕山镇"])
    assert add(url, "boss", "admin").returncode == 0
    scoped = add(url, "wang", "viewer", "--township", "钱桥镇", "--township", "藕山镇")
    assert scoped.returncode == 0, scoped.stderr
    assert users(url, "disable", "wang").returncode == 0
    lines = users(url, "list").stdout.splitlines()
    assert lines[0].startswith("boss") and "启用 enabled" in lines[0] and "全部" in lines[0]
    assert "停用 disabled" in lines[1] and "钱桥镇、藕山镇" in lines[1]
    records = json.loads(users(url, "list", "--json").stdout)
    assert [(r["username"], r["role"], r["disabled"]) for r in records] == [
        ("boss", "admin", False),
        ("wang", "viewer", True),
    ]


def test_unknown_township_is_refused_with_the_known_ones(url: str) -> None:
    """A township name that matches nothing exits 1 and lists the choices."""
    engine = get_engine(url)
    upgrade_schema(engine)
    with session_scope(engine, write=True) as session:
        add_townships(session, ["钱桥镇"])
    refused = add(url, "wang", "viewer", "--township", "火星镇")
    assert refused.returncode == 1
    assert "未知乡镇 / unknown township: 火星镇" in refused.stderr
    assert "钱桥镇" in refused.stderr


def test_role_disable_enable_reset_unlock_round(url: str) -> None:
    """Each sub-command exits 0, says what it did, and the change is in force at once."""
    assert add(url, "boss", "admin").returncode == 0
    assert add(url, "alice", "viewer").returncode == 0
    role = users(url, "set-role", "alice", "uploader")
    assert (role.returncode, role.stdout.strip()) == (
        0,
        "已修改角色 / role changed: alice -> uploader",
    )
    assert users(url, "disable", "alice").returncode == 0
    assert sign_in(url, "alice", PASSWORD).reason == "disabled"
    assert users(url, "enable", "alice").returncode == 0
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        sign_in(url, "alice", "bad-guess")
    assert sign_in(url, "alice", PASSWORD).reason == "locked"
    unlocked = users(url, "unlock", "alice")
    assert (unlocked.returncode, unlocked.stdout.strip()) == (0, "已解锁 / unlocked: alice")
    assert sign_in(url, "alice", PASSWORD).ok
    reset = users(url, "reset", "alice", "--password-stdin", stdin="second-pass-2\n")
    assert reset.returncode == 0, reset.stderr
    assert sign_in(url, "alice", "second-pass-2").ok
    with session_scope(get_engine(url)) as session:
        actions = set(list_audit_events(session=session)["action"])
    assert {"user_role", "user_disable", "user_enable", "user_unlock", "password_reset"} <= actions


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("set-role", "ghost", "viewer"), "用户不存在 / no such user: ghost"),
        (("disable", "ghost"), "用户不存在"),
        (("set-role", "boss", "viewer"), "至少保留一名启用的管理员"),
        (("disable", "boss"), "至少保留一名启用的管理员"),
    ],
)
def test_refusals_exit_1_with_one_clear_line(url: str, args: tuple[str, ...], message: str):
    """Unknown users and removing the last admin are refused without a traceback."""
    assert add(url, "boss", "admin").returncode == 0
    refused = users(url, *args)
    assert refused.returncode == 1
    assert message in refused.stderr
    assert "Traceback" not in refused.stderr


def test_database_url_option_after_the_sub_command(tmp_path: Path, url: str) -> None:
    """--database-url works after the sub-command too and wins over DATABASE_URL."""
    assert add(url, "boss", "admin").returncode == 0
    other = f"sqlite:///{tmp_path / 'other.db'}"
    args = ("add", "carol", "--role", "viewer", "--password-stdin", "--database-url", other)
    done = users(url, *args, stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert sign_in(other, "carol", PASSWORD).ok
    assert sign_in(url, "carol", PASSWORD).reason == "invalid"
