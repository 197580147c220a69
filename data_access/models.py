"""SQLModel tables: regions, inspection rounds, the ledger and its history, accounts, audit."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from data_access.codes import NEVER_OVERDUE_STATUSES

# Problems that can still be overdue, as the open-deadline index's condition (literal SQL:
# a partial index is used only for a query that repeats it with the same constants; "<>"
# terms, not NOT IN, which PostgreSQL rewrites differently each time the index is rebuilt).
OPEN_STATUS_TERMS = tuple(f"status <> '{code}'" for code in NEVER_OVERDUE_STATUSES)
OPEN_STATUS_SQL = " AND ".join(OPEN_STATUS_TERMS)


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC (the form every datetime column stores)."""
    return datetime.now(UTC)


class Stored(Protocol):
    """A table row: SQLModel types its id int | None, None only before the INSERT."""

    id: int | None


def row_id(row: Stored) -> int:
    """A stored row's id (fails loudly on a row not yet inserted)."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id: it is not stored yet")
    return row.id


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
    """A township-level unit: 镇, 乡, 街道, or a department inspected like one (部门); renames
    and merges keep the old row with valid_to set."""

    __table_args__ = (UniqueConstraint("county_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    county_id: int = Field(foreign_key="county.id", index=True)
    name: str = Field(max_length=64)
    kind: str = Field(max_length=4)  # codes.TOWNSHIP_KINDS: 镇 / 乡 / 街道 / 部门
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


class TownshipShape(SQLModel, table=True):
    """A township's boundary for the map: one GeoJSON geometry (Polygon or MultiPolygon).

    Longitude/latitude, exterior rings clockwise (what Vega's projections expect); schematic
    marks a generated layout (the demo's), which the map calls 示意图, never real boundaries.
    """

    __tablename__ = "township_shape"
    id: int | None = Field(default=None, primary_key=True)
    township_id: int = Field(foreign_key="township.id", unique=True)
    geometry_json: str  # data_access/regions/geometry.py: cleaned, rounded, simplified
    schematic: bool = False
    feature_name: str = Field(default="", max_length=64)  # the name the file gave it


class Village(SQLModel, table=True):
    """An administrative village (村) or community (社区) of a township."""

    __table_args__ = (UniqueConstraint("township_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    township_id: int = Field(foreign_key="township.id", index=True)
    name: str = Field(max_length=64)
    is_poverty_village: bool = False


# ---------------------------------------------------------------- inspections


class InspectionRound(SQLModel, table=True):
    """One inspection round (巡察轮次), city, county or district level."""

    __tablename__ = "inspection_round"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=128)
    level: str = Field(max_length=16)  # codes.ROUND_LEVELS: city / county / district
    county_id: int | None = Field(default=None, foreign_key="county.id")
    started_on: date | None = None
    ended_on: date | None = None
    feedback_on: date | None = None
    theme: str = Field(default="", max_length=128)  # 巡察主题, e.g. 脱贫攻坚专项巡察: the subtitle


class InspectionGroup(SQLModel, table=True):
    """An inspection group (巡察组) of a round, e.g. 第一巡察组."""

    __tablename__ = "inspection_group"
    __table_args__ = (UniqueConstraint("round_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="inspection_round.id", index=True)
    name: str = Field(max_length=64)
    ordinal: int = 0


class ProblemCategory(SQLModel, table=True):
    """A problem category (巡察重点/问题类别) of a round, or a sub-category under one.

    A round's categories are its own data: the office's words, in its order. Problems
    store the code (Problem.focus_area; a sub-category's code in Problem.sub_category).
    """

    __tablename__ = "problem_category"
    # A sub-category's name may repeat under two categories (其他), so the parent is part
    # of the key.
    __table_args__ = (UniqueConstraint("round_id", "parent_code", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="inspection_round.id", index=True)
    code: str = Field(max_length=64)
    name: str = Field(max_length=128)  # as the office writes it
    name_en: str = Field(default="", max_length=128)  # "" when there is none
    ordinal: int = 0
    parent_code: str = Field(default="", max_length=64)  # "" for a top-level category


class Problem(SQLModel, table=True):
    """A ledger row (整改台账): one problem found, its rectification and its results."""

    # The dates after a day (figures as of a day, migration 0012); the own recovery and
    # rules days are mostly empty, so their indexes keep only the rows that have one.
    __table_args__ = (
        # 逾期清单: the open problems in deadline order (queries/deadlines.fetch_overdue_list).
        Index(
            "ix_problem_open_deadline",
            "deadline",
            "code",
            sqlite_where=text(OPEN_STATUS_SQL),
            postgresql_where=text(OPEN_STATUS_SQL),
        ),
        Index(
            "ix_problem_recovered_on",
            "recovered_on",
            sqlite_where=text("recovered_on IS NOT NULL"),
            postgresql_where=text("recovered_on IS NOT NULL"),
        ),
        Index(
            "ix_problem_rules_improved_on",
            "rules_improved_on",
            sqlite_where=text("rules_improved_on IS NOT NULL"),
            postgresql_where=text("rules_improved_on IS NOT NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=64)  # 问题编号, natural key for upserts
    round_id: int = Field(foreign_key="inspection_round.id", index=True)
    group_id: int | None = Field(default=None, foreign_key="inspection_group.id", index=True)
    township_id: int = Field(foreign_key="township.id", index=True)
    village_id: int | None = Field(default=None, foreign_key="village.id", index=True)
    focus_area: str = Field(default="", max_length=64, index=True)  # ProblemCategory code; "" none
    sub_category: str = Field(default="", max_length=64)
    description: str = ""
    source: str = Field(default="inspection_feedback", max_length=32)  # codes.SOURCES
    lead_leader: str = Field(default="", max_length=64)
    responsible_unit: str = Field(default="", max_length=128)
    responsible_person: str = Field(default="", max_length=64)
    measures: str = ""
    found_on: date = Field(index=True)
    # True when the file gave no date and the round's feedback date stands in (推定).
    found_on_inferred: bool = False
    deadline: date | None = Field(default=None, index=True)
    # codes.DEADLINE_KINDS: "" none/unknown, date, immediate (立行立改), long_term (长期坚持).
    deadline_kind: str = Field(default="", max_length=16)
    status: str = Field(default="not_started", max_length=16, index=True)  # codes.STATUSES
    rectified_on: date | None = Field(default=None, index=True)
    closed: bool = False  # 销号
    recovered_yuan: int = Field(default=0, index=True)  # 挽回损失, integer 元
    rules_improved: int = 0  # 完善制度数
    # When the money was recovered / the rules adopted (挽损日期 / 制度完善日期), where the
    # ledger says; without them both count from rectified_on (see queries.conditions).
    recovered_on: date | None = None
    rules_improved_on: date | None = None
    evidence: str = ""  # 佐证材料
    progress: str = ""  # 进展情况 / 整改进展
    remarks: str = ""  # 备注 / 说明
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id")
    updated_at: datetime | None = None


class StatusEvent(SQLModel, table=True):
    """A status change of a problem on a date; append-only history behind trends and as-of views."""

    __tablename__ = "status_event"
    # A problem's latest event (as of a day) and its last rectification: one index probe each.
    # It also serves every lookup by problem_id, so that column has no index of its own
    # (migration 0003). By day: the problems whose history moved after a day (queries/as_of).
    __table_args__ = (
        Index("ix_status_event_history", "problem_id", "status", "changed_on"),
        Index("ix_status_event_changed_on", "changed_on", "problem_id"),
    )
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
    decided_on: date | None = Field(default=None, index=True)
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
    transferred_on: date | None = Field(default=None, index=True)
    outcome: str = Field(default="pending", max_length=16)  # codes.LEAD_OUTCOMES
    import_batch_id: int | None = Field(default=None, foreign_key="import_batch.id")


class Case(SQLModel, table=True):
    """A case opened by a discipline body from a lead (立案审查)."""

    __tablename__ = "discipline_case"
    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", unique=True)
    opened_on: date | None = Field(default=None, index=True)
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
    created_at: datetime | None = None


class SignInThrottle(SQLModel, table=True):
    """Failed sign-ins counted by key (name and source, source, name) and the lock they set."""

    __tablename__ = "sign_in_throttle"
    key: str = Field(primary_key=True, max_length=160)
    failures: int = 0
    window_started_at: datetime
    locked_until: datetime | None = None


class UserSession(SQLModel, table=True):
    """A password sign-in that outlives a reload: the browser keeps the token, we its SHA-256.

    A row lives from sign-in until sign-out, expiry, or an account change that ends it;
    ending deletes it (the audit log keeps the record), so a stolen hash signs in nobody.
    """

    __tablename__ = "user_session"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, max_length=64)  # sha256 hex of the cookie's token
    user_id: int = Field(foreign_key="app_user.id", index=True)
    created_at: datetime
    last_seen_at: datetime  # for the idle timeout, refreshed at most once a minute
    expires_at: datetime  # created_at + the absolute lifetime


class OfficeSetting(SQLModel, table=True):
    """One setting of the office (its name, its own words for its units), by key."""

    __tablename__ = "office_setting"
    key: str = Field(primary_key=True, max_length=64)  # data_access.office.SETTINGS
    value: str = Field(default="", max_length=255)


class MeetingPath(SQLModel, table=True):
    """A saved drill path of 会议模式: its name and ordered steps (view kind + Filter) as JSON."""

    __tablename__ = "meeting_path"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=64)
    steps_json: str = "[]"
    created_by: str = Field(default="", max_length=64)
    created_at: datetime | None = None


class ColumnMapping(SQLModel, table=True):
    """A saved column mapping: its name, the header it fits (signature) and header -> field."""

    __tablename__ = "column_mapping"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=64)
    signature: str = Field(index=True, max_length=32)  # read_header.header_signature
    sheet_kind: str = Field(default="problems", max_length=16)
    mapping_json: str = "{}"  # folded header label -> field name, or null: not imported
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
