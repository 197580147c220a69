"""Builder for one problem's status history: a step line through its status changes."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from charts.theme import STATUS_COLOURS, STATUS_LABELS, themed
from data_access.codes import STATUSES

# Bottom to top in workflow order: 未启动 → 正在整改 → 基本完成 → 已完成.
LEVELS = list(STATUSES.values())
MARKER_COLOURS = {"整改时限": "#C62828", "截至日期": "#616161"}


def _markers(deadline: date | None, as_of: date | None) -> pd.DataFrame:
    """Vertical rules for the deadline and the as-of day, when known (legend: only those)."""
    rows = [("整改时限", deadline), ("截至日期", as_of)]
    return pd.DataFrame(
        [(label, pd.Timestamp(day)) for label, day in rows if day is not None],
        columns=["marker", "day"],
    )


def _marker_rules(markers: pd.DataFrame) -> alt.Chart:
    """Dashed vertical rules for the marker days, with a legend naming each."""
    colour = alt.Color(
        "marker:N",
        title=None,
        scale=alt.Scale(
            domain=list(markers["marker"]),
            range=[MARKER_COLOURS[name] for name in markers["marker"]],
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
                alt.Tooltip("marker:N", title="标记"),
                alt.Tooltip("day:T", format="%Y-%m-%d"),
            ],
        )
    )


def status_timeline_chart(
    events: pd.DataFrame, *, deadline: date | None = None, as_of: date | None = None
) -> alt.LayerChart:
    """Each status change as a point on its day, joined by a step line; deadline as a rule."""
    frame = events.assign(day=pd.to_datetime(events["changed_on"]))
    x = alt.X("day:T", title="日期", axis=alt.Axis(format="%Y-%m-%d", labelAngle=0))
    y = alt.Y(
        "status_label:N",
        title=None,
        sort=list(reversed(LEVELS)),
        scale=alt.Scale(domain=list(reversed(LEVELS))),
    )
    base = alt.Chart(frame).encode(x=x, y=y)
    steps = base.mark_line(interpolate="step-after", color="#90A4AE", strokeWidth=2)
    points = base.mark_point(size=120, filled=True, opacity=1).encode(
        color=alt.Color(
            "status_label:N",
            title="整改状态",
            scale=alt.Scale(domain=list(STATUS_LABELS), range=list(STATUS_COLOURS)),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("day:T", title="日期", format="%Y-%m-%d"),
            alt.Tooltip("status_label:N", title="整改状态"),
            alt.Tooltip("note:N", title="说明"),
        ],
    )
    labels = base.mark_text(align="left", dx=8, dy=-10, fontSize=11, color="#424242").encode(
        text=alt.Text("day:T", format="%-m月%-d日")
    )
    layers = [steps, points, labels]
    markers = _markers(deadline, as_of)
    if not markers.empty:
        layers.append(_marker_rules(markers))
    # A step height: Streamlit fits a fixed height of a chart with a nominal y to its width.
    chart = alt.layer(*layers).resolve_scale(color="independent").properties(height=alt.Step(44))
    return themed(chart, "整改状态变化", "每个点为一次状态变更；虚线为整改时限")
