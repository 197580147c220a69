"""Township boundaries as the map needs them: checked, rounded, simplified, wound for Vega.

Pure functions on GeoJSON geometries (lists, no GIS library). Coordinates must be
longitude/latitude: projected metres (a Gauss-Krüger 39512345.6) are refused with a reason.
Vega's projections are spherical and read a ring's winding as its inside: an exterior ring
wound counter-clockwise (RFC 7946's rule, what QGIS writes) would fill the whole globe, so
exterior rings are stored clockwise and holes counter-clockwise. The map is for looking, not
measuring: points are rounded to 1e-5° (about 1 m) and every ring is thinned
(Douglas-Peucker) to a tolerance far below a pixel of the whole map.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import pairwise

from i18n import t

DIGITS = 5  # decimal places kept: 1e-5° is about 1 m
SIMPLIFY_SHARE = 3_000  # tolerance = the file's extent / this (a 600 px map: 1/5 pixel)
MIN_RING = 4  # three corners and the closing point
POLYGON_TYPES = ("Polygon", "MultiPolygon")

Position = tuple[float, float]
Ring = list[Position]
Polygon = list[Ring]  # exterior ring first, then holes


class GeometryError(ValueError):
    """A feature's geometry the map cannot draw (reason in the UI language)."""


def polygons_of(geometry: object) -> list[Polygon]:
    """The polygons of a Polygon or MultiPolygon geometry, checked and rounded."""
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        raise GeometryError(t("map.geometry.not_polygon", kind=kind or "—"))
    coordinates = geometry.get("coordinates")
    parts = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(parts, list) or not parts:
        raise GeometryError(t("map.geometry.no_coordinates"))
    polygons = [_polygon(part) for part in parts]
    kept = [polygon for polygon in polygons if polygon]
    if not kept:
        raise GeometryError(t("map.geometry.too_small"))
    return kept


def _polygon(part: object) -> Polygon:
    """One polygon's rings, rounded; [] when its exterior is too small to draw."""
    if not isinstance(part, list) or not part:
        raise GeometryError(t("map.geometry.no_coordinates"))
    rings = [_ring(ring) for ring in part]
    if len(rings[0]) < MIN_RING:
        return []
    return [rings[0], *(ring for ring in rings[1:] if len(ring) >= MIN_RING)]


def _ring(ring: object) -> Ring:
    """A closed ring of rounded positions, repeats dropped."""
    if not isinstance(ring, list):
        raise GeometryError(t("map.geometry.no_coordinates"))
    points: Ring = []
    for position in ring:
        point = _position(position)
        if not points or point != points[-1]:
            points.append(point)
    if points and points[0] != points[-1]:
        points.append(points[0])
    return points


def _position(position: object) -> Position:
    """(lon, lat) rounded; GeometryError for anything but two finite degrees."""
    if not isinstance(position, list | tuple) or len(position) < 2:
        raise GeometryError(t("map.geometry.bad_position", value=str(position)[:40]))
    lon, lat = position[0], position[1]
    for value in (lon, lat):
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            raise GeometryError(t("map.geometry.bad_position", value=str(position)[:40]))
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise GeometryError(t("map.geometry.not_degrees", lon=lon, lat=lat))
    return (round(float(lon), DIGITS), round(float(lat), DIGITS))


def extent(polygons: Iterable[Polygon]) -> float:
    """The diagonal (in degrees) of the box around every exterior ring."""
    points = [point for polygon in polygons for point in polygon[0]]
    if not points:
        return 0.0
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return math.hypot(max(lons) - min(lons), max(lats) - min(lats))


def prepared(polygons: list[Polygon], tolerance: float) -> dict:
    """A MultiPolygon of the polygons, thinned to tolerance and wound as Vega expects."""
    shaped = []
    for polygon in polygons:
        exterior = _oriented(_thinned(polygon[0], tolerance), clockwise=True)
        holes = [_oriented(_thinned(ring, tolerance), clockwise=False) for ring in polygon[1:]]
        shaped.append([exterior, *holes])
    coordinates = [[[list(point) for point in ring] for ring in polygon] for polygon in shaped]
    return {"type": "MultiPolygon", "coordinates": coordinates}


def vertex_count(geometry: dict) -> int:
    """Positions in a MultiPolygon."""
    return sum(len(ring) for polygon in geometry["coordinates"] for ring in polygon)


def signed_area(ring: Ring) -> float:
    """Shoelace area in degrees²: positive when counter-clockwise (x east, y north)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


def _oriented(ring: Ring, *, clockwise: bool) -> Ring:
    """ring in the asked winding."""
    return ring[::-1] if (signed_area(ring) < 0) != clockwise else ring


def _thinned(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker on a closed ring; the ring itself when thinning leaves too few points."""
    if tolerance <= 0 or len(ring) <= MIN_RING:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    far = max(range(1, len(ring) - 1), key=lambda i: _distance(ring[i], ring[0], ring[0]))
    keep[far] = True
    stack = [(0, far), (far, len(ring) - 1)]
    while stack:  # iterative: rings of 100,000 points would exceed the recursion limit
        first, last = stack.pop()
        if last - first < 2:
            continue
        start, end = ring[first], ring[last]
        index = max(range(first + 1, last), key=lambda i: _distance(ring[i], start, end))
        if _distance(ring[index], start, end) > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    thinned = [point for point, kept in zip(ring, keep, strict=True) if kept]
    return thinned if len(thinned) >= MIN_RING else ring


def _distance(point: Position, start: Position, end: Position) -> float:
    """Distance from point to the segment start-end."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    if length == 0:
        return math.hypot(px - ax, py - ay)
    share = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - share * dx, py - ay - share * dy)


def label_point(geometry: dict) -> Position:
    """Where a township's name goes: the centroid of its largest polygon's exterior ring."""
    rings = [polygon[0] for polygon in geometry["coordinates"]]
    ring = max(rings, key=lambda r: abs(signed_area(r)))
    area = signed_area(ring)
    if area == 0:
        return ring[0][0], ring[0][1]
    cross = [(x1 * y2 - x2 * y1, x1 + x2, y1 + y2) for (x1, y1), (x2, y2) in pairwise(ring)]
    lon = sum(c * sx for c, sx, _ in cross) / (6 * area)
    lat = sum(c * sy for c, _, sy in cross) / (6 * area)
    return round(lon, DIGITS), round(lat, DIGITS)


def hexagon_layout(count: int) -> list[dict]:
    """count hexagons in a honeycomb, in reading order: a schematic layout, not a map.

    Rows alternate between n and n - 1 cells (n about √count), so the whole is compact;
    abstract coordinates around 0° (the map draws a schematic layout with a flat projection).
    """
    across = max(1, round(math.sqrt(count)))
    width = math.sqrt(3)  # of a hexagon of radius 1, pointy side up
    cells: list[Position] = []
    row = 0
    while len(cells) < count:
        short = across > 1 and row % 2 == 1
        length = across - 1 if short else across
        offset = width / 2 if short else 0.0
        cells += [(offset + column * width, -1.5 * row) for column in range(length)]
        row += 1
    return [_hexagon(x, y) for x, y in cells[:count]]


def _hexagon(x: float, y: float) -> dict:
    """A pointy-top hexagon of radius 0.98 (a gap between cells), wound clockwise."""
    corners = [
        (round(x + 0.98 * math.cos(math.radians(a)), DIGITS),
         round(y + 0.98 * math.sin(math.radians(a)), DIGITS))
        for a in (90, 30, -30, -90, -150, 150, 90)
    ]  # fmt: skip
    return prepared([[corners]], 0.0)
