"""Read functions behind 轮次对比: completion by township × round, and each round's totals.

The rounds compared are the ones the Filter chooses, else the two newest rounds with
problems in the Filter. Townships follow scoped_problems, so with rollup=True a township
merged between the rounds (铁铜乡 → 枞阳镇) counts under its successor in both rounds.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.codes import COMPLETED_STATUS
from data_access.filters import Filter
from data_access.models import InspectionRound, Township
from data_access.queries.facts import round_facts, weighted
from data_access.queries.overview import to_frame

__all__ = [
    "COMPARISON_COLUMNS",
    "TOTAL_COLUMNS",
    "compared_rounds",
    "fetch_round_comparison",
    "fetch_round_totals",
]

LATEST_ROUNDS = 2  # this round and the previous one
COMPARISON_COLUMNS = [
    "township_id", "township", "sort_order", "round_id", "round", "round_order",
    "problems_total", "problems_rectified", "completion_rate",
]  # fmt: skip
TOTAL_COLUMNS = [
    "round_id", "round", "round_order", "problems_total", "problems_rectified", "completion_rate",
]  # fmt: skip
_NEWEST_FIRST = (InspectionRound.started_on.desc().nulls_last(), InspectionRound.id.desc())


def compared_rounds(*, session: Session, flt: Filter) -> tuple[int, ...]:
    """The rounds to compare, oldest first: flt.rounds, else the newest two with problems."""
    if flt.rounds:
        chosen = select(InspectionRound.id).where(InspectionRound.id.in_(flt.rounds))
        return _oldest_first(session.scalars(chosen.order_by(*_NEWEST_FIRST)).all())
    with_problems = select(round_facts(flt).c.round_id)
    newest = (
        select(InspectionRound.id)
        .where(InspectionRound.id.in_(with_problems))
        .order_by(*_NEWEST_FIRST)
        .limit(LATEST_ROUNDS)
    )
    return _oldest_first(session.scalars(newest).all())


def _oldest_first(newest_first: Sequence[int | None]) -> tuple[int, ...]:
    """Round ids (stored rows: never None) in the other order."""
    return tuple(round_id for round_id in reversed(newest_first) if round_id is not None)


def _with_rates(frame: pd.DataFrame, rounds: tuple[int, ...]) -> pd.DataFrame:
    """round_order (0 = oldest compared round) and completion_rate columns."""
    frame["round_order"] = frame["round_id"].map({rid: n for n, rid in enumerate(rounds)})
    total = frame["problems_total"].where(frame["problems_total"] > 0)
    frame["completion_rate"] = (frame["problems_rectified"] / total).fillna(0.0)
    return frame


def fetch_round_comparison(*, session: Session, flt: Filter) -> pd.DataFrame:
    """COMPARISON_COLUMNS: one row per township × compared round with problems there."""
    rounds = compared_rounds(session=session, flt=flt)
    scope = round_facts(flt.with_(rounds=rounds))
    keys = (scope.c.township_id, Township.name, Township.sort_order, scope.c.round_id)
    query = (
        select(
            *keys,
            InspectionRound.name,
            weighted(scope.c.problems),
            weighted(scope.c.problems, scope.c.status == COMPLETED_STATUS),
        )
        .join(Township, Township.id == scope.c.township_id)
        .join(InspectionRound, InspectionRound.id == scope.c.round_id)
        .group_by(*keys, InspectionRound.name)
        .order_by(Township.sort_order, scope.c.township_id, scope.c.round_id)
    )
    columns = [*COMPARISON_COLUMNS[:5], "problems_total", "problems_rectified"]
    counts = {"problems_total": "int64", "problems_rectified": "int64"}
    frame = to_frame(session.execute(query).all() if rounds else [], columns, counts)
    frame = _with_rates(frame, rounds)
    return frame.sort_values(["sort_order", "township_id", "round_order"], kind="stable")[
        COMPARISON_COLUMNS
    ].reset_index(drop=True)


def fetch_round_totals(*, session: Session, flt: Filter) -> pd.DataFrame:
    """TOTAL_COLUMNS: the compared rounds' problems and completion rate, oldest first."""
    rounds = compared_rounds(session=session, flt=flt)
    scope = round_facts(flt.with_(rounds=rounds))
    query = (
        select(
            scope.c.round_id,
            InspectionRound.name,
            weighted(scope.c.problems),
            weighted(scope.c.problems, scope.c.status == COMPLETED_STATUS),
        )
        .join(InspectionRound, InspectionRound.id == scope.c.round_id)
        .group_by(scope.c.round_id, InspectionRound.name)
    )
    columns = ["round_id", "round", "problems_total", "problems_rectified"]
    counts = {"problems_total": "int64", "problems_rectified": "int64"}
    frame = _with_rates(
        to_frame(session.execute(query).all() if rounds else [], columns, counts), rounds
    )
    return frame.sort_values("round_order", kind="stable")[TOTAL_COLUMNS].reset_index(drop=True)
