"""Chinese labels for code columns of small query results (unknown codes show as they are)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd


def label_codes(codes: pd.Series, labels: Mapping) -> pd.Series:
    """Each code's label from labels; a code without one is shown as the code itself."""
    return codes.map(labels).fillna(codes)


def code_rank(codes: pd.Series, order: Mapping) -> pd.Series:
    """Each code's position in order (a code table), unknown codes last: a stable sort key."""
    rank = {code: position for position, code in enumerate(order)}
    return codes.map(rank).fillna(len(rank)).astype("int64")
