"""Database side of the seed: bulk inserts, the emptiness check and the domain-wide reset."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Table, delete, exists, func, insert, select, update
from sqlmodel import Session

from data_access.models import (
    AccountabilityAction,
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

# Every table of domain data, children before parents (the order a reset deletes in).
# Accounts (app_user), the append-only audit trail and the data version row are kept.
DomainModel = (
    type[Case]
    | type[Lead]
    | type[AccountabilityAction]
    | type[StatusEvent]
    | type[ImportChange]
    | type[Problem]
    | type[ImportBatch]
    | type[InspectionGroup]
    | type[ProblemCategory]
    | type[InspectionRound]
    | type[Village]
    | type[TownshipAlias]
    | type[Township]
    | type[County]
    | type[City]
    | type[TownshipShape]
)
DOMAIN_TABLES: tuple[DomainModel, ...] = (
    Case,
    Lead,
    AccountabilityAction,
    StatusEvent,
    ImportChange,
    Problem,
    ImportBatch,
    InspectionGroup,
    ProblemCategory,
    InspectionRound,
    Village,
    TownshipAlias,
    TownshipShape,
    Township,
    County,
    City,
)

# Any row in these means the store holds real (or demo) data the seed must not mix with.
_OCCUPIED_BY = (Problem, Township, InspectionRound)


class SeedRefusedError(RuntimeError):
    """The store already holds data; the seed only writes into an empty one."""


def insert_returning_ids(session: Session, model: DomainModel, rows: list[dict]) -> list[int]:
    """INSERT rows (one executemany, RETURNING) and return their new ids in the order given."""
    if not rows:
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))


def store_is_empty(session: Session) -> bool:
    """True when no problem, township or inspection round is stored."""
    return not any(session.scalar(select(exists().select_from(m))) for m in _OCCUPIED_BY)


def refuse_unless_empty(session: Session) -> None:
    """Raise SeedRefusedError (bilingual) when the store already holds domain data."""
    if not store_is_empty(session):
        raise SeedRefusedError(
            "数据库中已有数据，未写入演示数据（如需清空重建请加 --reset）/ "
            "the database already holds data; demo data not loaded (use --reset to replace it)"
        )


def delete_domain_rows(session: Session) -> dict[str, int]:
    """Delete every domain row inside the caller's transaction; returns rows deleted per table."""
    # A township's merged_into points at another township: cut those links first.
    session.execute(update(Township).values(merged_into_id=None))
    deleted: dict[str, int] = {}
    for model in DOMAIN_TABLES:
        deleted[model.__table__.name] = session.exec(delete(model)).rowcount
    return deleted


def reset_sequences(session: Session, tables: Iterable[Table]) -> None:
    """PostgreSQL: move each id sequence past the explicitly written ids."""
    if session.connection().dialect.name != "postgresql":
        return
    for table in tables:
        next_id = select(func.coalesce(func.max(table.c.id), 0) + 1).scalar_subquery()
        sequence = func.pg_get_serial_sequence(table.name, "id")
        session.execute(select(func.setval(sequence, next_id, False)))
