"""Checks of the township a row names: not after its 停用日期, not outside the round's county.

A problem found on or after its township's 停用日期 belongs to the township that followed.

After 铁铜乡 merged into 枞阳镇 (2021-01-01) a new problem must name 枞阳镇: the old row
keeps only the history from before the merge, so past rounds stay right and rollup adds
them up. Problems found before the day keep the old name, as the ledger of that time did.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from data_access.ingest.errors import RowError
from data_access.ingest.normalise_sheet import ROW
from data_access.ingest.read import RawSheet
from data_access.ingest.resolve import NameBook
from i18n import t


def retired_township_errors(raw: RawSheet, frame: pd.DataFrame, names: NameBook) -> list[RowError]:
    """A RowError per problem row whose found_on is on or after its township's 停用日期."""
    if raw.spec.key != "problems" or not names.retired or frame.empty:
        return []
    errors = []
    rows = zip(frame[ROW], frame["township"], frame["township_id"], frame["found_on"], strict=True)
    for row, name, township_id, found_on in rows:
        if not isinstance(township_id, int) or township_id not in names.retired:
            continue
        ended, successor = names.retired[township_id]
        if isinstance(found_on, date) and found_on >= ended:
            reason = _reason(str(name), ended, names.townships.get(successor or 0))
            errors.append(
                RowError(raw.name, int(row), raw.header_of("township"), str(name), reason)
            )
    return errors


def _reason(name: str, ended: date, successor: str | None) -> str:
    """Why the row cannot name this township (and which one to name instead)."""
    if successor:
        return t(
            "ingest.reason.township_merged",
            name=name,
            ended=ended.isoformat(),
            successor=successor,
        )
    return t("ingest.reason.township_retired", name=name, ended=ended.isoformat())


def outside_county_errors(raw: RawSheet, frame: pd.DataFrame, names: NameBook) -> list[RowError]:
    """A RowError per problem row whose unit lies outside its round's county or district."""
    if raw.spec.key != "problems" or frame.empty:
        return []
    errors = []
    rows = zip(frame[ROW], frame["township"], frame["township_id"], frame["round_id"], strict=True)
    for row, name, township_id, round_id in rows:
        info = names.rounds.get(round_id) if isinstance(round_id, int) else None
        if info is None or info.county_id is None or not isinstance(township_id, int):
            continue
        if names.county_of.get(township_id, info.county_id) != info.county_id:
            reason = t("ingest.reason.outside_county", name=name, round=info.name)
            errors.append(
                RowError(raw.name, int(row), raw.header_of("township"), str(name), reason)
            )
    return errors
