"""A RegionsDiff as small display tables and report lines, in the UI language."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data_access.codes import LabelMap
from data_access.regions.diff import COUNT_KEYS, LEVEL_LABELS, PlaceDiff, RegionsDiff
from i18n import t

# A changed column's name: its header (catalogue "regions.sheet.column.<field>").
FIELD_LABELS = LabelMap(
    "sheet.column",
    ("kind", "valid_from", "valid_to", "merged_into", "is_poverty_village"),
    area="regions",
)
# The outcomes a level counts, named as in the ledger preview (catalogue "ingest.count.<key>").
PLACE_COUNT_LABELS = LabelMap("count", COUNT_KEYS[:3], area="ingest")
# Table headers: catalogue keys of the place columns, then of a changed value's columns.
PLACE_COLUMN_KEYS = ("regions.preview.level", "ingest.preview.row", "regions.preview.name")
CHANGE_COLUMN_KEYS = (
    *PLACE_COLUMN_KEYS,
    *("ingest.preview.column", "ingest.preview.old", "ingest.preview.new"),
)


def place_columns() -> list[str]:
    """Headers of a places table: level, Excel row, name."""
    return [t(key) for key in PLACE_COLUMN_KEYS]


def change_columns() -> list[str]:
    """Headers of the changes table: level, Excel row, name, column, old value, new value."""
    return [t(key) for key in CHANGE_COLUMN_KEYS]


def place_name(place: PlaceDiff) -> str:
    """The place's path of names, e.g. 铜陵市 / 枞阳县 / 钱桥镇 / 钱桥村 (an alias in brackets)."""
    if place.level == "alias":
        return " / ".join(place.key[:-1]) + t("regions.preview.alias", alias=place.key[-1])
    return " / ".join(place.key)


def counts_frame(diff: RegionsDiff) -> pd.DataFrame:
    """One row per level (city, county, township, alias, village): new / changed / unchanged."""
    level = t("regions.preview.level")
    rows = [
        {level: LEVEL_LABELS[name], **{PLACE_COUNT_LABELS[k]: v for k, v in counts.items()}}
        for name, counts in diff.counts_by_level().items()
    ]
    return pd.DataFrame(rows, columns=[level, *PLACE_COUNT_LABELS.values()])


def places_frame(diff: RegionsDiff, which: str) -> pd.DataFrame:
    """The new or unchanged places: level, Excel row, name."""
    rows = [
        (LEVEL_LABELS[level], place.excel_row, place_name(place))
        for level, places in diff.levels.items()
        for place in getattr(places, which)
    ]
    return pd.DataFrame(rows, columns=place_columns())


def changes_frame(diff: RegionsDiff) -> pd.DataFrame:
    """One line per changed value: level, Excel row, name, column, old value, new value."""
    rows = [
        (LEVEL_LABELS[level], place.excel_row, place_name(place), FIELD_LABELS[name],
         display(old), display(new))
        for level, places in diff.levels.items()
        for place in places.changed
        for name, (old, new) in place.fields.items()
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=change_columns())


def display(value: object) -> str:
    """A stored value as text: yes/no (是/否), ISO dates, "" for nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("ingest.preview.yes" if value else "ingest.preview.no")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def report_lines(diff: RegionsDiff) -> list[str]:
    """Counts per level and every error, one per line (the command line's text report)."""
    lines = []
    for level, counts in diff.counts_by_level().items():
        shown = "  ".join(f"{PLACE_COUNT_LABELS[k]} {v}" for k, v in counts.items())
        lines.append(f"{LEVEL_LABELS[level]}: {shown}")
    lines += [
        t("regions.report.error", line=error.describe(), value=error.value) for error in diff.errors
    ]
    return lines
