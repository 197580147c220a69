"""Ledger import benchmark: read / validate / diff / apply times for 1k, 10k and 100k rows.

Run `python -m bench.ingest` (or `--quick` for 1k only). Each size gets a fresh temporary
SQLite copy of the demo store and a workbook of new problems drawn deterministically
(random.Random) from the demo's vocabulary: its townships, villages, groups, round,
sub-categories and wording. read = safety check + calamine; validate = the rest of
parse_ledger (normalise, resolve names, pandera); diff = compute_diff; apply = apply_ledger
(one write transaction; the preview diff is reused as nothing was committed meanwhile).
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import xlsxwriter
from sqlalchemy import select

from data_access.db import dispose_engines, get_engine, session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.columns import PROBLEMS
from data_access.ingest.diff import compute_diff
from data_access.ingest.parse import parse_ledger
from data_access.ingest.read import read_workbook
from data_access.ingest.safety import check_upload
from data_access.ingest.sheet_rows import fetch_sheet_rows
from data_access.models import Problem
from data_access.schema import upgrade_schema
from seed import load_demo

SIZES = (1_000, 10_000, 100_000)
STEPS = ("read", "validate", "diff", "apply")
MAX_BYTES = 512 * 1024 * 1024  # the benchmark file is large on purpose
HEADERS = PROBLEMS.headers


def timed(step: Callable[[], Any]) -> tuple[Any, float]:
    """step's result and its wall time in seconds."""
    started = time.perf_counter()
    result = step()
    return result, time.perf_counter() - started


def demo_store(folder: Path) -> Path:
    """A migrated SQLite file holding the demo data (made once, copied per size)."""
    path = folder / "demo.db"
    engine = get_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    load_demo(engine)
    dispose_engines()
    return path


def demo_rows(url: str) -> list[list[Any]]:
    """The demo's problems in workbook form: the vocabulary new rows are drawn from."""
    with session_scope(get_engine(url)) as session:
        return fetch_sheet_rows(PROBLEMS, session=session)


def generated_rows(vocabulary: list[list[Any]], count: int) -> list[list[Any]]:
    """count new problem rows: each a demo row with a new code and reshuffled details."""
    rng = random.Random(count)
    column = {header: index for index, header in enumerate(HEADERS)}
    rows = []
    for number in range(1, count + 1):
        row = list(rng.choice(vocabulary))
        row[column["序号"]] = number
        row[column["问题编号"]] = f"BENCH-{number:06d}"
        row[column["问题描述"]] = rng.choice(vocabulary)[column["问题描述"]]
        row[column["挽回损失(元)"]] = rng.choice((0, 0, 0, rng.randrange(1_000, 90_000)))
        rows.append(row)
    return rows


def workbook_bytes(rows: list[list[Any]]) -> bytes:
    """An xlsx holding the problems sheet (dates as real Excel dates)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "constant_memory": True})
    sheet = workbook.add_worksheet(PROBLEMS.name)
    dates = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADERS)
    for index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value is None:
                continue
            if hasattr(value, "isoformat"):
                sheet.write_datetime(index, col, value, dates)
            elif isinstance(value, str):
                sheet.write_string(index, col, value)
            else:
                sheet.write_number(index, col, value)
    workbook.close()
    return buffer.getvalue()


def run_size(template: Path, folder: Path, vocabulary: list[list[Any]], count: int) -> dict:
    """Times of each step for a ledger of count new problems."""
    path = folder / f"bench_{count}.db"
    shutil.copy(template, path)
    engine = get_engine(f"sqlite:///{path}")
    data = workbook_bytes(generated_rows(vocabulary, count))
    _, read_s = timed(lambda: read_workbook(data, check_upload(data, max_bytes=MAX_BYTES)))
    with session_scope(engine) as session:
        parsed, parse_s = timed(
            lambda: parse_ledger(data, "bench.xlsx", session=session, max_bytes=MAX_BYTES)
        )
        if parsed.errors:
            raise SystemExit(f"generated ledger has errors: {parsed.errors[:3]}")
        diff, diff_s = timed(lambda: compute_diff(parsed, session=session))
    result, apply_s = timed(
        lambda: apply_ledger(parsed, engine=engine, uploader="bench", preview=diff)
    )
    with session_scope(engine) as session:
        stored = len(session.scalars(select(Problem.id)).all())
    dispose_engines()
    assert diff.counts()["new"] == count and result.applied
    return {
        "rows": count,
        "megabytes": len(data) / 1_048_576,
        "read": read_s,
        "validate": max(parse_s - read_s, 0.0),
        "diff": diff_s,
        "apply": apply_s,
        "stored": stored,
    }


def print_table(results: list[dict]) -> None:
    """One line per size: seconds per step, total and rows per second."""
    print(f"{'rows':>8} {'MB':>6} " + " ".join(f"{s:>9}" for s in STEPS) + f" {'total':>8} rows/s")
    for r in results:
        total = sum(r[s] for s in STEPS)
        steps = " ".join(f"{r[s]:>8.2f}s" for s in STEPS)
        rate = r["rows"] / total
        print(f"{r['rows']:>8,} {r['megabytes']:>6.1f} {steps} {total:>7.2f}s {rate:>8,.0f}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only 1,000 rows")
    args = parser.parse_args(argv)
    sizes = SIZES[:1] if args.quick else SIZES
    with tempfile.TemporaryDirectory(prefix="bench_ingest_") as tmp:
        folder = Path(tmp)
        template = demo_store(folder)
        vocabulary = demo_rows(f"sqlite:///{template}")
        dispose_engines()
        results = [run_size(template, folder, vocabulary, count) for count in sizes]
    print("台账导入基准 / ledger import benchmark (SQLite, new problems)")
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
