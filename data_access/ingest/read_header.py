"""Where a sheet's header is and which field each of its columns names.

The header is the row (or pair of rows, under merged parents) among the first rows that
names the most fields of a sheet kind, its key field included. The uploader's mapping and
a saved mapping of the same header (by signature) come before recognition by words.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from data_access.ingest.columns import SheetSpec, normalise_header
from data_access.ingest.layout import HEADER_SCAN_ROWS, HeaderCell, header_cells, spans_two_rows
from data_access.ingest.recognise import CHOSEN, Guess, assign, guess
from data_access.ingest.spreadsheet import Merged

Mapping = dict[str, str | None]  # folded header label -> field (None: not imported)
# The column a header must name for each sheet kind (a problem may come without a code).
KEY_FIELDS = {
    "problems": ("code", "description"),
    "accountability": ("person_name",),
    "leads": ("code",),
    "regions": ("township",),
}
MIN_FIELDS = 2
LONGEST_HEADER = 30  # a longer cell is data, never a header


@dataclass
class Header:
    """A located header: where, its cells, every guess, and the field each column names."""

    spec: SheetSpec
    top: int  # 0-based row of its first row
    depth: int  # 1 or 2 rows
    cells: list[HeaderCell]
    guesses: list[Guess]
    assigned: dict[str, Guess]  # field -> the header naming it
    chosen_out: list[str] = field(default_factory=list)  # labels mapped to "not imported"

    @property
    def weight(self) -> tuple[int, int]:
        """How well it names fields: how many, then how surely."""
        return len(self.assigned), sum(g.score for g in self.assigned.values())


def locate_header(
    rows: list[list[object]],
    merged: tuple[Merged, ...],
    spec: SheetSpec,
    mapping: Mapping,
    saved: dict[str, Mapping],
) -> Header | None:
    """The best header of spec's kind among the first rows, or None."""
    best: Header | None = None
    for top in range(min(HEADER_SCAN_ROWS, len(rows))):
        depths = (2, 1) if spans_two_rows(rows, merged, top) else (1,)
        for depth in depths:
            header = _header_at(rows, spec, top, depth, mapping, saved)
            if header is not None and (best is None or header.weight > best.weight):
                best = header
    return best


def _header_at(
    rows: list[list[object]],
    spec: SheetSpec,
    top: int,
    depth: int,
    mapping: Mapping,
    saved: dict[str, Mapping],
) -> Header | None:
    """The header of depth rows at top, when it names the key field and enough others."""
    cells = [c for c in header_cells(rows, top, depth) if c.label]
    if len(cells) < MIN_FIELDS or any(len(c.label) > LONGEST_HEADER * 2 for c in cells[:1]):
        return None
    chosen = mapping or saved.get(header_signature(cells), {})
    guesses = [_guess(spec, cell, chosen) for cell in cells]
    assigned = assign(spec, guesses)
    if len(assigned) < MIN_FIELDS or not any(key in assigned for key in KEY_FIELDS[spec.key]):
        return None
    out = [g.cell.label for g in guesses if g.field is None and _folded(g.cell) in chosen]
    return Header(spec, top, depth, cells, guesses, assigned, out)


def _guess(spec: SheetSpec, cell: HeaderCell, chosen: Mapping) -> Guess:
    """The uploader's choice for a header, else recognition by its words."""
    folded = _folded(cell)
    if folded in chosen:
        field_name = chosen[folded]
        if field_name is None:
            return Guess(cell, None, 0)
        if field_name in {c.field for c in spec.columns}:
            unit = guess(spec, cell).unit
            return Guess(cell, field_name, CHOSEN, unit)
    if len(cell.label) > LONGEST_HEADER:
        return Guess(cell, None, 0)
    return guess(spec, cell)


def _folded(cell: HeaderCell) -> str:
    """A header's label folded as mappings key it."""
    return normalise_header(cell.label)


def header_signature(cells: list[HeaderCell]) -> str:
    """A header's fingerprint: its folded labels in order (blank columns left out)."""
    labels = "\x1f".join(_folded(c) for c in cells if c.label)
    return hashlib.sha256(labels.encode()).hexdigest()[:16]
