"""tests/support/cli.py: a run in this process sees what its own process would; nothing leaks."""

from __future__ import annotations

import getpass
import os
import sys

import pytest

from data_access import db
from tests.support import cli


def fake_command(argv: list[str]) -> int:
    """Echo stdin and DATABASE_URL, write text and bytes to stdout, open an engine."""
    print(f"argv {argv} url {os.environ.get('DATABASE_URL')} stdin {sys.stdin.readline()!r}")
    sys.stdout.flush()
    sys.stdout.buffer.write("字节\n".encode())
    print("警告 / warning", file=sys.stderr)
    db.get_engine()
    return 3


def prompted_command(_argv: list[str]) -> int:
    """Ask twice for a password, as `users add` does without --password-stdin."""
    print(getpass.getpass("first: ") + "|" + getpass.getpass("again: "))
    return 0


@pytest.fixture
def fake_entry(monkeypatch: pytest.MonkeyPatch):
    """Install an entry function as the module `fake`."""

    def install(entry) -> None:
        monkeypatch.setitem(cli.ENTRY_POINTS, "fake", entry)

    return install


def test_streams_environment_and_engines_are_the_runs_own(fake_entry, tmp_path) -> None:
    """argv, stdin, env and engines go in; stdout (text and bytes), stderr, code come out."""
    fake_entry(fake_command)
    url = f"sqlite:///{tmp_path / 'runner.db'}"
    before_env, before_engines = dict(os.environ), dict(db._ENGINES)
    done = cli.run_cli("a", "b", module="fake", env={"DATABASE_URL": url}, stdin="line\n")
    assert done.returncode == 3
    assert done.stdout == f"argv ['a', 'b'] url {url} stdin 'line\\n'\n字节\n"
    assert done.stderr == "警告 / warning\n"
    assert dict(os.environ) == before_env
    assert dict(db._ENGINES) == before_engines


def test_an_unset_variable_is_unset_for_the_run_only(fake_entry, monkeypatch) -> None:
    """env={NAME: None} removes NAME during the run and puts it back after."""
    monkeypatch.setenv("DATABASE_URL", "sqlite://")

    def show_url(_argv: list[str]) -> int:
        print(os.environ.get("DATABASE_URL", "unset"))
        return 0

    fake_entry(show_url)
    assert cli.run_cli(module="fake", env={"DATABASE_URL": None}).stdout == "unset\n"
    assert os.environ["DATABASE_URL"] == "sqlite://"


@pytest.mark.parametrize(
    ("raised", "code", "stderr"),
    [(SystemExit(None), 0, ""), (SystemExit(2), 2, ""), (SystemExit("bye"), 1, "bye\n")],
)
def test_system_exit_becomes_the_exit_code(fake_entry, raised, code: int, stderr: str) -> None:
    """SystemExit ends the run as it ends a process."""

    def leave(_argv: list[str]) -> int:
        raise raised

    fake_entry(leave)
    done = cli.run_cli(module="fake")
    assert (done.returncode, done.stderr) == (code, stderr)


def test_an_uncaught_error_is_a_traceback_and_exit_1(fake_entry) -> None:
    """What Python prints for an uncaught exception, and its exit code."""

    def fail(_argv: list[str]) -> int:
        raise RuntimeError("boom")

    fake_entry(fail)
    done = cli.run_cli(module="fake")
    assert done.returncode == 1
    assert done.stderr.startswith("Traceback") and "RuntimeError: boom" in done.stderr


def test_getpass_reads_stdin_with_the_prompt_on_stderr(fake_entry) -> None:
    """No terminal: getpass prompts on stderr and reads stdin lines (never /dev/tty)."""
    fake_entry(prompted_command)
    done = cli.run_cli(module="fake", stdin="one\ntwo\n")
    assert (done.returncode, done.stdout, done.stderr) == (0, "one|two\n", "first: again: ")
