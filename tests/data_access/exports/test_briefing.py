"""The briefing: assembled from the demo data, written as PDF (fonts embedded) and DOCX."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest
from fontTools.ttLib import TTCollection
from pypdf import PdfReader
from sqlalchemy.engine import Engine

from components.briefing import BriefingRequest, assemble_briefing, briefing_title
from components.downloads import masked_note
from components.frame import demo_notice
from data_access.db import session_scope
from data_access.exports.briefing import (
    Briefing,
    chinese_number,
    figures_line,
    kpi_headers,
    kpi_rows,
)
from data_access.exports.docx import BODY_FONT, write_briefing_docx
from data_access.exports.fonts import find_cjk_font
from data_access.exports.pdf import write_briefing_pdf
from data_access.filters import Filter
from data_access.formatting import format_change
from data_access.meeting.paths import Step, default_meeting_path
from data_access.queries import fetch_headline, list_townships
from data_access.settings import PROJECT_ROOT
from tests.support.notice_figures import normalised
from tests.support.published_figures import PUBLISHED_AS_OF, PUBLISHED_SENTENCE

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
AS_OF = "2018-08-31"
# The published record (docs/domain.md) as the briefing's KPI table writes it.
PUBLISHED = ["414", "381", "92.0%", "117.0128 万元", "117", "177", "40"]
PAIR_NAME_HEADERS = ("直接责任人", "领导责任人")


def filter_texts(engine: Engine, flt: Filter) -> tuple[str, ...]:
    """The filter line of a step with townships, as the page would write it."""
    if not flt.townships:
        return ()
    with session_scope(engine) as session:
        towns = list_townships(session=session)
    names = towns.set_index("township_id").loc[list(flt.townships), "township"]
    return ("乡镇：" + "、".join(names),)


def make_briefing(engine: Engine, role: str, steps: tuple[Step, ...] | None = None) -> Briefing:
    """The briefing of steps (default: the default path) as role would download it."""
    with session_scope(engine) as session:
        steps = steps or default_meeting_path(session=session, flt=Filter()).steps
        request = BriefingRequest(
            title=briefing_title(),
            steps=steps,
            step_filters=tuple(filter_texts(engine, step.flt) for step in steps),
            role=role,
            as_of=AS_OF,
            generated_at=datetime(2018, 9, 1, 1, 30, tzinfo=UTC),
            notices=(demo_notice(), masked_note()) if role == "viewer" else (demo_notice(),),
        )
        return assemble_briefing(request, session=session)


@pytest.fixture
def briefing(seeded_engine: Engine) -> Briefing:
    """The default path's briefing for a viewer (names masked)."""
    return make_briefing(seeded_engine, "viewer")


def pdf_text(data: bytes) -> str:
    """All text of a PDF, page after page."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def embedded_fonts(data: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded?) of every font on every page."""
    fonts = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            fonts.append((str(font["/BaseFont"]), "/FontFile2" in descendant["/FontDescriptor"]))
    return fonts


def test_briefing_sections_follow_the_path(briefing: Briefing) -> None:
    """KPI table first, then one numbered section per step of the default path."""
    assert [kpi.value for kpi in briefing.kpis[:7]] == PUBLISHED
    headings = briefing.numbered_headings()
    assert headings[0] == "一、主要指标"
    assert headings[1] == "二、整改总览"
    assert headings[2].startswith("三、完成率最低的 3 个乡镇")
    assert [len(section.images) for section in briefing.sections] == [2, 1, 1, 1]
    overdue = briefing.sections[2].tables[0]
    assert overdue.title == "逾期问题清单" and overdue.rows
    days = overdue.headers.index("逾期天数")
    assert all(int(row[days]) > 0 for row in overdue.rows)
    person = overdue.headers.index("责任人")
    assert all(str(row[person])[1:].strip("*") == "" for row in overdue.rows)  # masked


def test_pdf_has_the_figures_in_an_embedded_chinese_font(briefing: Briefing, backend: str) -> None:
    """The PDF opens; its text holds the title, the published KPIs and the demo notice."""
    data = write_briefing_pdf(briefing)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in [briefing_title(), "一、主要指标", "逾期问题清单", *PUBLISHED]:
        assert expected in text, expected
    assert demo_notice()[:12] in text and "第 1 页 / 共" in text
    fonts = embedded_fonts(data)
    assert fonts and all(embedded for _, embedded in fonts)
    font = find_cjk_font()
    glyphs = TTCollection(str(font.path)).fonts[font.index].getBestCmap()
    missing = {char for char in text if not char.isspace() and ord(char) not in glyphs}
    assert missing == set(), f"characters the font cannot draw (boxes): {missing}"
    if backend == "sqlite":
        render_first_page(data, ARTIFACTS / "briefing_page1.png")


def render_first_page(data: bytes, target: Path) -> None:
    """Page 1 as PNG through pdftoppm (kept for a human look at the layout)."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm not installed (apt-get install poppler-utils)")
    target.parent.mkdir(exist_ok=True)
    source = target.with_suffix(".pdf")
    source.write_bytes(data)
    stem = target.with_suffix("")
    command = [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*command, str(source), str(stem)], check=True, timeout=60)
    assert target.stat().st_size > 10_000


def docx_table_texts(document) -> list[list[list[str]]]:
    """Every table of a Word document as rows of cell texts."""
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def test_docx_has_the_figures_and_chinese_fonts(briefing: Briefing) -> None:
    """The .docx opens; KPI table with the figures, 宋体 as East Asian font, the charts."""
    document = docx.Document(io.BytesIO(write_briefing_docx(briefing)))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == briefing_title()
    assert f"数据截至：{AS_OF}" in paragraphs and demo_notice() in paragraphs
    kpi_table = docx_table_texts(document)[0]
    assert kpi_table[0] == ["指标", "数值", "变化", "说明"]
    assert [row[1] for row in kpi_table[1:8]] == PUBLISHED
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == (
        BODY_FONT
    )
    images = sum(len(section.images) for section in briefing.sections)
    assert len(document.inline_shapes) == images


@pytest.mark.parametrize(
    ("role", "masked"), [("viewer", True), ("uploader", False), ("admin", False)]
)
def test_accountability_names_follow_the_role(
    seeded_engine: Engine, role: str, masked: bool
) -> None:
    """The 一案双查 table of the briefing masks names unless the role sees them in full."""
    briefing = make_briefing(seeded_engine, role)
    table = briefing.sections[-1].tables[0]
    columns = [table.headers.index(header) for header in PAIR_NAME_HEADERS]
    names = {row[column] for row in table.rows for column in columns}
    assert names
    assert all(name.endswith("*") for name in names) is masked
    assert not any("*" in name for name in names) is not masked


def test_a_single_view_gets_the_overdue_list_and_accountability(seeded_engine: Engine) -> None:
    """A briefing of the overview alone still lists overdue problems and accountability."""
    briefing = make_briefing(seeded_engine, "uploader", (Step("overview", Filter()),))
    assert [section.heading for section in briefing.sections] == [
        "整改总览",
        "逾期问题",
        "问责情况",
    ]
    assert briefing.sections[1].tables[0].title == "逾期问题清单"


def test_chinese_numbers() -> None:
    """Section numbering as Chinese documents write it."""
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 23)] == [
        "一",
        "九",
        "十",
        "十一",
        "二十",
        "二十三",
    ]


def test_the_briefing_carries_the_paragraph(briefing: Briefing) -> None:
    """The 通报稿 of the first step opens the key figures, in PDF and as a Word paragraph;
    without an as-of day it is dated the day the briefing was made (2018-09-01, Beijing)."""
    assert briefing.notice.startswith("截至9月1日，共整改完成381个问题，完成率92%，")
    document = docx.Document(io.BytesIO(write_briefing_docx(briefing)))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    heading = paragraphs.index("一、主要指标")
    assert paragraphs[heading + 1] == briefing.notice
    flat = "".join(pdf_text(write_briefing_pdf(briefing)).split())
    assert "".join(briefing.notice.split()) in flat


def test_the_report_day_briefing_has_the_published_sentence(seeded_engine: Engine) -> None:
    """A briefing as of the report day drafts the published sentence."""
    step = Step("overview", Filter(as_of=PUBLISHED_AS_OF))
    briefing = make_briefing(seeded_engine, "uploader", (step,))
    assert normalised(briefing.notice) == normalised(PUBLISHED_SENTENCE)


def test_the_briefing_carries_the_cards_changes(seeded_engine: Engine) -> None:
    """As of 2018-07-20 (rectification under way): the KPI table's 变化 column holds each
    card's change since 07-13 and the table says which day that is; a section's figures carry
    theirs; the Word file holds them. The demo has one round: no change against a previous one."""
    week = (date(2018, 7, 20), date(2018, 7, 13))
    with session_scope(seeded_engine) as session:
        steps = default_meeting_path(session=session, flt=Filter(as_of=week[0])).steps
        now, then = (fetch_headline(session=session, flt=Filter(as_of=day)) for day in week)
    briefing = make_briefing(seeded_engine, "viewer", steps)
    rectified = format_change(now.problems_rectified, then.problems_rectified)
    assert rectified.startswith("+")
    assert kpi_headers() == ("指标", "数值", "变化", "说明")
    rows = {row[0]: row for row in kpi_rows(briefing.kpis)}
    assert rows["整改完成"][2] == f"较上周 {rectified}"
    assert "2018-07-13" in briefing.compared
    assert not any("上轮" in kpi.change for kpi in briefing.kpis)
    section = next(section for section in briefing.sections if section.kpis)
    assert "（较上周 " in figures_line(section.kpis)
    document = docx.Document(io.BytesIO(write_briefing_docx(briefing)))
    table = docx_table_texts(document)[0]
    assert table[0] == list(kpi_headers())
    assert [row[2] for row in table if row[0] == "整改完成"] == [rows["整改完成"][2]]
