"""往期简报 in the app: one entry per upload day, any past day, two days side by side."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy.engine import Engine

from components.briefing_archive import entry_label
from data_access.audit import list_audit_events
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.formatting import format_date, format_int
from data_access.ingest.undo import revert_batch
from data_access.queries import fetch_headline
from data_access.upload_days import fetch_upload_days
from tests.support.app_content import file_text
from tests.support.live_files import commit_file, commit_weekly, weekly_file
from tests.support.signin import create_test_users, open_app

OVERVIEW, MEETING = "pages/overview.py", "pages/meeting.py"
ARCHIVE = "briefing_archive"  # the expander's key
PAST_DAY = date(2018, 7, 16)

pytestmark = pytest.mark.slow  # each test commits weekly files, then renders and briefs


@pytest.fixture
def archive_engine(
    monkeypatch: pytest.MonkeyPatch, writable_seeded_engine: Engine, tmp_path: Path
) -> Engine:
    """The demo store with one committed upload and one undone, as the app's store."""
    st.cache_data.clear()  # scratch databases are reused within the test session
    create_test_users(writable_seeded_engine, ("viewer",))
    commit_weekly(writable_seeded_engine, tmp_path)
    undone = weekly_file(writable_seeded_engine, tmp_path / "撤销的台账.xlsx", first_code=960)
    batch_id = commit_file(writable_seeded_engine, undone)
    revert_batch(batch_id, engine=writable_seeded_engine, actor="admin")
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    return writable_seeded_engine


def open_archive(lang: str = "zh"):
    """The overview for the viewer (a leader) with 往期简报 opened."""
    app = open_app("viewer", OVERVIEW, {"lang": lang} if lang != "zh" else None)
    assert not app.exception
    app.session_state[ARCHIVE] = True
    app.run()
    assert not app.exception
    return app


def archive_buttons(app) -> list[str]:
    """The keys of the archive's download buttons."""
    return [b.key for b in app.get("download_button") if b.key.startswith(f"briefing_{ARCHIVE}")]


def rectified(engine: Engine, day: date) -> str:
    """The 整改完成 figure as of day, as the app writes it."""
    with session_scope(engine) as session:
        return format_int(fetch_headline(session=session, flt=Filter(as_of=day)).problems_rectified)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_archive_lists_upload_days_and_briefs_any_day(archive_engine, downloads) -> None:
    """Closed, it runs nothing; open, one row a day (the undone upload's file not named),
    a PDF and a Word button each; a picked day gets its own; a download is audited and is
    the briefing as of that day."""
    closed = open_app("viewer", OVERVIEW)
    assert "往期简报" in [e.label for e in closed.expander]
    assert archive_buttons(closed) == []
    app = open_archive()
    with session_scope(archive_engine) as session:
        days = fetch_upload_days(session=session)
    rows = [text.value for text in app.text]
    assert rows == [entry_label(entry) for entry in days]
    assert "第10周台账.xlsx" in " ".join(rows)
    assert "撤销的台账.xlsx" not in " ".join(rows)
    assert len(archive_buttons(app)) == 2 * len(days)
    app.date_input(key=f"{ARCHIVE}_other").set_value(PAST_DAY).run()
    assert "2018-07-16　所选日期" in [text.value for text in app.text]
    title = "巡察整改情况简报（截至 2018-07-16）"
    files = sorted(name for name in downloads if name.startswith(title))
    assert [name.rsplit(".", 1)[1] for name in files] == ["docx", "pdf"]
    docx = files[0]
    assert "数据截至：2018-07-16" in file_text(docx, downloads[docx]())
    with session_scope(archive_engine) as session:
        audited = list_audit_events(session=session, actor="viewer")
    assert (audited["target"] == docx).any()
    assert audited.loc[audited["target"] == docx, "detail"].str.contains("asof=2018-07-16").all()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_two_days_side_by_side(archive_engine) -> None:
    """The toggle puts the headline figures of the upload day and a picked day next to each
    other, earlier first, each the as-of figure; in English too."""
    app = open_archive()
    app.date_input(key=f"{ARCHIVE}_other").set_value(PAST_DAY).run()
    app.toggle(key=f"{ARCHIVE}_compare").set_value(True).run()
    assert not app.exception
    figures = app.dataframe[0].value.set_index("指标")
    with session_scope(archive_engine) as session:
        [latest] = [entry.day for entry in fetch_upload_days(session=session)][:1]
    assert list(figures.columns) == ["2018-07-16", format_date(latest)]
    assert figures.loc["整改完成"].tolist() == [
        rectified(archive_engine, PAST_DAY),
        rectified(archive_engine, latest),
    ]
    english = open_archive("en")
    assert "Past briefings" in [e.label for e in english.expander]
    assert any(c.value.startswith("One per upload day") for c in english.caption)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_meeting_menu_offers_a_past_days_briefing(archive_engine) -> None:
    """会议模式's menu: choose an upload day, get the path's briefing as of it."""
    app = open_app("viewer", MEETING)
    picker = app.selectbox(key="meeting_archive")
    assert picker.value is None
    assert not [b for b in app.get("download_button") if b.key.startswith("briefing_meeting_arch")]
    picker.select_index(0).run()
    assert not app.exception
    keys = [b.key for b in app.get("download_button")]
    assert {"briefing_meeting_archive_pdf", "briefing_meeting_archive_docx"} <= set(keys)
