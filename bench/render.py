"""Full renders of the overview (dashboard.py through AppTest) in a process of their own.

`python -m bench.render DATABASE_URL [--repeats N]` prints one JSON object: the first render
(schema check, imports, every query), renders after clearing st.cache_data (the first
rerun after a data change), cached reruns, and the process's peak RSS, which is what an
app process serving that database needs. pages.py runs it as a subprocess.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.app_session import sign_in_app
from bench.datasets import BENCH_USER
from data_access.db import get_engine
from data_access.settings import PROJECT_ROOT

RENDER_TIMEOUT_SECONDS = 600  # the first render of a cold 1M database may take a while
OVERVIEW_TITLE = "总览"


def run_timed(app: AppTest) -> float:
    """Seconds one run of the app's script takes; refuses a run that raised."""
    started = time.perf_counter()
    app.run()
    elapsed = time.perf_counter() - started
    if app.exception:
        raise RuntimeError(f"render failed: {app.exception[0].message}")
    return elapsed


def timed_run(app: AppTest) -> float:
    """Seconds one rerun of the overview takes; refuses a render that failed."""
    elapsed = run_timed(app)
    if OVERVIEW_TITLE not in [title.value for title in app.title]:
        raise RuntimeError("the render did not reach the overview (signed in?)")
    return elapsed


def render_overview(url: str, repeats: int) -> dict:
    """Time the overview's renders against url."""
    os.environ["DATABASE_URL"] = url
    dashboard = str(PROJECT_ROOT / "dashboard.py")
    app = AppTest.from_file(dashboard, default_timeout=RENDER_TIMEOUT_SECONDS)
    sign_in_app(app, get_engine(url), BENCH_USER)
    first = timed_run(app)
    uncached = []
    for _ in range(repeats):
        st.cache_data.clear()
        uncached.append(timed_run(app))
    cached = [timed_run(app) for _ in range(repeats)]
    return {"first": first, "uncached": uncached, "cached": cached, "peak_rss_mb": peak_rss_mb()}


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    VmHWM from /proc: getrusage's ru_maxrss survives exec on Linux, so a process started
    by a big parent (the benchmark, after its pandas baseline) would report the parent's.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Print the render times as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(render_overview(args.database_url, args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
