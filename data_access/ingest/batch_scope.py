"""What each import batch did within a township scope, read from its row images.

A scoped account sees a batch's counts only for rows of its own townships, and may undo a
batch only when every row it wrote lies there. A row is inside the scope when its
township (before and after the change) is one of the scope's; rows of other tables than
the ledger's (a regions import) and batches without images (the demo seed) are outside.
The categories a ledger import adds belong to its round, not to a township: not counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlmodel import Session

from data_access.codes import COMPLETED_STATUS
from data_access.ingest.records import PROBLEMS_TABLE, TABLES_BY_NAME, chunks, image_field
from data_access.models import ImportChange, ProblemCategory

CATEGORY_TABLE = ProblemCategory.__tablename__
Scope = tuple[int, ...] | None  # township ids; None: every township


@dataclass(frozen=True)
class ScopedCounts:
    """One batch's rows within a scope: added, changed, rectified delta; and rows outside."""

    new: int = 0
    changed: int = 0
    rectified_delta: int = 0
    outside: int = 0

    @property
    def touches_scope(self) -> bool:
        """True when the batch wrote at least one row of the scope."""
        return self.new + self.changed > 0

    @property
    def within_scope(self) -> bool:
        """True when the batch wrote rows of the scope and no others."""
        return self.touches_scope and self.outside == 0


def _inside(session: Session, scope: tuple[int, ...]) -> ColumnElement[bool]:
    """True for a ledger row image whose township before and after lies in scope."""
    wanted = [str(township_id) for township_id in scope] or [""]
    ledger = ImportChange.table_name.in_(list(TABLES_BY_NAME))
    sides = [
        or_(image.is_(None), image_field(session, image, "township_id").in_(wanted))
        for image in (ImportChange.before_json, ImportChange.after_json)
    ]
    return and_(ledger, *sides)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many of the group's images meet condition."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def scoped_counts(
    session: Session, batch_ids: Iterable[int], scope: tuple[int, ...]
) -> dict[int, ScopedCounts]:
    """By batch: its rows within scope and the number outside (every id gets an entry)."""
    ids = sorted(set(batch_ids))
    found = dict.fromkeys(ids, ScopedCounts())
    inside = _inside(session, scope)
    problem = ImportChange.table_name == literal(PROBLEMS_TABLE.name)
    became = image_field(session, ImportChange.after_json, "status") == COMPLETED_STATUS
    was = image_field(session, ImportChange.before_json, "status") == COMPLETED_STATUS
    columns = (
        _count(and_(inside, ImportChange.action == "insert")),
        _count(and_(inside, ImportChange.action == "update")),
        _count(and_(inside, problem, became)) - _count(and_(inside, problem, was)),
        func.count() - _count(inside),  # a NULL test (no township) counts as outside
    )
    for part in chunks(ids):
        query = select(ImportChange.batch_id, *columns).where(
            ImportChange.batch_id.in_(part), ImportChange.table_name != CATEGORY_TABLE
        )
        for batch_id, *counts in session.execute(query.group_by(ImportChange.batch_id)):
            found[int(batch_id)] = ScopedCounts(*(int(count) for count in counts))
    return found
