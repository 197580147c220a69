"""The ingest benchmarks run: `bench.ingest --quick` (both uploads) and `bench.upload_page`."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from data_access.settings import PROJECT_ROOT

STEP_LINE = r"^\s+1,000\s+0\.1(\s+\d+\.\d\ds){6}\s+[\d,]+$"  # 4 steps, total, cpu


@pytest.mark.bench
@pytest.mark.postgres
def test_quick_ingest_benchmark_on_postgresql(database_urls: dict[str, str]) -> None:
    """--database-url: the scratch database is reset (and compacted) and both uploads run."""
    run_quick_benchmark(["--database-url", database_urls["postgres:bench"]])


@pytest.mark.slow
def test_quick_ingest_benchmark_prints_both_tables() -> None:
    """A first upload and a weekly update of 1,000 rows, each a full line of figures."""
    run_quick_benchmark([])


def run_quick_benchmark(options: list[str]) -> None:
    """bench.ingest --quick prints both tables in full (it checks the counts itself)."""
    command = [sys.executable, "-m", "bench.ingest", "--quick", *options]
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "first upload" in done.stdout and "1% of rows changed" in done.stdout
    assert len(re.findall(STEP_LINE, done.stdout, re.MULTILINE)) == 2, done.stdout


@pytest.mark.slow
def test_upload_page_benchmark_commits_through_the_page() -> None:
    """The page benchmark uploads, sees the preview's commit button, and commits (100 rows)."""
    command = [sys.executable, "-m", "bench.upload_page", "--rows", "100"]
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"^upload → preview \d+\.\d\ds  commit → done \d+\.\d\ds$", done.stdout, re.M)
