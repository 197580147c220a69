"""indexes by day: what happened after a day (status events, problem and record dates)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 10:00:00

Hand-written. A figure as of an earlier day is today's summary corrected by the few rows
dated after that day (queries/as_of.py, queries/as_of_facts.py): these indexes find them
without reading the rest. The problem's own recovery and rules days are mostly empty, so
their indexes hold only the rows that have one. The 逾期清单 walks the open problems in
deadline order (a partial index on them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# (index, table, columns, only rows where this column is set)
INDEXES = (
    ("ix_status_event_changed_on", "status_event", ["changed_on", "problem_id"], None),
    ("ix_problem_rectified_on", "problem", ["rectified_on"], None),
    ("ix_problem_deadline", "problem", ["deadline"], None),
    ("ix_problem_recovered_on", "problem", ["recovered_on"], "recovered_on"),
    ("ix_problem_rules_improved_on", "problem", ["rules_improved_on"], "rules_improved_on"),
    ("ix_accountability_action_decided_on", "accountability_action", ["decided_on"], None),
    ("ix_lead_transferred_on", "lead", ["transferred_on"], None),
    ("ix_discipline_case_opened_on", "discipline_case", ["opened_on"], None),
)
# The open problems by deadline (逾期清单), as data_access.models.OPEN_STATUS_SQL says.
OPEN_DEADLINE = ("ix_problem_open_deadline", "problem", ["deadline", "code"])
OPEN_STATUS_SQL = "status <> 'rectified' AND status <> 'long_term'"


def upgrade() -> None:
    """Create the indexes (partial where only set values are looked up)."""
    for name, table, columns, set_only in INDEXES:
        where = sa.text(f"{set_only} IS NOT NULL") if set_only else None
        op.create_index(name, table, columns, sqlite_where=where, postgresql_where=where)
    open_only = sa.text(OPEN_STATUS_SQL)
    op.create_index(*OPEN_DEADLINE, sqlite_where=open_only, postgresql_where=open_only)


def downgrade() -> None:
    """Drop them."""
    op.drop_index(OPEN_DEADLINE[0], table_name=OPEN_DEADLINE[1])
    for name, table, _columns, _set_only in reversed(INDEXES):
        op.drop_index(name, table_name=table)
