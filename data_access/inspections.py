"""Inspection rounds (巡察轮次) and their groups (巡察组): list, create, edit; every change audited.

A change bumps the data version, so the filter bar and the upload page's round choices
refresh at once; each one is an audit event naming the actor and what changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlmodel import Session

from data_access.audit import record_event
from data_access.codes import ROUND_LEVELS
from data_access.ingest.resolve import group_ordinal
from data_access.models import City, County, InspectionGroup, InspectionRound, Problem
from data_access.queries.overview import to_frame
from data_access.version import bump_data_version
from i18n import t

NAME_MAX = {"round": 128, "group": 64, "theme": 128}
COUNTY_LEVELS = ("county", "district")  # a 县委 or 区委 round inspects one county or district
ROUND_COLUMNS = [
    "round_id", "name", "level", "level_label", "county_id", "county", "started_on",
    "ended_on", "feedback_on", "theme", "groups", "problems",
]  # fmt: skip
GROUP_COLUMNS = ["group_id", "name", "ordinal", "problems"]


class RoundError(ValueError):
    """A round or group change that cannot be made; the message is in the UI language."""


@dataclass(frozen=True)
class RoundValues:
    """What a round is: its name, level (city / county / district), county, dates and theme
    (巡察主题, e.g. 脱贫攻坚专项巡察: the app's subtitle)."""

    name: str
    level: str
    county_id: int | None = None
    started_on: date | None = None
    ended_on: date | None = None
    feedback_on: date | None = None
    theme: str = ""


def list_rounds(*, session: Session) -> pd.DataFrame:
    """Every round, newest first, with its county, group count and problem count."""
    groups = (
        select(InspectionGroup.round_id, func.count(InspectionGroup.id).label("groups"))
        .group_by(InspectionGroup.round_id)
        .subquery()
    )
    problems = (
        select(Problem.round_id, func.count(Problem.id).label("problems"))
        .group_by(Problem.round_id)
        .subquery()
    )
    columns = (
        *(InspectionRound.id, InspectionRound.name, InspectionRound.level, InspectionRound.level),
        *(InspectionRound.county_id, County.name, InspectionRound.started_on),
        *(InspectionRound.ended_on, InspectionRound.feedback_on, InspectionRound.theme),
        *(func.coalesce(groups.c.groups, 0), func.coalesce(problems.c.problems, 0)),
    )
    query = (
        select(*columns)
        .outerjoin(County, County.id == InspectionRound.county_id)
        .outerjoin(groups, groups.c.round_id == InspectionRound.id)
        .outerjoin(problems, problems.c.round_id == InspectionRound.id)
        .order_by(InspectionRound.started_on.desc().nulls_last(), InspectionRound.id.desc())
    )
    frame = to_frame(session.execute(query).all(), ROUND_COLUMNS, {"round_id": "int64"})
    frame["level_label"] = frame["level"].map(ROUND_LEVELS).fillna(frame["level"])
    return frame


def list_groups(*, session: Session, round_id: int) -> pd.DataFrame:
    """The groups of one round by ordinal, with how many problems each found."""
    query = (
        select(InspectionGroup.id, InspectionGroup.name, InspectionGroup.ordinal)
        .add_columns(func.count(Problem.id))
        .outerjoin(Problem, Problem.group_id == InspectionGroup.id)
        .where(InspectionGroup.round_id == round_id)
        .group_by(InspectionGroup.id, InspectionGroup.name, InspectionGroup.ordinal)
        .order_by(InspectionGroup.ordinal, InspectionGroup.id)
    )
    return to_frame(session.execute(query).all(), GROUP_COLUMNS, {"group_id": "int64"})


def list_counties(*, session: Session) -> pd.DataFrame:
    """Every county with its city (the choices of a round's county)."""
    query = (
        select(County.id, County.name, City.name)
        .join(City, City.id == County.city_id)
        .order_by(City.id, County.id)
    )
    return to_frame(session.execute(query).all(), ["county_id", "county", "city"], {})


def _check(session: Session, values: RoundValues, round_id: int | None = None) -> RoundValues:
    """values cleaned, or RoundError naming what is wrong."""
    name = (values.name or "").strip()
    if not name or len(name) > NAME_MAX["round"]:
        raise RoundError(t("admin.round.error.name", count=NAME_MAX["round"]))
    same = select(InspectionRound.id).where(InspectionRound.name == name)
    if session.scalar(same.where(InspectionRound.id != (round_id or 0))) is not None:
        raise RoundError(t("admin.round.error.name_taken", name=name))
    if values.level not in ROUND_LEVELS:
        levels = t("admin.list_separator").join(ROUND_LEVELS.values())
        raise RoundError(t("admin.round.error.level", levels=levels))
    if values.county_id is not None and session.get(County, values.county_id) is None:
        raise RoundError(t("admin.round.error.no_county_id", county_id=values.county_id))
    if values.level in COUNTY_LEVELS and values.county_id is None:
        raise RoundError(t("admin.round.error.county_needed"))
    start = values.started_on
    for field, day in (("ended_on", values.ended_on), ("feedback_on", values.feedback_on)):
        if start is not None and day is not None and day < start:
            raise RoundError(t("admin.round.error.before_start", label=round_date_label(field)))
    theme = (values.theme or "").strip()
    if len(theme) > NAME_MAX["theme"]:
        raise RoundError(t("admin.round.error.theme", count=NAME_MAX["theme"]))
    return RoundValues(name, values.level, values.county_id, start, values.ended_on,
                       values.feedback_on, theme)  # fmt: skip


def round_date_label(field: str) -> str:
    """The label of a round's date field (started_on, ended_on, feedback_on)."""
    return t(f"admin.round.{field}")


def _audit(session: Session, actor: str, action: str, target: str, detail: dict) -> None:
    """One audit event (detail as JSON) and a data version bump, in the caller's transaction."""
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    record_event(session=session, actor=actor, action=action, target=target, detail=text)
    # Rounds and groups are never deleted and the summaries hold only their ids, so no edit
    # here can change a summary row: skip the rebuild (seconds at a million problems).
    bump_data_version(session=session, summaries=False)


def create_round(*, session: Session, actor: str, values: RoundValues) -> InspectionRound:
    """Store a new round (RoundError for a duplicate name, bad level, county or dates)."""
    clean = _check(session, values)
    row = InspectionRound(**clean.__dict__)
    session.add(row)
    session.flush()
    _audit(session, actor, "round_create", clean.name, {"id": row.id, **clean.__dict__})
    return row


def update_round(
    *, session: Session, actor: str, round_id: int, values: RoundValues
) -> dict[str, tuple[Any, Any]]:
    """Change a round to values; returns the changed fields (old, new), audited."""
    row = session.get(InspectionRound, round_id)
    if row is None:
        raise RoundError(t("admin.round.error.no_round_id", round_id=round_id))
    clean = _check(session, values, round_id)
    changed = {k: (getattr(row, k), v) for k, v in clean.__dict__.items() if getattr(row, k) != v}
    if changed:
        for name, (_old, new) in changed.items():
            setattr(row, name, new)
        session.flush()
        _audit(session, actor, "round_update", clean.name, {"id": round_id, "changes": changed})
    return changed


def _group_name(name: str) -> str:
    """A trimmed group name, or RoundError."""
    clean = (name or "").strip()
    if not clean or len(clean) > NAME_MAX["group"]:
        raise RoundError(t("admin.round.error.group_name", count=NAME_MAX["group"]))
    return clean


def _refuse_duplicate_group(session: Session, round_id: int, name: str, group_id: int = 0) -> None:
    """RoundError when the round already has another group of this name."""
    query = select(InspectionGroup.id).where(
        InspectionGroup.round_id == round_id,
        InspectionGroup.name == name,
        InspectionGroup.id != group_id,
    )
    if session.scalar(query) is not None:
        raise RoundError(t("admin.round.error.group_taken", name=name))


def add_group(*, session: Session, actor: str, round_id: int, name: str) -> InspectionGroup:
    """A new group of the round; its ordinal comes from the name (第三巡察组 → 3) or is next."""
    round_row = session.get(InspectionRound, round_id)
    if round_row is None:
        raise RoundError(t("admin.round.error.no_round_id", round_id=round_id))
    clean = _group_name(name)
    _refuse_duplicate_group(session, round_id, clean)
    ordinal = group_ordinal(clean)
    if ordinal is None:
        query = select(func.max(InspectionGroup.ordinal)).where(
            InspectionGroup.round_id == round_id
        )
        ordinal = int(session.scalar(query) or 0) + 1
    group = InspectionGroup(round_id=round_id, name=clean, ordinal=ordinal)
    session.add(group)
    session.flush()
    detail = {"id": group.id, "round": round_row.name, "ordinal": ordinal}
    _audit(session, actor, "group_create", clean, detail)
    return group


def rename_group(*, session: Session, actor: str, group_id: int, name: str) -> None:
    """Give a group a new name (unique within its round), audited."""
    group = session.get(InspectionGroup, group_id)
    if group is None:
        raise RoundError(t("admin.round.error.no_group_id", group_id=group_id))
    clean = _group_name(name)
    _refuse_duplicate_group(session, group.round_id, clean, group_id)
    if clean != group.name:
        detail = {"id": group_id, "changes": {"name": [group.name, clean]}}
        group.name = clean
        session.flush()
        _audit(session, actor, "group_update", clean, detail)


# Group names are data in the office's own form (the ledger names them so, and
# group_ordinal reads the number back), whatever the UI language.
CHINESE_DIGITS = "一二三四五六七八九"  # i18n-data: numerals of a group's name


def suggested_group_name(existing: int) -> str:
    """The usual name of the next group: 第一巡察组, 第二巡察组 … 第十二巡察组."""
    number = existing + 1
    tens, ones = divmod(number, 10)
    text = CHINESE_DIGITS[ones - 1] if ones else ""
    if tens:
        text = ("" if tens == 1 else CHINESE_DIGITS[tens - 1]) + "十" + text  # i18n-data
    return f"第{text}巡察组"  # i18n-data: the office's form of a group name


def round_id_by_name(*, session: Session, name: str) -> int:
    """The id of the round called name, or RoundError listing the known ones."""
    found = session.scalar(select(InspectionRound.id).where(InspectionRound.name == name))
    if found is None:
        names = session.scalars(select(InspectionRound.name))
        known = t("admin.list_separator").join(names) or t("admin.round.none")
        raise RoundError(t("admin.round.error.unknown_round", name=name, known=known))
    return int(found)


def county_id_by_name(*, session: Session, name: str) -> int:
    """The id of the county called name (city/county or county alone when unambiguous)."""
    city, _, county = name.rpartition("/")
    query = select(County.id).join(City, City.id == County.city_id).where(County.name == county)
    if city:
        query = query.where(City.name == city)
    found = [county_id for county_id in session.scalars(query) if county_id is not None]
    if len(found) != 1:
        counties = list_counties(session=session)["county"]
        known = t("admin.list_separator").join(counties) or t("admin.round.no_counties")
        why = "admin.round.error.ambiguous_county" if found else "admin.round.error.unknown_county"
        raise RoundError(t(why, name=name, known=known))
    return found[0]
