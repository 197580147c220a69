"""Helpers: ParsedLedger-shaped frames read from the store, and full table dumps."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from data_access.ingest.lookup import fetch_stored
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.records import LEDGER_TABLES
from data_access.models import Problem
from data_access.summary_models import SUMMARY_MODELS

# History, plus the summary tables: derived, rebuilt (new ids, same content) by every change;
# tests/data_access/ingest/test_summaries.py compares their content through imports and undos.
# Signing in writes a session and clears throttles: no ledger data, never undone.
SIGN_IN_TABLES = frozenset({"user_session", "sign_in_throttle"})
HISTORY_TABLES = (
    {"import_batch", "audit_event", "data_version", "import_change"}
    | {model.__tablename__ for model in SUMMARY_MODELS}
    | SIGN_IN_TABLES
)


def parsed_from_store(session: Session, *, file_name: str = "stored.xlsx") -> ParsedLedger:
    """The stored ledger as parse_ledger would return it for an exported file."""
    codes = session.scalars(select(Problem.code)).all()
    frames: dict[str, pd.DataFrame] = {}
    for ledger_table in LEDGER_TABLES:
        all_codes = session.scalars(select(ledger_table.table.c.code)).all()
        stored = fetch_stored(session, ledger_table, all_codes)
        records = [
            {"code": code, **{f: row[f] for f in ledger_table.fields}, "_row": n}
            for n, (code, row) in enumerate(sorted(stored.items()), start=2)
        ]
        frames[ledger_table.sheet] = pd.DataFrame.from_records(
            records, columns=["code", *ledger_table.fields, "_row"]
        )
    round_id = int(frames["problems"]["round_id"].iloc[0]) if codes else 0
    return ParsedLedger(
        file_name=file_name,
        sha256="0" * 64,
        round_id=round_id,
        problems=frames["problems"],
        accountability=frames["accountability"],
        leads=frames["leads"],
        errors=[],
        rejected_rows={},
    )


Dump = dict[str, list[tuple[Any, ...]]]


def dump_tables(engine: Engine, *, skip: frozenset[str] | set[str] = frozenset()) -> Dump:
    """Every row of every table (ordered by primary key), except the tables in skip."""
    dump: Dump = {}
    with Session(engine) as session:
        for table in SQLModel.metadata.sorted_tables:
            if table.name in skip:
                continue
            query = select(table).order_by(*table.primary_key.columns)
            dump[table.name] = [tuple(row) for row in session.execute(query)]
    return dump
