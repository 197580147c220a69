"""Builders for 问题清单: problems per focus area × status, overdue as its own column."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import Heatmap, heatmap
from charts.theme import COUNT_FORMAT, themed
from data_access.codes import FOCUS_AREAS, OVERDUE_LABEL, STATUSES

STATUS_SELECTION = "ledger_status_pick"
# Workflow order left to right, then the derived 已逾期 (a subset of the open ones).
MATRIX_STATUS_LABELS = [*STATUSES.values(), OVERDUE_LABEL]
CELL_HEIGHT = 44


def status_matrix_chart(df: pd.DataFrame) -> alt.LayerChart:
    """A heatmap: focus areas down, statuses across, the problem count in each cell.

    A click on a cell selects its status (overdue included), so the ledger narrows to it.
    """
    selection = alt.selection_point(name=STATUS_SELECTION, fields=["status"])
    spec = Heatmap(
        column="status_label",
        column_labels=MATRIX_STATUS_LABELS,
        row=alt.Y(
            "focus_area_label:N",
            title=None,
            sort=list(FOCUS_AREAS.values()),
            axis=alt.Axis(labelLimit=220),
        ),
        count="problems",
        scheme="blues",
        tooltip=[
            alt.Tooltip("focus_area_label:N", title="巡察重点"),
            alt.Tooltip("status_label:N", title="整改状态"),
            alt.Tooltip("problems:Q", title="问题数", format=COUNT_FORMAT),
        ],
        font_size=13,
    )
    chart = heatmap(alt.Chart(df), spec, selection).properties(height=alt.Step(CELL_HEIGHT))
    subtitle = "“已逾期”为超过整改时限仍未完成的问题（也计入其所在状态）；点击单元格按状态筛选"
    return themed(chart, "各巡察重点 × 整改状态", subtitle)
