"""Township boundaries for the map: the GeoJSON check, the save, the schematic layout, scope."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.audit import list_audit_events
from data_access.db import session_scope
from data_access.demo_data import remove_demo_data
from data_access.filters import Filter
from data_access.ingest.errors import FileRejectedError
from data_access.models import Township, TownshipShape
from data_access.queries.shapes import fetch_shape_status, fetch_township_shapes
from data_access.regions.geometry import (
    extent,
    label_point,
    polygons_of,
    prepared,
    signed_area,
    vertex_count,
)
from data_access.regions.shapes import (
    ShapesError,
    preview_shapes,
    read_features,
    save_schematic_layout,
    save_shapes,
)
from data_access.regions.undo_checks import region_undo_blocker
from data_access.version import read_data_version
from i18n import use_language
from tests.support.boundaries import boundaries_file, collection, feature, in_force, square
from tests.support.office import region_records, regions_xlsx, upload_regions

LAST_DEMO_TOWNSHIPS = ("白梅乡", "雨坛乡")  # in force, and not in the files below


def preview(engine: Engine, data: bytes, scope: tuple[int, ...] | None = None):
    """preview_shapes on engine, in Chinese."""
    with use_language("zh"), session_scope(engine) as session:
        return preview_shapes(session=session, data=data, file_name="乡镇.geojson", scope=scope)


def test_features_match_by_name_alias_and_county_prefix(seeded_engine: Engine) -> None:
    """name / NAME / 乡镇名称 / XZQMC keys; 欧山镇 is 藕山镇's alias; 枞阳县横埠镇 names 横埠镇;
    two features of one township become one MultiPolygon; the rest in force are listed."""
    data = collection(
        feature("钱桥镇", square(117.0, 30.7), key="NAME"),
        feature("欧山镇", square(117.1, 30.7), key="乡镇名称"),
        feature("枞阳县横埠镇", square(117.2, 30.7), key="XZQMC", adcode=340722),
        feature(" 钱桥镇 ", square(117.3, 30.7)),  # an exclave: joined to the first
    )
    found = preview(seeded_engine, data)
    assert found.errors == [] and found.can_save
    assert sorted(found.townships.values()) == sorted(["钱桥镇", "藕山镇", "横埠镇"])
    qianqiao = next(tid for tid, name in found.townships.items() if name == "钱桥镇")
    assert len(found.shapes[qianqiao]["coordinates"]) == 2
    assert found.names[qianqiao] == ["钱桥镇", "钱桥镇"]
    expected_missing = [
        n for n in in_force(seeded_engine) if n not in ("钱桥镇", "藕山镇", "横埠镇")
    ]
    assert found.missing == expected_missing


def test_unmatched_features_are_listed_with_the_closest_names(seeded_engine: Engine) -> None:
    """An unknown name, a feature without a name, a Point, projected metres: each one line,
    in Chinese, naming the feature; the file cannot be saved."""
    data = collection(
        feature("雨潭乡", square(117.0, 30.7)),
        feature(None, square(117.1, 30.7), adcode=1),
        {"type": "Feature", "properties": {"name": "义津镇"},
         "geometry": {"type": "Point", "coordinates": [117.0, 30.7]}},
        feature("浮山镇", square(39_512_345.0, 3_401_234.0, size=100.0)),
        feature("钱桥镇", square(117.0, 30.7)),
    )  # fmt: skip
    found = preview(seeded_engine, data)
    assert not found.can_save
    assert [error.split("：")[0] for error in found.errors] == [
        "第 1 个要素“雨潭乡”",
        "第 2 个要素",
        "第 3 个要素“义津镇”",
        "第 4 个要素“浮山镇”",
    ]
    assert "雨坛乡" in found.errors[0]  # the closest known name
    assert "adcode" in found.errors[1] and "name" in found.errors[1]
    assert "多边形" in found.errors[2]
    assert "投影坐标" in found.errors[3] and "EPSG:4326" in found.errors[3]
    with session_scope(seeded_engine, write=True) as session, pytest.raises(ShapesError):
        save_shapes(session=session, preview=found, actor="admin")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "空"),
        (b'{"type": "FeatureCollection", "features": [', "JSON"),
        (b'{"type": "Topology", "objects": {}, "arcs": []}', "TopoJSON"),
        (b'{"type": "Polygon", "coordinates": []}', "FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": []}', "没有任何要素"),
        ("\u00ff\u00fe".encode("latin-1") + b"\x00\x81", "编码"),
        (b"[" * 100_000 + b"]" * 100_000, "嵌套"),
    ],
    ids=["empty", "broken", "topojson", "geometry", "no_features", "encoding", "deep"],
)
def test_a_file_that_is_no_geojson_is_refused_in_chinese(data: bytes, words: str) -> None:
    with use_language("zh"), pytest.raises(FileRejectedError) as refused:
        read_features(data)
    assert words in refused.value.message


def test_rings_are_stored_clockwise_rounded_and_thinned() -> None:
    """A counter-clockwise exterior (which Vega would fill as the whole globe) comes out
    clockwise, its hole counter-clockwise; points on a straight edge are dropped."""
    edge = [[117.0 + i / 1000, 30.0] for i in range(101)]  # 101 points on one edge
    outer = [*edge, [117.1, 30.1], [117.0, 30.1], [117.0, 30.0]]
    hole = [[117.02, 30.02], [117.02, 30.04], [117.04, 30.04], [117.04, 30.02], [117.02, 30.02]]
    polygons = polygons_of({"type": "Polygon", "coordinates": [outer, hole]})
    assert signed_area(polygons[0][0]) > 0  # as given
    shaped = prepared(polygons, extent(polygons) / 3000)
    exterior, inner = shaped["coordinates"][0]
    assert signed_area(exterior) < 0 < signed_area(inner)
    assert vertex_count(shaped) == 5 + 5
    assert label_point(shaped) == pytest.approx((117.05, 30.05))
    rounded = polygons_of({"type": "Polygon", "coordinates": [square(117.0000049, 30.0)]})
    assert rounded[0][0][0] == (117.0, 30.0)


def test_saving_replaces_every_boundary_audited(writable_seeded_engine: Engine) -> None:
    """The schematic layout goes, the file's boundaries come, in one audited change."""
    engine = writable_seeded_engine
    with session_scope(engine) as session:
        assert fetch_shape_status(session=session).schematic
        version = read_data_version(session=session)
    names = in_force(engine)[:-2]
    found = preview(engine, boundaries_file(names))
    with session_scope(engine, write=True) as session:
        assert save_shapes(session=session, preview=found, actor="admin") == len(names)
    with session_scope(engine) as session:
        status = fetch_shape_status(session=session)
        stored = session.scalars(select(TownshipShape)).all()
        events = list_audit_events(session=session, action="map_update")
        assert read_data_version(session=session) == version + 1
    assert (status.townships, status.schematic) == (len(names), False)
    assert {row.feature_name for row in stored} == set(names)
    geometry = json.loads(stored[0].geometry_json)
    assert geometry["type"] == "MultiPolygon"
    assert signed_area([tuple(p) for p in geometry["coordinates"][0][0]]) < 0
    detail = json.loads(events["detail"].iloc[0])
    assert (events["target"].iloc[0], detail["townships"]) == ("乡镇.geojson", len(names))
    assert detail["missing"] == list(LAST_DEMO_TOWNSHIPS)


def test_a_scoped_account_sees_and_replaces_only_its_townships(
    writable_seeded_engine: Engine,
) -> None:
    engine = writable_seeded_engine
    with session_scope(engine) as session:
        ids = dict(session.execute(select(Township.name, Township.id)).all())
        scope = (ids["钱桥镇"],)
        assert fetch_township_shapes(session=session, flt=Filter(scope=scope))[
            "township_id"
        ].tolist() == list(scope)
        assert len(fetch_township_shapes(session=session, flt=Filter())) == 22
    outside = preview(engine, boundaries_file(["钱桥镇", "义津镇"]), scope=scope)
    assert outside.errors == ["第 2 个要素“义津镇”：不在本账号的乡镇范围内。"]
    assert outside.missing == []
    found = preview(engine, boundaries_file(["钱桥镇"]), scope=scope)
    with session_scope(engine, write=True) as session:
        save_shapes(session=session, preview=found, actor="admin", scope=scope)
    with session_scope(engine) as session:
        shapes = fetch_township_shapes(session=session, flt=Filter())
    assert len(shapes) == 22  # the others' shapes stay
    assert shapes.loc[shapes["township_id"] == scope[0], "schematic"].tolist() == [False]


def test_demo_removal_takes_the_schematic_layout_with_it(writable_seeded_engine: Engine) -> None:
    """Even when the places stay, a schematic layout is never an office's map."""
    engine = writable_seeded_engine
    with session_scope(engine, write=True) as session:
        counts = remove_demo_data(session=session, actor="admin", keep_regions=True)
    assert counts["township_shape"] == 22
    places = len(in_force(engine))
    with session_scope(engine, write=True) as session:
        assert fetch_shape_status(session=session).townships == 0
        assert save_schematic_layout(session=session, actor="admin") == places
    with session_scope(engine) as session:
        assert fetch_shape_status(session=session).schematic


def test_a_regions_import_whose_township_has_a_boundary_cannot_be_undone(
    empty_engine: Engine,
) -> None:
    """An office's first regions file, then a layout: undoing the file would orphan the
    boundaries, so the undo names them (as it names ledger rows)."""
    batch = upload_regions(empty_engine, regions_xlsx(region_records()))
    assert batch is not None
    with session_scope(empty_engine, write=True) as session:
        assert save_schematic_layout(session=session, actor="admin") == 5
    with use_language("zh"), session_scope(empty_engine) as session:
        reason = region_undo_blocker(session, batch)
    assert reason is not None and "乡镇边界（地图）" in reason
