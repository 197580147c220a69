"""Builders for the overview page: completion by township, focus areas, accountability, trend."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from charts.theme import (
    BAR_STEP,
    COUNT_FORMAT,
    DATE_FORMAT,
    NO_FORM_LABEL,
    RATE_FORMAT,
    form_scale,
    status_colour,
    status_rank_expression,
    themed,
    top_legend,
)
from data_access.codes import COMPLETED_STATUS, FOCUS_AREAS

# Selection names: issue 3 reads event["selection"][name] to turn a click into a filter.
TOWNSHIP_SELECTION = "township_pick"
FOCUS_AREA_SELECTION = "focus_area_pick"
CATEGORY_SELECTION = "category_pick"
WEEK_SELECTION = "week_pick"
DIMMED_OPACITY = 0.35


def _highlight(selection: alt.Parameter) -> dict:
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


TOWNSHIP_BARS = StatusBars(
    key="township_id",
    label="township",
    label_title="乡镇",
    sort=alt.EncodingSortField(field="rate", op="max", order="descending"),
    selection=TOWNSHIP_SELECTION,
    legend_columns=4,
)
FOCUS_AREA_BARS = StatusBars(
    key="focus_area",
    label="focus_area_label",
    label_title="巡察重点",
    sort=list(FOCUS_AREAS.values()),  # the published order, not alphabetical
    selection=FOCUS_AREA_SELECTION,
    legend_columns=2,
)


def _status_bars(df: pd.DataFrame, spec: StatusBars) -> alt.LayerChart:
    """Horizontal bars of problems stacked by status, with each group's completion rate."""
    selection = alt.selection_point(name=spec.selection, fields=[spec.key])
    y = alt.Y(f"{spec.label}:N", title=None, sort=spec.sort, axis=alt.Axis(labelLimit=200))
    base = _with_completion(alt.Chart(df), spec.key)
    bars = (
        base.mark_bar()
        .encode(
            x=alt.X("sum(problems):Q", title="问题数（个）", axis=alt.Axis(format=COUNT_FORMAT)),
            y=y,
            color=status_colour(spec.legend_columns),
            order=alt.Order("status_rank:Q"),
            # The clicked id must survive the aggregation, or the selection holds no value.
            detail=alt.Detail(f"{spec.key}:N"),
            opacity=_highlight(selection),
            tooltip=[
                alt.Tooltip(f"{spec.label}:N", title=spec.label_title),
                alt.Tooltip("status_label:N", title="整改状态"),
                alt.Tooltip("sum(problems):Q", title="问题数", format=COUNT_FORMAT),
                alt.Tooltip("max(rate):Q", title="完成率", format=RATE_FORMAT),
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


def completion_by_township_chart(df: pd.DataFrame) -> alt.LayerChart:
    """Problems per township stacked by status, best completion rate at the top."""
    subtitle = "按完成率排序；条末数字为完成率（只计“已完成”）"
    return themed(_status_bars(df, TOWNSHIP_BARS), "各乡镇整改完成情况", subtitle)


def focus_area_chart(df: pd.DataFrame) -> alt.LayerChart:
    """Problems per focus area (巡察重点) stacked by status, in the published order."""
    return themed(_status_bars(df, FOCUS_AREA_BARS), "各巡察重点问题整改情况", "条末数字为完成率")


def accountability_chart(df: pd.DataFrame) -> alt.LayerChart:
    """People held accountable per category (处理方式), coloured by 四种形态 form."""
    frame = df.assign(form_label=df["form_label"].fillna(NO_FORM_LABEL))
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
            x=alt.X("sum(people):Q", title="人数（人）", axis=alt.Axis(format=COUNT_FORMAT)),
            y=y,
            color=alt.Color(
                "form_label:N",
                title="四种形态",
                scale=form_scale(sorted(frame["form_label"].unique())),
                legend=top_legend(columns=2),  # drawn in the narrow right-hand column
            ),
            detail=alt.Detail("category:N"),  # keeps the clicked category in the datum
            opacity=_highlight(selection),
            tooltip=[
                alt.Tooltip("category_label:N", title="处理方式"),
                alt.Tooltip("form_label:N", title="形态"),
                alt.Tooltip("sum(people):Q", title="人数", format=COUNT_FORMAT),
            ],
        )
        .add_params(selection)
    )
    totals = base.mark_text(align="left", dx=4, fontSize=11, color="#424242").encode(
        x=alt.X("sum(people):Q"), y=y, text=alt.Text("sum(people):Q", format=COUNT_FORMAT)
    )
    chart = alt.layer(bars, totals).properties(height=alt.Step(BAR_STEP + 6))
    return themed(chart, "问责追责情况", "按处理方式统计人数，颜色为“四种形态”")


def weekly_trend_chart(df: pd.DataFrame) -> alt.LayerChart:
    """一周一汇总: problems rectified per week (bars) and the completion rate (line)."""
    frame = df.assign(week_start=pd.to_datetime(df["week_start"]))
    selection = alt.selection_point(name=WEEK_SELECTION, fields=["week_start"])
    x = alt.X(
        "yearmonthdate(week_start):O",
        title="周（周一起）",
        axis=alt.Axis(format=DATE_FORMAT, labelAngle=0),
    )
    tooltip = [
        alt.Tooltip("yearmonthdate(week_start):T", title="周起始日", format=DATE_FORMAT),
        alt.Tooltip("rectified_in_week:Q", title="本周完成", format=COUNT_FORMAT),
        alt.Tooltip("rectified_cumulative:Q", title="累计完成", format=COUNT_FORMAT),
        alt.Tooltip("open_problems:Q", title="未完成", format=COUNT_FORMAT),
        alt.Tooltip("completion_rate:Q", title="完成率", format=RATE_FORMAT),
    ]
    base = alt.Chart(frame).encode(x=x, tooltip=tooltip)
    count_axis = alt.Axis(format=COUNT_FORMAT)
    bars = (
        base.mark_bar(color="#2E7D32")
        .encode(
            y=alt.Y("rectified_in_week:Q", title="本周整改完成（个）", axis=count_axis),
            opacity=_highlight(selection),
        )
        .add_params(selection)
    )
    line = base.mark_line(
        color="#B22222", point=alt.OverlayMarkDef(color="#B22222"), strokeWidth=2
    ).encode(
        y=alt.Y(
            "completion_rate:Q",
            title="累计完成率",
            axis=alt.Axis(format=".0%", orient="right"),
            scale=alt.Scale(domain=[0, 1]),
        )
    )
    chart = alt.layer(bars, line).resolve_scale(y="independent").properties(height=320)
    subtitle = "柱：当周整改完成数；线：截至当周的累计完成率"
    return themed(chart, "整改进度周报（一周一汇总）", subtitle)
