"""A note under a by-township chart that shows only the largest townships (province scale)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.queries.facts import CHART_TOWNSHIPS


def note_largest_townships(frame: pd.DataFrame, *, measure: str) -> None:
    """Say so when the chart holds the CHART_TOWNSHIPS townships with the most of measure."""
    if frame["township_id"].nunique() >= CHART_TOWNSHIPS:
        st.caption(
            f"仅显示{measure}最多的 {CHART_TOWNSHIPS} 个乡镇；按市、县区筛选可查看其余乡镇。"
        )
