"""Migration 0011 (township_shape) on a store with data, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.models import Township
from data_access.queries.shapes import fetch_shape_status
from data_access.regions.shapes import save_schematic_layout
from data_access.schema import upgrade_schema
from tests.support.migrations import downgrade_to


def test_down_to_0010_and_up_again(writable_seeded_engine: Engine) -> None:
    """Down: the table goes, the rest stays. Up: it comes back empty (no rebuild needed),
    and takes a layout again."""
    engine = writable_seeded_engine
    downgrade_to(engine, "0010")
    assert "township_shape" not in inspect(engine).get_table_names()
    upgrade_schema(engine)
    columns = {c["name"] for c in inspect(engine).get_columns("township_shape")}
    assert columns == {"id", "township_id", "geometry_json", "schematic", "feature_name"}
    keys = inspect(engine).get_foreign_keys("township_shape")
    assert [(k["referred_table"], k["constrained_columns"]) for k in keys] == [
        ("township", ["township_id"])
    ]
    with session_scope(engine, write=True) as session:
        assert fetch_shape_status(session=session).townships == 0
        in_force = session.scalars(select(Township.id).where(Township.valid_to.is_(None))).all()
        assert save_schematic_layout(session=session, actor="admin") == len(in_force)
