"""The briefing document model (简报): what the PDF and the DOCX writers both lay out.

Everything in it is already decided: texts, formatted KPI values, chart images as PNG,
tables with their cells; the writers only place them. Numbering follows Chinese documents
(一、二、三、).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from numbers import Number
from zoneinfo import ZoneInfo

from data_access.exports.tables import TableExport
from data_access.formatting import MISSING, format_int, format_rate

LOCAL_TIMEZONE = ZoneInfo("Asia/Shanghai")
CHINESE_NUMERALS = "一二三四五六七八九十"
KPI_HEADERS = ("指标", "数值", "说明")
AUTHOR = "巡察整改看板"


@dataclass(frozen=True)
class BriefingImage:
    """A chart drawn as PNG (title and filter caption are part of the image)."""

    title: str
    png: bytes


@dataclass(frozen=True)
class BriefingKpi:
    """One headline figure: label, formatted value, and what it counts."""

    label: str
    value: str
    note: str = ""


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

    def info_lines(self) -> list[str]:
        """The lines under the title: as-of day, generation time, filters."""
        local = self.generated_at.astimezone(LOCAL_TIMEZONE)
        return [
            f"数据截至：{self.as_of}",
            f"生成时间：{local:%Y-%m-%d %H:%M}",
            filter_line(self.filters),
        ]

    def numbered_headings(self) -> list[str]:
        """ "一、主要指标" then one numbered heading per section."""
        headings = ["主要指标", *(section.heading for section in self.sections)]
        return [f"{chinese_number(n)}、{text}" for n, text in enumerate(headings, start=1)]


def filter_line(filters: tuple[str, ...] | list[str]) -> str:
    """ "筛选条件：…" with the filters, or "全部（未筛选）"."""
    return "筛选条件：" + ("；".join(filters) or "全部（未筛选）")


def chinese_number(number: int) -> str:
    """1..99 in Chinese numerals (十一, 二十), the numbering of a Chinese document."""
    if number <= 10:
        return CHINESE_NUMERALS[number - 1]
    tens, ones = divmod(number, 10)
    head = "" if tens == 1 else CHINESE_NUMERALS[tens - 1]
    return head + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


def cell_text(value: object, number_format: str | None = None) -> str:
    """A table cell as text: rates as %, whole numbers with separators, dates as ISO."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, Number) and not isinstance(value, bool):
        if number_format and "%" in number_format:
            return format_rate(float(value))
        if isinstance(value, int) or float(value).is_integer():
            return format_int(int(value))
        return f"{float(value):,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def table_texts(table: TableExport) -> list[list[str]]:
    """Every row of table as display texts."""
    formats = table.number_formats
    return [
        [cell_text(value, formats.get(col)) for col, value in enumerate(row)] for row in table.rows
    ]


def kpi_rows(kpis: tuple[BriefingKpi, ...]) -> list[list[str]]:
    """The KPI table's rows: label, value, note."""
    return [[kpi.label, kpi.value, kpi.note] for kpi in kpis]
