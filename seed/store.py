"""Database side of the seed: bulk inserts, the emptiness check and the domain-wide reset."""

from __future__ import annotations

from sqlalchemy import delete, exists, insert, select, update
from sqlmodel import Session, SQLModel

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
    StatusEvent,
    Township,
    TownshipAlias,
    Village,
)

# Every table of domain data, children before parents (the order a reset deletes in).
# Accounts (app_user), the append-only audit trail and the data version row are kept.
DOMAIN_TABLES: tuple[type[SQLModel], ...] = (
    Case,
    Lead,
    AccountabilityAction,
    StatusEvent,
    ImportChange,
    Problem,
    ImportBatch,
    InspectionGroup,
    InspectionRound,
    Village,
    TownshipAlias,
    Township,
    County,
    City,
)

# Any row in these means the store holds real (or demo) data the seed must not mix with.
_OCCUPIED_BY = (Problem, Township, InspectionRound)


class SeedRefusedError(RuntimeError):
    """The store already holds data; the seed only writes into an empty one."""


def insert_rows(session: Session, model: type[SQLModel], rows: list[dict]) -> list[int]:
    """Bulk-insert rows (one executemany) and return their new ids in the order given."""
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
        deleted[model.__tablename__] = session.execute(delete(model)).rowcount
    return deleted
