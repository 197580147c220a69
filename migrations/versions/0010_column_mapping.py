"""saved column mappings of offices' own ledgers (column_mapping)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 13:00:00

Hand-written. A mapping is named, keyed by the header signature it fits, and holds the
uploader's choice of field for each header (JSON), so the next file of that shape goes in
by itself.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the column_mapping table."""
    op.create_table(
        "column_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("signature", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("sheet_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("mapping_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_index("ix_column_mapping_signature", "column_mapping", ["signature"])


def downgrade() -> None:
    """Drop the column_mapping table."""
    op.drop_index("ix_column_mapping_signature", table_name="column_mapping")
    op.drop_table("column_mapping")
