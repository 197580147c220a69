"""The briefing as a Word document (python-docx), for offices that edit it in Word or WPS.

Chinese government offices revise briefings in Word/WPS before they go out, so the
editable format is .docx (WPS opens it natively); slides are not needed, the meeting
itself is presented live from 会议模式. Text uses fonts every such office has: 宋体 for
the body and 黑体 for headings, set as the East Asian font (w:eastAsia) so Word does not
fall back to a Western font for Chinese (an English briefing still holds Chinese names).
Fonts are not embedded: Word renders them locally.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import CharacterStyle
from docx.table import _Row
from docx.text.run import Run

from data_access.exports.briefing import (
    Briefing,
    BriefingSection,
    author,
    document_language,
    figures_line,
    filter_line,
    kpi_headers,
    kpi_rows,
    table_heading,
    table_texts,
)
from i18n import t

BODY_FONT = "宋体"  # i18n-data: a font name (SimSun), as Word/WPS know it
HEADING_FONT = "黑体"  # i18n-data: a font name (SimHei), as Word/WPS know it
LATIN_FONT = "Times New Roman"
IMAGE_WIDTH = Cm(16)  # the text width of A4 with 2.5 cm margins
MARGIN = Cm(2.5)
NOTICE_RGB = RGBColor(0x9C, 0x57, 0x00)
MUTED_RGB = RGBColor(0x61, 0x61, 0x61)


def set_fonts(target: Run | CharacterStyle, east_asian: str, *, size: float | None = None) -> None:
    """Set a style's or run's fonts: Latin, and East Asian through w:eastAsia."""
    font = target.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    properties = target.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asian)


def _new_document(briefing: Briefing) -> DocxDocument:
    """An A4 document whose styles carry the Chinese fonts."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    set_fonts(document.styles["Normal"], BODY_FONT, size=11)
    for name, size in (("Title", 20), ("Heading 1", 15), ("Heading 2", 12)):
        style = document.styles[name]
        set_fonts(style, HEADING_FONT, size=size)
        style.font.color.rgb = RGBColor(0, 0, 0)
    properties = document.core_properties
    properties.title, properties.author = briefing.title, author()
    properties.language = document_language()
    return document


def write_briefing_docx(briefing: Briefing) -> bytes:
    """The briefing as .docx bytes: title, notices, KPI table, sections with charts and tables."""
    document = _new_document(briefing)
    title = document.add_heading(briefing.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in briefing.info_lines():
        _paragraph(document, line, rgb=MUTED_RGB)
    for notice in briefing.notices:
        _paragraph(document, notice, rgb=NOTICE_RGB)
    headings = briefing.numbered_headings()
    document.add_heading(headings[0], level=1)
    if briefing.notice:  # a plain paragraph: the office edits it in Word or WPS
        _paragraph(document, briefing.notice)
    _table(document, kpi_headers(), kpi_rows(briefing.kpis))
    if briefing.compared:
        _paragraph(document, briefing.compared, rgb=MUTED_RGB)
    for heading, section in zip(headings[1:], briefing.sections, strict=True):
        _section(document, heading, section)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraph(document: DocxDocument, text: str, *, rgb: RGBColor | None = None) -> None:
    """A body paragraph, optionally coloured."""
    run = document.add_paragraph().add_run(text)
    set_fonts(run, BODY_FONT)
    if rgb is not None:
        run.font.color.rgb = rgb


def _section(document: DocxDocument, heading: str, section: BriefingSection) -> None:
    """One view: heading, filters, figures, chart images, tables."""
    document.add_heading(heading, level=1)
    _paragraph(document, filter_line(section.filters), rgb=MUTED_RGB)
    if section.kpis:
        _paragraph(document, figures_line(section.kpis))
    for image in section.images:
        document.add_picture(io.BytesIO(image.png), width=IMAGE_WIDTH)
        document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for table in section.tables:
        document.add_heading(table_heading(table), level=2)
        if table.rows:
            _table(document, table.headers, table_texts(table))
        else:
            _paragraph(document, t("meeting.briefing.no_rows"))


def _table(document: DocxDocument, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A grid table with a repeated, shaded heading row and 9-point text."""
    table = document.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = "Table Grid"
    for row_index, values in enumerate([list(headers), *rows]):
        for cell, value in zip(table.rows[row_index].cells, values, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(str(value))
            set_fonts(run, HEADING_FONT if row_index == 0 else BODY_FONT, size=9)
    _repeat_heading_row(table.rows[0])
    document.add_paragraph()


def _repeat_heading_row(row: _Row) -> None:
    """Mark the first row as a heading row that Word repeats on every page (w:tblHeader)."""
    properties = row._tr.get_or_add_trPr()
    header = properties.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    properties.append(header)
