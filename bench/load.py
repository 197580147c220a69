"""Load test: 20 readers on the pages' data paths while a writer commits imports and undos.

`python bench/load.py [--seconds 60] [--readers 20] [--size 100000] [--batch 20] [--json]`

Against a private copy of the scale database of --size problems (SQLite; PostgreSQL too when
TEST_DATABASE_URL is set): reader threads run random pages (bench.registry, the frame
included, uncached) under random Filters (everything, a township, a county, a focus
area); one writer thread commits a ledger import (parse_ledger + apply_ledger of a small
xlsx) that flips the status of --batch problems together and stamps them with a new marker
in 佐证材料, and every third time undoes the newest batch instead. Readers also check, each
in one statement, that the --batch problems carry one marker (never a mix: no half-applied
import) and that the summary tables agree with the ledger. Prints throughput,
p50/p95/p99 latency and the error count ("database is locked" apart).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bench.copies import private_copy
from bench.pages import call_plain, make_context
from bench.registry import FRAME, PAGES, Context, Step, page_steps
from bench.writer import LedgerWriter, consistency_query, consistent
from data_access.db import dispose_engines, get_engine, session_scope
from data_access.filters import Filter
from data_access.models import County, Problem, Township

MAX_SECONDS = 600
CHECK_EVERY = 5  # a reader checks consistency every this many page paths
FILTER_SAMPLES = 12


@dataclass
class Tally:
    """What the threads measured (appended under one lock)."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    checks: int = 0
    violations: list[str] = field(default_factory=list)
    commits: list[tuple[str, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def path_steps(page: str, ctx: Context) -> list[Step]:
    """A whole rerun's queries, uncached: the frame's, then the page's."""
    return page_steps(FRAME, ctx) + ([] if page == FRAME else page_steps(page, ctx))


def sample_contexts(engine: Engine, rng: random.Random) -> list[Context]:
    """Filters readers draw from: everything, townships, counties and focus areas."""
    with session_scope(engine) as session:
        townships = [t for t in session.scalars(select(Township.id).where(Township.id.in_(
            select(Problem.township_id).distinct()))) if t is not None]  # fmt: skip
        counties = [c for c in session.scalars(select(County.id)) if c is not None]
    filters = [Filter()] * 3
    filters += [Filter(townships=(t,)) for t in rng.sample(townships, FILTER_SAMPLES // 2)]
    filters += [Filter(counties=(c,)) for c in rng.sample(counties, 2)]
    filters += [Filter(focus_areas=("funds_projects",)), Filter(statuses=("overdue",))]
    return [make_context(engine, flt) for flt in filters]


def reader(
    engine: Engine, contexts: list[Context], until: float, tally: Tally, seed: int, batch: int
) -> None:
    """Run random page paths until the deadline; check consistency now and then."""
    rng = random.Random(seed)
    pages = list(PAGES)
    done = 0
    while time.perf_counter() < until:
        ctx = rng.choice(contexts)
        steps = path_steps(rng.choice(pages), ctx)
        started = time.perf_counter()
        try:
            for step in steps:
                call_plain(engine, step, ctx)
            if done % CHECK_EVERY == 0:
                _check(engine, tally, batch)
        except Exception as error:  # every failure counts; the run goes on
            with tally.lock:
                tally.errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
            continue
        with tally.lock:
            tally.latencies.append(time.perf_counter() - started)
        done += 1


def _check(engine: Engine, tally: Tally, batch: int) -> None:
    """One statement: the batch's problems carry one marker, summaries agree with the ledger."""
    with session_scope(engine) as session:
        row = session.execute(consistency_query()).one()
    problem = consistent(row, batch)
    with tally.lock:
        tally.checks += 1
        if problem:
            tally.violations.append(problem)


def writer(ledger: LedgerWriter, until: float, tally: Tally) -> None:
    """Commit imports (and every third time an undo) until the deadline."""
    number = 0
    while time.perf_counter() < until:
        number += 1
        started = time.perf_counter()
        try:
            kind = ledger.undo_last() if number % 3 == 0 else ledger.import_next(number)
        except Exception as error:
            with tally.lock:
                tally.errors.append(f"writer {type(error).__name__}: {str(error)[:200]}")
            continue
        with tally.lock:
            tally.commits.append((kind, time.perf_counter() - started))


def percentile(values: list[float], share: float) -> float:
    """The share-th percentile (nearest rank) in milliseconds."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index] * 1000 if ordered else 0.0


def run_backend(backend: str, args: argparse.Namespace) -> dict:
    """One load run against a private copy of the scale database."""
    with private_copy(backend, args.size) as url:
        engine = get_engine(url)
        rng = random.Random(7)
        contexts = sample_contexts(engine, rng)
        ledger = LedgerWriter(engine, args.batch)
        tally = Tally()
        seconds = min(args.seconds, MAX_SECONDS)
        until = time.perf_counter() + seconds
        threads = [threading.Thread(target=writer, args=(ledger, until, tally))]
        threads += [
            threading.Thread(target=reader, args=(engine, contexts, until, tally, n, args.batch))
            for n in range(args.readers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        dispose_engines()
    return report(backend, args, seconds, tally)


def report(backend: str, args: argparse.Namespace, seconds: float, tally: Tally) -> dict:
    """The figures of one run."""
    commit_times = [elapsed for _, elapsed in tally.commits]
    return {
        "backend": backend,
        "size": args.size,
        "seconds": seconds,
        "readers": args.readers,
        "page_paths": len(tally.latencies),
        "throughput_per_s": len(tally.latencies) / seconds,
        "p50_ms": percentile(tally.latencies, 0.50),
        "p95_ms": percentile(tally.latencies, 0.95),
        "p99_ms": percentile(tally.latencies, 0.99),
        "errors": len(tally.errors),
        "database_locked": sum("database is locked" in e for e in tally.errors),
        "error_samples": sorted(set(tally.errors))[:5],
        "consistency_checks": tally.checks,
        "half_applied_seen": len(tally.violations),
        "imports": sum(kind == "import" for kind, _ in tally.commits),
        "undos": sum(kind == "undo" for kind, _ in tally.commits),
        "commit_p50_ms": percentile(commit_times, 0.50),
        "commit_max_ms": max(commit_times, default=0.0) * 1000,
        "load_average": os.getloadavg(),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the load test on each backend and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help=f"at most {MAX_SECONDS}")
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--size", type=int, default=100_000, help="problems in the database")
    parser.add_argument("--batch", type=int, default=20, help="problems each import flips")
    parser.add_argument("--backends", default=None, help="sqlite,postgres (default: available)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    backends = ["sqlite", "postgres"] if os.environ.get("TEST_DATABASE_URL") else ["sqlite"]
    if args.backends:
        backends = args.backends.split(",")
    results = [run_backend(backend, args) for backend in backends]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    for r in [] if args.json else results:
        print(
            f"{r['backend']:8} {r['size']:,} problems, {r['readers']} readers + 1 writer, "
            f"{r['seconds']:.0f} s: {r['throughput_per_s']:.1f} page paths/s, "
            f"p50 {r['p50_ms']:.0f} ms, p95 {r['p95_ms']:.0f} ms, p99 {r['p99_ms']:.0f} ms; "
            f"errors {r['errors']} (database is locked: {r['database_locked']}); "
            f"imports {r['imports']}, undos {r['undos']} (commit p50 {r['commit_p50_ms']:.0f} ms, "
            f"max {r['commit_max_ms']:.0f} ms); consistency checks {r['consistency_checks']}, "
            f"half-applied seen {r['half_applied_seen']}; load {r['load_average']}"
        )
    failed = any(r["errors"] or r["half_applied_seen"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
