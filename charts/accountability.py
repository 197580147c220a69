"""Builders for 问责情况: people by township × category, and by month and 四种形态 form."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import Heatmap, heatmap
from charts.theme import BAR_STEP, COUNT_FORMAT, NO_FORM_LABEL, form_scale, themed, top_legend
from data_access.codes import PERSON_CATEGORIES

TOWNSHIP_SELECTION = "accountability_township_pick"
CATEGORY_LABELS = list(PERSON_CATEGORIES.values())


def township_category_chart(df: pd.DataFrame) -> alt.LayerChart:
    """A heatmap of people: townships down (official order), the 8 categories across.

    A click on a cell filters to its township.
    """
    selection = alt.selection_point(name=TOWNSHIP_SELECTION, fields=["township_id"])
    keys = ["township_id", "township", "sort_order", "category", "category_label"]
    # The frame splits a category by form; a cell is the category's total.
    base = alt.Chart(df).transform_aggregate(people="sum(people)", groupby=keys)
    spec = Heatmap(
        column="category_label",
        column_labels=CATEGORY_LABELS,
        row=alt.Y(
            "township:N",
            title=None,
            sort=alt.EncodingSortField(field="sort_order", op="min"),
            axis=alt.Axis(labelLimit=200),
        ),
        count="people",
        scheme="purples",
        tooltip=[
            alt.Tooltip("township:N", title="乡镇"),
            alt.Tooltip("category_label:N", title="处理方式"),
            alt.Tooltip("people:Q", title="人数", format=COUNT_FORMAT),
        ],
        font_size=11,
    )
    chart = heatmap(base, spec, selection).properties(height=alt.Step(BAR_STEP + 4))
    return themed(chart, "各乡镇问责追责人数", "按处理方式统计；点击乡镇筛选")


def monthly_forms_chart(df: pd.DataFrame) -> alt.Chart:
    """People per month of decision, stacked by 四种形态 form (pending ones in their own bar).

    Summed per month and form in Vega (no per-category field in the encoding), so a bar
    has one segment per form.
    """
    frame = df.assign(
        form_label=df["form_label"].fillna(NO_FORM_LABEL),
        # Python dates are not JSON: a chart holding them cannot be saved as an image.
        month=pd.to_datetime(df["month"]),
    )
    chart = (
        alt.Chart(frame)
        .mark_bar(width={"band": 0.6})
        .encode(
            x=alt.X("month_label:N", title="决定月份", sort=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("sum(people):Q", title="人数（人）", axis=alt.Axis(format=COUNT_FORMAT)),
            color=alt.Color(
                "form_label:N",
                title="四种形态",
                scale=form_scale(sorted(frame["form_label"].unique())),
                legend=top_legend(columns=5),
            ),
            tooltip=[
                alt.Tooltip("month_label:N", title="月份"),
                alt.Tooltip("form_label:N", title="形态"),
                alt.Tooltip("sum(people):Q", title="人数", format=COUNT_FORMAT),
            ],
        )
        .properties(height=380)  # title, legend and axes included
    )
    return themed(chart, "问责追责按月分布", "按决定日期所在月份统计，颜色为“四种形态”")
