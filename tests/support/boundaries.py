"""GeoJSON boundary files for the map's tests: squares near 枞阳, named as asked."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.models import Township


def square(lon: float, lat: float, size: float = 0.05) -> list[list[float]]:
    """A counter-clockwise square ring (RFC 7946's exterior winding, as QGIS writes)."""
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


def feature(name: str | None, ring: list, key: str = "name", **properties) -> dict:
    """A Polygon feature named name under key."""
    props = {key: name, **properties} if name is not None else dict(properties)
    geometry = {"type": "Polygon", "coordinates": [ring]}
    return {"type": "Feature", "properties": props, "geometry": geometry}


def collection(*features: dict) -> bytes:
    """A FeatureCollection as a file's bytes."""
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def boundaries_file(names: list[str]) -> bytes:
    """A square per name, in a row, in longitude/latitude near 枞阳."""
    return collection(*(feature(n, square(117.0 + 0.06 * i, 30.7)) for i, n in enumerate(names)))


def in_force(engine: Engine) -> list[str]:
    """The stored townships in force, in their order."""
    with session_scope(engine) as session:
        query = select(Township.name).where(Township.valid_to.is_(None))
        return list(session.scalars(query.order_by(Township.sort_order)))
