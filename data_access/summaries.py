"""Keep the summary tables (data_access.summary_models) equal to the ledger they summarise.

`refresh_for_change(session, batch_id)` runs inside every committed change, from
data_access.version.bump_data_version (the one commit point every import, undo and seed
passes), so a reader never sees ledger rows and summaries of different moments. A ledger
import or its undo refreshes only the townships (and their cities) its rows were in,
before or after; anything else (seed, regions import, a change without a batch) rebuilds
every summary. Rebuilding = delete the region's rows, INSERT … SELECT them again.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, SQLColumnExpression, delete, func, insert, select
from sqlmodel import Session

from data_access.db import without_jit
from data_access.ingest.records import image_field
from data_access.models import AccountabilityAction, County, ImportBatch, ImportChange, Township
from data_access.summary_models import SUMMARY_MODELS, SummaryModel
from data_access.summary_rollups import (
    Where,
    period_total_rows,
    problem_city_rows,
    problem_status_rows,
)
from data_access.summary_rows import (
    action_month_rows,
    action_rows,
    dual_check_rows,
    lead_rows,
    period_rows,
    problem_rows,
    round_rows,
    sub_category_rows,
)

LEDGER_KIND = "ledger"
LEDGER_TABLES = ("problem", "accountability_action", "lead")
FULL_REFRESH_SHARE = 0.25  # touching more townships than this share: rebuild everything


# (table, region column of the table, rows builder): township-keyed ones first.
# Rows builder and region column of each summary, in SUMMARY_MODELS order.
BUILDERS = (
    (problem_rows, "township_id"),
    (round_rows, "township_id"),
    (period_rows, "city_id"),
    (sub_category_rows, "city_id"),
    (action_rows, "township_id"),
    (action_month_rows, "city_id"),
    (dual_check_rows, "township_id"),
    (lead_rows, "township_id"),
    (problem_city_rows, "city_id"),
    (problem_status_rows, "township_id"),
    (period_total_rows, None),
)
SUMMARIES = tuple(
    (model, key, rows) for model, (rows, key) in zip(SUMMARY_MODELS, BUILDERS, strict=True)
)


def _columns(model: SummaryModel) -> list[str]:
    """The summary's columns in table order, without the surrogate id."""
    return [column.name for column in model.__table__.columns if column.name != "id"]


def _within(ids: list[int] | None) -> Where:
    """A Where keeping the rows whose region column is in ids (all rows for None)."""

    def where(column: SQLColumnExpression[int | None]) -> list[ColumnElement[bool]]:
        """The condition on one region column."""
        return [] if ids is None else [column.in_(ids)]

    return where


def refresh_summaries(session: Session, township_ids: Iterable[int] | None = None) -> None:
    """Rebuild the summary rows of township_ids (and of their cities); None: of everything."""
    without_jit(session)
    regions: dict[str, list[int] | None] = {"township_id": None, "city_id": None}
    if township_ids is not None:
        townships = sorted(_with_spanning_problems(session, set(township_ids)))
        cities = select(County.city_id).join(Township, Township.county_id == County.id)
        cities = cities.where(Township.id.in_(townships)).distinct()
        regions = {"township_id": townships, "city_id": list(session.scalars(cities))}
    for model, key, rows in SUMMARIES:
        ids = regions[key] if key else None
        table = model.__table__
        removal = delete(table)
        if ids is not None:
            removal = removal.where(table.c[key].in_(ids))
        session.execute(removal)
        source = rows(_within(ids)).subquery("summary_rows")
        # In a fixed order, so both backends number the rows alike (NULLs first on both).
        ordered = select(*source.c).order_by(*(column.nulls_first() for column in source.c))
        session.execute(insert(table).from_select(_columns(model), ordered))


def _with_spanning_problems(session: Session, townships: set[int]) -> set[int]:
    """townships plus those where the same problems have records (一案双查 spans them)."""
    action = AccountabilityAction
    problems = select(action.problem_id).where(
        action.township_id.in_(townships), action.problem_id.is_not(None)
    )
    others = select(action.township_id).where(action.problem_id.in_(problems)).distinct()
    return townships | set(session.scalars(others))


def touched_townships(session: Session, batch_id: int) -> set[int] | None:
    """Townships a ledger batch's rows were in before or after; None when not a ledger batch."""
    kind = session.scalar(select(ImportBatch.kind).where(ImportBatch.id == batch_id))
    if kind != LEDGER_KIND:
        return None
    townships: set[int] = set()
    for image in (ImportChange.before_json, ImportChange.after_json):
        township = image_field(session, image, "township_id")
        query = (
            select(township)
            .distinct()
            .where(
                ImportChange.batch_id == batch_id,
                ImportChange.table_name.in_(LEDGER_TABLES),
                township.is_not(None),
            )
        )
        townships.update(int(value) for value in session.scalars(query))
    return townships


def refresh_for_change(
    session: Session, batch_id: int | None, touched: Iterable[int] | None = None
) -> None:
    """Bring the summaries up to date with the change being committed in session.

    touched: the townships the batch's rows were in, when the caller knows them (an import
    does, from its diff); otherwise a ledger batch's are read from its row images.
    """
    if touched is not None:
        townships: set[int] | None = set(touched)
    else:
        townships = touched_townships(session, batch_id) if batch_id is not None else None
    if townships is not None:
        total = session.scalar(select(func.count()).select_from(Township)) or 1
        if len(townships) > FULL_REFRESH_SHARE * total:
            townships = None
    refresh_summaries(session, townships)
