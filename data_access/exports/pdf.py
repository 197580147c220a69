"""The briefing as PDF (fpdf2), with the CJK font embedded as a subset: prints anywhere.

Pages are A4 portrait; each page's footer carries the page number and, on demo data, the
demo-data notice, so a page handed out alone still says what it is.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from fpdf import FPDF, FontFace
from fpdf.enums import WrapMode, XPos, YPos
from PIL import Image

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
from data_access.exports.fonts import CjkFont, system_cjk_font
from data_access.exports.ledger import display_width
from i18n import t

FAMILY = "cjk"
MARGIN_MM = 16
MAX_IMAGE_SHARE = 0.45  # of the page's usable height, so a chart and its text share a page
TEXT_RGB = (33, 33, 33)
MUTED_RGB = (97, 97, 97)
ACCENT_RGB = (21, 101, 192)
NOTICE_FILL = (255, 243, 224)
HEADING_FILL = (221, 235, 247)
ROW_FILL = (245, 245, 245)
HEADING_ROOM_MM = 30  # heading, filters and figures above a section's first chart
CELL_PADDING_MM = 1
HALF_WIDTH_MM_PER_PT = 0.19  # a half-width character of this font at 1 pt (CJK: twice)


class BriefingPdf(FPDF):
    """FPDF with the briefing's footer: page number and the notices."""

    def __init__(self, footer_text: str) -> None:
        """An A4 portrait document in millimetres whose footer adds footer_text."""
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text

    def footer(self) -> None:
        """Notices (if any) and "第 n 页 / 共 N 页" at the bottom of every page."""
        self.set_y(-12)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED_RGB)
        text = t("meeting.briefing.page", page=self.page_no(), pages=self.str_alias_nb_pages)
        if self.footer_text:
            text = f"{self.footer_text}    {text}"
        self.cell(0, 5, text, align="C")


def _new_document(briefing: Briefing, font: CjkFont) -> BriefingPdf:
    """An A4 document with the CJK font embedded (regular only: nothing is set in bold)."""
    pdf = BriefingPdf(footer_text=next(iter(briefing.notices), ""))  # the first notice
    # One face: each add_font parses the whole font file (~0.4 s); table headings are shaded,
    # not bold (FontFace(emphasis="") in _table), so a "bold" copy of the face went unused.
    pdf.add_font(FAMILY, "", str(font.path), collection_font_number=font.index)
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(auto=True, margin=MARGIN_MM + 4)
    pdf.set_title(briefing.title)
    pdf.set_author(author())
    pdf.set_lang(document_language())
    return pdf


def write_briefing_pdf(briefing: Briefing, font: CjkFont | None = None) -> bytes:
    """The briefing as PDF bytes; raises CjkFontMissingError when no CJK font is installed."""
    pdf = _new_document(briefing, font or system_cjk_font())
    pdf.add_page()
    _title_block(pdf, briefing)
    headings = briefing.numbered_headings()
    _heading(pdf, headings[0])
    if briefing.notice:
        _text(pdf, briefing.notice)
        pdf.ln(2)
    _table(pdf, list(kpi_headers()), kpi_rows(briefing.kpis), weights=[10, 12, 16, 30])
    if briefing.compared:
        _text(pdf, briefing.compared, size=9.5, rgb=MUTED_RGB, height=5)
    for heading, section in zip(headings[1:], briefing.sections, strict=True):
        _section(pdf, heading, section)
    return bytes(pdf.output())


def _text(pdf: FPDF, text: str, *, size: float = 10.5, rgb=TEXT_RGB, height: float = 6) -> None:
    """A paragraph that wraps at any character (Chinese has no spaces to wrap at)."""
    pdf.set_font(FAMILY, size=size)
    pdf.set_text_color(*rgb)
    pdf.multi_cell(
        0, height, text, wrapmode=WrapMode.CHAR, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )


def _title_block(pdf: FPDF, briefing: Briefing) -> None:
    """Title, the info lines, and the notices in a shaded box."""
    pdf.set_font(FAMILY, size=20)
    pdf.set_text_color(*TEXT_RGB)
    pdf.cell(0, 12, briefing.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for line in briefing.info_lines():
        _text(pdf, line, size=10, rgb=MUTED_RGB, height=5.5)
    for notice in briefing.notices:
        pdf.ln(1)
        pdf.set_fill_color(*NOTICE_FILL)
        pdf.set_font(FAMILY, size=10)
        pdf.multi_cell(
            0,
            6,
            notice,
            fill=True,
            wrapmode=WrapMode.CHAR,
            padding=2,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.set_fill_color(255, 255, 255)  # later fills (table rows) set their own colour
    pdf.ln(2)


def _heading(pdf: FPDF, text: str) -> None:
    """A numbered section heading in the accent colour."""
    pdf.ln(3)
    _text(pdf, text, size=14, rgb=ACCENT_RGB, height=8)
    pdf.ln(1)


def _section(pdf: FPDF, heading: str, section: BriefingSection) -> None:
    """One view: heading, filters, its figures, charts and tables."""
    if section.images:  # the heading goes where its first chart fits, not a page before
        _, height = _image_size(pdf, section.images[0].png)
        if pdf.get_y() + height + HEADING_ROOM_MM > pdf.page_break_trigger:
            pdf.add_page()
    _heading(pdf, heading)
    _text(pdf, filter_line(section.filters), size=9.5, rgb=MUTED_RGB, height=5)
    if section.kpis:
        _text(pdf, figures_line(section.kpis), size=10.5)
    for image in section.images:
        _image(pdf, image.png)
    for table in section.tables:
        _text(pdf, table_heading(table), size=11, height=7)
        if table.rows:
            _table(pdf, list(table.headers), table_texts(table))
        else:
            _text(pdf, t("meeting.briefing.no_rows"), size=10)


def _image_size(pdf: FPDF, png: bytes) -> tuple[float, float]:
    """Width and height (mm) of a chart image: full text width, at most MAX_IMAGE_SHARE high."""
    with Image.open(io.BytesIO(png)) as picture:
        width_px, height_px = picture.size
    usable_height = pdf.h - pdf.t_margin - pdf.b_margin
    width = pdf.epw
    height = width * height_px / width_px
    if height > usable_height * MAX_IMAGE_SHARE:
        height = usable_height * MAX_IMAGE_SHARE
        width = height * width_px / height_px
    return width, height


def _image(pdf: FPDF, png: bytes) -> None:
    """A chart image, centred, on the next page when it does not fit on this one."""
    width, height = _image_size(pdf, png)
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()
    pdf.image(io.BytesIO(png), x=pdf.l_margin + (pdf.epw - width) / 2, w=width, h=height)
    pdf.ln(2)


def _column_widths(
    pdf: FPDF, headers: Sequence[str], rows: Sequence[Sequence[str]], size: float
) -> list[float]:
    """Column widths (mm): each column's widest text, the widest columns capped to fit.

    Narrow columns (dates, codes, counts) keep their natural width so they never wrap;
    only columns wider than the common cap (descriptions) wrap onto more lines.
    """
    unit = size * HALF_WIDTH_MM_PER_PT
    natural = [
        max([display_width(header), *(display_width(row[col]) for row in rows[:300])]) * unit
        + 2 * CELL_PADDING_MM
        + 1
        for col, header in enumerate(headers)
    ]
    if sum(natural) <= pdf.epw:
        return natural
    cap = pdf.epw
    while sum(min(width, cap) for width in natural) > pdf.epw:
        cap *= 0.97  # a few dozen steps at most
    return [min(width, cap) for width in natural]


def _table(
    pdf: FPDF,
    headers: list[str],
    rows: list[list[str]],
    *,
    weights: Sequence[float] | None = None,
) -> None:
    """A bordered table whose heading row repeats on every page it runs onto."""
    size = 9 if len(headers) <= 5 else 8
    pdf.set_font(FAMILY, size=size)
    pdf.set_text_color(*TEXT_RGB)
    style = FontFace(emphasis="", fill_color=HEADING_FILL)
    with pdf.table(
        col_widths=tuple(weights or _column_widths(pdf, headers, rows, size)),
        headings_style=style,
        line_height=size * 0.55,
        text_align="LEFT",
        wrapmode=WrapMode.CHAR,
        padding=CELL_PADDING_MM,
        width=pdf.epw,
        cell_fill_color=ROW_FILL,
        cell_fill_mode="EVEN_ROWS",
    ) as table:
        for values in [headers, *rows]:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.ln(3)
