"""Time the problem list's search and its whole-result sort (问题清单).

`python -m bench.search --database-url URL [--repeats N]` prints JSON: per search term, the
median seconds of the count and of the first page (sorted in SQL over the whole result),
uncached, as the page runs them. Targets (issue 19): ≤ 300 ms on the demo data, ≤ 1 s at
1M problems.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.queries import count_problem_ledger, fetch_problem_ledger
from data_access.queries.problems import LEDGER_SORTS
from data_access.settings import get_settings

TERMS = ("截留", "危房 改造", "资金", "ZY")  # i18n-data: search terms a leader types


def time_search(url: str, term: str, sort: str, repeats: int) -> dict[str, float]:
    """Median seconds of the count and of the first page for term, sorted by sort."""
    engine = get_engine(url)
    counts, pages = [], []
    for _ in range(repeats):
        with session_scope(engine) as session:
            started = time.perf_counter()
            total = count_problem_ledger(session=session, flt=Filter(), search=term)
            counted = time.perf_counter()
            fetch_problem_ledger(session=session, flt=Filter(), search=term, sort=sort)
            done = time.perf_counter()
        counts.append(counted - started)
        pages.append(done - counted)
    return {
        "rows": total,
        "count_s": round(statistics.median(counts), 3),
        "page_s": round(statistics.median(pages), 3),
        "total_s": round(statistics.median(c + p for c, p in zip(counts, pages, strict=True)), 3),
    }


def main() -> None:
    """Parse arguments, time each term with each sort, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=get_settings().database_url)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    results = {
        f"{term} / {sort}": time_search(args.database_url, term, sort, args.repeats)
        for term in TERMS
        for sort in LEDGER_SORTS
    }
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
