"""Time the meeting briefing: the default four-step path's PDF and Word, from query to bytes.

`python -m bench.briefing [--database-url URL] [--repeats N]` prints JSON: seconds per
phase (assembling = queries and chart images; writing = the PDF or DOCX writer) and the
process's CPU seconds, for four cases:

- cold: the first build in a fresh process, nothing warmed (a briefing asked for in the
  second after a server start, before its warm-up thread is done);
- warmed: the first build in a fresh process after charts.images.warm_up_images(), as the
  server does at start (serve.py): the first briefing after a restart;
- uncached: repeats with the chart-image cache emptied: the first briefing of new data;
- cached: repeats with the images kept: the same data again (and the Word file after the PDF).

The target (issue 19): the PDF in ≤ 5 s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from charts import images as chart_images
from components.briefing import BriefingRequest, assemble_briefing, briefing_title
from data_access.db import get_engine, session_scope
from data_access.exports.docx import write_briefing_docx
from data_access.exports.pdf import write_briefing_pdf
from data_access.filters import Filter
from data_access.meeting.paths import default_meeting_path
from data_access.settings import get_settings
from startup import freeze_app_heap

FIRST_BUILDS = ("cold", "warmed")  # each in a fresh process of its own


def build_once(url: str) -> dict[str, float]:
    """Seconds to assemble the default path's briefing, and to write it as PDF and DOCX."""
    engine = get_engine(url)
    started, cpu = time.perf_counter(), time.process_time()
    with session_scope(engine) as session:
        steps = default_meeting_path(session=session, flt=Filter()).steps
        request = BriefingRequest(
            title=briefing_title(),
            steps=steps,
            step_filters=tuple(() for _ in steps),
            role="viewer",
            as_of="",
            generated_at=datetime.now(UTC),
            notices=(),
        )
        briefing = assemble_briefing(request, session=session)
        assembled = time.perf_counter()
        write_briefing_pdf(briefing)
        pdf, pdf_cpu = time.perf_counter(), time.process_time()
        write_briefing_docx(briefing)
        docx = time.perf_counter()
    return {
        "steps": len(steps),
        "assemble_s": round(assembled - started, 3),
        "pdf_write_s": round(pdf - assembled, 3),
        "pdf_total_s": round(pdf - started, 3),
        "pdf_cpu_s": round(pdf_cpu - cpu, 3),
        "docx_write_s": round(docx - pdf, 3),
    }


def first_build(url: str, case: str) -> dict[str, float]:
    """The first build of a fresh process (this one), after the server's warm-up if "warmed".

    Both after startup.freeze_app_heap: the server runs it before it takes a request.
    """
    freeze_app_heap()
    if case == "warmed":
        chart_images.warm_up_images()
    return build_once(url)


def in_fresh_process(url: str, case: str) -> dict[str, float]:
    """first_build run by a new Python process (nothing imported, drawn or cached yet)."""
    command = [sys.executable, "-m", "bench.briefing", "--database-url", url, "--first", case]
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    """Parse arguments, time the builds, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=get_settings().database_url)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--first", choices=FIRST_BUILDS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first:  # the child of in_fresh_process
        print(json.dumps(first_build(args.database_url, args.first)))
        return
    result: dict[str, object] = {
        case: in_fresh_process(args.database_url, case) for case in FIRST_BUILDS
    }
    freeze_app_heap()  # as the server does at start (startup.py)
    chart_images.warm_up_images()
    uncached = []
    for _ in range(args.repeats):
        chart_images.clear_kept_images()
        uncached.append(build_once(args.database_url))
    result["uncached"] = uncached
    result["cached"] = [build_once(args.database_url) for _ in range(args.repeats)]
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
