"""Pieces the page charts share: click highlighting, 万元 conversion, outcome colours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import altair as alt
from altair.typing import ChannelOpacity

from charts.theme import COUNT_FORMAT
from data_access.codes import LEAD_OUTCOMES
from i18n import t

DIMMED_OPACITY = 0.35
DARK_CELL_SHARE = 0.6  # heatmap cells above this share of the largest count get white text
WAN_FORMAT = ",.2f"  # 万元 on bar labels: 19.44
WAN_AXIS_FORMAT = ",~f"  # 万元 on axes, no trailing zeros: 0, 2.5, 10
WAN_EXACT_FORMAT = ",.4f"  # 万元 in tooltips, exact to the 元: 19.4384
YUAN_FORMAT = ",d"
LABEL_COLOUR = "#424242"
OUTCOME_COLOURS: dict[str, str] = {
    "pending": "#F9A825",
    "case_opened": "#B22222",
    "closed_no_case": "#90A4AE",
}


def highlight(selection: alt.Parameter) -> ChannelOpacity:
    """Full opacity for the selected marks (or all, when nothing is selected)."""
    return alt.when(selection).then(alt.value(1.0)).otherwise(alt.value(DIMMED_OPACITY))


@dataclass(frozen=True)
class Heatmap:
    """What differs between the heatmaps: columns, rows, the count and its colours."""

    column: str  # label field across the top
    column_labels: list[str]  # every column, in order, shown even when empty
    row: alt.Y
    count: str
    scheme: Literal["blues", "purples"]  # a Vega colour scheme, light for few, dark for many
    tooltip: list[alt.Tooltip]
    font_size: int = 12


def heatmap(
    base: alt.Chart, spec: Heatmap, selection: alt.Parameter
) -> alt.LayerChart | alt.FacetChart:
    """Cells coloured by spec.count with the count written on them; a click uses selection."""
    base = base.encode(
        x=alt.X(
            f"{spec.column}:N",
            title=None,
            sort=spec.column_labels,
            scale=alt.Scale(domain=spec.column_labels),
            axis=alt.Axis(orient="top", labelAngle=0),
        ),
        y=spec.row,
    )
    cells = (
        base.mark_rect(stroke="white", strokeWidth=1.5)
        .encode(
            color=alt.Color(f"{spec.count}:Q", scale=alt.Scale(scheme=spec.scheme), legend=None),
            opacity=highlight(selection),
            tooltip=spec.tooltip,
        )
        .add_params(selection)
    )
    # White text on the darkest cells, dark text on the others.
    labels = (
        base.transform_joinaggregate(most=f"max({spec.count})")
        .mark_text(fontSize=spec.font_size)
        .encode(
            text=alt.Text(f"{spec.count}:Q", format=COUNT_FORMAT),
            color=alt.when(f"datum.{spec.count} > datum.most * {DARK_CELL_SHARE}")
            .then(alt.value("white"))
            .otherwise(alt.value(LABEL_COLOUR)),
        )
    )
    return alt.layer(cells, labels)


def with_wan(chart: alt.Chart, field: str = "recovered_yuan") -> alt.Chart:
    """Add `wan` (field in 万元) to every row, computed in Vega from the exact integer 元."""
    return chart.transform_calculate(wan=f"datum.{field} / 10000")


def money_tooltips() -> list[alt.Tooltip]:
    """The recovered money both ways: exact 元 and 万元."""
    return [
        alt.Tooltip("recovered_yuan:Q", title=t("charts.recovered_yuan"), format=YUAN_FORMAT),
        alt.Tooltip("wan:Q", title=t("charts.recovered_wan"), format=WAN_EXACT_FORMAT),
    ]


def outcome_colour(legend: alt.Legend | None = None) -> alt.Color:
    """Colour by lead outcome label, in the code table's order."""
    return alt.Color(
        "outcome_label:N",
        title=t("charts.outcome"),
        scale=alt.Scale(
            domain=list(LEAD_OUTCOMES.values()),
            range=[OUTCOME_COLOURS[code] for code in LEAD_OUTCOMES],
        ),
        legend=legend or alt.Legend(orient="top", direction="horizontal"),
    )
