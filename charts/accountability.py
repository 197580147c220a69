"""Builders for 问责情况: people by township × category, and by month and 四种形态 form."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.marks import Heatmap, heatmap
from charts.theme import BAR_STEP, COUNT_FORMAT, form_scale, no_form_label, themed, top_legend
from data_access.codes import PERSON_CATEGORIES
from i18n import t

TOWNSHIP_SELECTION = "accountability_township_pick"


def township_category_chart(df: pd.DataFrame) -> alt.Chart:
    """A heatmap of people: townships down (official order), the 8 categories across.

    A click on a cell filters to its township.
    """
    selection = alt.selection_point(name=TOWNSHIP_SELECTION, fields=["township_id"])
    keys: list[str | alt.FieldName] = [
        "township_id",
        "township",
        "sort_order",
        "category",
        "category_label",
    ]
    # The frame splits a category by form; a cell is the category's total.
    base = alt.Chart(df).transform_aggregate(people="sum(people)", groupby=keys)
    spec = Heatmap(
        column="category_label",
        column_labels=list(PERSON_CATEGORIES.values()),
        row=alt.Y(
            "township:N",
            title=None,
            sort=alt.EncodingSortField(field="sort_order", op="min"),
            axis=alt.Axis(labelLimit=200),
        ),
        count="people",
        scheme="purples",
        tooltip=[
            alt.Tooltip("township:N", title=t("charts.township")),
            alt.Tooltip("category_label:N", title=t("charts.category")),
            alt.Tooltip("people:Q", title=t("charts.people"), format=COUNT_FORMAT),
        ],
        font_size=11,
    )
    chart = heatmap(base, spec, selection).properties(height=alt.Step(BAR_STEP + 4))
    title = t("charts.accountability.township.title")
    return themed(chart, title, t("charts.accountability.township.subtitle"))


def monthly_forms_chart(df: pd.DataFrame) -> alt.Chart:
    """People per month of decision, stacked by 四种形态 form (pending ones in their own bar).

    Summed per month and form in Vega (no per-category field in the encoding), so a bar
    has one segment per form.
    """
    frame = df.assign(
        form_label=df["form_label"].fillna(no_form_label()),
        # Python dates are not JSON: a chart holding them cannot be saved as an image.
        month=pd.to_datetime(df["month"]),
    )
    chart = (
        alt.Chart(frame)
        .mark_bar(width={"band": 0.6})
        .encode(
            x=alt.X(
                "month_label:N",
                title=t("charts.accountability.month_axis"),
                sort=None,
                axis=alt.Axis(labelAngle=0),
            ),
            y=alt.Y(
                "sum(people):Q",
                title=t("charts.people_axis"),
                axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1),
            ),
            color=alt.Color(
                "form_label:N",
                title=t("charts.forms"),
                scale=form_scale(sorted(frame["form_label"].unique())),
                legend=top_legend(columns=5),
            ),
            tooltip=[
                alt.Tooltip("month_label:N", title=t("charts.month")),
                alt.Tooltip("form_label:N", title=t("charts.form")),
                alt.Tooltip("sum(people):Q", title=t("charts.people"), format=COUNT_FORMAT),
            ],
        )
        .properties(height=380)  # title, legend and axes included
    )
    title = t("charts.accountability.monthly.title")
    return themed(chart, title, t("charts.accountability.monthly.subtitle"))
