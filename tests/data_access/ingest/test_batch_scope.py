"""Import batches seen and undone within a township scope (issue 18, finding 1).

Before: a scoped uploader saw every batch (file names, uploaders, counts) on 导入记录 and
could undo an admin's import of 60 problems, 55 of them in other townships.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
import streamlit as st
from sqlalchemy.engine import Engine

from components.live import notice_for
from data_access import auth
from data_access.db import session_scope
from data_access.formatting import MISSING
from data_access.ingest.apply import apply_ledger
from data_access.ingest.batch_scope import scoped_counts
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.undo import UndoRefusedError, list_batches, revert_batch, undo_blocker
from data_access.live import fetch_data_change
from data_access.version import read_data_version
from tests.support.signin import cheap_bcrypt, open_app
from tests.support.stored import HISTORY_TABLES, dump_tables


def open_codes_by_township(parsed: ParsedLedger) -> dict[int, list[str]]:
    """Codes of open problems, by township id (townships with at least two of them)."""
    problems = parsed.problems[parsed.problems["status"] != "rectified"]
    groups = problems.groupby("township_id")["code"].apply(list)
    return {int(tid): codes for tid, codes in groups.items() if len(codes) >= 2}


def rectifying(parsed: ParsedLedger, codes: list[str], file_name: str) -> ParsedLedger:
    """parsed with the problems of codes rectified, as a new file."""
    problems = parsed.problems.copy()
    chosen = problems["code"].isin(codes)
    problems.loc[chosen, "status"] = "rectified"
    problems.loc[chosen, "rectified_on"] = pd.Timestamp("2018-08-01").date()
    sha = file_name.encode().hex()[:64].ljust(64, "0")
    return dataclasses.replace(parsed, problems=problems, file_name=file_name, sha256=sha)


@pytest.fixture
def two_batches(writable_seeded_engine: Engine, demo_parsed: ParsedLedger):
    """An admin's batch over townships A and B, then one over A only; (A, B, ids)."""
    codes = open_codes_by_township(demo_parsed)
    mine, other = list(codes)[:2]
    county_file = rectifying(demo_parsed, [codes[mine][0], codes[other][0]], "全县.xlsx")
    wide = apply_ledger(county_file, engine=writable_seeded_engine, uploader="admin")
    town_file = rectifying(county_file, [codes[mine][1]], "本镇.xlsx")  # the next week's file
    narrow = apply_ledger(town_file, engine=writable_seeded_engine, uploader="admin")
    return mine, other, wide.batch_id, narrow.batch_id


def test_a_scoped_user_cannot_undo_a_batch_with_rows_elsewhere(
    writable_seeded_engine: Engine, two_batches
) -> None:
    """Refused before anything is written, by the data layer itself; an admin may."""
    mine, _, wide, narrow = two_batches
    revert_batch(narrow, engine=writable_seeded_engine, actor="admin")  # newest first
    before = dump_tables(writable_seeded_engine)
    with pytest.raises(UndoRefusedError, match="范围以外") as refused:
        revert_batch(wide, engine=writable_seeded_engine, actor="scoped", scope=(mine,))
    assert dump_tables(writable_seeded_engine) == before
    with session_scope(writable_seeded_engine) as session:
        assert undo_blocker(wide, session=session, scope=(mine,)) == refused.value.message
        assert undo_blocker(wide, session=session) is None
    revert_batch(wide, engine=writable_seeded_engine, actor="admin")


def test_a_scoped_user_may_undo_a_batch_of_their_own_townships(
    writable_seeded_engine: Engine, two_batches
) -> None:
    """A batch whose every row lies in the scope is theirs to undo."""
    mine, _, _, narrow = two_batches
    before = dump_tables(writable_seeded_engine, skip=HISTORY_TABLES)
    revert_batch(narrow, engine=writable_seeded_engine, actor="scoped", scope=(mine,))
    assert dump_tables(writable_seeded_engine, skip=HISTORY_TABLES) != before


def test_the_scoped_history_describes_only_rows_of_the_scope(
    writable_seeded_engine: Engine, two_batches
) -> None:
    """Only batches that touched the scope, counted within it; no seed, no foreign totals."""
    mine, other, wide, narrow = two_batches
    with session_scope(writable_seeded_engine) as session:
        everything = list_batches(session=session)
        scoped = list_batches(session=session, scope=(mine,)).set_index("id")
        elsewhere = list_batches(session=session, scope=(max(mine, other) + 999,))
    assert "seed" in set(everything["kind"])
    assert list(scoped.index) == [narrow, wide]
    assert scoped.loc[wide, ["changed", "new", "undoable"]].tolist() == [1, 0, False]
    assert pd.isna(scoped.loc[wide, "unchanged"]) and pd.isna(scoped.loc[wide, "rejected"])
    assert scoped.loc[narrow, ["changed", "undoable"]].tolist() == [1, True]
    assert scoped.loc[narrow, "unchanged"] == everything.set_index("id").loc[narrow, "unchanged"]
    assert elsewhere.empty


def test_scoped_counts_add_up_within_the_scope(writable_seeded_engine: Engine, two_batches) -> None:
    """Per batch: rows added, changed and rectified in the scope, and rows outside it."""
    mine, other, wide, narrow = two_batches
    with session_scope(writable_seeded_engine) as session:
        counts = scoped_counts(session, [wide, narrow], (mine,))
        both = scoped_counts(session, [wide], (mine, other))[wide]
    assert (counts[wide].changed, counts[wide].rectified_delta, counts[wide].outside) == (1, 1, 1)
    assert counts[narrow].within_scope and not counts[wide].within_scope
    assert (both.changed, both.rectified_delta, both.within_scope) == (2, 2, True)


def test_the_imports_page_of_a_scoped_uploader(
    writable_seeded_engine: Engine, two_batches, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page shows their share of the wide batch, offers no undo for it, hides the seed."""
    mine, _, wide, narrow = two_batches
    with cheap_bcrypt(), session_scope(writable_seeded_engine, write=True) as session:
        auth.create_user(
            session=session,
            actor="cli:tests",
            username="town.uploader",
            password="town-pass-12",
            role="uploader",
            township_ids=(mine,),
        )
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    app = open_app("town.uploader", "pages/imports.py")
    table = app.dataframe[0].value.set_index("批次")
    assert list(table.index) == [narrow, wide]
    assert table.loc[wide, "变更"] == 1 and table.loc[wide, "未变"] == MISSING
    undo_keys = {button.key for button in app.button if str(button.key).startswith("undo_")}
    assert undo_keys == {f"undo_{narrow}"}


def test_the_live_notice_of_a_scoped_reader_counts_only_their_townships(
    writable_seeded_engine: Engine, two_batches
) -> None:
    """Finding 10: "新增 1,000 条，整改完成 +926" when 61 rows were theirs; now their 61."""
    mine = two_batches[0]
    with session_scope(writable_seeded_engine) as session:
        since = read_data_version(session=session) - 2
        everyone = fetch_data_change(session=session, since_version=since)
        scoped = fetch_data_change(session=session, since_version=since, scope=(mine,))
        nobody = fetch_data_change(session=session, since_version=since, scope=(mine + 999,))
    assert (everyone.changed, everyone.rectified_delta) == (3, 3)
    assert (scoped.changed, scoped.rectified_delta) == (2, 2)
    assert "整改完成 +2" in notice_for(scoped).summary
    assert nobody.events == () and notice_for(nobody).batch_id is None
