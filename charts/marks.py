"""Pieces the page charts share: click highlighting, 万元 conversion, outcome colours."""

from __future__ import annotations

import altair as alt

from data_access.codes import LEAD_OUTCOMES

DIMMED_OPACITY = 0.35
WAN_FORMAT = ",.2f"  # 万元 on axes and bar labels: 19.44
WAN_EXACT_FORMAT = ",.4f"  # 万元 in tooltips, exact to the 元: 19.4384
YUAN_FORMAT = ",d"
LABEL_COLOUR = "#424242"
OUTCOME_COLOURS: dict[str, str] = {
    "pending": "#F9A825",
    "case_opened": "#B22222",
    "closed_no_case": "#90A4AE",
}


def highlight(selection: alt.Parameter) -> dict:
    """Full opacity for the selected marks (or all, when nothing is selected)."""
    return alt.when(selection).then(alt.value(1.0)).otherwise(alt.value(DIMMED_OPACITY))


def with_wan(chart: alt.Chart, field: str = "recovered_yuan") -> alt.Chart:
    """Add `wan` (field in 万元) to every row, computed in Vega from the exact integer 元."""
    return chart.transform_calculate(wan=f"datum.{field} / 10000")


def money_tooltips() -> list[alt.Tooltip]:
    """The recovered money both ways: exact 元 and 万元."""
    return [
        alt.Tooltip("recovered_yuan:Q", title="挽回损失（元）", format=YUAN_FORMAT),
        alt.Tooltip("wan:Q", title="挽回损失（万元）", format=WAN_EXACT_FORMAT),
    ]


def outcome_colour(legend: alt.Legend | None = None) -> alt.Color:
    """Colour by lead outcome label, in the code table's order."""
    return alt.Color(
        "outcome_label:N",
        title="办理结果",
        scale=alt.Scale(
            domain=list(LEAD_OUTCOMES.values()),
            range=[OUTCOME_COLOURS[code] for code in LEAD_OUTCOMES],
        ),
        legend=legend or alt.Legend(orient="top", direction="horizontal"),
    )
