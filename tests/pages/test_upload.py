"""AppTest: upload → preview → commit on the upload page, then undo on the import history page."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.models import ImportBatch
from tests.support.ledger_files import PROBLEMS, problem_records, sheet
from tests.support.ledger_formats import xls_bytes
from tests.support.stored import HISTORY_TABLES, SIGN_IN_TABLES, dump_tables
from tests.support.upload_page import IMPORTS_PAGE, UPLOAD_PAGE, button, metrics, open_page, upload
from tests.support.workbooks import (
    PROBLEMS_SHEET,
    copy_row,
    edit_workbook,
    export_ledger,
    headers,
    open_problem_codes,
    rectify,
    row_of,
    set_cells,
)


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

    before = dump_tables(app_engine, skip=SIGN_IN_TABLES)
    app = upload(open_page(UPLOAD_PAGE), "有误.xlsx", edit_workbook(export_ledger(app_engine), bad))
    errors = app.dataframe[2].value  # headline, counts, then the 有误 tab
    assert set(errors["值"]) == {"火星镇", "<b>差不多</b>"}
    assert set(errors["行号"]) == {2}
    assert any("未写入任何数据" in e.value for e in app.error)
    assert not [b for b in app.button if b.label == "确认导入"]
    assert dump_tables(app_engine, skip=SIGN_IN_TABLES) == before


def test_a_refused_file_is_named_and_nothing_written(app_engine: Engine) -> None:
    before = dump_tables(app_engine, skip=SIGN_IN_TABLES)
    app = upload(open_page(UPLOAD_PAGE), "setup.xlsx", b"MZ\x90\x00" + b"\x00" * 256)
    assert any("文件被拒绝" in e.value for e in app.error)
    assert app.text  # the reason, as plain text
    assert dump_tables(app_engine, skip=SIGN_IN_TABLES) == before


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


def test_an_xls_ledger_is_accepted_and_previewed(app_engine: Engine) -> None:
    before = dump_tables(app_engine, skip=HISTORY_TABLES)
    app = open_page(UPLOAD_PAGE)
    assert ".xls" in app.file_uploader[0].proto.type and "xls、" in app.file_uploader[0].label
    data = xls_bytes(sheet(PROBLEMS.name, problem_records(6)))
    app.file_uploader[0].upload("第11周.xls", data, "application/vnd.ms-excel")
    app.run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    shown = metrics(app)
    assert (shown["新增（行）"], shown["变更（行）"], shown["有误（行）"]) == ("6", "0", "0")
    assert button(app, "确认导入")
    assert dump_tables(app_engine, skip=HISTORY_TABLES) == before


def test_blank_cells_keep_stored_values_until_the_box_is_ticked(app_engine: Engine) -> None:
    code = open_problem_codes(app_engine, 1)[0]

    def blank(workbook) -> None:
        """Blank two filled cells of one problem."""
        sheet = workbook[PROBLEMS_SHEET]
        row = row_of(sheet, code)
        for header in ("责任单位", "整改措施"):
            cell = sheet.cell(row, headers(sheet)[header])
            assert cell.value
            cell.value = None

    data = edit_workbook(export_ledger(app_engine), blank)
    app = upload(open_page(UPLOAD_PAGE), "空白.xlsx", data)
    assert metrics(app)["变更（行）"] == "0"
    assert any("2 个空白单元格" in info.value and "保留" in info.value for info in app.info)
    [box] = [c for c in app.checkbox if c.label == "清空空白单元格对应的原有内容"]
    box.check()
    app.run()
    assert not app.exception, app.exception
    assert metrics(app)["变更（行）"] == "1"
    assert any("将清空" in info.value for info in app.info)
