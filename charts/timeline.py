"""Builder for one problem's status history: a step line through its status changes."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from charts.theme import STATUS_COLOURS, date_format, status_labels, themed
from i18n import t

MARKER_COLOURS = {"deadline": "#C62828", "as_of": "#616161"}


def _markers(deadline: date | None, as_of: date | None) -> pd.DataFrame:
    """Vertical rules for the deadline and the as-of day, when known (legend: only those)."""
    rows = [("deadline", deadline), ("as_of", as_of)]
    return pd.DataFrame(
        [
            (t(f"charts.timeline.{kind}"), MARKER_COLOURS[kind], pd.Timestamp(day))
            for kind, day in rows
            if day is not None
        ],
        columns=["marker", "colour", "day"],
    )


def _marker_rules(markers: pd.DataFrame) -> alt.Chart:
    """Dashed vertical rules for the marker days, with a legend naming each."""
    colour = alt.Color(
        "marker:N",
        title=None,
        scale=alt.Scale(
            domain=list(markers["marker"]),
            range=list(markers["colour"]),
        ),
        legend=alt.Legend(orient="top"),
    )
    return (
        alt.Chart(markers)
        .mark_rule(strokeDash=[4, 4], strokeWidth=1.5)
        .encode(
            x="day:T",
            color=colour,
            tooltip=[
                alt.Tooltip("marker:N", title=t("charts.timeline.marker")),
                alt.Tooltip("day:T", format="%Y-%m-%d"),
            ],
        )
    )


def status_timeline_chart(
    events: pd.DataFrame, *, deadline: date | None = None, as_of: date | None = None
) -> alt.Chart:
    """Each status change as a point on its day, joined by a step line; deadline as a rule."""
    frame = events.assign(day=pd.to_datetime(events["changed_on"]))
    day_title = t("charts.timeline.date")
    x = alt.X("day:T", title=day_title, axis=alt.Axis(format="%Y-%m-%d", labelAngle=0))
    # Bottom to top in workflow order: 未启动 → 正在整改 → 基本完成 → 已完成.
    top_down = list(status_labels())
    y = alt.Y("status_label:N", title=None, sort=top_down, scale=alt.Scale(domain=top_down))
    base = alt.Chart(frame).encode(x=x, y=y)
    steps = base.mark_line(interpolate="step-after", color="#90A4AE", strokeWidth=2)
    points = base.mark_point(size=120, filled=True, opacity=1).encode(
        color=alt.Color(
            "status_label:N",
            title=t("charts.status"),
            scale=alt.Scale(domain=top_down, range=list(STATUS_COLOURS)),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("day:T", title=day_title, format="%Y-%m-%d"),
            alt.Tooltip("status_label:N", title=t("charts.status")),
            alt.Tooltip("note:N", title=t("charts.timeline.note")),
        ],
    )
    labels = base.mark_text(align="left", dx=8, dy=-10, fontSize=11, color="#424242").encode(
        text=alt.Text("day:T", format=date_format())
    )
    layers = [steps, points, labels]
    markers = _markers(deadline, as_of)
    if not markers.empty:
        layers.append(_marker_rules(markers))
    # A step height: Streamlit fits a fixed height of a chart with a nominal y to its width.
    chart = alt.layer(*layers).resolve_scale(color="independent").properties(height=alt.Step(44))
    return themed(chart, t("charts.timeline.title"), t("charts.timeline.subtitle"))
