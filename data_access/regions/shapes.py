"""The office's township boundaries (GeoJSON) for the map: check a file, then store it whole.

preview_shapes reads a FeatureCollection and matches each feature's name (the first of
NAME_KEYS among its properties) to a township by name or alias, as a ledger's township
column is matched; what it cannot match is listed with the closest names, and the townships
left without a boundary are listed too. save_shapes replaces the stored boundaries in the
caller's write transaction, all or nothing, audited. The demo and an office without a file
get a schematic layout instead (schematic_rows), which the map calls 示意图.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlmodel import Session

from data_access.audit import record_event
from data_access.codes import DEPARTMENT_KIND
from data_access.ingest.cell_values import Invalid
from data_access.ingest.errors import FileRejectedError, joined
from data_access.ingest.resolve import NameBook
from data_access.ingest.safety import default_max_bytes
from data_access.ingest.writer import serialise_writers
from data_access.models import Township, TownshipShape
from data_access.regions.geometry import (
    SIMPLIFY_SHARE,
    GeometryError,
    Polygon,
    extent,
    hexagon_layout,
    polygons_of,
    prepared,
    vertex_count,
)
from data_access.version import bump_data_version
from i18n import t

# Properties that may hold a feature's township name, tried in this order, in any case:
# GeoJSON's usual name, OpenStreetMap's, Chinese headers, 行政区名称 of the national standard.
CHINESE_NAME_KEYS = ("乡镇", "乡镇名称", "乡镇名", "名称")  # i18n-data: headers in offices' files
NAME_KEYS = ("name", "name:zh", "name_zh", "township", "xzqmc", *CHINESE_NAME_KEYS)
NAME_MAX = 64  # TownshipShape.feature_name
ENCODINGS = ("utf-8-sig", "gb18030")  # GeoJSON is UTF-8; older Chinese tools write GBK


class ShapesError(ValueError):
    """Boundaries that cannot be stored (message in the UI language)."""


@dataclass
class ShapesPreview:
    """What a boundaries file would store: a geometry per township, or why not."""

    file_name: str
    sha256: str
    shapes: dict[int, dict] = field(default_factory=dict)  # township id -> MultiPolygon
    names: dict[int, list[str]] = field(default_factory=dict)  # township id -> names in file
    townships: dict[int, str] = field(default_factory=dict)  # township id -> stored name
    errors: list[str] = field(default_factory=list)  # unmatched or unreadable features
    missing: list[str] = field(default_factory=list)  # townships in force without a boundary

    @property
    def can_save(self) -> bool:
        """True when every feature was matched and there is something to store."""
        return not self.errors and bool(self.shapes)

    @property
    def vertices(self) -> int:
        """Positions stored in all, after thinning."""
        return sum(vertex_count(geometry) for geometry in self.shapes.values())


def read_features(data: bytes) -> list[object]:
    """The features of a GeoJSON FeatureCollection (or a lone Feature); FileRejectedError
    in plain words for anything else."""
    if not data.strip():
        raise FileRejectedError(t("map.file.empty"))
    limit = default_max_bytes()
    if len(data) > limit:
        raise FileRejectedError(
            t("map.file.too_large", size=len(data) / 1048576, limit=limit / 1048576)
        )
    document = _json(data)
    if not isinstance(document, dict):
        raise FileRejectedError(t("map.file.not_collection", kind="—"))
    kind = document.get("type")
    if kind == "Feature":
        return [document]
    if kind == "Topology":
        raise FileRejectedError(t("map.file.topojson"))
    if kind != "FeatureCollection" or not isinstance(document.get("features"), list):
        raise FileRejectedError(t("map.file.not_collection", kind=kind or "—"))
    if not document["features"]:
        raise FileRejectedError(t("map.file.no_features"))
    return document["features"]


def _json(data: bytes) -> object:
    """The parsed document; FileRejectedError naming where the JSON breaks."""
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise FileRejectedError(
                t("map.file.not_json", line=error.lineno, column=error.colno)
            ) from None
        except RecursionError:
            raise FileRejectedError(t("map.file.too_deep")) from None
    raise FileRejectedError(t("map.file.encoding"))


def feature_name(feature: dict) -> str | None:
    """The township name a feature carries (NFKC, no spaces), or None."""
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        return None
    lowered = {str(key).strip().lower(): value for key, value in properties.items()}
    for key in NAME_KEYS:
        value = lowered.get(key)
        if isinstance(value, str) and value.strip():
            return "".join(unicodedata.normalize("NFKC", value).split())
    return None


def preview_shapes(
    *, session: Session, data: bytes, file_name: str, scope: tuple[int, ...] | None = None
) -> ShapesPreview:
    """Read and match a boundaries file (FileRejectedError when it is no GeoJSON at all)."""
    features = read_features(data)
    preview = ShapesPreview(file_name, hashlib.sha256(data).hexdigest())
    book = NameBook.load(session)
    polygons: dict[int, list[Polygon]] = defaultdict(list)
    for number, feature in enumerate(features, start=1):
        found = _matched(book, number, feature, scope)
        if isinstance(found, str):
            preview.errors.append(found)
            continue
        township_id, name, parts = found
        polygons[township_id] += parts
        preview.names.setdefault(township_id, []).append(name)
    tolerance = extent(p for parts in polygons.values() for p in parts) / SIMPLIFY_SHARE
    preview.shapes = {tid: prepared(parts, tolerance) for tid, parts in polygons.items()}
    preview.townships = {tid: book.townships[tid] for tid in preview.shapes}
    preview.missing = _without_shape(session, set(preview.shapes), scope)
    return preview


def _matched(
    book: NameBook, number: int, feature: object, scope: tuple[int, ...] | None
) -> tuple[int, str, list[Polygon]] | str:
    """(township id, name in the file, polygons) of one feature, or the reason it has none."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return t("map.feature.not_feature", number=number)
    name = feature_name(feature)
    if name is None:
        properties = feature.get("properties")
        keys = joined(list(properties)[:8]) if isinstance(properties, dict) else ""
        keys = keys or "—"
        return t("map.feature.no_name", number=number, keys=keys, names=joined(NAME_KEYS[:3]))
    township_id = book.township_id(name)
    if isinstance(township_id, Invalid):
        contained = book.township_in(name)  # 枞阳县钱桥镇 names 钱桥镇
        if contained is None:
            return t("map.feature.unmatched", number=number, name=name, reason=township_id.reason)
        township_id = book.township_ids[contained]
    if scope is not None and township_id not in scope:
        return t("map.feature.out_of_scope", number=number, name=name)
    try:
        parts = polygons_of(feature.get("geometry"))
    except GeometryError as error:
        return t("map.feature.bad_geometry", number=number, name=name, reason=str(error))
    return township_id, name, parts


def _without_shape(session: Session, shaped: set[int], scope: tuple[int, ...] | None) -> list[str]:
    """Names of the townships in force (departments aside) that the file gave no boundary."""
    query = (
        select(Township.id, Township.name)
        .where(Township.valid_to.is_(None), Township.kind != DEPARTMENT_KIND)
        .order_by(Township.sort_order, Township.id)
    )
    if scope is not None:
        query = query.where(Township.id.in_(scope))
    return [name for tid, name in session.execute(query) if tid not in shaped]


def save_shapes(
    *, session: Session, preview: ShapesPreview, actor: str, scope: tuple[int, ...] | None = None
) -> int:
    """Replace the stored boundaries (within scope) by the preview's; returns how many."""
    if not preview.can_save:
        raise ShapesError(t("map.save.refused"))
    serialise_writers(session)
    ids = sorted(preview.shapes)
    if len(session.scalars(select(Township.id).where(Township.id.in_(ids))).all()) != len(ids):
        raise ShapesError(t("map.save.regions_changed"))
    rows = [
        {
            "township_id": tid,
            "geometry_json": json.dumps(preview.shapes[tid], separators=(",", ":")),
            "schematic": False,
            "feature_name": joined(preview.names[tid])[:NAME_MAX],
        }
        for tid in ids
    ]
    detail = {"townships": len(rows), "vertices": preview.vertices, "sha256": preview.sha256}
    _replace(session, rows, actor, preview.file_name, {**detail, "missing": preview.missing}, scope)
    return len(rows)


def save_schematic_layout(
    *, session: Session, actor: str, scope: tuple[int, ...] | None = None
) -> int:
    """Replace the stored boundaries by a schematic layout of the townships in force."""
    serialise_writers(session)
    query = (
        select(Township.id)
        .where(Township.valid_to.is_(None), Township.kind != DEPARTMENT_KIND)
        .order_by(Township.sort_order, Township.id)
    )
    if scope is not None:
        query = query.where(Township.id.in_(scope))
    rows = schematic_rows(list(session.scalars(query)))
    _replace(session, rows, actor, "", {"townships": len(rows), "schematic": True}, scope)
    return len(rows)


def schematic_rows(township_ids: list[int]) -> list[dict]:
    """TownshipShape rows of a honeycomb layout, one hexagon per township in the given order."""
    return [
        {
            "township_id": tid,
            "geometry_json": json.dumps(geometry, separators=(",", ":")),
            "schematic": True,
            "feature_name": "",
        }
        for tid, geometry in zip(township_ids, hexagon_layout(len(township_ids)), strict=True)
    ]


def _replace(
    session: Session,
    rows: list[dict],
    actor: str,
    target: str,
    detail: dict,
    scope: tuple[int, ...] | None,
) -> None:
    """Delete the stored boundaries (within scope), insert rows, audit, bump the version."""
    stale = delete(TownshipShape)
    if scope is not None:
        stale = stale.where(TownshipShape.township_id.in_(scope))
    session.execute(stale)
    if rows:
        session.execute(insert(TownshipShape.__table__), rows)
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    record_event(session=session, actor=actor, action="map_update", target=target, detail=text)
    bump_data_version(session=session, summaries=False)  # the map's query is cached
