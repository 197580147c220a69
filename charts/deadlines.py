"""Overdue early warning (红黄绿) per township, and the completion projection per township."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import BAR_STEP, COUNT_FORMAT, themed, top_legend
from data_access.codes import DUE_SOON, ON_TRACK, OVERDUE, WARNING_LEVELS
from data_access.queries.facts import CHART_TOWNSHIPS
from i18n import t

WARNING_SELECTION = "warning_pick"
# 逾期 red, 临期 amber, 正常 green: the colours of a traffic light, in that order.
WARNING_COLOURS = {OVERDUE: "#C62828", DUE_SOON: "#F9A825", ON_TRACK: "#2E7D32"}
# The Filter value a clicked segment sets: only 逾期 is a status the Filter knows.
FILTER_STATUS = {OVERDUE: OVERDUE, DUE_SOON: "", ON_TRACK: ""}
DIMMED_OPACITY = 0.35


def warning_rows(df: pd.DataFrame) -> pd.DataFrame:
    """fetch_deadline_warnings' frame (first CHART_TOWNSHIPS rows) as one row per level."""
    frame = df.head(CHART_TOWNSHIPS).melt(
        id_vars=["township_id", "township"],
        value_vars=list(WARNING_LEVELS),
        var_name="level",
        value_name="problems",
    )
    frame["level_label"] = frame["level"].map(WARNING_LEVELS)
    frame["level_rank"] = frame["level"].map({code: i for i, code in enumerate(WARNING_LEVELS)})
    frame["filter_status"] = frame["level"].map(FILTER_STATUS)
    return frame[frame["problems"] > 0].reset_index(drop=True)


def warning_chart(df: pd.DataFrame, days: int) -> alt.Chart:
    """Problems not rectified per township stacked 逾期/临期/正常, most overdue at the top.

    A click selects the township and, on a red segment, the overdue status too.
    """
    frame = warning_rows(df)
    selection = alt.selection_point(name=WARNING_SELECTION, fields=["township_id", "filter_status"])
    labels = WARNING_LEVELS.values()
    colour = alt.Color(
        "level_label:N",
        title=t("charts.deadlines.level"),
        scale=alt.Scale(domain=list(labels), range=list(WARNING_COLOURS.values())),
        legend=top_legend(3),
    )
    order = list(dict.fromkeys(df.head(CHART_TOWNSHIPS)["township"]))
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "problems:Q",
                title=t("charts.deadlines.axis"),
                axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1),
            ),
            y=alt.Y("township:N", title=None, sort=order, axis=alt.Axis(labelLimit=200)),
            color=colour,
            order=alt.Order("level_rank:Q"),
            opacity=alt.when(selection).then(alt.value(1.0)).otherwise(alt.value(DIMMED_OPACITY)),
            tooltip=[
                alt.Tooltip("township:N", title=t("charts.township")),
                alt.Tooltip("level_label:N", title=t("charts.deadlines.level")),
                alt.Tooltip("problems:Q", title=t("charts.problems"), format=COUNT_FORMAT),
            ],
        )
        .add_params(selection)
        .properties(height=alt.Step(BAR_STEP))
    )
    return themed(chart, t("charts.deadlines.title"), t("charts.deadlines.subtitle", days=days))
