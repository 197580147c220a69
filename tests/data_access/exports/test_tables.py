"""Table exports (CSV with BOM, XLSX), chart images and the projector variant of charts."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import pandas as pd
import pytest
import vl_convert
from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from charts import images
from charts.accountability import monthly_forms_chart
from charts.funds import recovered_by_month_chart
from charts.images import chart_png, chart_spec, chart_svg, clear_kept_images, warm_up_images
from charts.meeting import FONT_SCALE, PROJECTOR_COLOURS, high_contrast_spec
from charts.overview import completion_by_township_chart
from components.ledger_tables import ledger_columns
from components.view_parts import column_labels, number_formats
from data_access.db import session_scope
from data_access.exports.fonts import (
    CjkFontMissingError,
    find_cjk_font,
    missing_font_message,
)
from data_access.exports.tables import (
    csv_file_stem,
    sheet_name,
    table_export,
    write_table_csv,
    write_table_xlsx,
)
from data_access.filters import Filter
from data_access.queries import (
    fetch_accountability_by_month,
    fetch_completion_by_township,
    fetch_dual_check_pairs,
    fetch_recovered_by_month,
)

BOM = b"\xef\xbb\xbf"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# text cell -> what a spreadsheet must receive (a leading apostrophe before a trigger)
ESCAPES = {
    "=1+1": "'=1+1",
    "+8613800000000": "'+8613800000000",
    "-减少": "'-减少",
    "@SUM(A1)": "'@SUM(A1)",
    "\tTAB": "'\tTAB",
    "\rCR": "'\rCR",
    "正常文字": "正常文字",
    "1-2": "1-2",  # a trigger inside the text is harmless
}
NUMBERS = [-5, -3.5, 0, 1_170_128]
COLUMNS = {"text": "文字", "number": "数值", "day": "日期", "flag": "逾期"}
FILTERS = ["乡镇：枞阳镇、藕山镇", "整改状态：已逾期"]


def sample_frame() -> pd.DataFrame:
    """One row per escape case, negative numbers among the values, a date and a flag."""
    texts = list(ESCAPES)
    numbers = (NUMBERS * len(texts))[: len(texts)]
    return pd.DataFrame(
        {
            "text": texts,
            "number": numbers,
            "day": [date(2018, 8, 7)] * len(texts),
            "flag": [True, False] * (len(texts) // 2),
            "ignored": ["not exported"] * len(texts),
        }
    )


def sample_table():
    """The sample frame as a TableExport with a filter header."""
    return table_export(
        sample_frame(),
        COLUMNS,
        title="逾期问题清单",
        filters=FILTERS,
        notes=["演示数据"],
        exported_at=datetime(2018, 8, 31, 2, 0, tzinfo=UTC),
    )


def csv_rows(data: bytes) -> list[list[str]]:
    """The CSV's rows, read as Excel would (BOM stripped)."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_starts_with_bom_and_the_header_row() -> None:
    """BOM, then the Chinese header as the first row: pandas.read_csv reads it as it is."""
    data = write_table_csv(sample_table())
    assert data.startswith(BOM)
    assert csv_rows(data)[0] == ["文字", "数值", "日期", "逾期"]
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(frame.columns) == list(COLUMNS.values())
    assert len(frame) == len(ESCAPES)
    assert frame["数值"].tolist()[:4] == NUMBERS
    assert set(frame["日期"]) == {"2018-08-07"}


def test_csv_file_name_carries_filters_who_and_when() -> None:
    """The CSV's context (no room in the file) goes to its name, in the office's time."""
    moment = datetime(2018, 8, 31, 2, 0, tzinfo=UTC)
    stem = csv_file_stem("逾期问题清单", ["乡镇：枞阳镇、藕山镇"], "li.si", moment)
    assert stem == "逾期问题清单_乡镇-枞阳镇、藕山镇_li.si_20180831-1000"
    assert csv_file_stem("问题清单", [], "admin", moment) == "问题清单_全部_admin_20180831-1000"
    long = csv_file_stem("问题清单", ["村：" + "很长的村名" * 60], "admin", moment)
    assert len(long) <= 150 and long.endswith("_admin_20180831-1000")
    assert "/" not in csv_file_stem("a/b", ["x: y/z"], "u", moment)


def test_csv_escapes_formula_text_and_keeps_numbers() -> None:
    """Text with = + - @ tab CR gets an apostrophe; negative numbers stay plain numbers."""
    body = csv_rows(write_table_csv(sample_table()))[1:]
    assert [row[0] for row in body] == list(ESCAPES.values())
    numbers = [row[1] for row in body]
    assert [float(value) for value in numbers[:4]] == NUMBERS  # "-5.0": a number, no apostrophe
    assert not any(value.startswith("'") for value in numbers)
    assert {row[2] for row in body} == {"2018-08-07"}
    assert {row[3] for row in body} == {"是", "否"}


def test_xlsx_keeps_types_and_never_writes_a_formula() -> None:
    """Header on row 1, the context on a second sheet; escaped strings, numbers, real dates."""
    data = write_table_xlsx(sample_table())
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    assert sheet.title == "逾期问题清单"
    about = [row[0] for row in book["说明"].iter_rows(values_only=True)]
    assert about == [
        "逾期问题清单",
        "筛选条件：乡镇：枞阳镇、藕山镇；整改状态：已逾期",
        "导出时间：2018-08-31 10:00",  # the office's clock (UTC+8)
        "演示数据",
    ]
    frame = pd.read_excel(io.BytesIO(data))  # the first sheet, its first row the header
    assert list(frame.columns) == list(COLUMNS.values()) and len(frame) == len(ESCAPES)
    header_row = 1
    assert [cell.value for cell in sheet[header_row]] == list(COLUMNS.values())
    body = list(sheet.iter_rows(min_row=header_row + 1))
    # xlsx stores a carriage return as _x000D_ (Excel shows it as CR again)
    texts = [row[0].value.replace("_x000D_", "\r") for row in body]
    assert texts == list(ESCAPES.values())
    assert all(row[0].data_type == "s" for row in body)  # never "f" (a formula)
    assert [row[1].value for row in body[:4]] == NUMBERS
    assert all(row[1].data_type == "n" for row in body)
    assert body[0][2].value == datetime(2018, 8, 7)
    assert sheet.freeze_panes == f"A{header_row + 1}"


def test_empty_filter_says_so() -> None:
    """No filters: the 说明 sheet says 全部（未筛选）; an empty table still has its header."""
    table = table_export(sample_frame().head(0), COLUMNS, title="空表")
    assert csv_rows(write_table_csv(table)) == [list(COLUMNS.values())]
    about = load_workbook(io.BytesIO(write_table_xlsx(table)))["说明"]
    assert about["A2"].value == "筛选条件：全部（未筛选）"


def test_sheet_names_are_valid() -> None:
    """Characters Excel refuses are replaced; at most 31 characters."""
    assert sheet_name("问题[1]/2:*?") == "问题_1__2___"
    assert len(sheet_name("很" * 40)) == 31


@pytest.mark.parametrize(
    ("role", "masked"), [("viewer", True), ("uploader", False), ("admin", False)]
)
def test_names_stay_masked_for_roles_without_full_names(
    seeded_engine: Engine, role: str, masked: bool
) -> None:
    """一案双查 exports: masked for a viewer even when given full names; full for staff."""
    with session_scope(seeded_engine) as session:
        shown = fetch_dual_check_pairs(session=session, flt=Filter(), role=role)
        full = fetch_dual_check_pairs(session=session, flt=Filter(), role="admin")
    names = ("direct_name", "leader_name")
    headers = {"problem_code": "问题编号", "direct_name": "直接责任人", "leader_name": "领导责任人"}
    for source in (shown, full):  # an unmasked frame must not leak through the writer either
        table = table_export(source, headers, title="一案双查", role=role, name_columns=names)
        written = csv_rows(write_table_csv(table))[1:]
        people = {name for row in written for name in row[1:]}
        assert people
        assert all(name.endswith("*") for name in people) is masked
        assert any(name in set(full["direct_name"]) for name in people) is not masked


def test_column_labels_and_formats_from_page_columns() -> None:
    """Headers and number formats come from the pages' st.column_config."""
    labels = column_labels(ledger_columns())
    assert labels["code"] == "问题编号" and labels["recovered_yuan"] == "挽回损失（元）"
    config = {"rate": {"label": "完成率", "type_config": {"format": "percent"}}}
    config["wan"] = {"label": "万元", "type_config": {"format": "%.4f"}}
    assert number_formats(config) == {"rate": "0.0%", "wan": "0.0000"}


def test_month_charts_serialise_and_draw(seeded_engine: Engine) -> None:
    """The monthly charts hold no Python dates: JSON works, and they draw as PNG."""
    with session_scope(seeded_engine) as session:
        people = fetch_accountability_by_month(session=session, flt=Filter())
        money = fetch_recovered_by_month(session=session, flt=Filter())
    for chart in (monthly_forms_chart(people), recovered_by_month_chart(money)):
        json.dumps(chart.to_dict())
        assert chart_png(chart, caption=["筛选条件：全部（未筛选）"]).startswith(PNG_MAGIC)


def township_chart(engine: Engine):
    """The overview's township chart on the demo data."""
    with session_scope(engine) as session:
        return completion_by_township_chart(
            fetch_completion_by_township(session=session, flt=Filter())
        )


@pytest.mark.parametrize("backend", ["sqlite"])
def test_chart_image_has_title_and_caption(seeded_engine: Engine) -> None:
    """The image spec keeps title and subtitle, adds the caption lines and a fixed width."""
    chart = township_chart(seeded_engine)
    spec = chart_spec(chart, caption=["筛选条件：乡镇：枞阳镇", "数据截至：2018-08-31"])
    assert spec["title"]["text"] == "各乡镇整改完成情况"
    assert spec["title"]["subtitle"][-2:] == ["筛选条件：乡镇：枞阳镇", "数据截至：2018-08-31"]
    assert isinstance(spec["width"], int)
    assert spec["config"]["font"].startswith(find_cjk_font().family)
    svg = chart_svg(chart, caption=["筛选条件：乡镇：枞阳镇"]).decode("utf-8")
    assert svg.startswith("<svg") and "各乡镇整改完成情况" in svg and "筛选条件" in svg


@pytest.mark.parametrize("backend", ["sqlite"])
def test_chart_images_are_kept_by_their_spec(
    seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same chart, caption and data draw once; other data or another caption draw anew."""
    drawn: list[str] = []
    draw = vl_convert.vegalite_to_png

    def counted(spec, **options) -> bytes:
        drawn.append(spec)
        return draw(spec, **options)

    monkeypatch.setattr(vl_convert, "vegalite_to_png", counted)
    clear_kept_images()
    chart = township_chart(seeded_engine)
    first = chart_png(chart, caption=["数据截至：2018-08-31"])
    assert chart_png(township_chart(seeded_engine), caption=["数据截至：2018-08-31"]) == first
    assert len(drawn) == 1
    assert chart_png(chart, caption=["数据截至：2018-09-30"]) != first
    with session_scope(seeded_engine) as session:  # new data: one township fewer
        rows = fetch_completion_by_township(session=session, flt=Filter()).iloc[1:]
    chart_png(completion_by_township_chart(rows), caption=["数据截至：2018-08-31"])
    assert len(drawn) == 3
    clear_kept_images()


def test_warm_up_survives_a_missing_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server's warm-up never fails its thread: no CJK font is reported by the first image."""

    def no_font() -> str:
        raise CjkFontMissingError

    monkeypatch.setattr(images, "register_chart_fonts", no_font)
    warm_up_images()  # logs, does not raise
    with pytest.raises(CjkFontMissingError):
        chart_png({"mark": "point"})


@pytest.mark.parametrize("backend", ["sqlite"])
def test_projector_variant_is_larger_and_darker(seeded_engine: Engine) -> None:
    """Fonts FONT_SCALE larger, pale colours darkened, the data untouched."""
    chart = township_chart(seeded_engine)
    plain, projector = chart.to_dict(), high_contrast_spec(chart)
    assert projector["datasets"] == plain["datasets"]
    size = plain["config"]["axis"]["labelFontSize"]
    assert projector["config"]["axis"]["labelFontSize"] == round(size * FONT_SCALE)
    text = json.dumps(projector).lower()
    assert not any(pale in text for pale in PROJECTOR_COLOURS)
    assert "#558b2f" in text  # 基本完成, darker


def test_cjk_font_found_and_missing() -> None:
    """Debian's WenQuanYi is found; with no candidate the error says what to install."""
    font = find_cjk_font()
    assert font.path.is_file() and font.family
    with pytest.raises(CjkFontMissingError) as caught:
        find_cjk_font(["/nonexistent/font.ttc", "/etc/hostname"], use_fontconfig=False)
    assert str(caught.value) == missing_font_message()
    assert "中文字体" in missing_font_message()
