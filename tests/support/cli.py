"""The command line run as users run it (`python -m data_access`, `python -m seed`): in this
process, or in a real one.

A real process costs about 1.25 s of CPU before the command starts (pandas, SQLAlchemy,
pandera ...), so most tests call the command's own entry function instead (run_cli), the
way a fresh process would see it: its own argv, stdin, stdout and stderr (text and bytes),
environment, working directory and database engines, no terminal. Each command family keeps
a test through run_process, so the real start-up, exit codes and output to a pipe stay tested.
"""

from __future__ import annotations

import contextlib
import getpass
import io
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from unittest import mock

from data_access import db
from data_access.__main__ import main as data_access_main
from data_access.settings import PROJECT_ROOT
from seed.__main__ import main as seed_main

ENTRY_POINTS: dict[str, Callable[[list[str]], int]] = {
    "data_access": data_access_main,
    "seed": seed_main,
}
# Environment changes for one run; None unsets the variable.
Env = Mapping[str, str | None]
Runner = Callable[..., subprocess.CompletedProcess[str]]  # run_cli or run_process
PROCESS_TIMEOUT_SECONDS = 300


def run_cli(
    *args: str, env: Env | None = None, stdin: str = "", module: str = "data_access"
) -> subprocess.CompletedProcess[str]:
    """`python -m module ARGS` in this process: exit code, stdout and stderr as text."""
    out, err = _pipe(), _pipe(errors="backslashreplace")  # Python's own choice for stderr
    with (
        _environment(env or {}),
        contextlib.chdir(PROJECT_ROOT),
        _own_engines(),
        _standard_streams(_pipe(stdin.encode()), out, err),
        mock.patch.object(getpass, "getpass", _getpass_without_terminal),
    ):
        code = _exit_code(ENTRY_POINTS[module], list(args))
    return subprocess.CompletedProcess([module, *args], code, _read(out), _read(err))


def run_process(
    *args: str, env: Env | None = None, stdin: str = "", module: str = "data_access"
) -> subprocess.CompletedProcess[str]:
    """`python -m module ARGS` in a real process without a terminal (getpass reads stdin)."""
    environment = dict(os.environ)
    _set_environment(env or {}, environment)
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=PROJECT_ROOT,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
        start_new_session=True,  # no controlling terminal
    )


def _exit_code(entry: Callable[[list[str]], int], argv: list[str]) -> int:
    """What the process would exit with; an uncaught error goes to stderr, as Python prints it."""
    try:
        return entry(argv)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        return 1


def _pipe(data: bytes = b"", errors: str = "strict") -> io.TextIOWrapper:
    """A text stream over bytes, like a pipe: UTF-8, has .buffer, is no terminal."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors=errors)


def _read(stream: io.TextIOWrapper) -> str:
    """Everything written to stream, as text and through its .buffer, decoded as run() does."""
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8").replace("\r\n", "\n")


@contextlib.contextmanager
def _environment(env: Env) -> Iterator[None]:
    """os.environ changed by env for the block, then as it was."""
    saved = {key: os.environ.get(key) for key in env}
    _set_environment(env)
    try:
        yield
    finally:
        _set_environment(saved)


def _set_environment(values: Env, environment: MutableMapping[str, str] = os.environ) -> None:
    """Set each variable in environment, or unset it where the value is None."""
    for key, value in values.items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value


@contextlib.contextmanager
def _own_engines() -> Iterator[None]:
    """The command starts with no cached engine and its engines are closed after it.

    The caller's cached engines (fixtures, Streamlit's cache_resource) are put back untouched:
    a new process would not share them, and disposing them would break their holders.
    """
    with db._ENGINES_LOCK:
        callers = dict(db._ENGINES)
        db._ENGINES.clear()
    try:
        yield
    finally:
        db.dispose_engines()
        with db._ENGINES_LOCK:
            db._ENGINES.update(callers)


@contextlib.contextmanager
def _standard_streams(
    stdin: io.TextIOWrapper, stdout: io.TextIOWrapper, stderr: io.TextIOWrapper
) -> Iterator[None]:
    """sys.stdin, sys.stdout and sys.stderr replaced for the block."""
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def _getpass_without_terminal(prompt: str = "Password: ", stream=None) -> str:
    """getpass in a process with no terminal: the prompt to stderr, one line of stdin.

    The real getpass would open the developer's /dev/tty when there is one and wait.
    """
    stream = stream or sys.stderr
    stream.write(prompt)
    stream.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.removesuffix("\n")


def summary(
    *args: str, database_url: str | None, run: Runner = run_cli
) -> subprocess.CompletedProcess[str]:
    """Run the summary command with DATABASE_URL set to database_url (or unset)."""
    return run("summary", *args, env={"DATABASE_URL": database_url})
