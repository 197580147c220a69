"""The audit log: recording, listing with filters, and the table refusing UPDATE/DELETE."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import insert, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from data_access.audit import (
    AUDIT_ACTIONS,
    AUDIT_COLUMNS,
    list_audit_actors,
    list_audit_events,
    record_event,
)
from data_access.db import session_scope
from data_access.models import AuditEvent
from data_access.schema import alembic_config, upgrade_schema


def _count_events(engine: Engine) -> int:
    """Rows in audit_event."""
    with engine.connect() as conn:
        return conn.execute(text("SELECT COUNT(*) FROM audit_event")).scalar_one()


def _add_event_at(session: Session, at: datetime, actor: str, action: str) -> None:
    """One event at a chosen instant (record_event always stamps now)."""
    values = {"at": at, "actor": actor, "action": action, "target": "", "detail": ""}
    session.exec(insert(AuditEvent).values(**values))


@pytest.mark.parametrize("action", list(AUDIT_ACTIONS))
def test_every_action_is_recorded_and_listed(empty_engine: Engine, action: str) -> None:
    """Each known action lands as one row with its Chinese label."""
    with session_scope(empty_engine, write=True) as session:
        record_event(session=session, actor="alice", action=action, target="t", detail="d")
    with session_scope(empty_engine) as session:
        events = list_audit_events(session=session)
    assert list(events.columns) == AUDIT_COLUMNS
    assert events[["actor", "action", "action_label", "target", "detail"]].values.tolist() == [
        ["alice", action, AUDIT_ACTIONS[action], "t", "d"]
    ]
    assert events["at"].dt.tz is not None


def test_unknown_action_is_refused(empty_engine: Engine) -> None:
    """A typo in an action code is an error, not a silent new kind of event."""
    with session_scope(empty_engine, write=True) as session, pytest.raises(ValueError):
        record_event(session=session, actor="alice", action="sign_in_sucess")


def test_long_actor_and_target_are_cut_to_the_column_width(empty_engine: Engine) -> None:
    """Attacker-chosen user names cannot break the insert (PostgreSQL enforces widths)."""
    with session_scope(empty_engine, write=True) as session:
        record_event(session=session, actor="x" * 500, action="sign_in_failure", target="y" * 900)
    with session_scope(empty_engine) as session:
        row = list_audit_events(session=session).iloc[0]
    assert (len(row["actor"]), len(row["target"])) == (64, 255)


def test_filters_by_actor_action_and_local_days(empty_engine: Engine) -> None:
    """Dates are whole days in Beijing time; datetimes are exact; newest first; limit holds."""
    # 2024-03-01 23:30 UTC is already 2024-03-02 in Beijing.
    late = datetime(2024, 3, 1, 23, 30, tzinfo=UTC)
    with session_scope(empty_engine, write=True) as session:
        _add_event_at(session, late - timedelta(days=1), "alice", "export")
        _add_event_at(session, late, "alice", "import")
        _add_event_at(session, late + timedelta(days=1), "bob", "import")
    with session_scope(empty_engine) as session:

        def actions(**kwargs) -> list[tuple[str, str]]:
            """(actor, action) of the listed events."""
            frame = list_audit_events(session=session, **kwargs)
            return list(zip(frame["actor"], frame["action"], strict=True))

        assert actions() == [("bob", "import"), ("alice", "import"), ("alice", "export")]
        assert actions(actor="alice") == [("alice", "import"), ("alice", "export")]
        assert actions(action="import") == [("bob", "import"), ("alice", "import")]
        assert actions(date_from=date(2024, 3, 2), date_to=date(2024, 3, 2)) == [
            ("alice", "import")
        ]
        assert actions(date_to=late) == [("alice", "import"), ("alice", "export")]
        assert actions(date_from=late + timedelta(seconds=1)) == [("bob", "import")]
        assert actions(limit=1) == [("bob", "import")]
        assert list_audit_actors(session=session) == ["alice", "bob"]


def test_empty_log_lists_an_empty_frame(empty_engine: Engine) -> None:
    """No events: an empty frame with the usual columns."""
    with session_scope(empty_engine) as session:
        events = list_audit_events(session=session)
    assert events.empty
    assert list(events.columns) == AUDIT_COLUMNS


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET actor = 'mallory'",
        "UPDATE audit_event SET detail = '' WHERE action = 'export'",
        "DELETE FROM audit_event",
        "DELETE FROM audit_event WHERE actor = 'alice'",
    ],
)
def test_audit_table_refuses_update_and_delete(empty_engine: Engine, statement: str) -> None:
    """Raw SQL cannot change or remove audit rows on either database."""
    with session_scope(empty_engine, write=True) as session:
        record_event(session=session, actor="alice", action="export", target="problems.xlsx")
    with pytest.raises(DBAPIError, match="append-only"), empty_engine.begin() as conn:
        conn.execute(text(statement))
    assert _count_events(empty_engine) == 1
    with session_scope(empty_engine) as session:
        assert list_audit_events(session=session)["actor"].tolist() == ["alice"]


# Rewriting row 1 in one statement: SQLite's REPLACE forms, and the upsert both databases know.
COLUMNS = "(id, at, actor, action, target, detail)"
FORGED = "(1, '2020-01-01 00:00:00', 'mallory', 'export', 'x', '')"
UPSERT = (
    f"INSERT INTO audit_event {COLUMNS} VALUES {FORGED} "
    "ON CONFLICT (id) DO UPDATE SET actor = excluded.actor"
)
REWRITES = [
    ("sqlite", f"REPLACE INTO audit_event {COLUMNS} VALUES {FORGED}"),
    ("sqlite", f"INSERT OR REPLACE INTO audit_event {COLUMNS} VALUES {FORGED}"),
    ("sqlite", UPSERT),
    pytest.param("postgres", UPSERT, marks=pytest.mark.postgres),
]


@pytest.mark.parametrize(("backend", "statement"), REWRITES)
def test_audit_table_refuses_replace(empty_engine: Engine, statement: str) -> None:
    """Issue 18, finding 9: REPLACE INTO rewrote an audit row on SQLite (no DELETE trigger)."""
    with session_scope(empty_engine, write=True) as session:
        record_event(session=session, actor="alice", action="export", target="problems.xlsx")
    with pytest.raises(DBAPIError, match="append-only"), empty_engine.begin() as conn:
        conn.execute(text(statement))
    with session_scope(empty_engine) as session:
        events = list_audit_events(session=session)
    assert (events["id"].tolist(), events["actor"].tolist()) == ([1], ["alice"])


@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)])
def test_audit_table_refuses_truncate_on_postgres(empty_engine: Engine) -> None:
    """TRUNCATE skips row triggers, so a statement trigger guards it (PostgreSQL only)."""
    with session_scope(empty_engine, write=True) as session:
        record_event(session=session, actor="alice", action="import")
    with pytest.raises(DBAPIError, match="append-only"), empty_engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_event"))
    assert _count_events(empty_engine) == 1


def test_migration_0002_downgrades_and_upgrades_again(empty_engine: Engine) -> None:
    """Downgrading to 0001 lifts the guard (an operator's escape); upgrading restores it."""
    with session_scope(empty_engine, write=True) as session:
        record_event(session=session, actor="alice", action="export")
    config = alembic_config()
    with empty_engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        connection.commit()
    with empty_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event"))
    upgrade_schema(empty_engine)
    with session_scope(empty_engine, write=True) as session:
        record_event(session=session, actor="bob", action="export")
    with pytest.raises(DBAPIError, match="append-only"), empty_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event"))
    assert _count_events(empty_engine) == 1
