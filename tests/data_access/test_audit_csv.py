"""The audit log's CSV download: local times, Chinese headers, formula-safe text."""

from __future__ import annotations

import csv
import io

from sqlalchemy.engine import Engine

from data_access.audit import audit_events_csv, list_audit_events, record_event
from data_access.db import session_scope


def test_csv_escapes_typed_in_text_and_keeps_every_event(empty_engine: Engine) -> None:
    """A username typed as a formula stays text; each event is one row."""
    with session_scope(empty_engine, write=True) as session:
        record_event(session=session, actor="=HYPERLINK(1)", action="sign_in_failure")
        record_event(session=session, actor="admin", action="download", target="a.csv")
    with session_scope(empty_engine) as session:
        events = list_audit_events(session=session)
    data = audit_events_csv(events)
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["操作人"] for row in rows] == ["admin", "'=HYPERLINK(1)"]
    assert [row["操作"] for row in rows] == ["下载", "登录失败"]
    assert all(len(row["时间"]) == len("2026-01-01 00:00:00") for row in rows)
