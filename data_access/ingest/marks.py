"""Which cells of a parsed row may change a stored row: a file changes only what it says.

Each row of a parsed frame carries three bit masks over OUTPUT_FIELDS[sheet] (bit i is the
i-th field), set before defaults fill the blanks:
- KEEP: the file has no column for the field, so the stored value stays;
- BLANK: the cell is blank, so the stored value stays unless the uploader clears blanks;
- FILL: the value is inferred (发现日期 from the round, 完成日期 from the 截至 date), so a
  stored value wins over it.
A new row takes the file's values (defaults and inferred values) whatever its marks.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd

from data_access.ingest.read import RawSheet

KEEP, BLANK, FILL = "_keep", "_blank", "_fill"
MARK_COLUMNS = (KEEP, BLANK, FILL)
# Derived from other cells whatever the file says: the accountability code, 是否组织.
UNMARKED = frozenset({"code", "is_organisation"})
# Blank means "the file's default" here, never a value to clear: the round, 发现日期.
FILLED_WHEN_BLANK = frozenset({"round_id", "found_on", "found_on_inferred"})
# A frame column read from a file column of another name, or derived from one.
FOLLOWS = {
    "township_id": "township",
    "village_id": "village",
    "group_id": "group",
    "round_id": "round",
    "deadline_kind": "deadline",
    "found_on_inferred": "found_on",
}


def mark_cells(raw: RawSheet, frame: pd.DataFrame, fields: tuple[str, ...]) -> None:
    """Add the KEEP / BLANK / FILL columns to a normalised frame (fields: its output fields)."""
    count = len(frame)
    marks = {name: np.zeros(count, dtype=np.int64) for name in MARK_COLUMNS}
    file_fields = {spec.field for spec in raw.spec.columns}
    for position, field in enumerate(fields):
        source = FOLLOWS.get(field, field)
        if field in UNMARKED or source not in file_fields:
            continue
        bit = np.int64(1) << np.int64(position)
        blank = frame[source].isna().to_numpy(dtype=bool) if source in frame.columns else None
        if field in FILLED_WHEN_BLANK:
            marks[FILL] |= bit if blank is None or source not in raw.columns else blank * bit
        elif source not in raw.columns:
            marks[KEEP] |= bit
        elif blank is not None:
            marks[BLANK] |= blank * bit
    for name, values in marks.items():
        frame[name] = values


def mark_filled(frame: pd.DataFrame, field: str, rows: np.ndarray, fields: tuple[str, ...]) -> None:
    """Mark the cells of field in rows (a boolean array) as inferred, no longer kept or blank."""
    bit = np.int64(1) << np.int64(fields.index(field))
    for name in (KEEP, BLANK):
        frame[name] = np.where(rows, frame[name].to_numpy() & ~bit, frame[name].to_numpy())
    frame[FILL] = np.where(rows, frame[FILL].to_numpy() | bit, frame[FILL].to_numpy())


def set_bits(mask: int) -> Iterator[int]:
    """The positions of the bits set in mask, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low
