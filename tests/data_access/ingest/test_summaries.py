"""Summary tables stay equal to the ledger through an import and its undo (both backends)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data_access.db import session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.undo import revert_batch
from data_access.models import Township
from data_access.summaries import refresh_summaries, touched_townships
from data_access.summary_models import SUMMARY_MODELS
from tests.support.edits import edit_weekly, with_problem_changes


def summary_rows(session: Session) -> dict[str, list[tuple]]:
    """Every summary table's rows (without the surrogate id), sorted."""
    rows = {}
    for model in SUMMARY_MODELS:
        columns = [c for c in model.__table__.columns if c.name != "id"]
        found = session.execute(select(*columns)).all()
        rows[model.__tablename__] = sorted((tuple(row) for row in found), key=repr)
    return rows


def stored_summaries(engine: Engine) -> dict[str, list[tuple]]:
    """The summaries as the store holds them now."""
    with session_scope(engine) as session:
        return summary_rows(session)


def rebuilt_summaries(engine: Engine) -> dict[str, list[tuple]]:
    """The summaries rebuilt from the ledger from scratch (and not kept)."""
    with Session(engine) as session:
        refresh_summaries(session)
        rows = summary_rows(session)
        session.rollback()
    return rows


def weekly_update(engine: Engine, parsed: ParsedLedger) -> ParsedLedger:
    """A week's edits plus a problem moved to another township and a decision changed."""
    edited = edit_weekly(parsed).parsed
    problems = edited.problems
    moved = problems.iloc[-2]
    with session_scope(engine) as session:
        other = session.scalar(
            select(func.max(Township.id)).where(Township.id != int(moved["township_id"]))
        )
    edited = with_problem_changes(
        edited, moved["code"], file_name=edited.file_name, township_id=other, village_id=None
    )
    actions = edited.accountability.copy()
    actions.loc[actions.index[0], "category"] = "warning_talk"
    actions.loc[actions.index[0], "form"] = 1
    return dataclasses.replace(edited, accountability=actions)


def test_import_and_undo_keep_the_summaries_equal_to_the_ledger(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    """After an import the summaries equal a full rebuild; after its undo, the old ones."""
    before = stored_summaries(writable_seeded_engine)
    assert before == rebuilt_summaries(writable_seeded_engine)
    parsed = weekly_update(writable_seeded_engine, demo_parsed)
    result = apply_ledger(parsed, engine=writable_seeded_engine, uploader="tests")
    assert result.applied
    with session_scope(writable_seeded_engine) as session:
        touched = touched_townships(session, result.batch_id)
        township_count = session.scalar(select(func.count()).select_from(Township))
    assert touched and len(touched) < township_count  # refreshed by township, not all
    after = stored_summaries(writable_seeded_engine)
    assert after != before
    assert after == rebuilt_summaries(writable_seeded_engine)
    revert_batch(result.batch_id, engine=writable_seeded_engine, actor="tests")
    assert stored_summaries(writable_seeded_engine) == before


def test_the_diff_names_the_townships_its_row_images_are_in(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    """An import refreshes the townships of its diff: the same set its stored images give."""
    parsed = weekly_update(writable_seeded_engine, demo_parsed)
    result = apply_ledger(parsed, engine=writable_seeded_engine, uploader="tests")
    with session_scope(writable_seeded_engine) as session:
        from_images = touched_townships(session, result.batch_id)
    moved = parsed.problems.iloc[-2]
    assert int(moved["township_id"]) in from_images  # the township it moved to
    assert result.diff.touched_townships() == from_images


def test_a_rebuild_runs_without_jit_and_changes_nothing(writable_seeded_engine: Engine) -> None:
    """A full rebuild of unchanged data gives the same rows; PostgreSQL's JIT is off for it."""
    from sqlalchemy import text

    postgres = writable_seeded_engine.dialect.name == "postgresql"
    with session_scope(writable_seeded_engine) as session:
        setting = session.scalar(text("SHOW jit")) if postgres else None
    with session_scope(writable_seeded_engine, write=True) as session:
        before = summary_rows(session)
        refresh_summaries(session)
        assert summary_rows(session) == before
        if postgres:
            assert session.scalar(text("SHOW jit")) == "off"
    if postgres:  # SET LOCAL: the server's setting is back once that transaction ended
        with session_scope(writable_seeded_engine) as session:
            assert session.scalar(text("SHOW jit")) == setting
