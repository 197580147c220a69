"""AppTest: upload → preview → commit on the upload page, then undo on the import history page."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import select
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from data_access.db import session_scope
from data_access.models import ImportBatch
from tests.ingest_apply.stored import HISTORY_TABLES, dump_tables
from tests.ingest_apply.workbooks import (
    PROBLEMS_SHEET,
    copy_row,
    edit_workbook,
    export_ledger,
    open_problem_codes,
    rectify,
    row_of,
    set_cells,
)
from tests.signin import create_test_users, sign_in

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
UPLOAD_PAGE, IMPORTS_PAGE = "app_pages/upload.py", "app_pages/imports.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TIMEOUT_SECONDS = 90


@pytest.fixture
def app_engine(writable_seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The writable demo store with test accounts, as the app's DATABASE_URL."""
    create_test_users(writable_seeded_engine, ("uploader",))
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()  # scratch databases are reused within a test session
    return writable_seeded_engine


def open_page(page: str, username: str = "uploader") -> AppTest:
    """The dashboard signed in as username, switched to page."""
    app = AppTest.from_file(str(DASHBOARD), default_timeout=TIMEOUT_SECONDS)
    sign_in(app, username)
    app.run()
    app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    return app


def weekly_file(engine: Engine) -> bytes:
    """The exported ledger with one problem rectified, one amount changed, one problem added."""
    codes = open_problem_codes(engine, 2)

    def edit(workbook) -> None:
        """Rectify one problem, change an amount, add a problem."""
        sheet = workbook[PROBLEMS_SHEET]
        rectify(sheet, codes[0])
        set_cells(sheet, row_of(sheet, codes[1]), {"挽回损失(元)": 8800})
        copy_row(sheet, row_of(sheet, codes[0]), {"问题编号": "ZY2018-950"})

    return edit_workbook(export_ledger(engine), edit)


def metrics(app: AppTest) -> dict[str, str]:
    """The metric cards: label -> value."""
    return {metric.label: metric.value for metric in app.metric}


def button(app: AppTest, label: str):
    """The one button with this label."""
    found = [b for b in app.button if b.label == label]
    assert len(found) == 1, [b.label for b in app.button]
    return found[0]


def upload(app: AppTest, name: str, data: bytes) -> AppTest:
    """Put a file into the page's uploader and rerun."""
    app.file_uploader[0].upload(name, data, XLSX)
    app.run()
    assert not app.exception, app.exception
    return app


def test_upload_preview_commit_then_undo(app_engine: Engine) -> None:
    before = dump_tables(app_engine, skip=HISTORY_TABLES)
    app = upload(open_page(UPLOAD_PAGE), "第10周.xlsx", weekly_file(app_engine))
    shown = metrics(app)
    assert (shown["新增（行）"], shown["变更（行）"], shown["有误（行）"]) == ("1", "2", "0")
    headline = app.dataframe[0].value.set_index("指标")
    assert headline.loc["问题总数"].tolist() == ["414", "415"]
    assert headline.loc["完成率", "导入后"] == "92.3%"
    assert dump_tables(app_engine, skip=HISTORY_TABLES) == before  # a preview writes nothing

    button(app, "确认导入").click()
    app.run()
    assert not app.exception, app.exception
    assert any("已导入（第" in s.value for s in app.success)
    with session_scope(app_engine) as session:
        batch = session.scalars(select(ImportBatch).where(ImportBatch.kind == "ledger")).one()
    assert (batch.file_name, batch.uploader) == ("第10周.xlsx", "uploader")
    assert dump_tables(app_engine, skip=HISTORY_TABLES) != before

    history = open_page(IMPORTS_PAGE)
    assert history.dataframe[0].value["文件"].tolist()[0] == "第10周.xlsx"
    button(history, "撤销").click()
    history.run()
    button(history, "确认撤销").click()
    history.run()
    assert not history.exception, history.exception
    assert any(f"已撤销第 {batch.id} 批" in s.value for s in history.success)
    assert dump_tables(app_engine, skip=HISTORY_TABLES) == before


def test_a_file_with_errors_shows_them_and_offers_no_commit(app_engine: Engine) -> None:
    def bad(workbook) -> None:
        """An unknown township and an unreadable status in row 2."""
        sheet = workbook[PROBLEMS_SHEET]
        set_cells(sheet, 2, {"乡镇": "火星镇", "整改状态": "<b>差不多</b>"})

    before = dump_tables(app_engine)
    app = upload(open_page(UPLOAD_PAGE), "有误.xlsx", edit_workbook(export_ledger(app_engine), bad))
    errors = app.dataframe[2].value  # headline, counts, then the 有误 tab
    assert set(errors["值"]) == {"火星镇", "<b>差不多</b>"}
    assert set(errors["行号"]) == {2}
    assert any("未写入任何数据" in e.value for e in app.error)
    assert not [b for b in app.button if b.label == "确认导入"]
    assert dump_tables(app_engine) == before


def test_a_refused_file_is_named_and_nothing_written(app_engine: Engine) -> None:
    before = dump_tables(app_engine)
    app = upload(open_page(UPLOAD_PAGE), "setup.xlsx", b"MZ\x90\x00" + b"\x00" * 256)
    assert any("文件被拒绝" in e.value for e in app.error)
    assert app.text  # the reason, as plain text
    assert dump_tables(app_engine) == before


def test_a_blocked_undo_names_the_later_batch(app_engine: Engine) -> None:
    first = weekly_file(app_engine)
    app = upload(open_page(UPLOAD_PAGE), "第一周.xlsx", first)
    button(app, "确认导入").click()
    app.run()

    def later(workbook) -> None:
        """Change the problem the first batch added."""
        sheet = workbook[PROBLEMS_SHEET]
        set_cells(sheet, row_of(sheet, "ZY2018-950"), {"完善制度数": 3})

    app = upload(
        open_page(UPLOAD_PAGE), "第二周.xlsx", edit_workbook(export_ledger(app_engine), later)
    )
    button(app, "确认导入").click()
    app.run()
    history = open_page(IMPORTS_PAGE)
    first_batch = history.dataframe[0].value["批次"].tolist()[1]
    history.button(key=f"undo_{first_batch}").click()
    history.run()
    assert any("请先撤销" in e.value for e in history.error)
    assert not [b for b in history.button if b.label == "确认撤销"]
