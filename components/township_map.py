"""The township map of 乡镇对比, beside the ranking, when boundaries are stored (行政区划).

It shows at the township level (every township of the region) and at the village level of
one township (every township still, the chosen one highlighted: a click on another moves
there), so an account limited to one township, which opens on its villages, sees its area.
The figures are 乡镇对比's own, coloured by the figure the page ranks by.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.map import MAP_SELECTION, township_map_chart
from components.chart_filter import show_chart
from components.chart_specs import cached_chart
from data_access.cache import cached_query
from data_access.filters import Filter
from data_access.queries.shapes import fetch_township_shapes
from data_access.queries.townships import fetch_region_comparison

MAP_LEVELS = ("township", "village")  # the child levels the map goes with


@dataclass(frozen=True)
class MapData:
    """The townships' figures and their boundaries (joined by the chart)."""

    figures: pd.DataFrame
    shapes: pd.DataFrame


def township_map_data(flt: Filter, level: str, members: pd.DataFrame) -> MapData | None:
    """What the map draws at level, or None (another level, or no boundaries stored)."""
    if level not in MAP_LEVELS:
        return None
    townships = flt.with_(townships=(), villages=())  # all of them, as the overview's bars
    shapes = cached_query(fetch_township_shapes, townships)
    if shapes.empty:
        return None
    if level == "township":
        return MapData(members, shapes)
    return MapData(cached_query(fetch_region_comparison, townships, level="township"), shapes)


def show_township_map(data: MapData, metric: str) -> None:
    """The map; a click on a township filters to it, as its ranking bar does."""
    show_chart(
        cached_chart(township_map_chart, data.figures, data.shapes, metric),
        key="township_map",
        selection=MAP_SELECTION,
        filter_field="townships",
    )
