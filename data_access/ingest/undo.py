"""Undo a committed ledger import exactly, and list the import history.

Choice: batches are undone newest first. When a later committed batch wrote any row this
batch wrote (or rows that point at a problem or lead this batch created), the undo is
refused with a reason naming that batch; revert the later one first, then this one.
Undo restores each updated row from its before image, deletes each inserted row and the
batch's status events and the categories it added that no problem uses any more, marks the
batch reverted, bumps the data version and audits "undo".
The batch row and its ImportChange images stay, as the record of what was done and undone.
"""

from __future__ import annotations

import json
from datetime import datetime

import pandas as pd
from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.audit import record_event
from data_access.db import session_scope
from data_access.ingest.analyze import analyze_after_large_change
from data_access.ingest.apply import LEDGER_KIND
from data_access.ingest.batch_scope import Scope, scoped_counts
from data_access.ingest.category_write import CATEGORY_TABLE, remove_created_categories
from data_access.ingest.diff import COUNT_KEYS
from data_access.ingest.records import (
    TABLES_BY_NAME,
    chunks,
    id_of,
    row_from_json,
    update_by_id,
)
from data_access.ingest.writer import serialise_writers
from data_access.models import (
    AccountabilityAction,
    Case,
    ImportBatch,
    ImportChange,
    Lead,
    Problem,
    StatusEvent,
    utc_now,
)
from data_access.regions.apply import REGION_MODELS, REGIONS_KIND
from data_access.regions.undo_checks import region_undo_blocker
from data_access.version import bump_data_version
from i18n import t

COMMITTED, REVERTED = "committed", "reverted"
UNDOABLE_KINDS = (LEDGER_KIND, REGIONS_KIND)
# Every table an undoable batch writes, by name: the ledger's and the regions'.
RESTORABLE_TABLES = {
    **{name: ledger.table for name, ledger in TABLES_BY_NAME.items()},
    **{model.__table__.name: model.__table__ for model in REGION_MODELS},
}
# Rows that point at a problem (and carry the batch that last wrote them).
PROBLEM_CHILDREN = (AccountabilityAction, Lead, StatusEvent)


class UndoRefusedError(Exception):
    """The batch cannot be undone now; .message says why (in the UI language)."""

    def __init__(self, message: str) -> None:
        """Keep the reason as .message."""
        super().__init__(message)
        self.message = message


def revert_batch(batch_id: int, *, engine: Engine, actor: str, scope: Scope = None) -> None:
    """Undo batch_id in one write transaction, or raise UndoRefusedError (nothing written).

    scope: the actor's townships (None: all); a batch with rows elsewhere is refused.
    """
    with session_scope(engine, write=True) as session:
        serialise_writers(session)
        batch = _revertible_batch(session, batch_id)
        reason = undo_blocker(batch_id, session=session, scope=scope)
        if reason:
            raise UndoRefusedError(reason)
        session.execute(delete(StatusEvent).where(StatusEvent.import_batch_id == batch_id))
        restored = _restore_rows(session, batch_id)
        analyze_after_large_change(session, restored)
        now = utc_now()
        session.execute(
            update(ImportBatch)
            .where(ImportBatch.id == batch_id)
            .values(status=REVERTED, reverted_at=now, reverted_by=actor)
        )
        bump_data_version(session=session, batch_id=batch_id)
        detail = {"batch_id": batch_id, "sha256": batch.sha256}
        record_event(
            session=session,
            actor=actor,
            action="undo",
            target=batch.file_name,
            detail=json.dumps(detail, ensure_ascii=False),
        )


def _revertible_batch(session: Session, batch_id: int) -> ImportBatch:
    """The batch, if it is a committed ledger or regions import; else UndoRefusedError."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise UndoRefusedError(t("ingest.undo.not_found", batch=batch_id))
    if batch.kind not in UNDOABLE_KINDS:
        message = t("ingest.undo.not_undoable", batch=batch_id, file=batch.file_name)
        raise UndoRefusedError(message)
    if batch.status != COMMITTED:
        message = t("ingest.undo.already", batch=batch_id, when=_when(batch.reverted_at))
        raise UndoRefusedError(message)
    return batch


def undo_blocker(batch_id: int, *, session: Session, scope: Scope = None) -> str | None:
    """The reason batch_id cannot be undone now (by someone limited to scope), or None."""
    if scope is not None and not scoped_counts(session, [batch_id], scope)[batch_id].within_scope:
        return t("ingest.undo.outside_scope", batch=batch_id)
    later_id = _later_batch_touching(session, batch_id)
    if later_id is None:
        later_id = _later_batch_referencing(session, batch_id)
    if later_id is not None:
        later = session.get(ImportBatch, later_id)
        if later is not None:
            return t(
                "ingest.undo.later_batch",
                batch=batch_id,
                later=later.id,
                file=later.file_name,
                uploader=later.uploader or t("ingest.undo.unknown_uploader"),
                when=_when(later.started_at),
            )
        return t("ingest.undo.referenced", batch=batch_id)
    batch = session.get(ImportBatch, batch_id)
    if batch is not None and batch.kind == REGIONS_KIND:
        return region_undo_blocker(session, batch_id)
    if _cases_on_inserted_leads(session, batch_id):
        return t("ingest.undo.case_opened", batch=batch_id)
    return None


def _later_batch_touching(session: Session, batch_id: int) -> int | None:
    """The newest later committed batch that wrote a row this batch wrote."""
    mine, theirs = aliased(ImportChange), aliased(ImportChange)
    query = (
        select(ImportBatch.id)
        .join(theirs, theirs.batch_id == ImportBatch.id)
        .join(
            mine,
            and_(mine.table_name == theirs.table_name, mine.row_key == theirs.row_key),
        )
        .where(mine.batch_id == batch_id, ImportBatch.id > batch_id)
        .where(ImportBatch.status == COMMITTED)
        .order_by(ImportBatch.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def _later_batch_referencing(session: Session, batch_id: int) -> int | None:
    """The batch of a row from elsewhere that points at a problem this batch inserted.

    Returns 0 (no such batch) for such a row that no import wrote.
    """
    inserted = _inserted_ids(session, batch_id, Problem.__table__.name)
    for model in PROBLEM_CHILDREN:
        others = or_(model.import_batch_id.is_(None), model.import_batch_id != batch_id)
        for part in chunks(inserted):
            query = select(model.import_batch_id).where(model.problem_id.in_(part), others)
            found = session.execute(query.limit(1)).first()
            if found is not None:
                return found[0] or 0
    return None


def _cases_on_inserted_leads(session: Session, batch_id: int) -> bool:
    """True when a discipline case was opened on a lead this batch inserted."""
    inserted = _inserted_ids(session, batch_id, Lead.__table__.name)
    return any(
        session.execute(select(Case.id).where(Case.lead_id.in_(part)).limit(1)).first()
        for part in chunks(inserted)
    )


def _inserted_ids(session: Session, batch_id: int, table_name: str) -> list[int]:
    """Ids of the rows of table_name that batch_id inserted."""
    query = select(ImportChange.after_json).where(
        ImportChange.batch_id == batch_id,
        ImportChange.table_name == table_name,
        ImportChange.action == "insert",
    )
    return [json.loads(text)["id"] for (text,) in session.execute(query)]


def _before_image(change: ImportChange) -> str:
    """The before image of an update or delete (only an insert has none)."""
    if change.before_json is None:
        raise ValueError(f"import change {change.id} ({change.action}) has no before image")
    return change.before_json


def _restore_rows(session: Session, batch_id: int) -> int:
    """Put every row the batch wrote back as it was, newest change first; returns how many."""
    query = (
        select(ImportChange)
        .where(ImportChange.batch_id == batch_id)
        .order_by(ImportChange.id.desc())
    )
    changes = list(session.scalars(query.where(ImportChange.table_name != CATEGORY_TABLE)))
    # Changes were recorded parents first; going backwards, children go before parents.
    for start, end in _runs(changes):
        run = changes[start:end]
        table = RESTORABLE_TABLES[run[0].table_name]
        if run[0].action == "insert":
            ids = [json.loads(c.after_json)["id"] for c in run]
            for part in chunks(ids):
                session.execute(delete(table).where(table.c.id.in_(part)))
        else:
            images = [row_from_json(table, _before_image(c)) for c in run]
            update_by_id(session, table, images, [name for name in images[0] if name != "id"])
    remove_created_categories(session, batch_id)  # once no problem of the batch uses them
    return len(changes)


def _runs(changes: list[ImportChange]) -> list[tuple[int, int]]:
    """[start, end) index ranges of consecutive changes with the same table and action."""
    runs: list[tuple[int, int]] = []
    for index, change in enumerate(changes):
        key = (change.table_name, change.action)
        if runs and key == (changes[runs[-1][0]].table_name, changes[runs[-1][0]].action):
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def list_batches(*, session: Session, scope: Scope = None) -> pd.DataFrame:
    """The import history, newest first: who, when, which file, counts and state.

    With a scope, only batches that wrote rows of its townships, counted within it; the
    unchanged and rejected counts only of batches that wrote nothing elsewhere.
    """
    rows = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).all()
    records = [_batch_record(batch) for batch in rows]
    if scope is not None:
        records = _within(session, records, scope)
    columns = [
        "id", "file_name", "kind", "uploader", "started_at", "finished_at", "status",
        *COUNT_KEYS, "reverted_at", "reverted_by", "undoable",
    ]  # fmt: skip
    return pd.DataFrame.from_records(records, columns=columns)


def _within(
    session: Session, records: list[dict[str, object]], scope: tuple[int, ...]
) -> list[dict[str, object]]:
    """The history records of batches that touched scope, with their counts within it."""
    counts = scoped_counts(session, [id_of(record) for record in records], scope)
    kept = []
    for record in records:
        mine = counts[id_of(record)]
        if not mine.touches_scope:
            continue
        whole = {key: record[key] if mine.within_scope else None for key in COUNT_KEYS}
        kept.append(
            {
                **record,
                **whole,
                "new": mine.new,
                "changed": mine.changed,
                "undoable": record["undoable"] and mine.within_scope,
            }
        )
    return kept


def _batch_record(batch: ImportBatch) -> dict[str, object]:
    """One history row (counts from the batch's counts_json totals)."""
    counts = json.loads(batch.counts_json or "{}")
    totals = counts.get("total", counts)
    return {
        **batch.model_dump(exclude={"counts_json", "sha256", "round_id"}),
        **{key: int(totals.get(key, 0)) for key in COUNT_KEYS},
        "undoable": batch.kind in UNDOABLE_KINDS and batch.status == COMMITTED,
    }


def _when(moment: datetime | None) -> str:
    """A timestamp for messages: 2024-05-01 14:03 (UTC)."""
    return f"{moment:%Y-%m-%d %H:%M} (UTC)" if moment is not None else t("ingest.undo.unknown_time")
