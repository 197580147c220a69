"""Append-only audit log: record who did what, and list the events with filters."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.ingest.cell_text import escape_text
from data_access.models import AuditEvent, utc_now

AUDIT_ACTIONS: MappingProxyType[str, str] = MappingProxyType(
    {
        "sign_in_success": "登录成功",
        "sign_in_failure": "登录失败",
        "sign_out": "退出登录",
        "import": "导入数据",
        "undo": "撤销导入",
        "export": "导出",
        "download": "下载",
        "user_create": "新建用户",
        "user_role": "修改角色",
        "user_scope": "修改乡镇范围",
        "user_disable": "停用用户",
        "user_enable": "启用用户",
        "user_unlock": "解除锁定",
        "password_reset": "重置密码",
        "password_change": "修改密码",
        "demo_reset": "重置演示数据",
        "demo_remove": "删除演示数据",
        "round_create": "新建巡察轮次",
        "round_update": "修改巡察轮次",
        "group_create": "新建巡察组",
        "group_update": "修改巡察组",
    }
)
# Calendar dates in filters are the office's days, not UTC days.
LOCAL_TIMEZONE = ZoneInfo("Asia/Shanghai")
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
        raise ValueError(f"未知审计动作 / unknown audit action: {action!r}")
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
    return datetime.combine(day, time.min, tzinfo=LOCAL_TIMEZONE)


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
    frame = pd.DataFrame([tuple(row) for row in session.exec(query).all()], columns=_SELECTED)
    frame["at"] = pd.to_datetime(frame["at"], utc=True)
    frame["action_label"] = frame["action"].map(lambda code: AUDIT_ACTIONS.get(code, code))
    return frame[AUDIT_COLUMNS]


def list_audit_actors(*, session: Session) -> list[str]:
    """Distinct actors in the log, for the admin page's filter choices."""
    query = select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)
    return [row[0] for row in session.exec(query).all()]


# Column headers of the CSV download of the audit log.
CSV_HEADERS = {
    "at": "时间",
    "actor": "操作人",
    "action_label": "操作",
    "target": "对象",
    "detail": "详情",
}


def audit_events_csv(events: pd.DataFrame) -> bytes:
    """Listed events as CSV for Excel (UTF-8 with BOM, local times, formula-safe text)."""
    local = events["at"].dt.tz_convert(LOCAL_TIMEZONE).dt.strftime("%Y-%m-%d %H:%M:%S")
    frame = events.assign(at=local)[list(CSV_HEADERS)]
    # A typed-in username such as "=HYPERLINK(...)" must stay text in a spreadsheet.
    for column in ("actor", "target", "detail"):
        frame[column] = [escape_text(str(value)) for value in frame[column]]
    return frame.rename(columns=CSV_HEADERS).to_csv(index=False).encode("utf-8-sig")
