"""Builders for 问题清单: problems per focus area × status, overdue as its own column."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import Heatmap, heatmap
from charts.theme import COUNT_FORMAT, ranked_labels, themed
from data_access.codes import STATUSES_WITH_OVERDUE
from i18n import t

STATUS_SELECTION = "ledger_status_pick"
CELL_HEIGHT = 44


def status_matrix_chart(df: pd.DataFrame) -> alt.Chart:
    """A heatmap: focus areas down (in df's area_rank order), statuses across, the problem
    count in each cell.

    A click on a cell selects its status (overdue included) and its focus area, so the
    ledger narrows to the cell's problems.
    """
    selection = alt.selection_point(name=STATUS_SELECTION, fields=["status", "focus_area"])
    spec = Heatmap(
        column="status_label",
        # Workflow order left to right, then the derived 已逾期 (a subset of the open ones).
        column_labels=list(STATUSES_WITH_OVERDUE.values()),
        row=alt.Y(
            "focus_area_label:N",
            title=None,
            sort=ranked_labels(df),
            axis=alt.Axis(labelLimit=220),
        ),
        count="problems",
        scheme="blues",
        tooltip=[
            alt.Tooltip("focus_area_label:N", title=t("charts.focus_area")),
            alt.Tooltip("status_label:N", title=t("charts.status")),
            alt.Tooltip("problems:Q", title=t("charts.problems"), format=COUNT_FORMAT),
        ],
        font_size=13,
    )
    chart = heatmap(alt.Chart(df), spec, selection).properties(height=alt.Step(CELL_HEIGHT))
    title = t("charts.problems.matrix.title")
    return themed(chart, title, t("charts.problems.matrix.subtitle"))
