"""Browser-test fixtures: a real Streamlit server on seeded SQLite, and Debian's Chromium."""

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

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
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


def missing_requirement(reason: str) -> None:
    """Skip the browser tests, or fail them under CI, where they must run."""
    if os.environ.get("CI"):
        pytest.fail(f"CI 需要浏览器测试 / browser tests required under CI: {reason}")
    pytest.skip(reason)


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


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The folder for screenshots and server logs (kept after the run, ignored by git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@contextmanager
def serve_dashboard(
    database_url: str,
    log_path: Path,
    extra_args: tuple[str, ...] = (),
    extra_env: dict[str, str] | None = None,
    port: int | None = None,
) -> Iterator[str]:
    """Run dashboard.py on database_url on 127.0.0.1 (a free port by default); yields its URL."""
    port = port or free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    command += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
    command += ["--server.fileWatcherType", "none"]  # edits during a run must not rerun the app
    command += list(extra_args)
    env = {**os.environ, "DATABASE_URL": database_url, **(extra_env or {})}
    # Log to a file of this server's own, renamed to log_path at the end: test runs going on
    # in parallel in the same tree then never interleave their servers' logs.
    private_log = log_path.with_name(f"{log_path.stem}.{port}{log_path.suffix}")
    with private_log.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        wait_until_healthy(server, base_url, log_path)
        yield base_url
    finally:
        stop(server)
        private_log.replace(log_path)


@pytest.fixture(scope="session")
def app_url(sqlite_seeded_url: str, artifacts: Path, app_users) -> Iterator[str]:
    """Base URL of a Streamlit server on the seeded demo database (test accounts included)."""
    with serve_dashboard(sqlite_seeded_url, artifacts / "e2e_streamlit.log") as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).is_file():
        missing_requirement(f"{executable} not found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (own cookies and storage) in a desktop-sized, Chinese-locale window."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()
