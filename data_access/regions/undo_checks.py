"""Why a regions batch cannot be undone: a place it added is used by data it did not add."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import Column, Table, select
from sqlmodel import Session, SQLModel

from data_access.codes import LabelMap
from data_access.ingest.records import chunks
from data_access.models import ImportChange
from data_access.regions.apply import REGION_MODELS
from i18n import t

# The tables a blocker names: the region tables and those that refer to them.
TABLE_LABELS = LabelMap(
    "table",
    (
        *("city", "county", "township", "township_alias", "village"),
        *("problem", "accountability_action", "lead", "inspection_round", "township_shape"),
    ),
    area="regions",
)


def inserted_ids(session: Session, batch_id: int) -> dict[str, set[int]]:
    """Ids of the rows batch_id inserted, by table name."""
    query = select(ImportChange.table_name, ImportChange.after_json).where(
        ImportChange.batch_id == batch_id, ImportChange.action == "insert"
    )
    found: dict[str, set[int]] = {}
    for table_name, after in session.execute(query):
        found.setdefault(table_name, set()).add(int(json.loads(after)["id"]))
    return found


def _references(target: Table) -> Iterator[tuple[Table, Column]]:
    """(table, column) of every foreign key pointing at target."""
    for table in SQLModel.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is target:
                yield table, key.parent


def region_undo_blocker(session: Session, batch_id: int) -> str | None:
    """The reason (UI language) a regions batch cannot be undone now, or None."""
    inserted = inserted_ids(session, batch_id)
    for model in REGION_MODELS:
        target = model.__table__
        ids = sorted(inserted.get(target.name, ()))
        for table, column in _references(target) if ids else ():
            own = inserted.get(table.name, set())
            for part in chunks(ids):
                query = select(table.c.id).where(column.in_(part))
                if own:
                    query = query.where(table.c.id.not_in(sorted(own)))
                if session.execute(query.limit(1)).first() is not None:
                    return t(
                        "regions.undo.in_use",
                        batch=batch_id,
                        added=TABLE_LABELS[target.name],
                        user=TABLE_LABELS.get(table.name, table.name),
                    )
    return None
