"""Summary sheets: counts and rates per unit in front of the ledger, never rows to import.

A summary's problem counts per unit are checked against the ledger's own rows: a mismatch
(a row left out, a count not updated) is a warning the uploader sees in the preview.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from data_access.ingest.columns import normalise_header
from data_access.ingest.layout import cell_text
from data_access.ingest.layout_words import SUMMARY_COUNT_WORDS, SUMMARY_UNIT_WORDS, SUMMARY_WORDS
from data_access.ingest.rows import TOTAL_WORDS
from i18n import t


@dataclass
class SummaryTable:
    """A summary sheet: its name and the problem count it states per unit."""

    name: str
    counts: dict[str, int] = field(default_factory=dict)


def is_summary_header(rows: list[list[object]]) -> bool:
    """True when a row of the first rows has two or more count/rate headers."""
    return any(_summary_header(row) for row in rows)


def _summary_header(row: list[object]) -> bool:
    """True for a row of two or more count/rate headers."""
    folded = [normalise_header(cell_text(c)) for c in row]
    return sum(1 for text in folded if text and any(w in text for w in SUMMARY_WORDS)) >= 2


def summary_table(name: str, rows: list[list[object]]) -> SummaryTable:
    """The counts per unit a summary states (none when its columns cannot be told)."""
    table = SummaryTable(name)
    for top, row in enumerate(rows):
        if not _summary_header(row):
            continue
        folded = [normalise_header(cell_text(c)) for c in row]
        unit = _column(folded, SUMMARY_UNIT_WORDS)
        count = _column(folded, SUMMARY_COUNT_WORDS)
        if unit is not None and count is not None:
            table.counts = _counts(rows[top + 1 :], unit, count)
        break
    return table


def _column(folded: list[str], words: tuple[str, ...]) -> int | None:
    """The first column whose header holds one of words."""
    return next((i for i, text in enumerate(folded) if any(w in text for w in words)), None)


def _counts(rows: list[list[object]], unit: int, count: int) -> dict[str, int]:
    """unit -> count over the summary's rows (totals and unreadable counts left out)."""
    counts = {}
    for row in rows:
        name = cell_text(row[unit]) if unit < len(row) else ""
        value = cell_text(row[count]) if count < len(row) else ""
        if name and value.isdigit() and normalise_header(name) not in TOTAL_WORDS:
            counts[name] = int(value)
    return counts


def summary_warnings(tables: list[SummaryTable], units: list[object]) -> list[str]:
    """A warning per summary whose counts differ from the ledger's rows per unit."""
    in_ledger = Counter(unit for unit in units if isinstance(unit, str))
    warnings = []
    for table in tables:
        differ = [
            t("ingest.summary.pair", unit=unit, stated=stated, rows=in_ledger.get(unit, 0))
            for unit, stated in table.counts.items()
            if in_ledger.get(unit, 0) != stated
        ]
        if differ:
            pairs = t("ingest.list_separator").join(differ)
            warnings.append(t("ingest.notice.summary_mismatch", name=table.name, pairs=pairs))
    return warnings
