"""the office's setup: inspection_round.theme and office_setting (name, words for its units)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 12:00:00

Hand-written. A round's theme (巡察主题, the app's subtitle) and the office's settings (its
name, the title; its own words for its township- and village-level units, which otherwise
follow the kinds of its regions). Plain ALTER TABLE: rebuilding inspection_round in SQLite's
batch mode would be refused while problems point at it.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the theme column and the settings table."""
    op.add_column(
        "inspection_round",
        sa.Column(
            "theme",
            sqlmodel.sql.sqltypes.AutoString(length=128),
            nullable=False,
            server_default=sa.text("''"),
        ),
    )
    op.create_table(
        "office_setting",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    """Drop them again (SQLite 3.35+ drops a plain column in place)."""
    op.drop_table("office_setting")
    op.drop_column("inspection_round", "theme")
