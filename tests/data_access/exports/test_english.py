"""Exports under an English UI: briefings and tables in English, the ledger workbook Chinese.

Data values (township names, problem texts) stay as stored; the ledger/regions workbook is
the import interchange format and is written in Chinese whatever the UI language.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import UTC, datetime

import docx
import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader
from sqlalchemy.engine import Engine

from components.briefing import BriefingRequest, assemble_briefing
from data_access.db import session_scope
from data_access.exports.briefing import Briefing, BriefingKpi, BriefingSection
from data_access.exports.docx import write_briefing_docx
from data_access.exports.fonts import CjkFontMissingError, find_cjk_font
from data_access.exports.ledger import write_ledger_workbook, write_regions_workbook
from data_access.exports.pdf import write_briefing_pdf
from data_access.exports.tables import (
    TableExport,
    sheet_name,
    table_export,
    write_table_csv,
    write_table_xlsx,
)
from data_access.filters import Filter
from data_access.ingest.columns import INSTRUCTIONS_SHEET, REGIONS, SHEETS
from data_access.meeting.paths import default_meeting_path
from i18n import get_language, t_in, use_language

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
GENERATED_AT = datetime(2018, 9, 1, 1, 30, tzinfo=UTC)  # 09:30 in the office
TOWNSHIP, PROBLEM = "枞阳镇", "资金管理不规范"  # data values: stay Chinese in English files
DATA_VALUES = (TOWNSHIP, PROBLEM)


def english_briefing() -> Briefing:
    """A briefing as an English page would assemble it, with Chinese data values."""
    overdue = TableExport(
        title="Overdue problems",
        headers=["Township", "Problem", "Overdue"],
        rows=[[TOWNSHIP, PROBLEM, True]],
    )
    leads = TableExport(title="Leads", headers=["Township"], rows=[])
    section = BriefingSection(
        heading="Overdue problems",
        filters=(f"Township: {TOWNSHIP}",),
        kpis=(BriefingKpi("Problems", "414"), BriefingKpi("Rectified", "381")),
        tables=(overdue, leads),
    )
    return Briefing(
        title="Inspection rectification briefing",
        as_of="2018-08-31",
        generated_at=GENERATED_AT,
        filters=(),
        kpis=(BriefingKpi("Problems", "414", "All problems found"),),
        sections=(section,),
        notices=("Demo data",),
    )


def without_data(text: str) -> str:
    """text with the data values taken out (what is left must be English)."""
    for value in DATA_VALUES:
        text = text.replace(value, "")
    return text


def test_briefing_texts_follow_the_language() -> None:
    """Headings numbered 1. 2.; as-of, generation time and filters in English."""
    briefing = english_briefing()
    with use_language("en"):
        assert briefing.numbered_headings() == ["1. Key figures", "2. Overdue problems"]
        assert briefing.info_lines() == [
            "Data as of: 2018-08-31",
            "Generated: 2018-09-01 09:30",
            "Filters: All (no filter)",
        ]
    assert briefing.numbered_headings()[0] == "一、主要指标"  # Chinese stays the default
    assert briefing.info_lines()[2] == "筛选条件：全部（未筛选）"


def test_english_pdf_has_english_texts_and_keeps_the_cjk_font() -> None:
    """The PDF's own texts are English; the data keeps its Chinese, drawn by the embedded font."""
    with use_language("en"):
        data = write_briefing_pdf(english_briefing())
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in [
        "Inspection rectification briefing",
        "1. Key figures",
        "2. Overdue problems",
        "Indicator",
        "Generated: 2018-09-01 09:30",
        f"Filters: Township: {TOWNSHIP}",
        "Problems 414; Rectified 381",
        "Overdue problems (rows: 1)",
        "Leads (rows: 0)",
        "None.",
        "Page 1 of 1",
        *DATA_VALUES,
    ]:
        assert expected in text, expected
    assert not CJK.search(without_data(text)), without_data(text)
    assert reader.metadata.author == "Inspection rectification dashboard"
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    descriptors = [font["/DescendantFonts"][0].get_object()["/FontDescriptor"] for font in fonts]
    assert descriptors and all("/FontFile2" in descriptor for descriptor in descriptors)


def test_english_docx_has_english_texts() -> None:
    """Title block, KPI headers, table headings and the empty table's line in English."""
    with use_language("en"):
        document = docx.Document(io.BytesIO(write_briefing_docx(english_briefing())))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert paragraphs[0] == "Inspection rectification briefing"
    for expected in ["Data as of: 2018-08-31", "1. Key figures", "Overdue problems (rows: 1)"]:
        assert expected in paragraphs, expected
    assert "None." in paragraphs and "Problems 414; Rectified 381" in paragraphs
    assert cells[:4] == ["Indicator", "Value", "Change", "Note"]
    assert TOWNSHIP in cells and PROBLEM in cells
    assert not CJK.search(without_data("\n".join(paragraphs + cells)))
    assert document.core_properties.language == "en"


def test_assembled_briefing_in_english_has_english_headings(seeded_engine: Engine) -> None:
    """The default path's briefing built under an English UI: English headings and lines."""
    with use_language("en"), session_scope(seeded_engine) as session:
        steps = default_meeting_path(session=session, flt=Filter()).steps
        request = BriefingRequest(
            title="Inspection rectification briefing",
            steps=steps,
            step_filters=tuple(() for _ in steps),
            role="uploader",
            as_of="2018-08-31",
            generated_at=GENERATED_AT,
            notices=(),
        )
        briefing = assemble_briefing(request, session=session)
        headings = briefing.numbered_headings()
        lines = briefing.info_lines()
    assert headings[:2] == ["1. Key figures", "2. Rectification overview"]
    assert headings[2].startswith("3. Townships with the lowest completion rate (bottom 3)")
    assert not any(CJK.search(line) for line in [*headings, *lines])


def test_table_export_header_block_in_english() -> None:
    """CSV/XLSX header block, yes/no cells and the fallback sheet name follow the language."""
    frame = pd.DataFrame({"town": [TOWNSHIP, TOWNSHIP], "overdue": [True, False]})
    with use_language("en"):
        table = table_export(
            frame,
            {"town": "Township", "overdue": "Overdue"},
            title="Overdue problems",
            exported_at=datetime(2018, 8, 31, 2, 0, tzinfo=UTC),
        )
        rows = list(csv.reader(io.StringIO(write_table_csv(table).decode("utf-8-sig"))))
        assert sheet_name("???") == "___" and sheet_name("  ") == "Export"
        about = openpyxl.load_workbook(io.BytesIO(write_table_xlsx(table)))["About"]
    assert [row[0] for row in about.iter_rows(values_only=True)] == [
        "Overdue problems",
        "Filters: All (no filter)",
        "Exported: 2018-08-31 10:00",  # the office's clock (UTC+8)
    ]
    assert rows == [["Township", "Overdue"], [TOWNSHIP, "Yes"], [TOWNSHIP, "No"]]
    assert sheet_name("  ") == "导出"


def test_missing_font_error_in_english() -> None:
    """The missing-font error says what to install, in the UI language."""
    with use_language("en"), pytest.raises(CjkFontMissingError) as caught:
        find_cjk_font(["/nonexistent/font.ttc"], use_fontconfig=False)
    assert str(caught.value).startswith("No Chinese font was found")
    assert "fonts-wqy-microhei" in str(caught.value)


def xml_parts(data: bytes) -> dict[str, bytes]:
    """An xlsx's parts, without docProps (which hold the creation time)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist() if "docProps" not in name}


def test_ledger_workbook_stays_chinese_under_an_english_ui(seeded_engine: Engine) -> None:
    """An English UI writes the very same Chinese workbook: headers, notes, drop-downs."""
    with session_scope(seeded_engine) as session:
        chinese = write_ledger_workbook(session=session)
        with use_language("en"):
            english = write_ledger_workbook(session=session)
            english_template = write_ledger_workbook(session=session, empty=True)
            english_regions = write_regions_workbook(session=session)
            assert get_language() == "en"  # the workbook's language does not leak out
        assert xml_parts(english) == xml_parts(chinese)
        chinese_template = write_ledger_workbook(session=session, empty=True)
        assert xml_parts(english_template) == xml_parts(chinese_template)
        assert xml_parts(english_regions) == xml_parts(write_regions_workbook(session=session))
    workbook = openpyxl.load_workbook(io.BytesIO(english))
    for spec in SHEETS:
        assert [cell.value for cell in workbook[spec.name][1]] == spec.headers
    notes = workbook[INSTRUCTIONS_SHEET]
    assert notes["A1"].value == t_in("zh", "exports.template.intro")
    assert notes["A1"].value.startswith("整改台账导入模板：")
    assert [cell.value for cell in notes[3]] == ["工作表", "列名", "是否必填", "填写说明", "可选值"]
    written = [str(row[3].value) for row in notes.iter_rows(min_row=4)]
    assert (
        "日期：如 2018-06-08；也可写 2018/6/8、2018.6.8、2018年6月8日，或用 Excel 日期格式"
        in written
    )
    assert any(note.endswith("；留空则取本轮巡察反馈日期") for note in written)
    validations = workbook[SHEETS[0].name].data_validations.dataValidation
    assert validations and all(v.errorTitle == "不在可选值中" for v in validations)
    regions = openpyxl.load_workbook(io.BytesIO(english_regions))
    assert [cell.value for cell in regions[REGIONS.name][1]] == REGIONS.headers
    assert regions[INSTRUCTIONS_SHEET]["A1"].value.startswith("行政区划导入模板：")
