"""The same ledger as xlsx, xls, xlsb, ods and CSV (UTF-16, GBK, UTF-8 BOM) stores the same rows."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.undo import revert_batch
from tests.support.ledger_files import FRAMES, csv_bytes, ledger_sheets, xlsx_bytes
from tests.support.ledger_formats import ods_bytes, xls_bytes, xlsb_bytes
from tests.support.stored import parsed_from_store
from tests.support.workbooks import parse_bytes


def stored_ledger(engine: Engine) -> dict[str, pd.DataFrame]:
    """The stored rows of every ledger table, keyed by code (no ids, so imports compare)."""
    with session_scope(engine) as session:
        stored = parsed_from_store(session)
    return {name: getattr(stored, name) for name in FRAMES}


def test_every_format_commits_the_same_stored_rows(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    sheets = ledger_sheets()
    problems = sheets[0]
    files = {
        "台账.xlsx": xlsx_bytes(*sheets),
        "台账.xls": xls_bytes(*sheets),
        "台账.xlsb": xlsb_bytes(*sheets),
        "台账.ods": ods_bytes(*sheets),
    }
    only_problems = {
        "问题.xlsx": xlsx_bytes(problems),
        "问题.txt": csv_bytes(problems, "utf-16", "\t"),
        "问题.csv": csv_bytes(problems, "gbk"),
        "问题_utf8.csv": csv_bytes(problems, "utf-8-sig"),
    }
    for group in (files, only_problems):
        reference: dict[str, pd.DataFrame] | None = None
        for file_name, data in group.items():
            parsed = parse_bytes(engine, data, file_name)
            assert parsed.errors == [], (file_name, parsed.errors)
            batch_id = apply_ledger(parsed, engine=engine, uploader="张录入").batch_id
            assert batch_id is not None, file_name
            stored = stored_ledger(engine)
            reference = reference or stored
            for name in FRAMES:
                pd.testing.assert_frame_equal(stored[name], reference[name], obj=file_name)
            revert_batch(batch_id, engine=engine, actor="张录入")
