"""Builders for 线索移交: the lead → case → people → sanction funnel, outcomes by township."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import LABEL_COLOUR, highlight, outcome_colour
from charts.theme import BAR_STEP, COUNT_FORMAT, themed
from i18n import t

TOWNSHIP_SELECTION = "leads_township_pick"
FUNNEL_COLOUR = "#1565C0"


def lead_funnel_chart(df: pd.DataFrame) -> alt.Chart:
    """The funnel as bars in stage order, each labelled with its count and unit."""
    base = alt.Chart(df).transform_calculate(text="format(datum.count, ',d') + ' ' + datum.unit")
    y = alt.Y("stage_label:N", title=None, sort=None, axis=alt.Axis(labelLimit=200))
    bars = base.mark_bar(color=FUNNEL_COLOUR).encode(
        x=alt.X(
            "count:Q",
            title=t("charts.leads.count"),
            axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1),
        ),
        y=y,
        tooltip=[
            alt.Tooltip("stage_label:N", title=t("charts.leads.stage")),
            alt.Tooltip("text:N", title=t("charts.leads.count")),
        ],
    )
    labels = base.mark_text(align="left", dx=4, fontSize=13, color=LABEL_COLOUR).encode(
        x="count:Q", y=y, text="text:N"
    )
    chart = alt.layer(bars, labels).properties(height=alt.Step(BAR_STEP + 14))
    return themed(chart, t("charts.leads.funnel.title"), t("charts.leads.funnel.subtitle"))


def _outcome_bars(df: pd.DataFrame, field: str, title: str) -> alt.Chart:
    """Horizontal bars of leads per value of field (most first), stacked by outcome."""
    y = alt.Y(f"{field}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=240))
    leads = t("charts.leads.leads")
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("sum(leads):Q", title=leads, axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1)),
            y=y,
            color=outcome_colour(),
            tooltip=[
                alt.Tooltip(f"{field}:N", title=title),
                alt.Tooltip("outcome_label:N", title=t("charts.outcome")),
                alt.Tooltip("leads:Q", title=leads, format=COUNT_FORMAT),
            ],
        )
        .properties(height=alt.Step(BAR_STEP))
    )


def leads_by_township_chart(df: pd.DataFrame) -> alt.Chart:
    """Leads per township stacked by outcome; a click filters to the township."""
    selection = alt.selection_point(name=TOWNSHIP_SELECTION, fields=["township_id"])
    # detail keeps township_id in the summed data, so a click carries the township.
    chart = _outcome_bars(df, "township", t("charts.township")).encode(
        opacity=highlight(selection), detail="township_id:N"
    )
    # Room on the right for the last axis label when the longest bar reaches the edge.
    chart = chart.add_params(selection).properties(padding={"right": 16})
    return themed(chart, t("charts.leads.township.title"), t("charts.leads.township.subtitle"))


def leads_by_receiver_chart(df: pd.DataFrame) -> alt.Chart:
    """Leads per receiving body (移交单位) stacked by outcome."""
    chart = _outcome_bars(df, "transferred_to", t("charts.leads.receiver"))
    return themed(chart, t("charts.leads.receiver.title"), t("charts.leads.receiver.subtitle"))
