"""The map's chart spec: geoshapes from inline GeoJSON, no URL anywhere, a township click."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pandas as pd
import pytest
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from charts.map import MAP_SELECTION, township_map_chart
from data_access.queries.shapes import SHAPE_COLUMNS
from data_access.queries.townships import COMPARISON_COLUMNS
from data_access.regions.shapes import schematic_rows
from i18n import use_language

NAMES = ["钱桥镇", "义津镇", "浮山镇"]


def members(problems: tuple[int, ...] = (10, 4, 0)) -> pd.DataFrame:
    """乡镇对比's figures of three townships (the last without problems)."""
    rows = []
    for tid, (name, total) in enumerate(zip(NAMES, problems, strict=True), start=1):
        done = total // 2
        rate = done / total if total else 0.0
        rows.append([tid, name, total, done, 1, 10_000, 0, rate, 1.0, 2, 0])
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def shapes(schematic: bool, ids: tuple[int, ...] = (1, 2, 3)) -> pd.DataFrame:
    """Hexagons of ids, flagged schematic or not (as an office's own file would be)."""
    rows = [{**row, "schematic": schematic} for row in schematic_rows(list(ids))]
    return pd.DataFrame(rows)[SHAPE_COLUMNS]


def walk(node: object, path: str = "") -> Iterator[tuple[str, object]]:
    """(path, value) of every key and leaf of a spec."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield f"{path}/{key}", key
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")
    else:
        yield path, node


def spec_of(schematic: bool, metric: str = "completion_rate", **kwargs) -> dict:
    """The spec Streamlit would send."""
    chart = township_map_chart(members(), shapes(schematic, **kwargs), metric)
    return json.loads(json.dumps(_convert_altair_to_vega_lite_spec(chart)))


@pytest.mark.parametrize("schematic", [True, False], ids=["schematic", "office"])
def test_geoshapes_with_inline_data_and_nothing_to_fetch(schematic: bool) -> None:
    spec = spec_of(schematic)
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["geoshape", "text", "text"]
    features = spec["layer"][0]["data"]["values"]
    assert [f["member"] for f in features] == NAMES
    assert all(f["type"] == "Feature" and "geometry" in f for f in features)
    keys = [value for path, value in walk(spec) if path.rsplit("/", 1)[-1] == value]
    assert not {"url", "href", "tiles"} & set(map(str, keys))  # no data or image to fetch
    texts = [(path, value) for path, value in walk(spec) if isinstance(value, str)]
    links = [(path, value) for path, value in texts if "http" in value or "//" in value]
    assert links == [("/$schema", spec["$schema"])]  # the schema's name, never loaded
    assert spec.get("datasets", {}) == {}


def test_a_schematic_layout_says_so_and_is_drawn_flat() -> None:
    spec = spec_of(True)
    assert "示意图" in spec["title"]["text"]
    assert spec["title"]["subtitle"][0] == "示意布局，不代表实际边界"
    assert spec["projection"] == {"type": "identity", "reflectY": True}
    with use_language("en"):
        english = json.loads(json.dumps(_convert_altair_to_vega_lite_spec(
            township_map_chart(members(), shapes(True), "overdue"))))  # fmt: skip
    assert "schematic" in english["title"]["text"]


def test_an_offices_boundaries_are_projected_and_not_called_schematic() -> None:
    spec = spec_of(False)
    assert "示意图" not in json.dumps(spec, ensure_ascii=False)
    assert spec["projection"] == {"type": "mercator"}


def test_a_click_selects_a_township_and_colours_follow_the_figure() -> None:
    spec = spec_of(True, "overdue")
    [param] = spec["params"]
    assert (param["name"], param["select"]) == (
        MAP_SELECTION,
        {"type": "point", "fields": ["member_id"]},
    )
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["condition"]["field"] == "overdue"
    assert colour["condition"]["test"] == "datum.problems_total > 0"  # no problems: grey
    assert colour["condition"]["scale"] == {"scheme": "reds", "domainMin": 0}
    labels = spec["layer"][2]["data"]["values"]
    assert [label["member_id"] for label in labels] == [1, 2, 3]  # a click on a name selects


def test_only_townships_with_figures_and_a_boundary_are_drawn() -> None:
    """A boundary of a township outside the figures (another scope) is not drawn."""
    spec = spec_of(True, ids=(2, 3, 4))
    assert [f["member_id"] for f in spec["layer"][0]["data"]["values"]] == [2, 3]
