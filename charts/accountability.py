"""Builders for 问责情况: people by township × category, and by month and 四种形态 form."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import LABEL_COLOUR, highlight
from charts.theme import BAR_STEP, COUNT_FORMAT, NO_FORM_LABEL, form_scale, themed, top_legend
from data_access.codes import PERSON_CATEGORIES

TOWNSHIP_SELECTION = "accountability_township_pick"
CATEGORY_LABELS = list(PERSON_CATEGORIES.values())


def township_category_chart(df: pd.DataFrame) -> alt.LayerChart:
    """A heatmap of people: townships down, the 8 categories across; a click filters."""
    selection = alt.selection_point(name=TOWNSHIP_SELECTION, fields=["township_id"])
    base = alt.Chart(df).encode(
        x=alt.X(
            "category_label:N",
            title=None,
            sort=CATEGORY_LABELS,
            scale=alt.Scale(domain=CATEGORY_LABELS),
            axis=alt.Axis(orient="top", labelAngle=0),
        ),
        # The frame comes in the townships' official order: keep it.
        y=alt.Y("township:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
    )
    cells = (
        base.mark_rect(stroke="white", strokeWidth=1)
        .encode(
            color=alt.Color("sum(people):Q", scale=alt.Scale(scheme="purples"), legend=None),
            opacity=highlight(selection),
            tooltip=[
                alt.Tooltip("township:N", title="乡镇"),
                alt.Tooltip("category_label:N", title="处理方式"),
                alt.Tooltip("sum(people):Q", title="人数", format=COUNT_FORMAT),
            ],
        )
        .add_params(selection)
    )
    labels = base.mark_text(fontSize=11, color=LABEL_COLOUR).encode(
        text=alt.Text("sum(people):Q", format=COUNT_FORMAT)
    )
    chart = alt.layer(cells, labels).properties(height=alt.Step(BAR_STEP + 4))
    return themed(chart, "各乡镇问责追责人数", "按处理方式统计；点击乡镇筛选")


def monthly_forms_chart(df: pd.DataFrame) -> alt.Chart:
    """People per month of decision, stacked by 四种形态 form (pending ones in their own bar)."""
    frame = df.assign(form_label=df["form_label"].fillna(NO_FORM_LABEL))
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
                alt.Tooltip("category_label:N", title="处理方式"),
                alt.Tooltip("people:Q", title="人数", format=COUNT_FORMAT),
            ],
        )
        .properties(height=300)
    )
    return themed(chart, "问责追责按月分布", "按决定日期所在月份统计，颜色为“四种形态”")
