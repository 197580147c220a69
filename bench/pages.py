"""Page benchmark: each page's data path at 10k, 100k and 1M problems, SQLite and PostgreSQL.

`python bench/pages.py [--sizes 10000,100000,1000000] [--repeats 5] [--quick] [--json]`

For every size (a scale database from bench.datasets, generated once and reused) and
backend (SQLite; PostgreSQL too when TEST_DATABASE_URL is set), for the default Filter and
a one-township Filter (the township with the most problems):
- uncached: every read function of the page (bench.registry, the frame's included) called
  directly, as on the first rerun after a data change;
- cached: the same calls through data_access.cache.cached_query, the app's cache layer
  (st.cache_data runs without a Streamlit runtime on its in-memory store, like the app's;
  each call includes the data-version lookup that keys it);
- baseline: the naive way (bench.naive: pandas.read_sql of the ledger tables, then
  groupby) for the overview's numbers, asserted equal to the query layer's;
- render: a full AppTest render of the overview (bench.render, own process) and that
  process's peak RSS.
Prints medians, min–max and the baseline's time divided by the page's (×).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from bench import naive
from bench.datasets import scale_database
from bench.registry import FRAME, PAGES, Context, Step, page_steps
from data_access.cache import cached_query
from data_access.db import dispose_engines, get_engine, session_scope
from data_access.filters import Filter
from data_access.models import Problem
from data_access.queries.drill import drill_node
from data_access.queries.options import fetch_filter_options
from data_access.queries.problems import fetch_problem_ledger
from data_access.settings import PROJECT_ROOT

SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (10_000,)
FILTERS = ("default", "one township")


def busiest_township(engine: Engine) -> int:
    """The township with the most problems (the one-township filter's worst case)."""
    query = (
        select(Problem.township_id)
        .group_by(Problem.township_id)
        .order_by(func.count().desc(), Problem.township_id)
        .limit(1)
    )
    with session_scope(engine) as session:
        return int(session.scalar(query))


def make_context(engine: Engine, flt: Filter) -> Context:
    """What the pages know for flt: options, drill level, the first problem's code."""
    with session_scope(engine) as session:
        options = fetch_filter_options(session=session)
        first = fetch_problem_ledger(session=session, flt=flt, limit=1)
    level = drill_node(flt, options.regions, options.villages).child_level
    return Context(flt=flt, options=options, level=level, code=str(first["code"].iloc[0]))


def call_plain(engine: Engine, step: Step, ctx: Context) -> Any:
    """One read function called directly in its own session (no cache)."""
    flt = step.flt(ctx)
    arguments = {"flt": flt} if flt is not None else {}
    with session_scope(engine) as session:
        return step.function(session=session, **arguments, **step.kwargs(ctx))


def call_cached(_engine: Engine, step: Step, ctx: Context) -> Any:
    """One read function through the app's cache layer (DATABASE_URL set by the caller)."""
    kwargs = step.kwargs(ctx)
    scope = kwargs.pop("scope", None)
    return cached_query(step.function, step.flt(ctx), scope=scope, **kwargs)


def path_steps(page: str, ctx: Context) -> list[Step]:
    """The whole data path of one rerun: the frame's queries, then the page's."""
    frame = page_steps(FRAME, ctx)
    return frame if page == FRAME else frame + page_steps(page, ctx)


def time_path(engine: Engine, steps: list[Step], ctx: Context, call, repeats: int) -> list[float]:
    """Seconds each of repeats runs of the steps took."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        for step in steps:
            call(engine, step, ctx)
        times.append(time.perf_counter() - started)
    return times


def summary(times: list[float]) -> dict[str, float]:
    """Median, min and max in milliseconds."""
    return {
        "median_ms": statistics.median(times) * 1000,
        "min_ms": min(times) * 1000,
        "max_ms": max(times) * 1000,
    }


def time_baseline(engine: Engine, township_id: int | None, repeats: int) -> list[float]:
    """The naive overview's times; first checks that its numbers equal the query layer's."""
    expected = naive.layer_overview(engine, township_id)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        numbers = naive.naive_overview(naive.read_tables(engine), township_id)
        times.append(time.perf_counter() - started)
        if numbers != expected:
            different = [key for key in numbers if numbers[key] != expected[key]]
            raise AssertionError(f"naive and query layer disagree on {different}")
    return times


def time_render(url: str, repeats: int) -> dict:
    """AppTest renders of the overview in a fresh process (bench.render)."""
    command = [sys.executable, "-m", "bench.render", url, "--repeats", str(repeats)]
    done = subprocess.run(command, cwd=PROJECT_ROOT, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_size(backend: str, size: int, pages: list[str], repeats: int, render: bool) -> list[dict]:
    """Every measurement for one backend and size."""
    url = scale_database(backend, size)
    os.environ["DATABASE_URL"] = url  # for cached_query
    engine = get_engine(url)
    township = busiest_township(engine)
    rows: list[dict] = []
    base = {"backend": backend, "size": size}
    for label, flt in zip(FILTERS, (Filter(), Filter(townships=(township,))), strict=True):
        ctx = make_context(engine, flt)
        line = {**base, "filter": label, "township_id": township if flt.townships else None}
        one = flt.townships[0] if flt.townships else None
        baseline = time_baseline(engine, one, min(repeats, 3))
        rows.append({**line, "page": "naive overview", "mode": "baseline", **summary(baseline)})
        for page in pages:
            steps = path_steps(page, ctx)
            for mode, call in (("uncached", call_plain), ("cached", call_cached)):
                if mode == "cached":
                    time_path(engine, steps, ctx, call, 1)  # fill the cache first
                times = time_path(engine, steps, ctx, call, repeats)
                figures = summary(times)
                ratio = statistics.median(baseline) * 1000 / figures["median_ms"]
                queries = [step.name for step in steps]
                rows.append({**line, "page": page, "mode": mode, **figures, "ratio": ratio,
                             "queries": queries})  # fmt: skip
    if render:
        rendered = time_render(url, repeats)
        for mode in ("uncached", "cached"):
            rows.append({**base, "filter": "default", "page": "overview (AppTest render)",
                         "mode": mode, **summary(rendered[mode]),
                         "first_render_ms": rendered["first"] * 1000,
                         "app_peak_rss_mb": rendered["peak_rss_mb"]})  # fmt: skip
    dispose_engines()
    return rows


def environment() -> dict:
    """Machine and versions the figures were taken on."""
    return {
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def print_table(rows: list[dict]) -> None:
    """One line per measurement."""
    header = f"{'backend':8} {'size':>9} {'filter':13} {'page':26} {'mode':9}"
    print(header + f" {'median':>9} {'min–max':>19} {'× base':>8}")
    for row in rows:
        spread = f"{row['min_ms']:.1f}–{row['max_ms']:.1f}"
        ratio = f"{row['ratio']:.0f}×" if "ratio" in row else ""
        print(
            f"{row['backend']:8} {row['size']:>9,} {row['filter']:13} {row['page']:26} "
            f"{row['mode']:9} {row['median_ms']:>7.1f}ms {spread:>19} {ratio:>8}"
        )
        if "app_peak_rss_mb" in row and row["mode"] == "cached":
            print(f"{'':8} first render {row['first_render_ms']:.0f} ms, "
                  f"app peak RSS {row['app_peak_rss_mb']:.0f} MB")  # fmt: skip


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="problems per database")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--quick", action="store_true", help="10k only, 2 repeats (CI)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--pages", default=",".join(PAGES), help="pages to time (registry names)")
    parser.add_argument("--no-render", action="store_true", help="skip the AppTest render")
    parser.add_argument("--backends", default=None, help="sqlite,postgres (default: available)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the results."""
    args = parse_args(argv)
    sizes = QUICK_SIZES if args.quick else tuple(int(s) for s in args.sizes.split(","))
    repeats = 2 if args.quick else args.repeats
    backends = ["sqlite", "postgres"] if os.environ.get("TEST_DATABASE_URL") else ["sqlite"]
    if args.backends:
        backends = args.backends.split(",")
    started = environment()
    rows = [
        row
        for size in sizes
        for backend in backends
        for row in run_size(backend, size, args.pages.split(","), repeats, not args.no_render)
    ]
    report = {
        "environment": {**started, "load_average_after": os.getloadavg()},
        "bench_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "results": rows,
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(f"环境 / environment: {report['environment']}")
        print_table(rows)
        print(f"bench process peak RSS {report['bench_peak_rss_mb']:.0f} MB (naive baseline incl.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
