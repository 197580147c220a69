"""The briefing document model (简报): what the PDF and the DOCX writers both lay out.

Everything in it is already decided: texts, formatted KPI values, chart images as PNG,
tables with their cells; the writers only place them. Texts are in the UI language;
numbering follows Chinese documents (一、二、三、) in Chinese, digits (1. 2. 3.) in English.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from numbers import Number
from typing import SupportsFloat

from data_access.exports.tables import TableExport, filter_line
from data_access.formatting import MISSING, format_date, format_int, format_rate, format_time
from i18n import get_language, t

CHINESE_NUMERALS = "一二三四五六七八九十"  # i18n-data: numerals of Chinese section numbering
DOCUMENT_LANGUAGES = {"zh": "zh-CN", "en": "en"}  # a document's language tag, by UI language


@dataclass(frozen=True)
class BriefingImage:
    """A chart drawn as PNG (title and filter caption are part of the image)."""

    title: str
    png: bytes


@dataclass(frozen=True)
class BriefingKpi:
    """One headline figure: label, formatted value, what it counts, and its changes."""

    label: str
    value: str
    note: str = ""
    change: str = ""  # "较上周 +12；较上轮同期 +30" (data_access.kpis.Kpi.change_texts)


@dataclass(frozen=True)
class BriefingSection:
    """One view of the briefing: heading, its filters, figures, charts and tables."""

    heading: str
    filters: tuple[str, ...]
    kpis: tuple[BriefingKpi, ...] = ()
    images: tuple[BriefingImage, ...] = ()
    tables: tuple[TableExport, ...] = ()


@dataclass(frozen=True)
class Briefing:
    """A whole briefing: title block, notices, the headline KPI table, then the sections."""

    title: str
    as_of: str  # "2018-08-31" or "2026-11-27（当前数据）"
    generated_at: datetime
    filters: tuple[str, ...]
    kpis: tuple[BriefingKpi, ...]
    sections: tuple[BriefingSection, ...]
    notices: tuple[str, ...] = ()  # the demo-data notice, the name-masking note
    notice: str = ""  # the 通报稿 of the first step (data_access.notice), above the KPI table
    compared: str = ""  # what the KPI table's changes are against, under it

    def info_lines(self) -> list[str]:
        """The lines under the title: as-of day, generation time, filters."""
        return [
            t("download.as_of", as_of=self.as_of),
            t("meeting.briefing.generated_at", time=format_time(self.generated_at)),
            filter_line(self.filters),
        ]

    def numbered_headings(self) -> list[str]:
        """ "一、主要指标" (English: "1. Key figures") then one numbered heading per section."""
        headings = [t("meeting.briefing.key_figures"), *(s.heading for s in self.sections)]
        return [
            t("meeting.briefing.numbered", number=section_number(n), heading=text)
            for n, text in enumerate(headings, start=1)
        ]


def kpi_headers() -> tuple[str, str, str, str]:
    """The KPI table's headers: label, value, change, note."""
    return (
        t("meeting.briefing.kpi_label"),
        t("meeting.briefing.kpi_value"),
        t("meeting.briefing.kpi_change"),
        t("meeting.briefing.kpi_note"),
    )


def author() -> str:
    """The author a briefing's file properties name: the dashboard."""
    return t("frame.app_title")


def document_language() -> str:
    """The language tag of a briefing written now (file properties, PDF /Lang)."""
    return DOCUMENT_LANGUAGES[get_language()]


def section_number(number: int) -> str:
    """A section's number: Chinese numerals in a Chinese briefing, digits otherwise."""
    return chinese_number(number) if get_language() == "zh" else str(number)


def chinese_number(number: int) -> str:
    """1..99 in Chinese numerals (十一, 二十), the numbering of a Chinese document."""
    if number <= 10:
        return CHINESE_NUMERALS[number - 1]
    tens, ones = divmod(number, 10)
    head = "" if tens == 1 else CHINESE_NUMERALS[tens - 1]
    return head + CHINESE_NUMERALS[9] + (CHINESE_NUMERALS[ones - 1] if ones else "")


def cell_text(value: object, number_format: str | None = None) -> str:
    """A table cell as text: rates as %, whole numbers with separators, dates as ISO."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    # Number: numpy and Decimal values too; all the ones a table holds convert to float
    if (
        isinstance(value, Number)
        and isinstance(value, SupportsFloat)
        and not isinstance(value, bool)
    ):
        if number_format and "%" in number_format:
            return format_rate(float(value))
        if isinstance(value, int) or float(value).is_integer():
            return format_int(value if isinstance(value, int) else int(float(value)))
        return f"{float(value):,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, date):  # a datetime too (cells hold office-clock times)
        return format_date(value) if not isinstance(value, datetime) else format_time(value)
    return str(value)


def table_texts(table: TableExport) -> list[list[str]]:
    """Every row of table as display texts."""
    formats = table.number_formats
    return [
        [cell_text(value, formats.get(col)) for col, value in enumerate(row)] for row in table.rows
    ]


def kpi_rows(kpis: tuple[BriefingKpi, ...]) -> list[list[str]]:
    """The KPI table's rows: label, value, change ("—" without), note."""
    return [[kpi.label, kpi.value, kpi.change or MISSING, kpi.note] for kpi in kpis]


def figures_line(kpis: tuple[BriefingKpi, ...]) -> str:
    """A section's figures on one line: "问题总数 414（较上周 +12）；已完成 381（较上周 +3）"."""
    return t("download.semicolon").join(_figure(kpi) for kpi in kpis)


def _figure(kpi: BriefingKpi) -> str:
    """ "问题总数 414", with its changes in brackets when it has any."""
    if not kpi.change:
        return f"{kpi.label} {kpi.value}"
    return t("meeting.briefing.figure_change", label=kpi.label, value=kpi.value, change=kpi.change)


def table_heading(table: TableExport) -> str:
    """A table's heading with its row count: "逾期问题清单（共 12 条）"."""
    return t("meeting.table_title", title=table.title, count=len(table.rows))
