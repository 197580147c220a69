"""Townships over time: the one place that maps a merged township onto its current one.

Townships are merged and renamed between rounds (铁铜乡 → 枞阳镇, 2021). The stored rows keep
their old township, so past rounds show the old names; a Filter with rollup=True groups and
selects them under the township they belong to today.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, Subquery, func, literal, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.filters import Filter
from data_access.models import Township
from data_access.queries.aggregates import SqlValue

MAX_MERGE_DEPTH = 16  # a merged_into chain longer than this is cut (the import refuses cycles)


@cache
def township_successors() -> Subquery:
    """(township_id, current_id): every township and the one it lives on in today.

    The one place that follows merged_into chains (铁铜乡 → 枞阳镇, a rename → its new
    name, however many steps): a recursive CTE, so it runs the same on SQLite and
    PostgreSQL. A township that was never merged maps to itself. Built once per process,
    because one statement may not hold two different CTEs of the same name.
    """
    chain = select(
        Township.id.label("township_id"),
        Township.id.label("current_id"),
        literal(0).label("depth"),
    ).cte("township_chain", recursive=True)
    step = aliased(Township, name="merged_step")
    chain = chain.union_all(
        select(chain.c.township_id, step.merged_into_id, chain.c.depth + 1)
        .join(step, step.id == chain.c.current_id)
        .where(step.merged_into_id.is_not(None), chain.c.depth < MAX_MERGE_DEPTH)
    )
    last = aliased(Township, name="chain_end")
    return (
        select(chain.c.township_id, chain.c.current_id)
        .join(last, last.id == chain.c.current_id)
        .where(last.merged_into_id.is_(None))
        .subquery("township_successor")
    )


def rolled_up_ids(township_ids: tuple[int, ...]) -> Select:
    """Ids of the townships that are, or were merged into, one of township_ids."""
    successors = township_successors()
    return select(successors.c.township_id).where(successors.c.current_id.in_(township_ids))


def rolled_up_township(
    query: Select, township_id: SqlValue[int], flt: Filter
) -> tuple[Select, SqlValue[int]]:
    """query joined so rows count under their current township when flt.rollup, and that column.

    For by-township queries over accountability or leads (problems use scoped_problems).
    """
    if not flt.rollup:
        return query, township_id
    successors = township_successors()
    joined = query.outerjoin(successors, successors.c.township_id == township_id)
    return joined, func.coalesce(successors.c.current_id, township_id)


def has_merged_townships(*, session: Session) -> bool:
    """True when some township was merged into another (the rollup choice matters then)."""
    query = select(Township.id).where(Township.merged_into_id.is_not(None)).limit(1)
    return session.execute(query).first() is not None
