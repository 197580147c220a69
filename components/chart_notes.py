"""A note under a by-township chart that shows only the largest townships (province scale)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.queries.facts import CHART_TOWNSHIPS
from i18n import t


def note_largest_townships(frame: pd.DataFrame, *, measure: str) -> None:
    """Say so when the chart holds the CHART_TOWNSHIPS townships with the most of measure."""
    if frame["township_id"].nunique() >= CHART_TOWNSHIPS:
        st.caption(t("components.chart_notes.largest", measure=measure, count=CHART_TOWNSHIPS))
