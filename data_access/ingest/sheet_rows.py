"""Stored ledger rows in workbook form (names and Chinese labels), for the export writer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.filters import Filter
from data_access.ingest.columns import ColumnSpec, SheetSpec
from data_access.ingest.synonyms import NO, YES
from data_access.models import (
    AccountabilityAction,
    InspectionGroup,
    InspectionRound,
    Lead,
    Problem,
    Township,
    Village,
)
from data_access.queries.conditions import (
    accountability_conditions,
    lead_conditions,
    problem_conditions,
)

SEQ_FIELD = "seq"


def _problems_query(flt: Filter) -> Select:
    """Problems with their group, township, village and round names, in ledger order."""
    return (
        select(
            *Problem.__table__.c,  # type: ignore[attr-defined]
            InspectionGroup.name.label("group"),
            Township.name.label("township"),
            Village.name.label("village"),
            InspectionRound.name.label("round"),
        )
        .join(Township, Township.id == Problem.township_id)
        .join(InspectionRound, InspectionRound.id == Problem.round_id)
        .outerjoin(InspectionGroup, InspectionGroup.id == Problem.group_id)
        .outerjoin(Village, Village.id == Problem.village_id)
        .where(*problem_conditions(flt))
        .order_by(Problem.id)
    )


def _linked_query(model: Any, conditions: list) -> Select:
    """Accountability or lead rows with their township name and linked problem code."""
    linked = aliased(Problem)
    return (
        select(
            *model.__table__.c,
            Township.name.label("township"),
            linked.code.label("problem_code"),
        )
        .join(Township, Township.id == model.township_id)
        .outerjoin(linked, linked.id == model.problem_id)
        .where(*conditions)
        .order_by(model.id)
    )


def _query_for(sheet_key: str, flt: Filter) -> Select:
    """The query behind one sheet of the export."""
    if sheet_key == "problems":
        return _problems_query(flt)
    if sheet_key == "accountability":
        return _linked_query(AccountabilityAction, accountability_conditions(flt))
    return _linked_query(Lead, lead_conditions(flt))


def fetch_sheet_rows(
    sheet: SheetSpec, *, session: Session, flt: Filter | None = None
) -> list[list[Any]]:
    """The stored rows of one sheet as workbook cell values, in the sheet's column order."""
    rows: list[list[Any]] = []
    query = _query_for(sheet.key, flt or Filter())
    for number, mapping in enumerate(session.execute(query).mappings(), start=1):
        values = {**mapping, SEQ_FIELD: number}
        rows.append([cell_value(spec, values.get(spec.field)) for spec in sheet.columns])
    return rows


def cell_value(spec: ColumnSpec, value: Any) -> Any:
    """A stored value as the workbook shows it: labels for codes, 是/否 for flags."""
    if value is None:
        return None
    if spec.kind == "code" and spec.codes is not None:
        return spec.codes.get(value, value)
    if spec.kind == "bool":
        return YES if value else NO
    return value


def fetch_township_names(*, session: Session) -> list[str]:
    """Every township name, in the county's usual order (historical ones included)."""
    query = select(Township.name).order_by(Township.sort_order, Township.id)
    return _unique(session.scalars(query))


def fetch_group_names(*, session: Session) -> list[str]:
    """Every inspection group name (第一巡察组…), by ordinal."""
    query = select(InspectionGroup.name).order_by(InspectionGroup.ordinal, InspectionGroup.id)
    return _unique(session.scalars(query))


def fetch_round_names(*, session: Session) -> list[str]:
    """Every inspection round name, newest first."""
    query = select(InspectionRound.name).order_by(
        InspectionRound.started_on.desc(), InspectionRound.id.desc()
    )
    return _unique(session.scalars(query))


def _unique(names: Iterable[str]) -> list[str]:
    """names without repeats, first occurrence kept."""
    return list(dict.fromkeys(names))
