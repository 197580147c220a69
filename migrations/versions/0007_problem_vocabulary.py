"""problem categories per round; focus areas up to 64 characters; new problem fields

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 10:00:00

Hand-written.
- problem_category: a round's categories (巡察重点/问题类别) and sub-categories as rows.
  Filled for the rounds already stored from the codes their problems use: the five codes
  the product used to define get their names; any other code is its own name.
- problem.focus_area and the summaries' focus_area: 32 → 64 characters (a code is an
  office's own category name). SQLite cannot change a column's type in place, and
  rebuilding problem (batch mode) fails while status_event rows point at it with foreign
  keys on (a pragma no migration can switch inside its transaction), so on SQLite the
  column is replaced: add the wide one, copy, drop the old one (and its index), rename.
- problem: deadline_kind, found_on_inferred, progress, remarks (server defaults fill the
  existing rows).
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# table -> its indexes that include focus_area (name -> columns), rebuilt on SQLite.
WIDENED = {
    "problem": {"ix_problem_focus_area": ["focus_area"]},
    "summary_problem": {"ix_summary_problem_grain": ["township_id", "focus_area", "status"]},
    "summary_period": {"ix_summary_period_grain": ["kind", "city_id", "focus_area"]},
    "summary_sub_category": {},
}
NEW_PROBLEM_COLUMNS = (
    ("deadline_kind", sqlmodel.sql.sqltypes.AutoString(length=16), "''"),
    ("found_on_inferred", sa.Boolean(), "false"),
    ("progress", sqlmodel.sql.sqltypes.AutoString(), "''"),
    ("remarks", sqlmodel.sql.sqltypes.AutoString(), "''"),
)
# The codes earlier versions defined, in their order, with their names (zh, en): frozen
# here as they were, whatever the catalogue says later.
FORMER_CODES = {
    "main_responsibility": ("扶贫工作主体责任落实", "Primary responsibility"),  # i18n-data
    "supervision_responsibility": (
        "扶贫工作监督责任落实",  # i18n-data
        "Supervisory responsibility",
    ),
    "task_progress": ("扶贫工作任务推进", "Task progress"),  # i18n-data
    "funds_projects": ("扶贫资金项目落实", "Funds and projects"),  # i18n-data
    "work_style": ("扶贫领域“四风”", "Work style (“four winds”)"),  # i18n-data
}


def upgrade() -> None:
    """Create problem_category, widen focus_area, add the problem fields, fill categories."""
    op.create_table(
        "problem_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("name_en", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("parent_code", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["inspection_round.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("round_id", "parent_code", "code"),
    )
    op.create_index("ix_problem_category_round_id", "problem_category", ["round_id"])
    for table, indexes in WIDENED.items():
        _retype_focus_area(table, indexes, 64)
    for name, type_, default in NEW_PROBLEM_COLUMNS:
        op.add_column(
            "problem", sa.Column(name, type_, nullable=False, server_default=sa.text(default))
        )
    _fill_categories()


def downgrade() -> None:
    """Drop the problem fields and problem_category; focus_area back to 32 characters."""
    for name, _type, _default in NEW_PROBLEM_COLUMNS:
        op.drop_column("problem", name)
    for table, indexes in WIDENED.items():
        _retype_focus_area(table, indexes, 32)
    op.drop_index("ix_problem_category_round_id", table_name="problem_category")
    op.drop_table("problem_category")


def _retype_focus_area(table: str, indexes: dict[str, list[str]], length: int) -> None:
    """focus_area of table as VARCHAR(length) (cut to length when narrowing)."""
    new_type = sqlmodel.sql.sqltypes.AutoString(length=length)
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            table,
            "focus_area",
            type_=new_type,
            existing_nullable=False,
            postgresql_using=f"left(focus_area, {length})",
        )
        return
    op.add_column(
        table, sa.Column("focus_area_new", new_type, nullable=False, server_default=sa.text("''"))
    )
    op.execute(f"UPDATE {table} SET focus_area_new = substr(focus_area, 1, {length})")
    for name in indexes:
        op.drop_index(name, table_name=table)
    op.execute(f"ALTER TABLE {table} DROP COLUMN focus_area")
    op.execute(f"ALTER TABLE {table} RENAME COLUMN focus_area_new TO focus_area")
    for name, columns in indexes.items():
        op.create_index(name, table, columns)


def _fill_categories() -> None:
    """Categories and sub-categories of the stored rounds, from their problems."""
    bind = op.get_bind()
    problem = sa.table(
        "problem",
        sa.column("id", sa.Integer),
        sa.column("round_id", sa.Integer),
        sa.column("focus_area", sa.String),
        sa.column("sub_category", sa.String),
    )
    first = sa.func.min(problem.c.id)
    keys = (problem.c.round_id, problem.c.focus_area, problem.c.sub_category)
    used = bind.execute(sa.select(*keys).group_by(*keys).order_by(first)).all()
    rows = _category_rows(used)
    if rows:
        category = sa.table(
            "problem_category",
            *(sa.column(name) for name in ("round_id", "code", "name", "name_en")),
            *(sa.column(name) for name in ("ordinal", "parent_code")),
        )
        op.bulk_insert(category, rows)


def _category_rows(used: list) -> list[dict]:
    """Rows for each round's (category, sub-category) pairs, in order of first use."""
    rows: list[dict] = []
    seen: set[tuple[int, str, str]] = set()
    ordinals: dict[tuple[int, str], int] = {}

    def add(round_id: int, code: str, parent: str) -> None:
        if not code or (round_id, parent, code) in seen:
            return
        seen.add((round_id, parent, code))
        former = FORMER_CODES.get(code) if not parent else None
        ordinal = list(FORMER_CODES).index(code) if former else None
        if ordinal is None:
            ordinal = len(FORMER_CODES) + ordinals.get((round_id, parent), 0)
            ordinals[(round_id, parent)] = ordinals.get((round_id, parent), 0) + 1
        name, name_en = former or (code, "")
        rows.append({"round_id": round_id, "code": code, "name": name, "name_en": name_en,
                     "ordinal": ordinal, "parent_code": parent})  # fmt: skip

    for round_id, focus_area, sub_category in used:
        add(round_id, focus_area, "")
        add(round_id, sub_category, focus_area)
    return rows
