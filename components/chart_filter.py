"""Charts whose clicks become filters: a clicked bar or point is written to the URL's Filter.

Charts arrive as ChartSpec (components/chart_specs.py): Vega-Lite dicts, built once per data.

The chart widget's key carries a digest of the current Filter. A keyed Vega-Lite chart
keeps its selection in the browser across reruns, so without a fresh key a selection,
once applied and then undone through its chip, would be applied again on the next rerun.
The selection starts with the Filter's current values, so shift-click adds to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial

import streamlit as st

from components.chart_specs import ChartSpec, Spec
from components.downloads import chart_image_menu
from components.filter_state import (
    apply_filter,
    current_filter,
    drawn_for_current_filter,
    keyed_by_filter,
    write_filter,
)
from components.language import with_language
from components.page_switch import queue_page
from data_access.filters import Filter

# Pseudo filter field: a clicked week becomes rectified_from..rectified_to of that week, the
# problems its bar counts (本周整改完成), not the ones found in it.
WEEK = "week"
ID_FIELDS = frozenset({"rounds", "groups", "cities", "counties", "townships", "villages"})
CODE_FIELDS = frozenset({"focus_areas", "sub_categories", "statuses", "sources"})
MS_PER_DAY = 86_400_000
# The parts of a Vega-Lite spec that hold parameters or views (never its data).
SPEC_PARTS = frozenset({"params", "layer", "hconcat", "vconcat", "concat", "spec"})


def chart_widget_key(key: str, flt: Filter) -> str:
    """The widget key of chart `key` under flt (the plain key for the empty Filter)."""
    return keyed_by_filter(key, flt)


@dataclass(frozen=True)
class ClickTarget:
    """What a click on a chart's point selection sets: the Filter fields its values go to."""

    selection: str
    data_field: str | None  # the selection's data field (None: the point's first field)
    filter_field: str
    also: Mapping[str, str] = field(default_factory=dict)

    def chosen(self, flt: Filter, event: object) -> Filter | None:
        """flt with the clicked values set, or None when event holds no click."""
        values = clicked_values(event, self.selection, self.data_field)
        if values is None:
            return None
        chosen = filter_with_selection(flt, self.filter_field, values)
        for extra_field, extra_filter in self.also.items():
            extra = clicked_values(event, self.selection, extra_field) or []
            chosen = filter_with_selection(chosen, extra_filter, extra)
        return chosen


def _on_click(target: ClickTarget, key: str, widget: str) -> None:
    """Selection callback: write the click's Filter before the run, so one run shows it.

    (Applied in the run instead, the page ran up to the chart, then once more.)
    """
    if not drawn_for_current_filter(key, widget):
        return
    chosen = target.chosen(current_filter(), st.session_state.get(widget))
    if chosen is not None:
        write_filter(chosen)


def show_chart(
    chart: ChartSpec,
    *,
    key: str,
    selection: str,
    filter_field: str,
    value_field: str | None = None,
    height: int | None = None,
    also: Mapping[str, str] | None = None,
) -> None:
    """Render chart; a click on its point selection `selection` sets Filter.filter_field.

    also: further selection fields and the Filter fields they set (a heatmap cell is a
    pair, e.g. status and focus area: the click filters both, so the figures are the cell's).
    """
    flt = current_filter()
    target = ClickTarget(
        selection, value_field or selection_field(chart.spec, selection), filter_field, also or {}
    )
    starting = () if also else initial_values(flt, filter_field)  # a pair: no single field
    widget = chart_widget_key(key, flt)
    event = st.vega_lite_chart(
        with_initial_selection(chart.spec, selection, target.data_field, starting),
        on_select=partial(_on_click, target, key, widget),
        selection_mode=selection,
        key=widget,
        width="stretch",
        height=height or "content",  # Streamlit's default
    )
    chart_image_menu(chart, key=key)
    # A selection set without the browser (a test's session state) runs no callback.
    chosen = target.chosen(flt, event)
    if chosen is not None:
        apply_filter(chosen)


def clicked_values(event: object, selection: str, field: str | None) -> list | None:
    """The values of field in the clicked points, or None when nothing was clicked.

    Works on Streamlit's event and on the plain dicts AppTest injects. An untouched chart
    reports {} for its selection; a list (even empty, after a click on the background)
    is a real click.
    """
    if not isinstance(event, Mapping):
        return None
    points = (event.get("selection") or {}).get(selection)
    if not isinstance(points, list):
        return None
    values = []
    for point in points:
        if isinstance(point, Mapping):
            name = field or next(iter(point), None)
            if name in point and point[name] is not None:
                values.append(point[name])
    return values


def filter_with_selection(flt: Filter, filter_field: str, values: Iterable) -> Filter:
    """flt with filter_field set to the clicked values (an empty click clears the field)."""
    if filter_field == WEEK:
        mondays = sorted({monday for value in values if (monday := week_monday(value))})
        if not mondays:
            return flt.with_(rectified_from=None, rectified_to=None)
        last = mondays[-1] + timedelta(days=6)
        return flt.with_(rectified_from=mondays[0], rectified_to=last)
    if filter_field in ID_FIELDS:
        return flt.with_(**{filter_field: tuple(_ids(values))})
    if filter_field in CODE_FIELDS:
        return flt.with_(**{filter_field: tuple(str(value) for value in values if value != "")})
    raise ValueError(f"unknown filter field for a chart selection: {filter_field}")


def _ids(values: Iterable) -> list[int]:
    """The values that are positive whole numbers (ids arrive as int, float or text)."""
    ids = []
    for value in values:
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if number.is_integer() and number > 0:  # ids start at 1; 0 marks "none" rows
            ids.append(int(number))
    return ids


def week_monday(value: object) -> date | None:
    """The Monday of a clicked week: an ISO date text, or epoch milliseconds from Vega.

    Vega turns a date into local midnight of the viewer's browser; rounding to the nearest
    UTC day recovers the calendar day for any time zone within ±12 hours.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        day = datetime.fromtimestamp(round(value / MS_PER_DAY) * MS_PER_DAY / 1000, UTC).date()
    else:
        try:
            day = date.fromisoformat(str(value)[:10])
        except ValueError:
            return None
    return day - timedelta(days=day.weekday())


def initial_values(flt: Filter, filter_field: str) -> tuple:
    """The Filter's current values of filter_field (what the selection starts with)."""
    if filter_field == WEEK:
        return ()  # a week range is not a set of points; a click replaces it
    return tuple(getattr(flt, filter_field))


def _parameters(spec: Spec) -> Iterator[dict]:
    """Every parameter declared in spec or one of its sub-views."""
    params = spec.get("params")
    if isinstance(params, list):
        yield from (param for param in params if isinstance(param, dict))
    for part in ("layer", "hconcat", "vconcat", "concat"):
        for view in spec.get(part) or []:
            if isinstance(view, dict):
                yield from _parameters(view)
    if isinstance(spec.get("spec"), dict):  # faceted and repeated charts
        yield from _parameters(spec["spec"])


def selection_field(spec: Spec, selection: str) -> str | None:
    """The single field of the point selection called selection, if it has exactly one."""
    for param in _parameters(spec):
        select = param.get("select")
        fields = select.get("fields") if isinstance(select, dict) else None
        if param.get("name") == selection and isinstance(fields, list) and len(fields) == 1:
            return str(fields[0])
    return None


def with_initial_selection(spec: Spec, selection: str, field: str | None, values: tuple) -> Spec:
    """spec whose selection starts with values (the marks of the current filter).

    spec itself is not changed: the parts on the way to the parameter are copied.
    """
    if not values or field is None:
        return spec
    shown = _with_value(spec, selection, [{field: value} for value in values])
    return shown if isinstance(shown, dict) else spec


def _with_value(node: object, selection: str, value: list[dict]) -> object:
    """A copy of node (a spec or a part of it) with value on the parameters called selection."""
    if isinstance(node, list):
        return [_with_value(item, selection, value) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("name") == selection and "select" in node:
        return {**node, "value": value}
    return {
        name: _with_value(part, selection, value) if name in SPEC_PARTS else part
        for name, part in node.items()
    }


def show_chart_opening_page(
    chart: ChartSpec, *, key: str, selection: str, page: str, caption: str
) -> None:
    """Render chart; a click on it opens page with the current Filter (no filter of its own).

    For figures the Filter has no field for, e.g. accountability categories on the overview.
    """
    flt = current_filter()
    widget = chart_widget_key(key, flt)
    event = st.vega_lite_chart(
        chart.spec,
        on_select=partial(_on_click_opening, page, selection, key, widget),
        selection_mode=selection,
        key=widget,
        width="stretch",
    )
    st.caption(caption)
    chart_image_menu(chart, key=key)
    # A selection set without the browser (a test's session state) runs no callback.
    if clicked_values(event, selection, None):
        st.switch_page(page, query_params=with_language(flt.to_params()))


def _on_click_opening(page: str, selection: str, key: str, widget: str) -> None:
    """Selection callback: a click queues page, opened before this one draws again."""
    clicked = clicked_values(st.session_state.get(widget), selection, None)
    if drawn_for_current_filter(key, widget) and clicked:
        queue_page(page, current_filter().to_params())
