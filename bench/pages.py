"""Page benchmark: each page's data path at 10k, 100k and 1M problems, SQLite and PostgreSQL.

`python bench/pages.py [--sizes 10000,100000,1000000] [--repeats 5] [--quick] [--json]`

For every size (a scale database from bench.datasets, generated once and reused) and
backend (SQLite; PostgreSQL too when TEST_DATABASE_URL is set), for the default Filter, a
one-township Filter (the township with the median number of problems) and the busiest
township's:
- uncached: every read function of the page (bench.registry) called directly, as on the
  first rerun after a data change; the frame's queries (filter bar options, demo flag) are
  their own row: they do not depend on the page or the Filter, so after a data change they
  run once for every page and Filter;
- cached: the same calls through data_access.cache.cached_query, the app's cache layer
  (st.cache_data runs without a Streamlit runtime on its in-memory store, like the app's;
  each call includes the data-version lookup that keys it);
- baseline: the naive way (bench.naive: pandas.read_sql of the ledger tables, then
  groupby) for the overview's numbers, asserted equal to the query layer's;
- render: a full AppTest render of the overview (bench.render, own process) and that
  process's peak RSS.
Prints medians, min–max, CPU time, the baseline's time divided by the page's (×) and, for
the uncached default and one-township rows, issue #22's target with ✓ or ✗ (SQLite: 50 and
15 ms, PostgreSQL: 80 ms; `target_ms` in the JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
from bench.registry import PAGES, Context, Step, page_steps
from bench.render import peak_rss_mb
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
FILTERS = ("default", "one township", "busiest township")
# Issue #22's targets for a page's uncached data path: per Filter on SQLite, any on PostgreSQL.
TARGETS_MS = ({"default": 50.0, "one township": 15.0}, 80.0)


def sample_townships(engine: Engine) -> tuple[int, int]:
    """The township with the median number of problems, and the one with the most."""
    query = (
        select(Problem.township_id)
        .group_by(Problem.township_id)
        .order_by(func.count().desc(), Problem.township_id)
    )
    with session_scope(engine) as session:
        by_size = list(session.scalars(query))
    return int(by_size[len(by_size) // 2]), int(by_size[0])


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


def time_path(
    engine: Engine, steps: list[Step], ctx: Context, call, repeats: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU seconds of each of repeats runs of the steps.

    The CPU time shows what the figures would be on an idle machine (SQLite runs in this
    process; a PostgreSQL server's CPU is not in it).
    """
    walls, cpus = [], []
    for _ in range(repeats):
        started, cpu = time.perf_counter(), time.process_time()
        for step in steps:
            call(engine, step, ctx)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def summary(times: list[float], cpus: list[float] | None = None) -> dict[str, float]:
    """Median, min and max in milliseconds (and the median CPU time when measured)."""
    figures = {
        "median_ms": statistics.median(times) * 1000,
        "min_ms": min(times) * 1000,
        "max_ms": max(times) * 1000,
    }
    if cpus:
        figures["cpu_ms"] = statistics.median(cpus) * 1000
    return figures


def time_baseline(engine: Engine, townships: list[int | None], repeats: int) -> list[list[float]]:
    """The naive overview's times per township (None: all); checks its numbers first.

    Every naive rerun reads the tables again; the read is timed once per repeat and added
    to each Filter's pandas work of the same repeat.
    """
    expected = {one: naive.layer_overview(engine, one) for one in townships}
    times: list[list[float]] = [[] for _ in townships]
    for _ in range(repeats):
        started = time.perf_counter()
        tables = naive.read_tables(engine)
        read = time.perf_counter() - started
        for position, one in enumerate(townships):
            started = time.perf_counter()
            numbers = naive.naive_overview(tables, one)
            times[position].append(read + time.perf_counter() - started)
            if numbers != expected[one]:
                different = [key for key in numbers if numbers[key] != expected[one][key]]
                raise AssertionError(f"naive and query layer disagree on {different}")
        del tables
    return times


def time_render(url: str, repeats: int) -> dict:
    """AppTest renders of the overview in a fresh process (bench.render)."""
    command = [sys.executable, "-m", "bench.render", url, "--repeats", str(repeats)]
    done = subprocess.run(command, cwd=PROJECT_ROOT, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def time_pages(engine: Engine, ctx: Context, pages: list[str], repeats: int) -> list[dict]:
    """Uncached and cached times of each page's data path for one Filter."""
    rows = []
    for page in pages:
        steps = page_steps(page, ctx)
        for mode, call in (("uncached", call_plain), ("cached", call_cached)):
            if mode == "cached":
                time_path(engine, steps, ctx, call, 1)  # fill the cache first
            figures = summary(*time_path(engine, steps, ctx, call, repeats))
            queries = [step.name for step in steps]
            rows.append({"page": page, "mode": mode, **figures, "queries": queries})
    return rows


def run_size(backend: str, size: int, pages: list[str], repeats: int, render: bool) -> list[dict]:
    """Every measurement for one backend and size."""
    url = scale_database(backend, size)
    os.environ["DATABASE_URL"] = url  # for cached_query
    engine = get_engine(url)
    base = {"backend": backend, "size": size}
    rows: list[dict] = []
    if render:  # first, in its own process, while this one is still small
        rendered = time_render(url, repeats)
        for mode in ("uncached", "cached"):
            rows.append({**base, "filter": "default", "page": "overview (AppTest render)",
                         "mode": mode, **summary(rendered[mode]),
                         "first_render_ms": rendered["first"] * 1000,
                         "app_peak_rss_mb": rendered["peak_rss_mb"]})  # fmt: skip
    median, busiest = sample_townships(engine)
    townships = [None, median, busiest]
    baselines = time_baseline(engine, townships, min(repeats, 3))
    for label, one, baseline in zip(FILTERS, townships, baselines, strict=True):
        flt = Filter() if one is None else Filter(townships=(one,))
        line = {**base, "filter": label, "township_id": one}
        rows.append({**line, "page": "naive overview", "mode": "baseline", **summary(baseline)})
        for row in time_pages(engine, make_context(engine, flt), pages, repeats):
            ratio = statistics.median(baseline) * 1000 / row["median_ms"]
            row = {**line, **row, "ratio": ratio}
            rows.append({**row, "target_ms": target_ms(row)})
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


def target_ms(row: dict) -> float | None:
    """The uncached data path's target for row (issue #22), None where none is set."""
    if row["mode"] != "uncached" or row["filter"] not in TARGETS_MS[0]:
        return None
    return TARGETS_MS[1] if row["backend"] == "postgres" else TARGETS_MS[0][row["filter"]]


def target_mark(row: dict) -> str:
    """The target and whether the median meets it ("≤ 50 ✓"), or nothing without one."""
    target = target_ms(row)
    if target is None:
        return ""
    return f"≤ {target:.0f} {'✓' if row['median_ms'] <= target else '✗'}"


def print_table(rows: list[dict]) -> None:
    """One line per measurement."""
    header = f"{'backend':8} {'size':>9} {'filter':16} {'page':26} {'mode':9}"
    print(header + f" {'median':>9} {'min–max':>19} {'cpu':>8} {'× base':>8} {'target':>8}")
    for row in rows:
        spread = f"{row['min_ms']:.1f}–{row['max_ms']:.1f}"
        ratio = f"{row['ratio']:.0f}×" if "ratio" in row else ""
        cpu = f"{row['cpu_ms']:.1f}" if "cpu_ms" in row else ""
        print(
            f"{row['backend']:8} {row['size']:>9,} {row['filter']:16} {row['page']:26} "
            f"{row['mode']:9} {row['median_ms']:>7.1f}ms {spread:>19} {cpu:>8} {ratio:>8} "
            f"{target_mark(row):>8}"
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
        "bench_peak_rss_mb": peak_rss_mb(),
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
