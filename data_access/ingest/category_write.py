"""The categories an import adds, in its write transaction, and their removal when it is undone.

Each added category gets an ImportChange (table problem_category, action insert) like a
ledger row, so the batch knows what it created. Undo removes those no problem uses any
more; one still used (by a later import's problems, which undo does not touch) is kept.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import ColumnElement, Select, and_, delete, exists, select
from sqlmodel import Session

from data_access.bulk.insert import insert_rows
from data_access.categories import define_categories
from data_access.ingest.category_match import CategoryOutcome
from data_access.models import ImportChange, Problem, ProblemCategory

CATEGORY_TABLE = ProblemCategory.__tablename__
_IMAGE = ("id", "round_id", "parent_code", "code", "name", "ordinal")


def write_new_categories(session: Session, outcome: CategoryOutcome, batch_id: int) -> int:
    """Add the file's new categories (categories before sub-categories); how many were added."""
    groups: dict[tuple[int, str], list[str]] = defaultdict(list)
    for category in outcome.new:
        groups[category.round_id, category.parent_code].append(category.name)
    if not groups:
        return 0
    rounds = sorted({round_id for round_id, _parent in groups})
    before = set(session.scalars(_ids_of(rounds)))
    for (round_id, parent), names in sorted(groups.items(), key=lambda item: item[0][1] != ""):
        define_categories(session, round_id, names, parent)
    table = ProblemCategory.__table__
    query = select(*(table.c[name] for name in _IMAGE)).where(table.c.round_id.in_(rounds))
    added = [dict(row) for row in session.execute(query).mappings() if row["id"] not in before]
    images = [
        {"batch_id": batch_id, "table_name": CATEGORY_TABLE, "row_key": str(row["id"]),
         "action": "insert", "before_json": None,
         "after_json": json.dumps(row, ensure_ascii=False, sort_keys=True)}
        for row in added
    ]  # fmt: skip
    insert_rows(session, ImportChange.__table__, images)
    return len(added)


def _ids_of(rounds: list[int]) -> Select[int | None]:
    """The ids of the rounds' category rows."""
    return select(ProblemCategory.id).where(ProblemCategory.round_id.in_(rounds))


def remove_created_categories(session: Session, batch_id: int) -> list[str]:
    """Delete the categories batch_id added that no problem uses; the names kept (in use)."""
    query = select(ImportChange.after_json).where(
        ImportChange.batch_id == batch_id,
        ImportChange.table_name == CATEGORY_TABLE,
        ImportChange.action == "insert",
    )
    created = [json.loads(text) for (text,) in session.execute(query)]
    kept: list[str] = []
    # Sub-categories first: a category is in use while a sub-category under it remains.
    for row in sorted(created, key=lambda row: row["parent_code"] == ""):
        if session.scalar(select(_in_use(row))):
            kept.append(row["name"])
        else:
            session.execute(delete(ProblemCategory).where(ProblemCategory.id == row["id"]))
    return kept


def _in_use(row: dict[str, object]) -> ColumnElement[bool]:
    """EXISTS: a problem of the row's round in this category (or sub-category), or a
    sub-category left under it."""
    same_round = Problem.round_id == row["round_id"]
    if row["parent_code"]:
        return exists().where(
            same_round,
            Problem.focus_area == row["parent_code"],
            Problem.sub_category == row["code"],
        )
    child = and_(
        ProblemCategory.round_id == row["round_id"], ProblemCategory.parent_code == row["code"]
    )
    return exists().where(same_round, Problem.focus_area == row["code"]) | exists().where(child)
