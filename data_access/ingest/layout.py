"""A sheet laid out as offices write it: title rows, a one- or two-row header, data below.

Real ledgers put a title (often with its 截至 date) over a header whose parents are merged
across their children (整改完成情况 over 完成时间 / 完成情况), merge data cells down where
they mean "same as above" (巡察组, 被巡察单位), and mix section, total, footnote and blank
rows into the data. This module only sees cells and merged ranges; which header names
which field is recognise.py's business, and which row kind means what is rows.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from data_access.ingest.spreadsheet import Merged

HEADER_SCAN_ROWS = 20  # titles, 填报单位 lines and a two-row header fit in the first rows
_AS_OF = re.compile(
    r"(?:截至|截止|截止到|截至到|统计至|数据截至)\s*[:：]?\s*"  # i18n-data: as-of words
    r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})"
)
_AS_OF_MONTH = re.compile(r"(?:截至|截止)\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末)")  # i18n-data


@dataclass(frozen=True)
class HeaderCell:
    """One column's header: its own text, the merged parent above it, and its position."""

    index: int
    text: str  # the lowest header cell's text ("" when blank)
    parent: str = ""  # the merged cell above it, when the header has two rows

    @property
    def label(self) -> str:
        """As shown to the user: 整改完成情况/完成时间, or the text alone."""
        if self.parent and self.parent != self.text:
            return f"{self.parent}/{self.text}" if self.text else self.parent
        return self.text


def cell_text(value: object) -> str:
    """A cell as stripped text ("" for blanks; 12.0 → "12")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def fill_merged(rows: list[list[object]], merged: tuple[Merged, ...]) -> set[tuple[int, int]]:
    """Copy each merged range's top-left value into its other cells; the cells filled.

    Offices merge 巡察组 / 被巡察单位 cells over the rows they apply to: every row of the
    range means the same value. Ranges outside the grid are clipped.
    """
    filled: set[tuple[int, int]] = set()
    for top, left, bottom, right in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row in range(top, min(bottom, len(rows) - 1) + 1):
            cells = rows[row]
            for column in range(left, min(right, len(cells) - 1) + 1):
                if (row, column) != (top, left) and cells[column] in (None, ""):
                    cells[column] = value
                    filled.add((row, column))
    return filled


def header_cells(rows: list[list[object]], top: int, depth: int) -> list[HeaderCell]:
    """The headers of a block of depth rows from top (1 or 2), one per column."""
    width = max((len(rows[r]) for r in range(top, min(top + depth, len(rows)))), default=0)
    cells = []
    for index in range(width):
        texts = [_at(rows, r, index) for r in range(top, top + depth)]
        text = texts[-1] or texts[0]
        parent = texts[0] if depth == 2 and texts[0] != text else ""
        cells.append(HeaderCell(index, text, parent))
    return cells


def _at(rows: list[list[object]], row: int, column: int) -> str:
    """The text of one cell, "" outside the grid."""
    if row >= len(rows) or column >= len(rows[row]):
        return ""
    return cell_text(rows[row][column])


def title_as_of(rows: list[list[object]], header_top: int) -> tuple[str, date | None]:
    """The title above the header (joined texts) and the 截至 date it states, if any."""
    texts = [cell_text(c) for row in rows[:header_top] for c in row if cell_text(c)]
    title = " ".join(dict.fromkeys(texts))  # merged titles repeat across their cells
    return title, as_of_date(title)


def as_of_date(text: str) -> date | None:
    """截至2025年3月31日 → 2025-03-31; 截至2025年3月底 → the month's last day; else None."""
    found = _AS_OF.search(text)
    try:
        if found:
            return date(*map(int, found.groups()))
        month = _AS_OF_MONTH.search(text)
        if month:
            year, number = map(int, month.groups())
            return _month_end(year, number)
    except ValueError:  # 2025年2月30日: no such day, no as-of date
        return None
    return None


def _month_end(year: int, month: int) -> date:
    """The last day of a month."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def spans_two_rows(rows: list[list[object]], merged: tuple[Merged, ...], top: int) -> bool:
    """True when the header at top has merged parents over a second row of children.

    A title merged across the sheet is no parent: a header row holds several texts.
    """
    if len({cell_text(c) for c in rows[top] if cell_text(c)}) < 2:
        return False
    across = [m for m in merged if m[0] == top and m[2] == top and m[3] > m[1]]
    down = [m for m in merged if m[0] == top and m[2] == top + 1]
    if across and top + 1 < len(rows):
        return any(_at(rows, top + 1, column) for m in across for column in range(m[1], m[3] + 1))
    return bool(down)
