"""Remove the demo data in one step: every row the seed created, nothing anyone else wrote.

The seed only ever writes into an empty store, so a domain row is the seed's unless a
committed import of someone else wrote it: ledger rows that a ledger import inserted,
region rows that a regions import inserted or updated (both found through ImportChange).
Seed rows that kept rows still point at stay (a problem someone's accountability record
names, the township of someone's problem); rounds go when no kept row uses them.
Accounts, the append-only audit log and saved meeting paths are never touched. One write
transaction, audited as demo_remove, and the data version is bumped.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import SQLColumnExpression, String, cast, delete, select, update
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from data_access.audit import record_event
from data_access.ingest.writer import serialise_writers
from data_access.models import (
    AccountabilityAction,
    AuditEvent,
    Case,
    City,
    County,
    ImportBatch,
    ImportChange,
    InspectionGroup,
    InspectionRound,
    Lead,
    Problem,
    ProblemCategory,
    StatusEvent,
    Township,
    TownshipAlias,
    TownshipShape,
    Village,
)
from data_access.version import bump_data_version
from i18n import t

SEED_KIND = "seed"
REGION_KEEPING_ACTIONS = ("insert", "update")


class DemoDataError(ValueError):
    """There is no demo data to remove (message in the UI language)."""


def _written_by_others(table_name: str, actions: tuple[str, ...]):
    """row_key of rows of table_name that a committed import other than the seed wrote."""
    return (
        select(ImportChange.row_key)
        .join(ImportBatch, ImportBatch.id == ImportChange.batch_id)
        .where(
            ImportChange.table_name == table_name,
            ImportChange.action.in_(actions),
            ImportBatch.status == "committed",
            ImportBatch.kind != SEED_KIND,
        )
    )


def _seed_ledger_row(model: Any) -> ColumnElement[bool]:
    """A ledger row no other import inserted (ledger images are keyed by code)."""
    return ~model.code.in_(_written_by_others(model.__tablename__, ("insert",)))


def _seed_region_ids(session: Session, model: Any) -> set[int]:
    """Ids of region rows no regions import inserted or updated (images keyed by id)."""
    kept = _written_by_others(model.__tablename__, REGION_KEEPING_ACTIONS)
    query = select(model.id).where(~cast(model.id, String(32)).in_(kept))
    return set(session.scalars(query))


def _delete(session: Session, model: Any, condition: SQLColumnExpression[bool]) -> int:
    """Delete the rows of model meeting condition; returns how many."""
    return int(session.exec(delete(model).where(condition)).rowcount or 0)


def _remove_ledger(session: Session, seed_batches: list[int], counts: dict[str, int]) -> set[int]:
    """Delete the seed's ledger rows; returns the rounds they used (for _remove_rounds)."""
    rounds = set(session.scalars(select(Problem.round_id).where(_seed_ledger_row(Problem))))
    rounds |= set(session.scalars(select(Lead.round_id).where(_seed_ledger_row(Lead))))
    rounds |= set(
        session.scalars(select(ImportBatch.round_id).where(ImportBatch.id.in_(seed_batches)))
    )
    action, lead = AccountabilityAction, Lead
    counts["accountability_action"] = _delete(session, action, _seed_ledger_row(action))
    seed_leads = select(lead.id).where(_seed_ledger_row(lead))
    counts["discipline_case"] = _delete(session, Case, Case.lead_id.in_(seed_leads))
    counts["lead"] = _delete(session, lead, _seed_ledger_row(lead))
    still_linked = (
        select(action.problem_id)
        .where(action.problem_id.is_not(None))
        .union(select(lead.problem_id).where(lead.problem_id.is_not(None)))
    )
    doomed = select(Problem.id).where(_seed_ledger_row(Problem), ~Problem.id.in_(still_linked))
    counts["status_event"] = _delete(session, StatusEvent, StatusEvent.problem_id.in_(doomed))
    counts["problem"] = _delete(session, Problem, Problem.id.in_(doomed))
    # Seed rows that stay (still linked) must not point at the seed batch about to go.
    for model in (Problem, StatusEvent, AccountabilityAction, Lead):
        session.execute(
            update(model)
            .where(model.import_batch_id.in_(seed_batches))
            .values(import_batch_id=None)
        )
    _delete(session, ImportChange, ImportChange.batch_id.in_(seed_batches))
    counts["import_batch"] = _delete(session, ImportBatch, ImportBatch.id.in_(seed_batches))
    return {round_id for round_id in rounds if round_id is not None}


def _remove_rounds(session: Session, rounds: set[int], counts: dict[str, int]) -> None:
    """Delete the seed's rounds, their groups and categories, unless a kept problem or lead
    uses them."""
    used = set(session.scalars(select(Problem.round_id).distinct()))
    used |= set(session.scalars(select(Lead.round_id).distinct()))
    used |= set(
        session.scalars(
            select(InspectionGroup.round_id).where(InspectionGroup.id.in_(select(Problem.group_id)))
        )
    )
    doomed = sorted(rounds - used)
    session.execute(
        update(ImportBatch).where(ImportBatch.round_id.in_(doomed)).values(round_id=None)
    )
    counts["inspection_group"] = _delete(
        session, InspectionGroup, InspectionGroup.round_id.in_(doomed)
    )
    counts["problem_category"] = _delete(
        session, ProblemCategory, ProblemCategory.round_id.in_(doomed)
    )
    counts["inspection_round"] = _delete(session, InspectionRound, InspectionRound.id.in_(doomed))


def _remove_regions(session: Session, counts: dict[str, int]) -> None:
    """Delete the seed's places that no kept row uses, children first."""
    villages = _seed_region_ids(session, Village) - set(session.scalars(select(Problem.village_id)))
    counts["village"] = _delete(session, Village, Village.id.in_(sorted(villages)))
    townships = _deletable_townships(session)
    ids = sorted(townships)
    counts["township_shape"] += _delete(session, TownshipShape, TownshipShape.township_id.in_(ids))
    counts["township_alias"] = _delete(session, TownshipAlias, TownshipAlias.township_id.in_(ids))
    session.execute(update(Township).where(Township.id.in_(ids)).values(merged_into_id=None))
    counts["township"] = _delete(session, Township, Township.id.in_(ids))
    counties = _seed_region_ids(session, County) - set(
        session.scalars(select(Township.county_id))
    ).union(session.scalars(select(InspectionRound.county_id)))
    counts["county"] = _delete(session, County, County.id.in_(sorted(counties)))
    cities = _seed_region_ids(session, City) - set(session.scalars(select(County.city_id)))
    counts["city"] = _delete(session, City, City.id.in_(sorted(cities)))


def _deletable_townships(session: Session) -> set[int]:
    """Seed townships no kept row uses; a kept township's merge target is kept too."""
    used: set[int] = set()
    for column in (
        Problem.township_id,
        AccountabilityAction.township_id,
        Lead.township_id,
        Village.township_id,
    ):
        used |= set(session.scalars(select(column).distinct()))
    doomed = _seed_region_ids(session, Township) - used
    links = dict(session.execute(select(Township.id, Township.merged_into_id)).all())
    while True:  # keeping a township keeps the chain it merged into
        kept_targets = {links[t] for t in links if t not in doomed and links[t] in doomed}
        if not kept_targets:
            return doomed
        doomed -= kept_targets


def remove_demo_data(*, session: Session, actor: str, keep_regions: bool = False) -> dict[str, int]:
    """Delete the demo rows in the caller's write transaction; rows deleted per table.

    keep_regions leaves every city, county, township and village in place (an office of
    the demo's own county keeps its places). DemoDataError when there is no demo data.
    """
    serialise_writers(session)
    seed = session.scalars(select(ImportBatch.id).where(ImportBatch.kind == SEED_KIND))
    seed_batches = [batch_id for batch_id in seed if batch_id is not None]
    if not seed_batches:
        raise DemoDataError(t("admin.demo.none"))
    counts: dict[str, int] = {}
    # A schematic layout is never an office's map, whatever else stays.
    counts["township_shape"] = _delete(session, TownshipShape, TownshipShape.schematic)
    rounds = _remove_ledger(session, seed_batches, counts)
    _remove_rounds(session, rounds, counts)
    if not keep_regions:
        _remove_regions(session, counts)
    detail = {"keep_regions": keep_regions, "deleted": counts}
    record_event(
        session=session,
        actor=actor,
        action="demo_remove",
        target="demo",
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
    )
    bump_data_version(session=session)
    return counts


def was_demo_removed(*, session: Session) -> bool:
    """True once an admin removed the demo data (the first start must not load it again)."""
    query = select(AuditEvent.id).where(AuditEvent.action == "demo_remove").limit(1)
    return session.execute(query).first() is not None
