"""Builders for 线索移交: the lead → case → people → sanction funnel, outcomes by township."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import LABEL_COLOUR, highlight, outcome_colour
from charts.theme import BAR_STEP, COUNT_FORMAT, themed

TOWNSHIP_SELECTION = "leads_township_pick"
FUNNEL_COLOUR = "#1565C0"


def lead_funnel_chart(df: pd.DataFrame) -> alt.LayerChart:
    """The funnel as bars in stage order, each labelled with its count and unit."""
    base = alt.Chart(df).transform_calculate(text="format(datum.count, ',d') + ' ' + datum.unit")
    y = alt.Y("stage_label:N", title=None, sort=None, axis=alt.Axis(labelLimit=200))
    bars = base.mark_bar(color=FUNNEL_COLOUR).encode(
        x=alt.X("count:Q", title="数量", axis=alt.Axis(format=COUNT_FORMAT)),
        y=y,
        tooltip=[
            alt.Tooltip("stage_label:N", title="环节"),
            alt.Tooltip("text:N", title="数量"),
        ],
    )
    labels = base.mark_text(align="left", dx=4, fontSize=13, color=LABEL_COLOUR).encode(
        x="count:Q", y=y, text="text:N"
    )
    chart = alt.layer(bars, labels).properties(height=alt.Step(BAR_STEP + 14))
    return themed(chart, "线索处置漏斗", "移交线索 → 立案审查 → 涉及人员 → 给予处分")


def _outcome_bars(df: pd.DataFrame, field: str, title: str) -> alt.Chart:
    """Horizontal bars of leads per value of field (most first), stacked by outcome."""
    y = alt.Y(f"{field}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=240))
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("sum(leads):Q", title="线索（条）", axis=alt.Axis(format=COUNT_FORMAT)),
            y=y,
            color=outcome_colour(),
            tooltip=[
                alt.Tooltip(f"{field}:N", title=title),
                alt.Tooltip("outcome_label:N", title="办理结果"),
                alt.Tooltip("leads:Q", title="线索（条）", format=COUNT_FORMAT),
            ],
        )
        .properties(height=alt.Step(BAR_STEP))
    )


def leads_by_township_chart(df: pd.DataFrame) -> alt.Chart:
    """Leads per township stacked by outcome; a click filters to the township."""
    selection = alt.selection_point(name=TOWNSHIP_SELECTION, fields=["township_id"])
    # detail keeps township_id in the summed data, so a click carries the township.
    chart = _outcome_bars(df, "township", "乡镇").encode(
        opacity=highlight(selection), detail="township_id:N"
    )
    # Room on the right for the last axis label when the longest bar reaches the edge.
    chart = chart.add_params(selection).properties(padding={"right": 16})
    return themed(chart, "各乡镇移交线索及办理结果", "点击乡镇筛选")


def leads_by_receiver_chart(df: pd.DataFrame) -> alt.Chart:
    """Leads per receiving body (移交单位) stacked by outcome."""
    chart = _outcome_bars(df, "transferred_to", "移交单位")
    return themed(chart, "线索办理结果（按移交单位）", "颜色为办理结果")
