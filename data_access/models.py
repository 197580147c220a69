"""SQLModel tables: regions, inspection rounds, the ledger and its history, accounts, audit."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC (the form every datetime column stores)."""
    return datetime.now(UTC)


# ---------------------------------------------------------------- regions


class City(SQLModel, table=True):
    """A prefecture-level city (市), e.g. 铜陵市."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=64)
    province: str = Field(default="", max_length=64)


class County(SQLModel, table=True):
    """A county or district (县/区) of a city, e.g. 枞阳县."""

    __table_args__ = (UniqueConstraint("city_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    city_id: int = Field(foreign_key="city.id", index=True)
    name: str = Field(max_length=64)


class Township(SQLModel, table=True):
    """A town (镇) or township (乡); renames and merges keep the old row with valid_to set."""

    __table_args__ = (UniqueConstraint("county_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    county_id: int = Field(foreign_key="county.id", index=True)
    name: str = Field(max_length=64)
    kind: str = Field(max_length=4)  # 镇 / 乡
    valid_from: date | None = None
    valid_to: date | None = None
    merged_into_id: int | None = Field(default=None, foreign_key="township.id")
    sort_order: int = 0


class TownshipAlias(SQLModel, table=True):
    """Another spelling or a later/earlier name of a township (欧山镇 → 藕山镇)."""

    __tablename__ = "township_alias"
    __table_args__ = (UniqueConstraint("township_id", "alias"),)
    id: int | None = Field(default=None, primary_key=True)
    township_id: int = Field(foreign_key="township.id", index=True)
    alias: str = Field(max_length=64, index=True)
    note: str = Field(default="", max_length=200)


class Village(SQLModel, table=True):
    """An administrative village (村) or community (社区) of a township."""

    __table_args__ = (UniqueConstraint("township_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    township_id: int = Field(foreign_key="township.id", index=True)
    name: str = Field(max_length=64)
    is_poverty_village: bool = False


# ---------------------------------------------------------------- inspections


class InspectionRound(SQLModel, table=True):
    """One inspection round (巡察轮次), city or county level."""

    __tablename__ = "inspection_round"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=128)
    level: str = Field(max_length=16)  # city / county
    county_id: int | None = Field(default=None, foreign_key="county.id")
    started_on: date | None = None
    ended_on: date | None = None
    feedback_on: date | None = None


class InspectionGroup(SQLModel, table=True):
    """An inspection group (巡察组) of a round, e.g. 第一巡察组."""

    __tablename__ = "inspection_group"
    __table_args__ = (UniqueConstraint("round_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="inspection_round.id", index=True)
    name: str = Field(max_length=64)
    ordinal: int = 0


class Problem(SQLModel, table=True):
    """A ledger row (整改台账): one problem found, its rectification and its results."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=64)  # 问题编号, natural key for upserts
    round_id: int = Field(foreign_key="inspection_round.id", index=True)
    group_id: int | None = Field(default=None, foreign_key="inspection_group.id", index=True)
    township_id: int = Field(foreign_key="township.id", index=True)
    village_id: int | None = Field(default=None, foreign_key="village.id", index=True)
    focus_area: str = Field(max_length=32, index=True)  # codes.FOCUS_AREAS
    sub_category: str = Field(default="", max_length=64)
    description: str = ""
    source: str = Field(default="inspection_feedback", max_length=32)  # codes.SOURCES
    lead_leader: str = Field(default="", max_length=64)
    responsible_unit: str = Field(default="", max_length=128)
    responsible_person: str = Field(default="", max_length=64)
    measures: str = ""
    found_on: date = Field(index=True)
    deadline: date | None = None
    status: str = Field(default="not_started", max_length=16, index=True)  # codes.STATUSES
    rectified_on: date | None = None
    closed: bool = False  # 销号
    recovered_yuan: int = Field(default=0, index=True)  # 挽回损失, integer 元
    rules_improved: int = 0  # 完善制度数
    evidence: str = ""  # 佐证材料
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id")
    updated_at: datetime | None = None


class StatusEvent(SQLModel, table=True):
    """A status change of a problem on a date; append-only history behind trends and as-of views."""

    __tablename__ = "status_event"
    # A problem's latest event (as of a day) and its last rectification: one index probe each.
    # It also serves every lookup by problem_id, so that column has no index of its own
    # (migration 0003); nothing reads events by changed_on alone.
    __table_args__ = (Index("ix_status_event_history", "problem_id", "status", "changed_on"),)
    id: int | None = Field(default=None, primary_key=True)
    problem_id: int = Field(foreign_key="problem.id")
    status: str = Field(max_length=16)
    changed_on: date
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)
    note: str = ""


class AccountabilityAction(SQLModel, table=True):
    """One person (or organisation) held accountable: 问责追责, one row each."""

    __tablename__ = "accountability_action"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=96)  # natural key for upserts
    problem_id: int | None = Field(default=None, foreign_key="problem.id", index=True)
    township_id: int = Field(foreign_key="township.id", index=True)
    person_name: str = Field(max_length=64)  # sensitive: masked for viewers
    position: str = Field(default="", max_length=128)
    category: str = Field(max_length=32, index=True)  # codes.ACCOUNTABILITY_CATEGORIES
    form: int | None = None  # 四种形态 1-4; None while pending
    decided_on: date | None = None
    is_organisation: bool = False
    is_leadership_responsibility: bool = False  # 一案双查: the leader's record
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id")


class Lead(SQLModel, table=True):
    """A problem lead transferred to discipline bodies (移交问题线索)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=64)  # 线索编号
    round_id: int | None = Field(default=None, foreign_key="inspection_round.id", index=True)
    township_id: int = Field(foreign_key="township.id", index=True)
    problem_id: int | None = Field(default=None, foreign_key="problem.id", index=True)
    subject_position: str = Field(default="", max_length=128)
    transferred_to: str = Field(default="", max_length=128)
    transferred_on: date | None = None
    outcome: str = Field(default="pending", max_length=16)  # codes.LEAD_OUTCOMES
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id")


class Case(SQLModel, table=True):
    """A case opened by a discipline body from a lead (立案审查)."""

    __tablename__ = "discipline_case"
    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", unique=True)
    opened_on: date | None = None
    people_involved: int = 0
    people_sanctioned: int = 0


# ---------------------------------------------------------------- imports, audit, accounts


class ImportBatch(SQLModel, table=True):
    """One uploaded file committed as a whole; can be reverted."""

    __tablename__ = "import_batch"
    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=255)
    sha256: str = Field(max_length=64, index=True)
    kind: str = Field(default="ledger", max_length=16)  # ledger / regions / seed
    uploader: str = Field(default="", max_length=64)
    round_id: int | None = Field(default=None, foreign_key="inspection_round.id")
    started_at: datetime
    finished_at: datetime | None = None
    status: str = Field(default="committed", max_length=16)  # committed / reverted
    counts_json: str = "{}"
    reverted_at: datetime | None = None
    reverted_by: str = Field(default="", max_length=64)


class ImportChange(SQLModel, table=True):
    """Before/after image of one row an import wrote, so the batch can be undone exactly."""

    __tablename__ = "import_change"
    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="import_batch.id", index=True)
    table_name: str = Field(max_length=32)
    row_key: str = Field(max_length=128)
    action: str = Field(max_length=8)  # insert / update
    before_json: str | None = None
    after_json: str = "{}"


class AuditEvent(SQLModel, table=True):
    """Append-only trace of who did what (the table refuses UPDATE and DELETE)."""

    __tablename__ = "audit_event"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    actor: str = Field(max_length=64)
    action: str = Field(max_length=32, index=True)
    target: str = Field(default="", max_length=255)
    detail: str = ""


class User(SQLModel, table=True):
    """A local account; role viewer / uploader / admin, optionally scoped to townships."""

    __tablename__ = "app_user"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, max_length=64)
    display_name: str = Field(default="", max_length=64)
    password_hash: str = Field(default="", max_length=128)
    role: str = Field(default="viewer", max_length=16)
    township_scope: str = ""  # comma-separated township ids; empty = all
    oidc_subject: str | None = Field(default=None, unique=True, max_length=255)
    disabled: bool = False
    failed_attempts: int = 0
    locked_until: datetime | None = None
    created_at: datetime | None = None


class MeetingPath(SQLModel, table=True):
    """A saved drill path of 会议模式: its name and ordered steps (view kind + Filter) as JSON."""

    __tablename__ = "meeting_path"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=64)
    steps_json: str = "[]"
    created_by: str = Field(default="", max_length=64)
    created_at: datetime | None = None


class DataVersion(SQLModel, table=True):
    """A single row whose version every committed import (or undo) bumps; caches key on it."""

    __tablename__ = "data_version"
    id: int = Field(default=1, primary_key=True)
    version: int = 0
    changed_at: datetime | None = None
    last_batch_id: int | None = None


# The summary tables (derived, rebuilt by every committed change) live in their own module;
# importing them here registers them with the metadata the migrations are made from.
import data_access.summary_models  # noqa: E402, F401
