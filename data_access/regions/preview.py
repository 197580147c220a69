"""A RegionsDiff as small display tables and report lines (Chinese headers and values)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from data_access.ingest.preview import COUNT_LABELS
from data_access.regions.diff import LEVEL_LABELS, PlaceDiff, RegionsDiff

FIELD_LABELS = {
    "kind": "类型",
    "valid_from": "启用日期",
    "valid_to": "停用日期",
    "merged_into": "并入",
    "is_poverty_village": "是否贫困村",
}
PLACE_COLUMNS = ["层级", "行号", "名称"]
CHANGE_COLUMNS = ["层级", "行号", "名称", "列", "原值", "新值"]


def place_name(place: PlaceDiff) -> str:
    """The place's path of names, e.g. 铜陵市 / 枞阳县 / 钱桥镇 / 钱桥村 (别名 in brackets)."""
    if place.level == "alias":
        return " / ".join(place.key[:-1]) + f"（别名：{place.key[-1]}）"
    return " / ".join(place.key)


def counts_frame(diff: RegionsDiff) -> pd.DataFrame:
    """One row per level (市, 县（区）, 乡镇, 别名, 村) with new / changed / unchanged counts."""
    rows = [
        {"层级": LEVEL_LABELS[level], **{COUNT_LABELS[k]: v for k, v in counts.items()}}
        for level, counts in diff.counts_by_level().items()
    ]
    return pd.DataFrame(
        rows, columns=["层级", *(COUNT_LABELS[k] for k in ("new", "changed", "unchanged"))]
    )


def places_frame(diff: RegionsDiff, which: str) -> pd.DataFrame:
    """The new or unchanged places: level, Excel row, name."""
    rows = [
        (LEVEL_LABELS[level], place.excel_row, place_name(place))
        for level, places in diff.levels.items()
        for place in getattr(places, which)
    ]
    return pd.DataFrame(rows, columns=PLACE_COLUMNS)


def changes_frame(diff: RegionsDiff) -> pd.DataFrame:
    """One line per changed value: level, Excel row, name, column, old value, new value."""
    rows = [
        (LEVEL_LABELS[level], place.excel_row, place_name(place), FIELD_LABELS[name],
         display(old), display(new))
        for level, places in diff.levels.items()
        for place in places.changed
        for name, (old, new) in place.fields.items()
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def display(value: Any) -> str:
    """A stored value as text: 是/否, ISO dates, "" for nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def report_lines(diff: RegionsDiff) -> list[str]:
    """Counts per level and every error, one per line (the command line's text report)."""
    lines = []
    for level, counts in diff.counts_by_level().items():
        shown = "  ".join(f"{COUNT_LABELS[k]} {v}" for k, v in counts.items())
        lines.append(f"{LEVEL_LABELS[level]}: {shown}")
    lines += [f"错误 / error: {error.describe()}（值「{error.value}」）" for error in diff.errors]
    return lines
