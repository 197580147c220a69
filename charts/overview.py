"""Builders for the overview page: completion by township, focus areas, accountability, trend."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
from altair.typing import ChannelOpacity

from charts.marks import WAN_EXACT_FORMAT
from charts.theme import (
    BAR_STEP,
    COUNT_FORMAT,
    RATE_FORMAT,
    date_format,
    form_scale,
    no_form_label,
    ranked_labels,
    status_colour,
    status_rank_expression,
    themed,
    top_legend,
)
from data_access.codes import COMPLETED_STATUS
from i18n import t

# Selection names: issue 3 reads event["selection"][name] to turn a click into a filter.
TOWNSHIP_SELECTION = "township_pick"
FOCUS_AREA_SELECTION = "focus_area_pick"
CATEGORY_SELECTION = "category_pick"
WEEK_SELECTION = "week_pick"
DIMMED_OPACITY = 0.35


def _highlight(selection: alt.Parameter) -> ChannelOpacity:
    """Full opacity for the selected marks (or all, when nothing is selected)."""
    return alt.when(selection).then(alt.value(1.0)).otherwise(alt.value(DIMMED_OPACITY))


def _with_completion(chart: alt.Chart, key: str) -> alt.Chart:
    """Add per-group total, completed count and completion rate to every row (in Vega)."""
    return (
        chart.transform_calculate(
            done=f"datum.status == '{COMPLETED_STATUS}' ? datum.problems : 0",
            status_rank=status_rank_expression(),
        )
        .transform_joinaggregate(total="sum(problems)", done_total="sum(done)", groupby=[key])
        .transform_calculate(rate="datum.total > 0 ? datum.done_total / datum.total : 0")
    )


@dataclass(frozen=True)
class StatusBars:
    """What differs between the stacked-by-status bar charts: the grouping and its order."""

    key: str  # id column: what a click selects
    label: str  # the name shown on the y axis
    label_title: str
    sort: alt.EncodingSortField | list[str]
    selection: str
    legend_columns: int  # 2 for a chart that sits in a narrow column


def _township_bars() -> StatusBars:
    """Townships, best completion rate first (built per chart: the title follows the language)."""
    return StatusBars(
        key="township_id",
        label="township",
        label_title=t("charts.township"),
        sort=alt.EncodingSortField(field="rate", op="max", order="descending"),
        selection=TOWNSHIP_SELECTION,
        legend_columns=4,
    )


def _focus_area_bars(df: pd.DataFrame) -> StatusBars:
    """Focus areas in the round's own order (df's area_rank), not alphabetical."""
    return StatusBars(
        key="focus_area",
        label="focus_area_label",
        label_title=t("charts.focus_area"),
        sort=ranked_labels(df),
        selection=FOCUS_AREA_SELECTION,
        legend_columns=2,
    )


def _status_bars(df: pd.DataFrame, spec: StatusBars) -> alt.LayerChart | alt.FacetChart:
    """Horizontal bars of problems stacked by status, with each group's completion rate."""
    selection = alt.selection_point(name=spec.selection, fields=[spec.key])
    y = alt.Y(f"{spec.label}:N", title=None, sort=spec.sort, axis=alt.Axis(labelLimit=200))
    base = _with_completion(alt.Chart(df), spec.key)
    bars = (
        base.mark_bar()
        .encode(
            x=alt.X(
                "sum(problems):Q",
                title=t("charts.problems_axis"),
                axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1),
            ),
            y=y,
            color=status_colour(spec.legend_columns),
            order=alt.Order("status_rank:Q"),
            # The clicked id must survive the aggregation, or the selection holds no value.
            detail=alt.Detail(f"{spec.key}:N"),
            opacity=_highlight(selection),
            tooltip=[
                alt.Tooltip(f"{spec.label}:N", title=spec.label_title),
                alt.Tooltip("status_label:N", title=t("charts.status")),
                alt.Tooltip("sum(problems):Q", title=t("charts.problems"), format=COUNT_FORMAT),
                alt.Tooltip("max(rate):Q", title=t("charts.completion_rate"), format=RATE_FORMAT),
            ],
        )
        .add_params(selection)
    )
    rates = base.mark_text(align="left", dx=4, fontSize=11, color="#424242").encode(
        x=alt.X("max(total):Q"),
        y=y,
        text=alt.Text("max(rate):Q", format=RATE_FORMAT),
    )
    return alt.layer(bars, rates).properties(height=alt.Step(BAR_STEP))


def completion_by_township_chart(df: pd.DataFrame) -> alt.Chart:
    """Problems per township stacked by status, best completion rate at the top."""
    title = t("charts.overview.township.title")
    subtitle = t("charts.overview.township.subtitle")
    return themed(_status_bars(df, _township_bars()), title, subtitle)


def focus_area_chart(df: pd.DataFrame) -> alt.Chart:
    """Problems per focus area (巡察重点) stacked by status, in the order of df's area_rank."""
    title = t("charts.overview.area.title")
    subtitle = t("charts.overview.area.subtitle")
    return themed(_status_bars(df, _focus_area_bars(df)), title, subtitle)


def accountability_chart(df: pd.DataFrame) -> alt.Chart:
    """People held accountable per category (处理方式), coloured by 四种形态 form."""
    frame = df.assign(form_label=df["form_label"].fillna(no_form_label()))
    selection = alt.selection_point(name=CATEGORY_SELECTION, fields=["category"])
    y = alt.Y(
        "category_label:N",
        title=None,
        sort=alt.EncodingSortField(field="category_total", op="max", order="descending"),
        axis=alt.Axis(labelLimit=200),
    )
    # Layers share the y scale, and a shared sort may only use min/max/count: sort on the
    # per-category total computed first.
    base = alt.Chart(frame).transform_joinaggregate(
        category_total="sum(people)", groupby=["category"]
    )
    bars = (
        base.mark_bar()
        .encode(
            x=alt.X(
                "sum(people):Q",
                title=t("charts.people_axis"),
                axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1),
            ),
            y=y,
            color=alt.Color(
                "form_label:N",
                title=t("charts.forms"),
                scale=form_scale(sorted(frame["form_label"].unique())),
                legend=top_legend(columns=2),  # drawn in the narrow right-hand column
            ),
            detail=alt.Detail("category:N"),  # keeps the clicked category in the datum
            opacity=_highlight(selection),
            tooltip=[
                alt.Tooltip("category_label:N", title=t("charts.category")),
                alt.Tooltip("form_label:N", title=t("charts.form")),
                alt.Tooltip("sum(people):Q", title=t("charts.people"), format=COUNT_FORMAT),
            ],
        )
        .add_params(selection)
    )
    totals = base.mark_text(align="left", dx=4, fontSize=11, color="#424242").encode(
        x=alt.X("sum(people):Q"), y=y, text=alt.Text("sum(people):Q", format=COUNT_FORMAT)
    )
    chart = alt.layer(bars, totals).properties(height=alt.Step(BAR_STEP + 6))
    title = t("charts.overview.accountability.title")
    return themed(chart, title, t("charts.overview.accountability.subtitle"))


def _result_tooltips() -> list[alt.Tooltip]:
    """The week's money recovered (and so far) and rules improved."""
    fields = (
        ("recovered_wan", "charts.overview.recovered_in_week", WAN_EXACT_FORMAT),
        ("cumulative_wan", "charts.overview.recovered_cumulative", WAN_EXACT_FORMAT),
        ("rules_in_week", "charts.overview.rules_in_week", COUNT_FORMAT),
    )
    return [alt.Tooltip(f"{field}:Q", title=t(key), format=shown) for field, key, shown in fields]


def weekly_trend_chart(df: pd.DataFrame) -> alt.Chart:
    """一周一汇总: problems rectified per week (bars) and the completion rate (line)."""
    frame = df.assign(
        week_start=pd.to_datetime(df["week_start"]),
        recovered_wan=df["recovered_in_week"] / 10_000,
        cumulative_wan=df["recovered_cumulative"] / 10_000,
    )
    selection = alt.selection_point(name=WEEK_SELECTION, fields=["week_start"])
    day_format = date_format()
    x = alt.X(
        "yearmonthdate(week_start):O",
        title=t("charts.overview.week_axis"),
        axis=alt.Axis(format=day_format, labelAngle=-45),  # full dates: slanted to fit
    )
    tooltip = [
        alt.Tooltip("yearmonthdate(week_start):T", title=t("charts.week_start"), format=day_format),
        alt.Tooltip("rectified_in_week:Q", title=t("charts.overview.in_week"), format=COUNT_FORMAT),
        alt.Tooltip(
            "rectified_cumulative:Q", title=t("charts.rectified_cumulative"), format=COUNT_FORMAT
        ),
        alt.Tooltip("open_problems:Q", title=t("charts.overview.open"), format=COUNT_FORMAT),
        alt.Tooltip("completion_rate:Q", title=t("charts.completion_rate"), format=RATE_FORMAT),
        *_result_tooltips(),
    ]
    base = alt.Chart(frame).encode(x=x, tooltip=tooltip)
    count_axis = alt.Axis(format=COUNT_FORMAT, tickMinStep=1)
    bars = (
        base.mark_bar(color="#2E7D32")
        .encode(
            y=alt.Y(
                "rectified_in_week:Q", title=t("charts.overview.in_week_axis"), axis=count_axis
            ),
            opacity=_highlight(selection),
        )
        .add_params(selection)
    )
    line = base.mark_line(
        color="#B22222", point=alt.OverlayMarkDef(color="#B22222"), strokeWidth=2
    ).encode(
        y=alt.Y(
            "completion_rate:Q",
            title=t("charts.overview.cumulative_rate"),
            axis=alt.Axis(format=".0%", orient="right"),
            scale=alt.Scale(domain=[0, 1]),
        )
    )
    chart = alt.layer(bars, line).resolve_scale(y="independent").properties(height=320)
    title = t("charts.overview.weekly.title")
    return themed(chart, title, t("charts.overview.weekly.subtitle"))
