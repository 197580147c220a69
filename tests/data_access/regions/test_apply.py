"""Applying a regions file: all or nothing, images, audit, no-op re-upload, exact undo, blocks."""

from __future__ import annotations

import io
import json
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from data_access.audit import list_audit_events
from data_access.db import session_scope
from data_access.exports.ledger import write_ledger_workbook, write_regions_workbook
from data_access.filters import Filter
from data_access.ingest.undo import UndoRefusedError, list_batches, revert_batch, undo_blocker
from data_access.ingest.writer import LedgerRejectedError
from data_access.models import ImportBatch, Township
from data_access.regions.apply import apply_regions
from data_access.regions.diff import compute_regions_diff
from data_access.version import read_data_version
from tests.support.office import (
    ROUND_1,
    ROUND_1_PROBLEMS,
    add_round,
    ledger_xlsx,
    parse_regions_bytes,
    problem_records,
    region_records,
    regions_xlsx,
    upload_ledger,
    upload_regions,
)
from tests.support.stored import HISTORY_TABLES, dump_tables
from tests.support.workbooks import parse_bytes

# Derived tables (rebuilt wholesale on every change) are compared through their sources.
DERIVED = {name for name in SQLModel.metadata.tables if name.startswith("summary_")}
SKIP = HISTORY_TABLES | DERIVED


def counts(engine: Engine) -> dict[str, int]:
    """Rows of the region tables."""
    dump = dump_tables(engine)
    tables = ("city", "county", "township", "township_alias", "village")
    return {name: len(dump[name]) for name in tables}


def test_a_file_lands_in_one_audited_batch(empty_engine: Engine) -> None:
    version = _version(empty_engine)
    batch_id = upload_regions(empty_engine, regions_xlsx(region_records()), actor="wang")
    expected = {"city": 1, "county": 1, "township": 5, "township_alias": 1, "village": 8}
    assert counts(empty_engine) == expected
    assert _version(empty_engine) > version
    with session_scope(empty_engine) as session:
        batch = session.get(ImportBatch, batch_id)
        assert (batch.kind, batch.uploader, batch.file_name) == ("regions", "wang", "行政区划.xlsx")
        totals = json.loads(batch.counts_json)["total"]
        events = list_audit_events(session=session, actor="wang")
        history = list_batches(session=session)
    assert totals == {"new": 16, "changed": 0, "unchanged": 0, "rejected": 0}
    detail = json.loads(events["detail"].iloc[0])
    assert events["action"].iloc[0] == "import"
    assert (detail["kind"], detail["batch_id"]) == ("regions", batch_id)
    assert history.set_index("id").loc[batch_id, "undoable"]


def test_the_same_file_again_changes_nothing(empty_engine: Engine) -> None:
    data = regions_xlsx(region_records())
    upload_regions(empty_engine, data)
    before = dump_tables(empty_engine)
    parsed = parse_regions_bytes(empty_engine, data)
    result = apply_regions(parsed, engine=empty_engine, uploader="admin")
    assert result.batch_id is None
    assert result.diff.counts() == {"new": 0, "changed": 0, "unchanged": 16, "rejected": 0}
    assert dump_tables(empty_engine) == before


def test_a_file_with_errors_writes_nothing(empty_engine: Engine) -> None:
    records = region_records()
    records[0]["类型"] = "县"
    parsed = parse_regions_bytes(empty_engine, regions_xlsx(records))
    before = dump_tables(empty_engine)
    with pytest.raises(LedgerRejectedError):
        apply_regions(parsed, engine=empty_engine, uploader="admin")
    assert dump_tables(empty_engine) == before


def test_changes_are_merges_flags_and_aliases_blanks_keep_values(empty_engine: Engine) -> None:
    upload_regions(empty_engine, regions_xlsx(region_records()))
    records = region_records(merged=True)
    for record in records:
        if record["村"] == "钱桥村":
            record["是否贫困村"] = "是"
        if record["乡镇"] == "钱桥镇":
            record["别名"] = "钱桥乡"
        if record["乡镇"] == "雨坛乡":
            record["类型"] = None  # blank: the stored kind stays
    parsed = parse_regions_bytes(empty_engine, regions_xlsx(records))
    with session_scope(empty_engine) as session:
        diff = compute_regions_diff(parsed, session=session)
    levels = diff.levels.values()
    changed = {place.key[-1]: place.fields for level in levels for place in level.changed}
    assert changed == {
        "铁铜乡": {"valid_to": (None, date(2021, 1, 1)), "merged_into": (None, "枞阳镇")},
        "钱桥村": {"is_poverty_village": (False, True)},
    }
    assert [p.key[-1] for p in diff.levels["alias"].new] == ["钱桥乡"]


def test_undo_restores_exactly(empty_engine: Engine) -> None:
    empty = dump_tables(empty_engine, skip=SKIP)
    first = upload_regions(empty_engine, regions_xlsx(region_records()))
    after_first = dump_tables(empty_engine, skip=SKIP)
    second = upload_regions(empty_engine, regions_xlsx(region_records(merged=True)))
    assert dump_tables(empty_engine, skip=SKIP) != after_first
    revert_batch(second, engine=empty_engine, actor="admin")
    assert dump_tables(empty_engine, skip=SKIP) == after_first
    revert_batch(first, engine=empty_engine, actor="admin")
    assert dump_tables(empty_engine, skip=SKIP) == empty


def test_undo_is_blocked_while_other_data_uses_the_places(empty_engine: Engine) -> None:
    first = upload_regions(empty_engine, regions_xlsx(region_records()))
    second = upload_regions(empty_engine, regions_xlsx(region_records(merged=True)))
    with session_scope(empty_engine) as session:
        assert "请先撤销第 " in undo_blocker(first, session=session)  # the later batch
    revert_batch(second, engine=empty_engine, actor="admin")
    with session_scope(empty_engine) as session:
        county_id = session.scalar(select(Township.county_id))
    groups = ("第一巡察组", "第二巡察组")
    round_id = add_round(empty_engine, ROUND_1, "city", date(2018, 4, 16), groups, county_id)
    records = problem_records("A", ROUND_1_PROBLEMS, date(2018, 6, 8))
    upload_ledger(empty_engine, ledger_xlsx(records), round_id)
    with pytest.raises(UndoRefusedError, match="已被其他数据使用"):
        revert_batch(first, engine=empty_engine, actor="admin")


def test_the_template_holds_the_stored_regions_and_reads_back(
    writable_seeded_engine: Engine,
) -> None:
    engine = writable_seeded_engine
    with session_scope(engine) as session:
        regions = write_regions_workbook(session=session)
        ledger = write_ledger_workbook(session=session, empty=True)
        first_township = session.scalar(select(Township.id).order_by(Township.sort_order))
        scoped = write_ledger_workbook(session=session, flt=Filter(scope=(first_township,)))
    parsed = parse_regions_bytes(engine, regions)
    assert parsed.errors == []
    with session_scope(engine) as session:
        diff = compute_regions_diff(parsed, session=session)
    assert not diff.has_changes
    assert diff.counts()["unchanged"] == 1 + 1 + 22 + 2 + 195
    sheet = openpyxl.load_workbook(io.BytesIO(ledger))["行政区划"]
    assert sheet.max_row == 1 + 195 + 0  # every village, every township has villages
    scoped_sheet = openpyxl.load_workbook(io.BytesIO(scoped))["行政区划"]
    assert {cell.value for cell in scoped_sheet["C"][1:]} == {"枞阳镇"}
    assert parse_bytes(engine, ledger).notices == []  # the ledger reader skips the regions sheet


def _version(engine: Engine) -> int:
    """The store's data version."""
    with session_scope(engine) as session:
        return read_data_version(session=session)
