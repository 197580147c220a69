"""Drill paths of 会议模式: ordered steps (a view and a Filter), saved by name, and the default.

A step's Filter is stored as its URL parameters, never with the account's township scope:
whoever opens a saved path sees it within their own scope.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.audit import record_event
from data_access.codes import LabelMap
from data_access.filters import Filter
from data_access.models import MeetingPath, utc_now
from data_access.queries.townships import fetch_region_comparison
from data_access.roles import can
from i18n import t

# The views a step can show, in the order a presenter would usually take them; each one's
# name in the UI language ("meeting.view.<kind>").
VIEW_KINDS = LabelMap(
    "view",
    ("overview", "townships", "township_problems", "overdue", "accountability", "leads"),
    area="meeting",
)
LOWEST_COUNT = 3  # the default path looks closer at this many townships
NAME_MAX_CHARS = 64
TITLE_MAX_CHARS = 60
MAX_STEPS = 20
PREPARE_ACTION = "export"  # staff who prepare meeting material (uploader, admin) save paths


class MeetingPathError(ValueError):
    """A path that cannot be saved or read; the message is for the user (UI language)."""


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
        raise MeetingPathError(t("meeting.error.unreadable", reason=error.msg)) from error
    if not isinstance(items, list):
        raise MeetingPathError(t("meeting.error.not_a_list"))
    return tuple(_step_from(item, number) for number, item in enumerate(items, start=1))


def _step_from(item: object, number: int) -> Step:
    """One stored step, checked."""
    if not isinstance(item, dict) or item.get("view") not in VIEW_KINDS:
        raise MeetingPathError(t("meeting.error.unknown_view", number=number))
    params = item.get("filter") or {}
    flt, malformed = Filter.from_params(params if isinstance(params, dict) else {})
    if malformed:
        fields = t("meeting.list_separator").join(malformed)
        raise MeetingPathError(t("meeting.error.bad_filter", number=number, fields=fields))
    return Step(str(item["view"]), flt, str(item.get("title") or "")[:TITLE_MAX_CHARS])


def clean_name(name: str) -> str:
    """The name as stored: trimmed, checked for length and control characters."""
    cleaned = (name or "").strip()
    if not cleaned:
        raise MeetingPathError(t("meeting.error.no_name"))
    if len(cleaned) > NAME_MAX_CHARS:
        raise MeetingPathError(t("meeting.error.name_too_long", count=NAME_MAX_CHARS))
    if any(not char.isprintable() for char in cleaned):
        raise MeetingPathError(t("meeting.error.name_control"))
    return cleaned


def save_meeting_path(
    *, session: Session, name: str, steps: tuple[Step, ...], actor: str, role: str | None
) -> SavedPath:
    """Save steps under name; audited. A new name makes actor its owner; an existing path
    is replaced only by its owner or a role that manages paths (others save a copy)."""
    cleaned = clean_name(name)
    if not steps or len(steps) > MAX_STEPS:
        raise MeetingPathError(t("meeting.error.step_count", count=MAX_STEPS))
    if any(step.kind not in VIEW_KINDS for step in steps):
        raise MeetingPathError(t("meeting.error.path_unknown_view"))
    row = _row(session, cleaned)
    if row is None:
        row = MeetingPath(name=cleaned, created_by=(actor or "")[:NAME_MAX_CHARS])
    else:
        _require_owner(row, actor, role)
    row.steps_json = steps_to_json(steps)
    row.created_at = utc_now()
    session.add(row)
    session.flush()
    record_event(session=session, actor=actor, action="meeting_path_save", target=cleaned)
    return SavedPath(cleaned, steps)


def _row(session: Session, name: str) -> MeetingPath | None:
    """The stored path called name, or None."""
    return session.execute(select(MeetingPath).where(MeetingPath.name == name)).scalars().first()


def _require_owner(row: MeetingPath, actor: str, role: str | None) -> None:
    """MeetingPathError unless actor saved the path or role manages paths."""
    if row.created_by != actor and not can(role, "manage_meeting_paths"):
        owner = row.created_by or t("meeting.unknown_owner")
        raise MeetingPathError(t("meeting.error.not_owner", name=row.name, owner=owner))


def get_meeting_path(*, session: Session, name: str) -> SavedPath | None:
    """The saved path called name, or None."""
    query = select(MeetingPath.name, MeetingPath.steps_json).where(MeetingPath.name == name.strip())
    row = session.execute(query).first()
    return None if row is None else SavedPath(row[0], steps_from_json(row[1]))


def list_meeting_paths(*, session: Session) -> pd.DataFrame:
    """Saved paths, newest first: name, created_by (the owner), created_at."""
    query = select(MeetingPath.name, MeetingPath.created_by, MeetingPath.created_at).order_by(
        MeetingPath.created_at.desc(), MeetingPath.name
    )
    rows = [tuple(row) for row in session.execute(query).all()]
    return pd.DataFrame(rows, columns=["name", "created_by", "created_at"])


def delete_meeting_path(*, session: Session, name: str, actor: str, role: str | None) -> bool:
    """Delete the path called name (its owner or a role that manages paths); audited. True
    when there was one."""
    row = _row(session, name)
    if row is None:
        return False
    _require_owner(row, actor, role)
    session.delete(row)
    session.flush()
    record_event(session=session, actor=actor, action="meeting_path_delete", target=row.name)
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
    """Overview → the lowest-completion townships → their overdue problems → accountability.

    The titles are in the UI language of the call (cached_query keys on the language).
    """
    lowest = lowest_completion_townships(session=session, flt=flt)
    steps = [Step("overview", flt, VIEW_KINDS["overview"])]
    if lowest:
        focus = flt.with_(townships=lowest)
        count = len(lowest)
        steps += [
            Step("townships", focus, t("meeting.step.lowest_townships", count=count)),
            Step("overdue", focus, t("meeting.step.their_overdue", count=count)),
            Step("accountability", focus, t("meeting.step.their_accountability", count=count)),
        ]
    return SavedPath("", tuple(steps))
