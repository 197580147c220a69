"""Ledger import benchmark: read / validate / diff / apply times for 1k, 10k and 100k rows.

Run `python -m bench.ingest` (or `--quick` for 1k only; `--database-url URL` for a scratch
PostgreSQL database, reset for each size). Each size gets a fresh temporary SQLite copy of
the demo store and a workbook of new problems drawn deterministically
(random.Random) from the demo's vocabulary: its townships, villages, groups, round,
sub-categories and wording. That workbook is uploaded (every row new), then the same
ledger with 1% of its rows changed (a weekly update). read = safety check + calamine;
validate = the rest of parse_ledger (normalise, resolve names, pandera); diff =
compute_diff (the preview); apply = apply_ledger (one write transaction; the preview diff
is reused as nothing was committed meanwhile). total = upload to committed.
"""

from __future__ import annotations

import argparse
import gc
import io
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import xlsxwriter
from sqlalchemy.engine import Engine, make_url

from data_access.db import dispose_engines, get_engine, session_scope
from data_access.ingest.columns import PROBLEMS
from data_access.ingest.command import ImportPreview, LedgerImport
from data_access.ingest.options import ImportOptions
from data_access.ingest.read import read_workbook
from data_access.ingest.safety import check_upload
from data_access.ingest.sheet_rows import fetch_sheet_rows
from data_access.schema import upgrade_schema
from seed import load_demo
from seed.__main__ import seed_database
from startup import freeze_app_heap

SIZES = (1_000, 10_000, 100_000)
CHANGED_SHARE = 0.01  # a weekly update: most rows as before, some rectified or amended
STEPS = ("read", "validate", "diff", "apply")
MAX_BYTES = 512 * 1024 * 1024  # the benchmark file is large on purpose
BENCH_OPTIONS = ImportOptions(max_bytes=MAX_BYTES)
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
        # Every description unique, as in a real ledger (parsers run once per distinct value).
        description = rng.choice(vocabulary)[column["问题描述"]]
        row[column["问题描述"]] = f"{description}（台账第{number}条）"  # i18n-data: ledger text
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


def changed_rows(rows: list[list[Any]], share: float) -> list[list[Any]]:
    """rows with every (1/share)-th one updated: 挽回损失 up, and rectified if it was not."""
    column = {header: index for index, header in enumerate(HEADERS)}
    step = round(1 / share)
    updated = [list(row) for row in rows]
    for row in updated[::step]:
        row[column["挽回损失(元)"]] += 1_000
        if row[column["完成日期"]] is None:
            row[column["整改状态"]] = "已整改"  # i18n-data: the ledger's own word
            row[column["完成日期"]] = row[column["发现日期"]] + timedelta(days=30)
    return updated


def import_timed(engine: Engine, data: bytes) -> dict[str, Any]:
    """Seconds of each step of one upload (read is also inside validate's parse) and counts.

    cpu: this process's CPU seconds from upload to committed (every thread; SQLite runs in
    it, a PostgreSQL server does not). On a shared VM it varies far less than wall time.
    """
    read_s = timed(lambda: read_workbook(data, check_upload(data, max_bytes=MAX_BYTES)))[1]
    cpu_started = time.process_time()
    command = LedgerImport(data, "bench.xlsx", "bench", BENCH_OPTIONS)
    with session_scope(engine) as session:  # the command's steps, timed one by one
        parsed, parse_s = timed(lambda: command.parse_in(session))
        if parsed.errors:
            raise SystemExit(f"generated ledger has errors: {parsed.errors[:3]}")
        diff, diff_s = timed(lambda: command.diff_in(parsed, session))
    result, apply_s = timed(lambda: command.commit(ImportPreview(parsed, diff), engine=engine))
    assert result.applied
    return {
        "megabytes": len(data) / 1_048_576,
        "read": read_s,
        "validate": max(parse_s - read_s, 0.0),
        "diff": diff_s,
        "apply": apply_s,
        "cpu": time.process_time() - cpu_started,
        **diff.counts(),
    }


def fresh_store(template: Path, folder: Path, count: int, url: str | None) -> Engine:
    """A store holding just the demo: a copy of template, or the database at url reset."""
    if url is not None:
        seed_database(url, reset=True)
        engine = get_engine(url)
        compact(engine)
        return engine
    path = folder / f"bench_{count}.db"
    shutil.copy(template, path)
    return get_engine(f"sqlite:///{path}")


def compact(engine: Engine) -> None:
    """VACUUM FULL a PostgreSQL store, so every size starts without the dead rows of the last.

    The reset deletes rows; back-to-back runs outpace autovacuum, and the bloat they left
    (1.6 GB after a dozen runs) doubled the apply time of the next run.
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM (FULL, ANALYZE)")


def run_size(
    template: Path, folder: Path, vocabulary: list[list[Any]], count: int, url: str | None
) -> list:
    """Timings of a ledger of count new problems, then of its update with CHANGED_SHARE changed."""
    engine = fresh_store(template, folder, count, url)
    rows = generated_rows(vocabulary, count)
    files = workbook_bytes(rows), workbook_bytes(changed_rows(rows, CHANGED_SHARE))
    changed = len(rows[:: round(1 / CHANGED_SHARE)])
    # The imports run with no more alive than an upload holds: the collector walks every
    # live object, and the generated rows, a second read and xlsxwriter's cycles (millions
    # of cell records) more than doubled what it walked.
    del rows
    gc.collect()
    first = import_timed(engine, files[0])
    update = import_timed(engine, files[1])
    dispose_engines()
    assert first["new"] == count
    assert update["changed"] == changed and update["new"] == 0
    return [
        {"rows": count, "kind": kind, **timing}
        for kind, timing in (("new", first), ("update", update))
    ]


def print_table(results: list[dict], kind: str) -> None:
    """One line per size: seconds per step, total (upload to committed), CPU, rows per second."""
    steps = " ".join(f"{s:>9}" for s in STEPS)
    print(f"{'rows':>8} {'MB':>6} {steps} {'total':>8} {'cpu':>8} rows/s")
    for r in (r for r in results if r["kind"] == kind):
        total = sum(r[s] for s in STEPS)
        times = " ".join(f"{r[s]:>8.2f}s" for s in STEPS)
        rate = r["rows"] / total
        line = f"{r['rows']:>8,} {r['megabytes']:>6.1f} {times} {total:>7.2f}s {r['cpu']:>7.2f}s"
        print(f"{line} {rate:>8,.0f}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only 1,000 rows")
    parser.add_argument(
        "--database-url", help="a scratch database to use instead (it is reset for each size)"
    )
    args = parser.parse_args(argv)
    freeze_app_heap()  # as the server does at start (startup.py)
    sizes = SIZES[:1] if args.quick else SIZES
    with tempfile.TemporaryDirectory(prefix="bench_ingest_") as tmp:
        folder = Path(tmp)
        template = demo_store(folder)
        vocabulary = demo_rows(f"sqlite:///{template}")
        dispose_engines()
        url = args.database_url
        results = [r for count in sizes for r in run_size(template, folder, vocabulary, count, url)]
    backend = make_url(args.database_url).get_backend_name() if args.database_url else "sqlite"
    print(f"台账导入基准 / ledger import benchmark ({backend})")
    print("首次导入：全部为新问题 / first upload: every row a new problem")
    print_table(results, "new")
    share = f"{CHANGED_SHARE:.0%}"
    print(f"再次上传同一台账，其中 {share} 的行有改动 / the same ledger, {share} of rows changed")
    print_table(results, "update")
    return 0


if __name__ == "__main__":
    sys.exit(main())
