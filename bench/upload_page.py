"""The upload page end to end: a ledger of new problems uploaded, previewed and committed.

`python -m bench.upload_page [--rows N]` (default 100,000) runs dashboard.py in AppTest as a
staff account against a temporary SQLite copy of the demo store, puts the workbook into the
page's uploader and clicks 确认导入. It prints the seconds of the two script runs a user
waits for: upload → preview shown (parse, diff, the preview tables) and commit → done
(apply and the page drawn again). bench.ingest times the same steps without the page.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.app_session import sign_in_app
from bench.ingest import demo_rows, demo_store, generated_rows, workbook_bytes
from bench.render import run_timed
from data_access import auth
from data_access.db import dispose_engines, get_engine, session_scope
from data_access.settings import PROJECT_ROOT
from i18n import t
from startup import freeze_app_heap

STAFF = "bench-uploader"
UPLOAD_PAGE = "pages/upload.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TIMEOUT_SECONDS = 900


def staff_store(folder: Path) -> str:
    """URL of a demo store with a staff (uploader) account."""
    url = f"sqlite:///{demo_store(folder)}"
    with session_scope(get_engine(url), write=True) as session:
        password = secrets.token_urlsafe(16)
        auth.create_user(
            session=session, actor="bench", username=STAFF, password=password, role="uploader"
        )
    return url


def upload_and_commit(url: str, data: bytes) -> dict[str, float]:
    """Seconds of the upload run and of the commit run on the upload page."""
    os.environ["DATABASE_URL"] = url
    st.cache_data.clear()
    app = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=TIMEOUT_SECONDS)
    sign_in_app(app, get_engine(url), STAFF)
    app.run()
    app.switch_page(UPLOAD_PAGE)
    app.run()
    app.file_uploader[0].upload("bench.xlsx", data, XLSX)
    preview = run_timed(app)
    commit = [button for button in app.button if button.label == t("upload.ledger.commit")]
    if len(commit) != 1:
        raise RuntimeError("no commit button: the preview did not accept the file")
    commit[0].click()
    committed = run_timed(app)
    if not app.success:  # the page confirms a commit with its one success notice
        raise RuntimeError("the commit did not report success")
    return {"preview": preview, "commit": committed}


def main(argv: list[str] | None = None) -> int:
    """Print the two timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_upload_") as tmp:
        url = staff_store(Path(tmp))
        data = workbook_bytes(generated_rows(demo_rows(url), args.rows))
        dispose_engines()
        freeze_app_heap()  # as the server does at start (startup.py); the workbook's cycles go
        times = upload_and_commit(url, data)
        dispose_engines()
    total = times["preview"] + times["commit"]
    print(f"上传页面 / upload page, {args.rows:,} new problems (SQLite, AppTest)")
    print(f"upload → preview {times['preview']:.2f}s  commit → done {times['commit']:.2f}s")
    print(f"total {total:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
