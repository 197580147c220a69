"""The dashboard served as deployed, on a free local port (browser tests and bench/browser.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from data_access.settings import PROJECT_ROOT

# Debian's Chromium in a container: no sandbox, GPU, QUIC or background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


SERVER_START_SECONDS = 90
POLL_SECONDS = 0.25


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def is_healthy(base_url: str) -> bool:
    """True once Streamlit's health endpoint answers ok."""
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def wait_until_healthy(server: subprocess.Popen, base_url: str, log_path: Path) -> None:
    """Poll the health endpoint, bounded; waiting on the process doubles as the pause."""
    for _ in range(int(SERVER_START_SECONDS / POLL_SECONDS)):
        if is_healthy(base_url):
            return
        try:
            server.wait(timeout=POLL_SECONDS)
        except subprocess.TimeoutExpired:
            continue
        pytest.fail(f"streamlit exited with {server.returncode}; see {log_path}")
    pytest.fail(f"streamlit not healthy after {SERVER_START_SECONDS}s; see {log_path}")


def stop(server: subprocess.Popen) -> None:
    """Stop the server politely, then firmly."""
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=15)


@contextmanager
def dashboard_process(
    database_url: str,
    log_path: Path,
    extra_args: tuple[str, ...] = (),
    extra_env: dict[str, str] | None = None,
    port: int | None = None,
    cwd: Path = PROJECT_ROOT,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run the dashboard as deployed (serve.py, st.App around dashboard.py) on database_url on
    127.0.0.1 (a free port by default); yields its URL and its process.

    The process is the server itself (bench/browser.py reads its CPU time); cwd is another
    checkout of the project when a benchmark compares two commits (one from before serve.py
    runs its dashboard.py).
    """
    port = port or free_port()
    base_url = f"http://127.0.0.1:{port}"
    script = "serve.py" if (cwd / "serve.py").exists() else "dashboard.py"
    command = [sys.executable, "-m", "streamlit", "run", script]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    command += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
    command += ["--server.fileWatcherType", "none"]  # edits during a run must not rerun the app
    command += list(extra_args)
    env = {**os.environ, "DATABASE_URL": database_url, **(extra_env or {})}
    # Log to a file of this server's own, renamed to log_path at the end: test runs going on
    # in parallel in the same tree then never interleave their servers' logs.
    private_log = log_path.with_name(f"{log_path.stem}.{port}{log_path.suffix}")
    with private_log.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_healthy(server, base_url, log_path)
        yield base_url, server
    finally:
        stop(server)
        private_log.replace(log_path)


@contextmanager
def serve_dashboard(
    database_url: str,
    log_path: Path,
    extra_args: tuple[str, ...] = (),
    extra_env: dict[str, str] | None = None,
    port: int | None = None,
) -> Iterator[str]:
    """Run the dashboard as deployed on database_url on 127.0.0.1 (dashboard_process); its URL."""
    with dashboard_process(database_url, log_path, extra_args, extra_env, port) as (url, _):
        yield url
