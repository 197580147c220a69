"""Builders for 乡镇对比: a ranking of region members by one figure, and small multiples."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
from altair.utils.schemapi import UndefinedType

from charts.marks import LABEL_COLOUR, WAN_EXACT_FORMAT, highlight
from charts.theme import BAR_STEP, COUNT_FORMAT, RATE_FORMAT, date_format, themed
from data_access.codes import LabelMap
from i18n import t

MEMBER_SELECTION = "member_pick"
TOWNSHIP_SELECTION = "township_facet_pick"
DEFAULT_LIMIT = 10  # bars a ranking shows when "只看前 10 个" is chosen
FACET_COLUMNS = 5  # fits the main column beside the sidebar at 1,440 px
FACET_SIZE = (130, 80)
LEVEL_NAMES = LabelMap("level", ("city", "county", "township", "village"), area="charts")


@dataclass(frozen=True)
class Metric:
    """A figure the ranking can sort by: its column, number format and bar colour."""

    column: str
    number_format: str
    colour: str
    # Where the laggards are: the low end of a rate, the high end of a count of trouble.
    laggards_low: bool = False

    @property
    def label(self) -> str:
        """The axis title, with its unit: "问题数（个）" (current language)."""
        return t(f"charts.metric.{self.column}")

    @property
    def name(self) -> str:
        """The short name, without unit: "问题数" (current language)."""
        return t(f"charts.metric_name.{self.column}")

    @property
    def tick_step(self) -> int | UndefinedType:
        """1 for whole-number figures (counts), else unset (rates and money)."""
        return 1 if self.number_format == COUNT_FORMAT else alt.Undefined


METRICS: dict[str, Metric] = {
    m.column: m
    for m in (
        Metric("problems_total", COUNT_FORMAT, "#1565C0"),
        Metric("completion_rate", RATE_FORMAT, "#2E7D32", laggards_low=True),
        Metric("overdue", COUNT_FORMAT, "#C62828"),
        Metric("recovered_wan", ",.2f", "#6A1B9A", laggards_low=True),
        Metric("accountable_people", COUNT_FORMAT, "#EF6C00"),
    )
}


def ranked(df: pd.DataFrame, metric: str, *, ascending: bool) -> pd.DataFrame:
    """The members ordered by metric (ties by name).

    A member without problems has no completion rate: it is left out of that ranking.
    """
    frame = df[df["problems_total"] > 0] if metric == "completion_rate" else df
    return frame.sort_values([metric, "member"], ascending=[ascending, True], kind="stable")


def ranking_chart(df: pd.DataFrame, metric: str, level: str, *, note: str = "") -> alt.Chart:
    """Horizontal bars of one figure per member, in the given row order; a click selects one."""
    spec = METRICS[metric]
    selection = alt.selection_point(name=MEMBER_SELECTION, fields=["member_id"])
    frame = df.assign(rank=range(len(df)))
    y = alt.Y(
        "member:N",
        title=None,
        sort=alt.EncodingSortField(field="rank", op="min"),
        axis=alt.Axis(labelLimit=200),
    )
    base = alt.Chart(frame).encode(y=y)
    bars = (
        base.mark_bar(color=spec.colour)
        .encode(
            x=alt.X(
                f"{metric}:Q",
                title=spec.label,
                # Counts get whole ticks only: a 0–5 axis would repeat "0 0 1 1 …" as ,d.
                axis=alt.Axis(format=spec.number_format, tickMinStep=spec.tick_step),
            ),
            opacity=highlight(selection),
            tooltip=member_tooltips(level),
        )
        .add_params(selection)
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11, color=LABEL_COLOUR).encode(
        x=alt.X(f"{metric}:Q"), text=alt.Text(f"{metric}:Q", format=spec.number_format)
    )
    chart = alt.layer(bars, labels).properties(height=alt.Step(BAR_STEP))
    title = t(f"charts.ranking.title.{level}", metric=spec.name)
    return themed(chart, title, note or t("charts.ranking.subtitle"))


def member_tooltips(level: str) -> list[alt.Tooltip]:
    """Every figure of a member, for its tooltip."""
    return [
        alt.Tooltip("member:N", title=LEVEL_NAMES[level]),
        alt.Tooltip("problems_total:Q", title=t("charts.problems"), format=COUNT_FORMAT),
        alt.Tooltip("problems_rectified:Q", title=t("charts.rectified"), format=COUNT_FORMAT),
        alt.Tooltip("completion_rate:Q", title=t("charts.completion_rate"), format=RATE_FORMAT),
        alt.Tooltip("overdue:Q", title=t("charts.townships.overdue"), format=COUNT_FORMAT),
        alt.Tooltip("recovered_wan:Q", title=t("charts.recovered_wan"), format=WAN_EXACT_FORMAT),
        alt.Tooltip(
            "accountable_people:Q", title=t("charts.townships.people"), format=COUNT_FORMAT
        ),
        alt.Tooltip("leads_transferred:Q", title=t("charts.townships.leads"), format=COUNT_FORMAT),
    ]


def weekly_small_multiples(df: pd.DataFrame, columns: int = FACET_COLUMNS) -> alt.Chart:
    """One small chart per township: its completion rate week by week (一周一汇总)."""
    selection = alt.selection_point(name=TOWNSHIP_SELECTION, fields=["township_id"])
    frame = df.assign(week_start=pd.to_datetime(df["week_start"]))
    order = list(dict.fromkeys(frame["township"]))  # the official order the query gave
    width, height = FACET_SIZE
    day_format = date_format()
    line = (
        alt.Chart()
        .mark_area(line={"color": "#2E7D32"}, color="#A5D6A7", interpolate="step-after")
        .encode(
            x=alt.X(
                "week_start:T",
                title=None,
                axis=alt.Axis(format=day_format, labelAngle=0, tickCount=3),
            ),
            y=alt.Y(
                "completion_rate:Q",
                title=None,
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%", tickCount=3),
            ),
            opacity=highlight(selection),
            tooltip=[
                alt.Tooltip("township:N", title=t("charts.township")),
                alt.Tooltip("week_start:T", title=t("charts.week_start"), format=day_format),
                alt.Tooltip(
                    "rectified_cumulative:Q",
                    title=t("charts.rectified_cumulative"),
                    format=COUNT_FORMAT,
                ),
                alt.Tooltip(
                    "completion_rate:Q", title=t("charts.completion_rate"), format=RATE_FORMAT
                ),
            ],
        )
        .add_params(selection)
        .properties(width=width, height=height)
    )
    chart = line.facet(
        facet=alt.Facet("township:N", title=None, sort=order, header=alt.Header(labelFontSize=12)),
        columns=columns,
        data=frame,
    )
    title = t("charts.townships.weekly.title")
    return themed(chart, title, t("charts.townships.weekly.subtitle"))
