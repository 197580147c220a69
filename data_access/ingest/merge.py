"""A file row against its stored twin: the stored values stay where the row's marks say the
file is silent (marks.py: a column it lacks, an inferred value, a blank cell)."""

from __future__ import annotations

import pandas as pd

from data_access.ingest.marks import MARK_COLUMNS, set_bits
from data_access.ingest.normalise_sheet import OUTPUT_FIELDS
from data_access.ingest.records import LedgerTable


def row_marks(frame: pd.DataFrame, count: int) -> list[tuple[int, int, int]]:
    """The (keep, blank, fill) marks of each row of a parsed frame (zeros when it has none)."""
    columns = [
        frame[name].tolist() if name in frame.columns else [0] * count for name in MARK_COLUMNS
    ]
    return list(zip(*columns, strict=True)) if count else []


class StoredMerge:
    """A file row's values with the stored ones where its marks say the file is silent."""

    def __init__(self, ledger_table: LedgerTable, clear_blanks: bool) -> None:
        """Bit i of a mark is OUTPUT_FIELDS[i]; here it points at ledger_table.fields."""
        self.fields = ledger_table.fields
        where = {name: n for n, name in enumerate(self.fields)}
        self.positions = [where.get(name) for name in OUTPUT_FIELDS[ledger_table.sheet]]
        self.clear_blanks = clear_blanks

    def __call__(
        self, values: dict[str, object], old: tuple[object, ...], marks: tuple[int, int, int]
    ) -> tuple[dict[str, object], list[tuple[str, object]]]:
        """The merged values, and the (field, stored value) of each blank that would clear."""
        keep, blank, fill = marks
        merged = list(values.values())
        blanks = []
        for position in self._positions(keep):
            merged[position] = old[position]
        for position in self._positions(fill):
            if old[position] is not None:
                merged[position] = old[position]
        for position in self._positions(blank):
            if merged[position] != old[position]:
                blanks.append((self.fields[position], old[position]))
                if not self.clear_blanks:
                    merged[position] = old[position]
        return dict(zip(self.fields, merged, strict=True)), blanks

    def _positions(self, mask: int) -> list[int]:
        """The positions in fields of the bits set in mask (fields the table has)."""
        found = (self.positions[bit] for bit in set_bits(int(mask)))
        return [position for position in found if position is not None]
