"""Builder for 轮次对比: completion rate by township, one bar per round side by side."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import LABEL_COLOUR
from charts.theme import COUNT_FORMAT, RATE_FORMAT, themed, top_legend
from i18n import t

# Older round pale, newer round strong; more rounds take the next colours.
ROUND_COLOURS = ("#90CAF9", "#1565C0", "#2E7D32", "#F9A825", "#6A1B9A", "#C62828")
ROW_STEP = 14  # pixels per bar; a township gets one bar per round


def _tooltip() -> list[alt.Tooltip]:
    """A bar's township, round and figures."""
    return [
        alt.Tooltip("township:N", title=t("charts.township")),
        alt.Tooltip("round:N", title=t("charts.round")),
        alt.Tooltip("problems_total:Q", title=t("charts.problems"), format=COUNT_FORMAT),
        alt.Tooltip("problems_rectified:Q", title=t("charts.rectified"), format=COUNT_FORMAT),
        alt.Tooltip("completion_rate:Q", title=t("charts.completion_rate"), format=RATE_FORMAT),
    ]


def largest_townships(df: pd.DataFrame, limit: int) -> pd.DataFrame:
    """df's rows of the limit townships with the most problems in the compared rounds.

    A province has 1,500 townships: a bar and a label for each in each round made a chart
    of 6,000 marks and 40,000 pixels that the browser drew on every visit. The table
    under the chart keeps every township.
    """
    totals = df.groupby("township_id")["problems_total"].sum()
    if len(totals) <= limit:
        return df
    largest = totals.sort_values(ascending=False, kind="stable").head(limit).index
    return df[df["township_id"].isin(largest)]


def round_comparison_chart(df: pd.DataFrame) -> alt.Chart:
    """Grouped horizontal bars: each township's completion rate in each compared round.

    df: fetch_round_comparison's frame (township, round, round_order, counts, rate). A
    township without problems in a round simply has no bar for it (e.g. merged away).
    """
    townships = list(dict.fromkeys(df.sort_values(["sort_order", "township_id"])["township"]))
    rounds = list(dict.fromkeys(df.sort_values("round_order")["round"]))
    colours = [ROUND_COLOURS[n % len(ROUND_COLOURS)] for n in range(len(rounds))]
    base = alt.Chart(df).encode(
        y=alt.Y("township:N", title=None, sort=townships, axis=alt.Axis(labelLimit=160)),
        yOffset=alt.YOffset("round:N", sort=rounds),
        x=alt.X(
            "completion_rate:Q",
            title=t("charts.rounds.rate_axis"),
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format=".0%", values=[0, 0.25, 0.5, 0.75, 1]),
        ),
        tooltip=_tooltip(),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "round:N",
            title=t("charts.round"),
            sort=rounds,
            scale=alt.Scale(domain=rounds, range=colours),
            legend=top_legend(2),
        )
    )
    labels = base.mark_text(align="left", dx=3, fontSize=10, color=LABEL_COLOUR).encode(
        text=alt.Text("completion_rate:Q", format=RATE_FORMAT)
    )
    # A step per bar of the inner (round) band: each township gets one bar per round.
    chart = alt.layer(bars, labels).properties(height=alt.Step(ROW_STEP))
    names = t("charts.list_separator").join(rounds)
    subtitle = t("charts.rounds.compared", rounds=names) if rounds else None
    return themed(chart, t("charts.rounds.title"), subtitle)
