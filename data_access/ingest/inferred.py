"""Dates a problem row leaves to the reader: deadlines without a year, the kind of a deadline,
发现日期 where the file has none, 完成日期 of a 已完成 row without one.

The reference day is the ledger's 截至 date (its title), else the upload's date. An inferred
发现日期 is marked found_on_inferred, and never makes a row invalid (validate.py).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from data_access.codes import COMPLETED_STATUS
from data_access.ingest.cell_dates import YearLess, deadline_kind
from data_access.ingest.distinct import map_distinct
from data_access.ingest.errors import joined
from data_access.ingest.marks import mark_filled
from data_access.ingest.read import RawSheet
from data_access.ingest.resolve import NameBook
from i18n import t


def settle_dates(
    raw: RawSheet,
    frame: pd.DataFrame,
    fields: tuple[str, ...],
    *,
    names: NameBook,
    reference: date,
    from_title: bool,
) -> list[str]:
    """Fill the problem frame's derived dates in place; the notices the uploader should read."""
    year = reference.year
    deadlines = map_distinct(
        frame["deadline"], lambda v: v.in_year(year) if isinstance(v, YearLess) else v
    )
    frame["deadline"] = pd.Series(deadlines, index=frame.index, dtype=object)
    if "deadline" in raw.columns:
        kinds = map_distinct(raw.values("deadline"), deadline_kind)
        frame["deadline_kind"] = pd.Series(kinds, index=frame.index, dtype=object)
    _infer_found_on(frame, names=names, reference=reference)
    return _date_rectified(raw, frame, fields, reference=reference, from_title=from_title)


def _infer_found_on(frame: pd.DataFrame, *, names: NameBook, reference: date) -> None:
    """A blank 发现日期 takes the round's feedback (else start) date, else reference."""

    def round_date(round_id: object) -> date:
        """The date a problem of round_id was found, as far as the round says."""
        if isinstance(round_id, int) and round_id in names.rounds:
            return names.rounds[round_id].default_found_on or reference
        return reference

    missing = frame["found_on"].isna().to_numpy(dtype=bool)
    defaults = map_distinct(frame["round_id"], round_date)
    found = [d if m else v for v, d, m in zip(frame["found_on"], defaults, missing, strict=True)]
    frame["found_on"] = pd.Series(found, index=frame.index, dtype=object)
    frame["found_on_inferred"] = pd.Series(missing.tolist(), index=frame.index, dtype=object)


def _date_rectified(
    raw: RawSheet,
    frame: pd.DataFrame,
    fields: tuple[str, ...],
    *,
    reference: date,
    from_title: bool,
) -> list[str]:
    """已完成 without 完成日期: dated reference, with one notice naming the rows."""
    undated = ((frame["status"] == COMPLETED_STATUS) & frame["rectified_on"].isna()).to_numpy()
    if not undated.any():
        return []
    values = frame["rectified_on"].tolist()
    frame["rectified_on"] = pd.Series(
        [reference if u else v for v, u in zip(values, undated, strict=True)],
        index=frame.index,
        dtype=object,
    )
    mark_filled(frame, "rectified_on", undated, fields)
    rows = np.asarray(raw.row_numbers)[undated].tolist()
    basis = t("ingest.notice.basis_title" if from_title else "ingest.notice.basis_upload")
    return [
        t(
            "ingest.notice.rectified_dated",
            sheet=raw.name,
            rows=joined(rows),
            basis=basis,
            day=reference.isoformat(),
        )
    ]
