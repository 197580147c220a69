"""Drill paths of 会议模式: ordered steps (a view and a Filter), saved by name, and the default.

A step's Filter is stored as its URL parameters, never with the account's township scope:
whoever opens a saved path sees it within their own scope.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from types import MappingProxyType

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.filters import Filter
from data_access.models import MeetingPath, utc_now
from data_access.queries.townships import fetch_region_comparison

# The views a step can show, in the order a presenter would usually take them.
VIEW_KINDS: MappingProxyType[str, str] = MappingProxyType(
    {
        "overview": "整改总览",
        "townships": "乡镇排名",
        "township_problems": "乡镇问题",
        "overdue": "逾期问题",
        "accountability": "问责情况",
        "leads": "线索移交",
    }
)
LOWEST_COUNT = 3  # the default path looks closer at this many townships
NAME_MAX_CHARS = 64
TITLE_MAX_CHARS = 60
MAX_STEPS = 20
PREPARE_ACTION = "export"  # staff who prepare meeting material (uploader, admin) save paths


class MeetingPathError(ValueError):
    """A path that cannot be saved or read; the message is for the user (Chinese)."""


@dataclass(frozen=True)
class Step:
    """One screen of a path: the view to show, its Filter, and an optional heading."""

    kind: str
    flt: Filter
    title: str = ""

    @property
    def heading(self) -> str:
        """The step's own title, or the view's name."""
        return self.title or VIEW_KINDS.get(self.kind, self.kind)

    def to_json_dict(self) -> dict[str, object]:
        """The step as stored: view, Filter URL parameters (no scope), title."""
        return {"view": self.kind, "filter": self.flt.to_params(), "title": self.title}


@dataclass(frozen=True)
class SavedPath:
    """A named path: its steps in order."""

    name: str
    steps: tuple[Step, ...]


def steps_to_json(steps: tuple[Step, ...]) -> str:
    """The steps as JSON text (Chinese kept readable)."""
    return json.dumps([step.to_json_dict() for step in steps], ensure_ascii=False)


def steps_from_json(text: str) -> tuple[Step, ...]:
    """Steps from stored JSON; unknown views and malformed filters are refused."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise MeetingPathError(f"路径数据无法读取：{error.msg}") from error
    if not isinstance(items, list):
        raise MeetingPathError("路径数据格式不正确：应为步骤列表。")
    return tuple(_step_from(item, number) for number, item in enumerate(items, start=1))


def _step_from(item: object, number: int) -> Step:
    """One stored step, checked."""
    if not isinstance(item, dict) or item.get("view") not in VIEW_KINDS:
        raise MeetingPathError(f"第 {number} 步的视图无法识别。")
    params = item.get("filter") or {}
    flt, malformed = Filter.from_params(params if isinstance(params, dict) else {})
    if malformed:
        raise MeetingPathError(f"第 {number} 步的筛选条件无法识别：{'，'.join(malformed)}")
    return Step(str(item["view"]), flt, str(item.get("title") or "")[:TITLE_MAX_CHARS])


def clean_name(name: str) -> str:
    """The name as stored: trimmed, checked for length and control characters."""
    cleaned = (name or "").strip()
    if not cleaned:
        raise MeetingPathError("请填写路径名称。")
    if len(cleaned) > NAME_MAX_CHARS:
        raise MeetingPathError(f"路径名称不能超过 {NAME_MAX_CHARS} 个字。")
    if any(not char.isprintable() for char in cleaned):
        raise MeetingPathError("路径名称不能包含换行或控制字符。")
    return cleaned


def save_meeting_path(
    *, session: Session, name: str, steps: tuple[Step, ...], actor: str
) -> SavedPath:
    """Save steps under name (replacing a path of that name); returns the saved path."""
    cleaned = clean_name(name)
    if not steps or len(steps) > MAX_STEPS:
        raise MeetingPathError(f"路径应有 1 到 {MAX_STEPS} 个步骤。")
    if any(step.kind not in VIEW_KINDS for step in steps):
        raise MeetingPathError("路径中有无法识别的视图。")
    row = session.exec(select(MeetingPath).where(MeetingPath.name == cleaned)).scalars().first()
    if row is None:
        row = MeetingPath(name=cleaned)
    row.steps_json = steps_to_json(steps)
    row.created_by = (actor or "")[:NAME_MAX_CHARS]
    row.created_at = utc_now()
    session.add(row)
    session.flush()
    return SavedPath(cleaned, steps)


def get_meeting_path(*, session: Session, name: str) -> SavedPath | None:
    """The saved path called name, or None."""
    query = select(MeetingPath.name, MeetingPath.steps_json).where(MeetingPath.name == name.strip())
    row = session.exec(query).first()
    return None if row is None else SavedPath(row[0], steps_from_json(row[1]))


def list_meeting_paths(*, session: Session) -> pd.DataFrame:
    """Saved paths, newest first: name, created_by, created_at."""
    query = select(MeetingPath.name, MeetingPath.created_by, MeetingPath.created_at).order_by(
        MeetingPath.created_at.desc(), MeetingPath.name
    )
    rows = [tuple(row) for row in session.exec(query).all()]
    return pd.DataFrame(rows, columns=["name", "created_by", "created_at"])


def delete_meeting_path(*, session: Session, name: str) -> bool:
    """Delete the path called name; True when there was one."""
    row = session.exec(select(MeetingPath).where(MeetingPath.name == name)).scalars().first()
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def lowest_completion_townships(
    *, session: Session, flt: Filter, count: int = LOWEST_COUNT
) -> tuple[int, ...]:
    """The count townships with problems and the lowest completion rate (ties by name)."""
    members = fetch_region_comparison(session=session, flt=flt, level="township")
    with_problems = members[members["problems_total"] > 0]
    lowest = with_problems.sort_values(["completion_rate", "member"], kind="stable").head(count)
    return tuple(int(member_id) for member_id in lowest["member_id"])


def default_meeting_path(*, session: Session, flt: Filter) -> SavedPath:
    """Overview → the lowest-completion townships → their overdue problems → accountability."""
    lowest = lowest_completion_townships(session=session, flt=flt)
    steps = [Step("overview", flt, "整改总览")]
    if lowest:
        focus = flt.with_(townships=lowest)
        count = len(lowest)
        steps += [
            Step("townships", focus, f"完成率最低的 {count} 个乡镇"),
            Step("overdue", focus, f"这 {count} 个乡镇的逾期问题"),
            Step("accountability", focus, f"这 {count} 个乡镇的问责情况"),
        ]
    return SavedPath("", tuple(steps))
