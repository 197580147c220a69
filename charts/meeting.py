"""Charts of 会议模式: the charts of each view, and a high-contrast variant for a projector.

The projector variant is the same chart with larger type, black text and darker versions
of the pale colours (pale green, grey and light blue wash out on a projected screen).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import altair as alt

from charts.leads import lead_funnel_chart
from charts.overview import accountability_chart, completion_by_township_chart, focus_area_chart
from charts.problems import status_matrix_chart
from charts.townships import ranked, ranking_chart
from i18n import t

if TYPE_CHECKING:  # the type only: chart builders never touch the database layer
    from data_access.meeting.views import ViewData

FONT_SCALE = 1.6
STEP_SCALE = 1.4  # bar rows grow with their labels...
PLOT_HEIGHT = 420  # ...while all rows fit this many pixels of a 1080p screen
TABLE_PLOT_HEIGHT = 130  # ...or these when a table shares the screen (every view but the overview)
MIN_STEP = 16  # below this the labels would overlap: the chart grows instead
TEXT_COLOUR = "#000000"
# Pale colours of the dashboard's palette -> darker ones that survive a projector.
PROJECTOR_COLOURS: dict[str, str] = {
    "#9ccc65": "#558b2f",  # 基本完成
    "#bdbdbd": "#616161",  # 未启动, 未定形态
    "#90caf9": "#1e88e5",  # 第一种形态
    "#42a5f5": "#1565c0",  # 第二种形态
    "#1565c0": "#0d47a1",  # 第三种形态
    "#90a4ae": "#455a64",  # 已了结(未立案)
    "#a5d6a7": "#43a047",
    "#424242": TEXT_COLOUR,  # labels on bars
}
PROJECTOR_CONFIG: dict[str, dict[str, object]] = {
    "axis": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "domainColor": TEXT_COLOUR},
    "legend": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "labelFontSize": 19},
    "title": {"color": TEXT_COLOUR, "subtitleColor": "#212121", "subtitleFontSize": 19},
}


def view_charts(view: ViewData) -> list[tuple[str, alt.TopLevelMixin]]:
    """The charts of a view with a stable key each, in the order they are shown."""
    frames = view.frames
    if view.kind == "overview":
        return [
            ("townships", completion_by_township_chart(frames["townships"])),
            ("areas", focus_area_chart(frames["areas"])),
        ]
    if view.kind == "townships":
        rows = ranked(frames["members"], "completion_rate", ascending=True)
        note = t("charts.meeting.lowest_rate_first")
        return [("ranking", ranking_chart(rows, "completion_rate", "township", note=note))]
    if view.kind == "township_problems":
        return [("matrix", status_matrix_chart(frames["matrix"]))]
    if view.kind == "overdue":
        rows = ranked(frames["members"], "overdue", ascending=False)
        note = t("charts.meeting.most_overdue_first")
        return [("overdue", ranking_chart(rows, "overdue", "township", note=note))]
    if view.kind == "accountability":
        return [("people", accountability_chart(frames["breakdown"]))]
    if view.kind == "leads":
        return [("funnel", lead_funnel_chart(frames["funnel"]))]
    raise ValueError(f"unknown view kind: {view.kind!r}")


def projector_specs(view: ViewData) -> list[tuple[str, dict]]:
    """The view's charts as high-contrast specs, each with its stable key."""
    height = PLOT_HEIGHT if view.kind == "overview" else TABLE_PLOT_HEIGHT
    return [
        (name, high_contrast_spec(chart, plot_height=height)) for name, chart in view_charts(view)
    ]


def high_contrast_spec(chart: alt.TopLevelMixin | dict, *, plot_height: int = PLOT_HEIGHT) -> dict:
    """The chart's spec for a projector: type FONT_SCALE larger, black text, darker colours.

    Bar rows grow with their labels, but all rows together stay within plot_height pixels,
    so a chart of every township still fits on one screen.
    """
    spec = copy.deepcopy(chart) if isinstance(chart, dict) else chart.to_dict()
    datasets = spec.pop("datasets", None)  # the data is not styled: it goes back unchanged
    # as _restyle(spec); a Vega-Lite spec is JSON, its parts of any JSON type
    styled: dict[str, Any] = {name: _restyle(value, name) for name, value in spec.items()}
    if datasets is not None:
        styled["datasets"] = datasets
    _fit_rows(styled, plot_height)
    config = styled.setdefault("config", {})
    for part, settings in PROJECTOR_CONFIG.items():
        config.setdefault(part, {}).update(settings)
    return styled


def _restyle(node: object, key: str = "") -> object:
    """node with font sizes and bar steps scaled and pale colours darkened (recursively)."""
    if isinstance(node, dict):
        styled = {name: _restyle(value, name) for name, value in node.items()}
        step = styled.get("step")
        if key in ("height", "width") and isinstance(step, int | float):
            styled["step"] = round(step * STEP_SCALE)
        return styled
    if isinstance(node, list):
        return [_restyle(item, key) for item in node]
    if isinstance(node, int | float) and not isinstance(node, bool):
        if key == "fontSize" or key.endswith("FontSize"):
            return round(node * FONT_SCALE)
        return node
    if isinstance(node, str):
        return PROJECTOR_COLOURS.get(node.lower(), node)
    return node


def _row_count(spec: dict) -> int:
    """How many rows (distinct y values) the chart's data has; 0 when unknown."""
    parts = [spec, *spec.get("layer", [])]
    fields = [part.get("encoding", {}).get("y", {}).get("field") for part in parts]
    field = next((name for name in fields if name), None)
    records = [row for rows in (spec.get("datasets") or {}).values() for row in rows]
    return len({row.get(field) for row in records}) if field else 0


def _fit_rows(spec: dict, plot_height: int) -> None:
    """Shrink a row-step height so that every row fits plot_height (not below MIN_STEP)."""
    height = spec.get("height")
    rows = _row_count(spec)
    if isinstance(height, dict) and isinstance(height.get("step"), int | float) and rows:
        height["step"] = max(MIN_STEP, min(height["step"], plot_height // rows))
