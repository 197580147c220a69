"""sign_in_throttle: failed sign-ins counted by key; app_user loses its own lock-out columns

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 09:00:00

Hand-written. The lock-out moves from the account row to keys that exist for any name
(name and source address, source address, name), so an unknown name is answered like a
locked one and a failure from one address no longer locks the account everywhere.
Running lock-outs are not carried over: they last 15 minutes.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create sign_in_throttle; drop app_user.failed_attempts and locked_until."""
    op.create_table(
        "sign_in_throttle",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("locked_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_attempts")


def downgrade() -> None:
    """The account columns back (no lock running), sign_in_throttle gone."""
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(
            sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("locked_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    op.drop_table("sign_in_throttle")
