"""Builders for 资金挽损: money recovered by township, sub-category and month; rules improved."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import (
    LABEL_COLOUR,
    WAN_AXIS_FORMAT,
    WAN_FORMAT,
    highlight,
    money_tooltips,
    with_wan,
)
from charts.theme import BAR_STEP, COUNT_FORMAT, area_scale, themed
from i18n import t

TOWNSHIP_SELECTION = "funds_township_pick"
SUB_CATEGORY_SELECTION = "funds_sub_category_pick"
RULES_SELECTION = "rules_township_pick"
MONEY_COLOUR = "#C62828"
# One row per bar, so "max" is the row's own money; layers may only share min/max/count sorts.
MOST_MONEY_FIRST = alt.EncodingSortField(field="recovered_yuan", op="max", order="descending")


def _area_colour(df: pd.DataFrame, legend_columns: int) -> alt.Color:
    """Colour by focus area label, one colour per area from its place (df's area_rank)."""
    return alt.Color(
        "focus_area_label:N",
        title=t("charts.focus_area"),
        scale=area_scale(df),
        legend=alt.Legend(
            orient="top", direction="horizontal", columns=legend_columns, labelLimit=0
        ),
    )


def _problems_tooltip() -> alt.Tooltip:
    """The problems behind a bar's money."""
    return alt.Tooltip("problems:Q", title=t("charts.problems_involved"), format=COUNT_FORMAT)


def _money_bars(
    df: pd.DataFrame, y: alt.Y, selection: alt.Parameter, **encodings
) -> alt.LayerChart | alt.FacetChart:
    """Horizontal red bars of 万元 per row of df, labelled at the end, highlighted on click."""
    base = with_wan(alt.Chart(df))
    bars = (
        base.mark_bar(color=MONEY_COLOUR)
        .encode(
            x=alt.X(
                "wan:Q", title=t("charts.recovered_wan"), axis=alt.Axis(format=WAN_AXIS_FORMAT)
            ),
            y=y,
            opacity=highlight(selection),
            **encodings,
        )
        .add_params(selection)
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11, color=LABEL_COLOUR).encode(
        x="wan:Q", y=y, text=alt.Text("wan:Q", format=WAN_FORMAT)
    )
    # Room on the right for the label of the longest bar.
    chart = alt.layer(bars, labels).properties(height=alt.Step(BAR_STEP))
    return chart.properties(padding={"right": 40})


def recovered_by_township_chart(df: pd.DataFrame) -> alt.Chart:
    """Money recovered per township, most first; a click filters to the township."""
    selection = alt.selection_point(name=TOWNSHIP_SELECTION, fields=["township_id"])
    y = alt.Y("township:N", title=None, sort=MOST_MONEY_FIRST, axis=alt.Axis(labelLimit=200))
    tooltip = [alt.Tooltip("township:N", title=t("charts.township")), *money_tooltips()]
    tooltip.append(_problems_tooltip())
    chart = _money_bars(df, y, selection, tooltip=tooltip)
    return themed(chart, t("charts.funds.township.title"), t("charts.funds.township.subtitle"))


def recovered_by_sub_category_chart(df: pd.DataFrame) -> alt.Chart:
    """Money recovered per problem sub-category (focus area in the tooltip); a click filters."""
    selection = alt.selection_point(name=SUB_CATEGORY_SELECTION, fields=["sub_category"])
    y = alt.Y("sub_category:N", title=None, sort=MOST_MONEY_FIRST, axis=alt.Axis(labelLimit=240))
    tooltip = [
        alt.Tooltip("sub_category:N", title=t("charts.funds.sub_category")),
        alt.Tooltip("focus_area_label:N", title=t("charts.focus_area")),
        *money_tooltips(),
        _problems_tooltip(),
    ]
    # One colour: a focus-area legend would not fit beside the long sub-category names.
    chart = _money_bars(df, y, selection, tooltip=tooltip)
    title = t("charts.funds.sub_category.title")
    return themed(chart, title, t("charts.funds.sub_category.subtitle"))


def recovered_by_month_chart(df: pd.DataFrame) -> alt.Chart:
    """Money recovered per month it came back (bars) and the running total (line), in 万元."""
    # Python dates are not JSON: a chart holding them cannot be saved as an image.
    frame = df.assign(
        month=pd.to_datetime(df["month"]), cumulative_wan=df["recovered_cumulative"] / 10_000
    )
    base = with_wan(alt.Chart(frame))
    month_title = t("charts.funds.month_axis")
    x = alt.X("month_label:N", title=month_title, sort=None, axis=alt.Axis(labelAngle=0))
    cumulative = alt.Tooltip(
        "cumulative_wan:Q", title=t("charts.funds.cumulative_wan"), format=WAN_FORMAT
    )
    tooltip = [alt.Tooltip("month_label:N", title=t("charts.month")), *money_tooltips()]
    tooltip += [_problems_tooltip(), cumulative]
    y_axis = alt.Axis(format=WAN_AXIS_FORMAT)
    bars = base.mark_bar(color=MONEY_COLOUR, width={"band": 0.6}).encode(
        x=x, y=alt.Y("wan:Q", title=t("charts.recovered_wan"), axis=y_axis), tooltip=tooltip
    )
    labels = base.mark_text(dy=-6, fontSize=11, color=LABEL_COLOUR).encode(
        x=x, y="wan:Q", text=alt.Text("wan:Q", format=WAN_FORMAT)
    )
    line = base.mark_line(color=LABEL_COLOUR, point=True, strokeDash=[4, 3]).encode(
        x=x, y="cumulative_wan:Q", tooltip=tooltip
    )
    chart = alt.layer(bars, labels, line).properties(height=340)  # title and axes included
    return themed(chart, t("charts.funds.month.title"), t("charts.funds.month.subtitle"))


def rules_by_township_chart(df: pd.DataFrame) -> alt.Chart:
    """Rules improved (完善制度) per township, stacked by focus area; a click filters."""
    selection = alt.selection_point(name=RULES_SELECTION, fields=["township_id"])
    rules_title = t("charts.funds.rules")
    chart = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X(
                "sum(rules_improved):Q",
                title=rules_title,
                axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1),
            ),
            y=alt.Y("township:N", title=None, sort="-x", axis=alt.Axis(labelLimit=200)),
            color=_area_colour(df, 3),
            # Keep the id in the summed data, or a click carries no township to filter by.
            detail="township_id:N",
            opacity=highlight(selection),
            tooltip=[
                alt.Tooltip("township:N", title=t("charts.township")),
                alt.Tooltip("focus_area_label:N", title=t("charts.focus_area")),
                alt.Tooltip("rules_improved:Q", title=rules_title, format=COUNT_FORMAT),
            ],
        )
        .add_params(selection)
        .properties(height=alt.Step(BAR_STEP))
    )
    return themed(chart, t("charts.funds.rules.title"), t("charts.funds.rules.subtitle"))
