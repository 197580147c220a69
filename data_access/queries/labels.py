"""Labels for code columns of small query results (unknown codes show as they are).

Labels are read when a query runs, in the current language (data_access.cache keys its
cached results on the language too).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from i18n import t


def label_codes(codes: pd.Series, labels: Mapping) -> pd.Series:
    """Each code's label from labels; a code without one is shown as the code itself."""
    return codes.map(labels).fillna(codes)


def month_label(month: date | None, missing: str) -> str:
    """A month as "2018年7月" / "2018-07"; missing for a row without a month."""
    return t("queries.month", year=month.year, month=month.month) if month else missing


def code_rank(codes: pd.Series, order: Mapping) -> pd.Series:
    """Each code's position in order (a code table), unknown codes last: a stable sort key."""
    rank = {code: position for position, code in enumerate(order)}
    return codes.map(rank).fillna(len(rank)).astype("int64")
