"""Append-only audit log: record who did what, and list the events with filters."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.codes import LabelMap
from data_access.formatting import SECONDS_PATTERN
from data_access.ingest.cell_text import escape_text
from data_access.models import AuditEvent, utc_now
from data_access.settings import office_zone
from i18n import t

# Action code -> its label in the current UI language ("admin.audit_action.<code>").
AUDIT_ACTIONS = LabelMap(
    "audit_action",
    (
        "sign_in_success", "sign_in_failure", "sign_out", "session_end", "import", "undo", "export",
        "download", "user_create", "user_role", "user_scope", "user_disable", "user_enable",
        "user_unlock", "password_reset", "password_change", "demo_reset", "demo_remove",
        "round_create", "round_update", "group_create", "group_update", "office_update",
        "meeting_path_save", "meeting_path_delete", "map_update",
    ),
    area="admin",
)  # fmt: skip
AUDIT_COLUMNS = ["id", "at", "actor", "action", "action_label", "target", "detail"]
_SELECTED = ["id", "at", "actor", "action", "target", "detail"]

# Column widths of audit_event (PostgreSQL enforces them; SQLite would not).
_ACTOR_MAX = 64
_TARGET_MAX = 255


def record_event(
    *, session: Session, actor: str, action: str, target: str = "", detail: str = ""
) -> AuditEvent:
    """Add one audit event to the caller's transaction; unknown actions are a ValueError."""
    if action not in AUDIT_ACTIONS:
        raise ValueError(t("admin.audit.unknown_action", action=repr(action)))
    event = AuditEvent(
        at=utc_now(),
        actor=(actor or "")[:_ACTOR_MAX],
        action=action,
        target=(target or "")[:_TARGET_MAX],
        detail=detail or "",
    )
    session.add(event)
    session.flush()
    return event


def _start_of(day: date | datetime) -> datetime:
    """The instant a filter bound starts: datetimes as given, dates at local midnight."""
    if isinstance(day, datetime):
        return day
    return datetime.combine(day, time.min, tzinfo=office_zone())  # the office's day


def _end_condition(day: date | datetime):
    """Upper bound: a datetime is an inclusive instant, a date includes its whole local day."""
    if isinstance(day, datetime):
        return AuditEvent.at <= day
    return AuditEvent.at < _start_of(day + timedelta(days=1))


def list_audit_events(
    *,
    session: Session,
    actor: str | None = None,
    action: str | None = None,
    date_from: date | datetime | None = None,
    date_to: date | datetime | None = None,
    limit: int = 500,
) -> pd.DataFrame:
    """Newest events first; dates are inclusive local days, datetimes exact bounds."""
    query = select(
        AuditEvent.id,
        AuditEvent.at,
        AuditEvent.actor,
        AuditEvent.action,
        AuditEvent.target,
        AuditEvent.detail,
    )
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if action:
        query = query.where(AuditEvent.action == action)
    if date_from is not None:
        query = query.where(AuditEvent.at >= _start_of(date_from))
    if date_to is not None:
        query = query.where(_end_condition(date_to))
    query = query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(max(0, int(limit)))
    frame = pd.DataFrame([tuple(row) for row in session.execute(query).all()], columns=_SELECTED)
    frame["at"] = pd.to_datetime(frame["at"], utc=True)
    frame["action_label"] = frame["action"].map(lambda code: AUDIT_ACTIONS.get(code, code))
    return frame[AUDIT_COLUMNS]


def list_audit_actors(*, session: Session) -> list[str]:
    """Distinct actors in the log, for the admin page's filter choices."""
    query = select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)
    return [row[0] for row in session.execute(query).all()]


# The columns of the audit log as shown and downloaded.
CSV_COLUMNS = ("at", "actor", "action_label", "target", "detail")


def csv_headers() -> dict[str, str]:
    """Column -> its header in the UI language (the table and its CSV download)."""
    return {column: t(f"admin.audit.column.{column}") for column in CSV_COLUMNS}


def local_times(moments: pd.Series) -> pd.Series:
    """Stored moments on the office's clock to the second: "YYYY-MM-DD HH:MM:SS"."""
    return moments.dt.tz_convert(office_zone()).dt.strftime(SECONDS_PATTERN)


def audit_events_csv(events: pd.DataFrame) -> bytes:
    """Listed events as CSV for Excel (UTF-8 with BOM, local times, formula-safe text)."""
    frame = events.assign(at=local_times(events["at"]))[list(CSV_COLUMNS)]
    # A typed-in username such as "=HYPERLINK(...)" must stay text in a spreadsheet.
    for column in ("actor", "target", "detail"):
        frame[column] = [escape_text(str(value)) for value in frame[column]]
    return frame.rename(columns=csv_headers()).to_csv(index=False).encode("utf-8-sig")
