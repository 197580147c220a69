"""Read functions of the map: the stored township boundaries inside the Filter's region.

The figures the map colours by are 乡镇对比's (fetch_region_comparison at township level);
the chart joins the two by township id, so the page reads the figures once. The account's
scope holds here as in every query: a limited account gets only its own townships' shapes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Integer, cast, func, select
from sqlmodel import Session

from data_access.filters import Filter
from data_access.models import TownshipShape
from data_access.queries.conditions import township_clauses
from data_access.queries.overview import to_frame

SHAPE_COLUMNS = ["township_id", "geometry_json", "schematic"]


@dataclass(frozen=True)
class ShapeStatus:
    """What the store holds for the map: how many townships have a boundary, and of what kind."""

    townships: int
    schematic: bool  # a generated layout (示意图), not the office's boundaries


def fetch_township_shapes(*, session: Session, flt: Filter) -> pd.DataFrame:
    """SHAPE_COLUMNS of the townships inside flt's region and scope (GeoJSON as text)."""
    query = (
        select(TownshipShape.township_id, TownshipShape.geometry_json, TownshipShape.schematic)
        .where(*township_clauses(TownshipShape.township_id, flt))
        .order_by(TownshipShape.township_id)
    )
    frame = to_frame(session.execute(query).all(), SHAPE_COLUMNS, {"schematic": "bool"})
    return frame.astype({"township_id": "int64"})


def fetch_shape_status(*, session: Session) -> ShapeStatus:
    """How many boundaries are stored and whether they are a schematic layout."""
    count, schematic = session.execute(
        select(func.count(TownshipShape.id), func.max(cast(TownshipShape.schematic, Integer)))
    ).one()
    return ShapeStatus(int(count or 0), bool(schematic))
