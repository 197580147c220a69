"""What each row under a ledger's header is: data, a section heading, a total, a footnote.

Offices group problems under section rows ("（一）城关镇（共9个问题）", "二、党的建设方面"),
close a sheet with 合计 and 填报人/审核人 lines, and leave blank spacers. A section row
holds one text (merged across the row, or alone in its first cells); its words, without
numbering and counts, are the context of the rows below it until the next section of the
same or a higher level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from data_access.ingest.columns import normalise_header
from data_access.ingest.layout import cell_text
from data_access.ingest.layout_words import (
    COUNT_MARK,
    FIRST_WORD,
    FOOTNOTE_WORDS,
    LEVELS,
    SPECIAL_STARTS,
    TOTAL_WORDS,
)


@dataclass
class SheetRows:
    """A sheet's rows under its header, sorted by kind; rows as Excel row numbers."""

    data: list[int] = field(default_factory=list)  # 0-based indexes into the grid
    sections: list[tuple[str, ...]] = field(default_factory=list)  # context of each data row
    headings: dict[int, str] = field(default_factory=dict)  # Excel row -> section text
    totals: list[int] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)


def classify(rows: list[list[object]], first: int, data_columns: list[int]) -> SheetRows:
    """Sort rows from first on: data rows (with their section context), headings, totals."""
    found = SheetRows()
    context: list[tuple[int, str]] = []  # (level, text) of the sections in force
    for index in range(first, len(rows)):
        if _plain_data(rows[index]):  # nearly every row: no per-cell text work (performance.md)
            found.data.append(index)
            found.sections.append(tuple(text for _lvl, text in context))
            continue
        texts = [cell_text(c) for c in rows[index]]
        filled = [text for text in texts if text]
        if not filled:
            continue
        if _is_total(filled):
            found.totals.append(index + 1)
        elif _is_footnote(filled[0]):
            found.footnotes.append(index + 1)
        elif heading := section_text(filled, texts, data_columns):
            level = section_level(heading)
            context = [(lvl, text) for lvl, text in context if lvl < level]
            context.append((level, clean_section(heading)))
            found.headings[index + 1] = heading
        else:
            found.data.append(index)
            found.sections.append(tuple(text for _lvl, text in context))
    return found


def _plain_data(row: list[object]) -> bool:
    """True for a row that can only be data: three or more different values, none of the
    first three starting like a total or a footnote (counted in C: most rows pass here)."""
    filled = len(row) - row.count(None) - row.count("")
    if filled < 3:
        return False
    first: list[object] = []
    for value in row:
        if value is None or value == "":
            continue
        if type(value) is str and value.lstrip()[:1] in SPECIAL_STARTS:
            return False
        first.append(value)
        if len(first) == 3:
            break
    return row.count(first[0]) != filled


def _is_total(filled: list[str]) -> bool:
    """A 合计 / 总计 line (the words may stand in any cell, spaced or with a colon)."""
    return any(normalise_header(text).rstrip(":：") in TOTAL_WORDS for text in filled[:3])


def _is_footnote(first_text: str) -> bool:
    """A 填报人 / 审核人 / 注： line under the data."""
    folded = normalise_header(first_text).replace("：", ":")
    return folded.startswith(FOOTNOTE_WORDS)


def section_text(filled: list[str], texts: list[str], data_columns: list[int]) -> str | None:
    """The heading of a section row, or None for a data row.

    A section row holds one distinct text that is not a number, merged across the row,
    numbered (一、 / （一）), counted (（共9个问题）), or short in the leftmost column; a
    row with one value in a data column only is a data row missing the rest.
    """
    if len(set(filled)) != 1 or _looks_numeric(filled[0]):
        return None
    text = filled[0]
    if len(filled) >= 2 and len(filled) >= min(len(data_columns), 3):
        return text  # merged across the row
    if _is_marked(text):
        return text
    leftmost = next(index for index, cell in enumerate(texts) if cell)
    return text if leftmost <= min(data_columns, default=0) and len(text) <= 40 else None


def _is_marked(text: str) -> bool:
    """True when a text carries a heading's numbering or problem count."""
    stripped = text.strip()
    patterns = (*LEVELS, FIRST_WORD)
    return any(p.match(stripped) for p in patterns) or bool(COUNT_MARK.search(stripped))


def _looks_numeric(text: str) -> bool:
    """True for 12, 3.5, 2025-03-31: values, never headings."""
    return bool(re.fullmatch(r"[\d.,:/\-\s]+", text))


def section_level(text: str) -> int:
    """0 for 一、, 1 for （一）, 2 for 1., 3 for (1); 0 for an unnumbered heading."""
    for level, pattern in enumerate(LEVELS):
        if pattern.match(text.strip()):
            return level
    return 0


def clean_section(text: str) -> str:
    """A heading without its numbering and count: （一）城关镇（共9个问题） → 城关镇."""
    cleaned = text.strip()
    for pattern in (*LEVELS, FIRST_WORD):
        cleaned = pattern.sub("", cleaned, count=1).strip()
    return COUNT_MARK.sub("", cleaned).strip(" ：:")
