"""township boundaries for the map (township_shape)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 10:00:00

Hand-written. One GeoJSON geometry per township (the office's boundaries from 行政区划, or
the demo's schematic layout, flagged schematic), read by the map on 乡镇对比.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the township_shape table."""
    op.create_table(
        "township_shape",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("township_id", sa.Integer(), nullable=False),
        sa.Column("geometry_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("schematic", sa.Boolean(), nullable=False),
        sa.Column("feature_name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(["township_id"], ["township.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("township_id"),
    )


def downgrade() -> None:
    """Drop the township_shape table."""
    op.drop_table("township_shape")
