"""Apply a parsed regions file in one write transaction, with row images so it can be undone.

Like a ledger import: nothing is written when the file has errors or changes nothing; else
one ImportBatch (kind "regions") owns every inserted or updated row through ImportChange
images (row_key = the row's id), the data version is bumped and the import audited.
Parents are written before children, so an undo (which goes backwards) deletes children
first; a new township merged into another new one gets its link in a second step.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data_access.audit import record_event
from data_access.db import session_scope
from data_access.ingest.records import id_of, row_to_json, update_by_id
from data_access.ingest.writer import LedgerRejectedError, current_diff, serialise_writers
from data_access.models import (
    City,
    County,
    ImportBatch,
    ImportChange,
    Township,
    TownshipAlias,
    Village,
    row_id,
    utc_now,
)
from data_access.regions.diff import PlaceDiff, RegionsDiff, compute_regions_diff
from data_access.regions.parse import ParsedRegions
from data_access.regions.snapshot import RegionModel
from data_access.version import bump_data_version

REGIONS_KIND = "regions"
ALIAS_NOTE = "行政区划导入"  # i18n-data: stored in township_alias.note, not shown as a message
FILE_NAME_MAX = 255
# The region tables an import writes (and an undo restores), parents first.
REGION_MODELS: tuple[RegionModel, ...] = (City, County, Township, TownshipAlias, Village)
# the columns a place gets on insert, or its changed columns on update
PlaceValues = Callable[[PlaceDiff], dict[str, object]]


@dataclass(frozen=True)
class RegionsResult:
    """What apply_regions did: the batch it wrote (None when nothing changed) and the diff."""

    batch_id: int | None
    diff: RegionsDiff


def apply_regions(
    parsed: ParsedRegions, *, engine: Engine, uploader: str, preview: RegionsDiff | None = None
) -> RegionsResult:
    """Write parsed (a ParsedRegions without errors) in one transaction; all or nothing."""
    if parsed.errors:
        raise LedgerRejectedError(list(parsed.errors))
    started_at = utc_now()
    with session_scope(engine, write=True) as session:
        serialise_writers(session)
        diff = current_diff(parsed, preview, compute_regions_diff, session=session)
        if not diff.has_changes:
            return RegionsResult(None, diff)
        batch = ImportBatch(
            file_name=parsed.file_name[:FILE_NAME_MAX],
            sha256=parsed.sha256,
            kind=REGIONS_KIND,
            uploader=uploader,
            started_at=started_at,
        )
        session.add(batch)
        session.flush()
        _RegionWriter(session, row_id(batch)).write(diff)
        counts = {"total": diff.counts(), **diff.counts_by_level()}
        batch.finished_at = utc_now()
        batch.counts_json = json.dumps(counts, sort_keys=True)
        bump_data_version(session=session, batch_id=batch.id)
        detail = {"kind": REGIONS_KIND, "batch_id": batch.id, "sha256": diff.sha256}
        record_event(
            session=session,
            actor=uploader,
            action="import",
            target=parsed.file_name,
            detail=json.dumps({**detail, **diff.counts()}, ensure_ascii=False, sort_keys=True),
        )
        return RegionsResult(row_id(batch), diff)


class _RegionWriter:
    """Inserts and updates of one regions batch, each with its ImportChange image."""

    def __init__(self, session: Session, batch_id: int) -> None:
        """A writer inside the caller's write transaction."""
        self.session = session
        self.batch_id = batch_id
        self.ids: dict[tuple[str, ...], int] = {}  # place key -> id (stored and new)

    def write(self, diff: RegionsDiff) -> None:
        """Every level, parents first; then the merge links that point at new townships."""
        levels = diff.levels
        for level in levels.values():
            for place in (*level.changed, *level.unchanged):
                self.ids[place.key] = id_of(place.stored_row)
        self._insert(City, levels["city"].new, lambda p: {})
        self._insert(County, levels["county"].new, lambda p: {"city_id": self.ids[p.key[:1]]})
        self._insert(Township, levels["township"].new, self._new_township)
        self._update(Township, levels["township"].changed, self._township_changes)
        self._insert(
            TownshipAlias,
            levels["alias"].new,
            lambda p: {"township_id": self.ids[p.key[:3]], "note": ALIAS_NOTE},
        )
        self._insert(Village, levels["village"].new, lambda p: {"township_id": self.ids[p.key[:3]]})
        self._update(Village, levels["village"].changed, lambda p: dict(p.values))

    def _new_township(self, place: PlaceDiff) -> dict[str, object]:
        """The columns of a new township (merge link resolved when the target exists)."""
        values = {k: v for k, v in place.values.items() if k != "merged_into"}
        values["county_id"] = self.ids[place.key[:2]]
        values["merged_into_id"] = self._target_id(place)
        return values

    def _target_id(self, place: PlaceDiff) -> int | None:
        """The id of the township place merges into (None when none, or not inserted yet)."""
        target = place.values.get("merged_into")
        return self.ids.get((*place.key[:2], target)) if isinstance(target, str) else None

    def _township_changes(self, place: PlaceDiff) -> dict[str, object]:
        """Stored columns of a changed township: the written values, merge link as an id."""
        values = {k: v for k, v in place.values.items() if k != "merged_into"}
        if "merged_into" in place.fields:
            values["merged_into_id"] = self._target_id(place)
        return values

    def _insert(self, model: RegionModel, places: list[PlaceDiff], extra: PlaceValues) -> None:
        """Insert places (ids in order), record their after images."""
        if not places:
            return
        table = model.__table__
        names = {column.name for column in table.c}
        rows = [
            {k: v for k, v in {**place.values, **extra(place)}.items() if k in names}
            for place in places
        ]
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        new_ids = list(self.session.scalars(statement, rows))
        for place, row, new_id in zip(places, rows, new_ids, strict=True):
            self.ids[place.key] = new_id
            row["id"] = new_id
        if model is Township:
            self._link_new_townships(places, rows)
        self._record(table.name, [(row, None) for row in rows])

    def _link_new_townships(self, places: list[PlaceDiff], rows: list[dict[str, object]]) -> None:
        """Set merged_into_id on new townships whose target was inserted with them."""
        pending = [
            {**row, "merged_into_id": self._target_id(place)}
            for place, row in zip(places, rows, strict=True)
            if place.values.get("merged_into") and row["merged_into_id"] is None
        ]
        update_by_id(self.session, Township.__table__, pending, ["merged_into_id"])
        linked = {row["id"]: row["merged_into_id"] for row in pending}
        for row in rows:
            row["merged_into_id"] = linked.get(row["id"], row["merged_into_id"])

    def _update(self, model: RegionModel, places: list[PlaceDiff], changes: PlaceValues) -> None:
        """Update places by id and record their before and after images."""
        if not places:
            return
        table = model.__table__
        images = [(p.stored_row, {**p.stored_row, **changes(p)}) for p in places]
        names = [column.name for column in table.c if column.name != "id"]
        update_by_id(self.session, table, [after for _before, after in images], names)
        self._record(table.name, [(after, before) for before, after in images])

    def _record(self, table_name: str, images: list[tuple[dict, dict | None]]) -> None:
        """One ImportChange per written row (after image, and before image for updates)."""
        rows = [
            {
                "batch_id": self.batch_id,
                "table_name": table_name,
                "row_key": str(after["id"]),
                "action": "insert" if before is None else "update",
                "before_json": None if before is None else row_to_json(before),
                "after_json": row_to_json(after),
            }
            for after, before in images
        ]
        self.session.execute(insert(ImportChange.__table__), rows)
