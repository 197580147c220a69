"""Saved column mappings: an office maps its ledger's headers once, later files follow.

A mapping is named, keyed by the signature of the header it was made for, and holds
folded header label -> field (None: not imported). parse_ledger applies the saved mapping
of a header it meets again; the page saves the uploader's mapping with the import, in the
same transaction, and the CLI manages them (`mappings list/show/export/import`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import Session

from data_access.ingest.columns import normalise_header
from data_access.models import ColumnMapping, utc_now

if TYPE_CHECKING:  # parse and read import this module
    from data_access.ingest.parse import ParsedLedger
    from data_access.ingest.read import RawSheet

Mapping = dict[str, str | None]


@dataclass(frozen=True)
class SavedMapping:
    """One saved mapping as the CLI and the page show it."""

    name: str
    signature: str
    sheet_kind: str
    mapping: Mapping
    created_by: str


def saved_mappings(session: Session) -> dict[str, Mapping]:
    """signature -> mapping of every saved mapping (the newest one per signature)."""
    rows = session.scalars(select(ColumnMapping).order_by(ColumnMapping.id)).all()
    return {row.signature: _mapping(row) for row in rows}


def list_mappings(session: Session) -> list[SavedMapping]:
    """Every saved mapping, by name."""
    rows = session.scalars(select(ColumnMapping).order_by(ColumnMapping.name)).all()
    return [_saved(row) for row in rows]


def get_mapping(session: Session, name: str) -> SavedMapping | None:
    """The saved mapping of that name, or None."""
    row = session.scalars(select(ColumnMapping).where(ColumnMapping.name == name)).first()
    return _saved(row) if row else None


def save_mapping(session: Session, saved: SavedMapping) -> None:
    """Insert or replace the mapping of that name (in the caller's write transaction)."""
    row = session.scalars(select(ColumnMapping).where(ColumnMapping.name == saved.name)).first()
    row = row or ColumnMapping(name=saved.name, signature=saved.signature)
    row.signature, row.sheet_kind = saved.signature, saved.sheet_kind
    row.mapping_json = json.dumps(saved.mapping, ensure_ascii=False, sort_keys=True)
    row.created_by, row.created_at = saved.created_by, utc_now()
    session.add(row)


def folded_mapping(pairs: dict[str, str | None]) -> Mapping:
    """header as written -> field, keyed as the reader looks headers up."""
    return {normalise_header(header): field for header, field in pairs.items()}


def _mapping(row: ColumnMapping) -> Mapping:
    """The header -> field dict a row stores."""
    return json.loads(row.mapping_json or "{}")


def _saved(row: ColumnMapping) -> SavedMapping:
    """A row as a SavedMapping."""
    return SavedMapping(row.name, row.signature, row.sheet_kind, _mapping(row), row.created_by)


def sheet_mappings(parsed: ParsedLedger, actor: str) -> list[SavedMapping]:
    """The mappings a commit saves: one per header shape the reader did not know by itself.

    A header the template's own spellings name entirely needs none. Named after the
    options' save_mapping_as, else the file's name; a second shape gets "-2".
    """
    base = parsed.options.save_mapping_as or Path(parsed.file_name).stem or "mapping"
    found: dict[str, SavedMapping] = {}
    for sheet in parsed.sheets:
        if sheet.signature in found or not _needs_mapping(sheet, parsed.options.mapping):
            continue
        name = base if not found else f"{base}-{len(found) + 1}"
        mapping = {normalise_header(g.cell.label): g.field for g in sheet.guesses}
        kept = {label: f if f in sheet.columns else None for label, f in mapping.items()}
        found[sheet.signature] = SavedMapping(
            name[:64], sheet.signature, sheet.spec.key, kept, actor
        )
    return list(found.values())


def _needs_mapping(sheet: RawSheet, chosen: Mapping) -> bool:
    """True when any header was named by words or by the uploader, not by a known spelling."""
    return bool(chosen) or any(not g.known for g in sheet.guesses if g.field)
