"""Charts whose clicks become filters: a clicked bar or point is written to the URL's Filter.

The chart widget's key carries a digest of the current Filter. A keyed Vega-Lite chart
keeps its selection in the browser across reruns, so without a fresh key a selection,
once applied and then undone through its chip, would be applied again on the next rerun.
The selection starts with the Filter's current values, so shift-click adds to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta

import altair as alt
import streamlit as st

from components.exports import chart_image_menu
from components.filter_state import apply_filter, current_filter, filter_token
from components.language import with_language
from data_access.filters import Filter

WEEK = "week"  # pseudo filter field: a clicked week becomes date_from..date_to of that week
ID_FIELDS = frozenset({"rounds", "groups", "cities", "counties", "townships", "villages"})
CODE_FIELDS = frozenset({"focus_areas", "sub_categories", "statuses", "sources"})
MS_PER_DAY = 86_400_000


def chart_widget_key(key: str, flt: Filter) -> str:
    """The widget key of chart `key` under flt (the plain key for the empty Filter)."""
    token = filter_token(flt)
    return f"{key}-{token}" if token else key


def show_chart(
    chart: alt.TopLevelMixin,
    *,
    key: str,
    selection: str,
    filter_field: str,
    value_field: str | None = None,
    height: int | None = None,
) -> None:
    """Render chart; a click on its point selection `selection` sets Filter.filter_field."""
    flt = current_filter()
    field = value_field or selection_field(chart, selection)
    shown = with_initial_selection(chart, selection, field, initial_values(flt, filter_field))
    options = {"height": height} if height else {}
    event = st.altair_chart(
        shown,
        on_select="rerun",
        selection_mode=selection,
        key=chart_widget_key(key, flt),
        width="stretch",
        **options,
    )
    chart_image_menu(chart, key=key)
    values = clicked_values(event, selection, field)
    if values is not None:
        apply_filter(filter_with_selection(flt, filter_field, values))


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
            return flt.with_(date_from=None, date_to=None)
        return flt.with_(date_from=mondays[0], date_to=mondays[-1] + timedelta(days=6))
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


def _parameters(chart: object) -> Iterable:
    """Every parameter declared on chart or one of its sub-charts."""
    params = getattr(chart, "params", None)
    if isinstance(params, list):
        yield from params
    for part in ("layer", "hconcat", "vconcat", "concat"):
        for sub_chart in getattr(chart, part, None) or []:
            yield from _parameters(sub_chart)
    spec = getattr(chart, "spec", None)  # faceted and repeated charts
    if spec is not None and not isinstance(spec, dict | str):
        yield from _parameters(spec)


def _named(chart: object, selection: str) -> list:
    """The parameter objects called selection (once per chart they appear in)."""
    return [p for p in _parameters(chart) if getattr(p, "name", None) == selection]


def selection_field(chart: alt.TopLevelMixin, selection: str) -> str | None:
    """The single field of the point selection called selection, if it has exactly one."""
    for param in _named(chart, selection):
        select = getattr(param, "select", None)
        fields = select.get("fields") if isinstance(select, dict) else getattr(select, "fields", 0)
        if isinstance(fields, list) and len(fields) == 1:
            return str(fields[0])
    return None


def with_initial_selection(
    chart: alt.TopLevelMixin, selection: str, field: str | None, values: tuple
) -> alt.TopLevelMixin:
    """A copy of chart whose selection starts with values (the marks of the current filter)."""
    if not values or field is None:
        return chart
    chart = chart.copy(deep=True)
    for param in _named(chart, selection):
        param.value = [{field: value} for value in values]
    return chart


def show_chart_opening_page(
    chart: alt.TopLevelMixin, *, key: str, selection: str, page: str, caption: str
) -> None:
    """Render chart; a click on it opens page with the current Filter (no filter of its own).

    For figures the Filter has no field for, e.g. accountability categories on the overview.
    """
    flt = current_filter()
    event = st.altair_chart(
        chart,
        on_select="rerun",
        selection_mode=selection,
        key=chart_widget_key(key, flt),
        width="stretch",
    )
    st.caption(caption)
    chart_image_menu(chart, key=key)
    if clicked_values(event, selection, None):
        st.switch_page(page, query_params=with_language(flt.to_params()))
