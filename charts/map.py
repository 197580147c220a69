"""The township map of 乡镇对比: each township's boundary coloured by the chosen figure.

Offline by construction: the boundaries travel inside the spec as GeoJSON (alt.Data values),
there is no tile layer and no URL. A click selects a township like its ranking bar does.
A schematic layout (the demo's hexagons) is drawn flat and titled 示意图; real boundaries
(longitude/latitude) get the Mercator projection, which fits them to the chart.
"""

from __future__ import annotations

import json
from typing import Literal

import altair as alt
import pandas as pd

from charts.marks import LABEL_COLOUR, highlight
from charts.theme import themed
from charts.townships import METRICS, member_tooltips
from data_access.regions.geometry import label_point
from i18n import t

MAP_SELECTION = "map_pick"
MAP_HEIGHT = 420
NO_PROBLEMS_COLOUR = "#E0E0E0"
LABEL_SIZE = 11
# Sequential colours per figure; completion runs red (behind) to green (done).
Scheme = Literal["redyellowgreen", "reds", "blues", "purples", "oranges"]
SCHEMES: dict[str, Scheme] = {
    "completion_rate": "redyellowgreen",
    "overdue": "reds",
    "problems_total": "blues",
    "recovered_wan": "purples",
    "accountable_people": "oranges",
}
FIGURES = [
    "problems_total",
    "problems_rectified",
    "completion_rate",
    "overdue",
    "recovered_wan",
    "accountable_people",
    "leads_transferred",
]


def map_features(members: pd.DataFrame, shapes: pd.DataFrame) -> list[dict]:
    """A GeoJSON Feature per member with a boundary, its figures as top-level fields.

    Top-level (not under "properties") so the encodings, tooltips and the selection name
    plain fields, as the ranking's do; Vega reads the geometry of a Feature all the same.
    """
    frame = members.merge(shapes, left_on="member_id", right_on="township_id")
    features = []
    for row in frame.to_dict("records"):
        figures = {name: _plain(row[name]) for name in FIGURES}
        features.append(
            {
                "type": "Feature",
                "geometry": json.loads(row["geometry_json"]),
                "member_id": int(row["member_id"]),
                "member": str(row["member"]),
                **figures,
            }
        )
    return features


def _plain(value: object) -> int | float:
    """A figure as a JSON number (numpy scalars are not)."""
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else number


def township_map_chart(
    members: pd.DataFrame, shapes: pd.DataFrame, metric: str, *, note: str = ""
) -> alt.Chart:
    """The members' boundaries coloured by metric, their names on them; a click selects one."""
    spec = METRICS[metric]
    features = map_features(members, shapes)
    schematic = bool(shapes["schematic"].any())
    selection = alt.selection_point(name=MAP_SELECTION, fields=["member_id"])
    colour = alt.Color(
        f"{metric}:Q",
        title=spec.label,
        scale=_scale(metric),
        legend=alt.Legend(format=spec.number_format, orient="bottom"),
    )
    shapes_layer = (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke="white", strokeWidth=1)
        .encode(
            color=alt.when("datum.problems_total > 0")
            .then(colour)
            .otherwise(alt.value(NO_PROBLEMS_COLOUR)),
            opacity=highlight(selection),
            tooltip=member_tooltips("township"),
        )
        .add_params(selection)
    )
    names = alt.Chart(alt.Data(values=_labels(features))).encode(
        longitude="lon:Q", latitude="lat:Q", text="member:N"
    )
    # A white halo under each name keeps it legible on the darkest colours.
    halo = names.mark_text(fontSize=LABEL_SIZE, stroke="white", strokeWidth=3, aria=False)
    text = names.mark_text(fontSize=LABEL_SIZE, color=LABEL_COLOUR, aria=False)
    projection = {"type": "identity", "reflectY": True} if schematic else {"type": "mercator"}
    chart = alt.layer(shapes_layer, halo, text).project(**projection)
    chart = chart.properties(height=MAP_HEIGHT)
    # A narrow column: short lines. A schematic layout says so in its title and first line.
    lines = [t("map.chart.schematic_note")] if schematic else []
    lines.append(note or t("map.chart.subtitle"))
    key = "map.chart.title_schematic" if schematic else "map.chart.title"
    return themed(chart, t(key, metric=spec.name), lines)


def _scale(metric: str) -> alt.Scale:
    """The colour scale of metric: counts from zero; rates from the lowest to the highest
    shown, so the townships furthest behind stand out in red (the legend gives the values)."""
    if metric == "completion_rate":
        return alt.Scale(scheme=SCHEMES[metric])
    return alt.Scale(scheme=SCHEMES.get(metric, "blues"), domainMin=0)


def _labels(features: list[dict]) -> list[dict]:
    """A name per feature at its label point (with its id: a click on a name selects it too)."""
    labels = []
    for feature in features:
        lon, lat = label_point(feature["geometry"])
        labels.append({"member_id": feature["member_id"], "member": feature["member"],
                       "lon": lon, "lat": lat})  # fmt: skip
    return labels
