"""Builder for 轮次对比: completion rate by township, one bar per round side by side."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import LABEL_COLOUR
from charts.theme import COUNT_FORMAT, RATE_FORMAT, themed, top_legend

# Older round pale, newer round strong; more rounds take the next colours.
ROUND_COLOURS = ("#90CAF9", "#1565C0", "#2E7D32", "#F9A825", "#6A1B9A", "#C62828")
ROW_STEP = 14  # pixels per bar; a township gets one bar per round
TOOLTIP = [
    alt.Tooltip("township:N", title="乡镇"),
    alt.Tooltip("round:N", title="巡察轮次"),
    alt.Tooltip("problems_total:Q", title="问题数", format=COUNT_FORMAT),
    alt.Tooltip("problems_rectified:Q", title="整改完成", format=COUNT_FORMAT),
    alt.Tooltip("completion_rate:Q", title="完成率", format=RATE_FORMAT),
]


def round_comparison_chart(df: pd.DataFrame) -> alt.LayerChart:
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
            title="整改完成率",
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format=".0%", values=[0, 0.25, 0.5, 0.75, 1]),
        ),
        tooltip=TOOLTIP,
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "round:N",
            title="巡察轮次",
            sort=rounds,
            scale=alt.Scale(domain=rounds, range=colours),
            legend=top_legend(2),
        )
    )
    labels = base.mark_text(align="left", dx=3, fontSize=10, color=LABEL_COLOUR).encode(
        text=alt.Text("completion_rate:Q", format=".0%")
    )
    # A step per bar of the inner (round) band: each township gets one bar per round.
    chart = alt.layer(bars, labels).properties(height=alt.Step(ROW_STEP))
    subtitle = "对比：" + "、".join(rounds) if rounds else None
    return themed(chart, "各乡镇整改完成率：本轮与上一轮", subtitle)
