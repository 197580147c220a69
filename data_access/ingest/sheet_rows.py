"""Stored ledger rows in workbook form (names and Chinese labels), for the export writer."""

from __future__ import annotations

from collections.abc import Iterable

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
    ProblemCategory,
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
    """Problems with their group, township, village, round and category names, in ledger
    order."""
    return (
        select(
            *Problem.__table__.c,
            InspectionGroup.name.label("group"),
            Township.name.label("township"),
            Village.name.label("village"),
            InspectionRound.name.label("round"),
            ProblemCategory.name.label("category_name"),
        )
        .join(Township, Township.id == Problem.township_id)
        .join(InspectionRound, InspectionRound.id == Problem.round_id)
        .outerjoin(
            ProblemCategory,
            (ProblemCategory.round_id == Problem.round_id)
            & (ProblemCategory.parent_code == "")
            & (ProblemCategory.code == Problem.focus_area),
        )
        .outerjoin(InspectionGroup, InspectionGroup.id == Problem.group_id)
        .outerjoin(Village, Village.id == Problem.village_id)
        .where(*problem_conditions(flt))
        .order_by(Problem.id)
    )


def _linked_query(model: type[AccountabilityAction] | type[Lead], conditions: list) -> Select:
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
) -> list[list[object]]:
    """The stored rows of one sheet as workbook cell values, in the sheet's column order."""
    rows: list[list[object]] = []
    query = _query_for(sheet.key, flt or Filter())
    for number, mapping in enumerate(session.execute(query).mappings(), start=1):
        values = {**mapping, SEQ_FIELD: number}
        if values.get("category_name"):  # the category as its round names it
            values["focus_area"] = values["category_name"]
        rows.append([cell_value(spec, values.get(spec.field)) for spec in sheet.columns])
    return rows


def cell_value(spec: ColumnSpec, value: object) -> object:
    """A stored value as the workbook shows it: labels for codes, 是/否 for flags."""
    if value is None:
        return None
    if spec.kind == "code" and spec.codes is not None:
        return spec.codes.get(value, value)
    if spec.kind == "bool":
        return YES if value else NO
    return value


def fetch_township_names(*, session: Session, scope: tuple[int, ...] | None = None) -> list[str]:
    """Township names in the county's usual order (historical ones included); within scope,
    its townships only: a township merged into one of them stays outside, as it does for
    every read and for the upload's scope check (its rows would be refused)."""
    query = select(Township.name).order_by(Township.sort_order, Township.id)
    if scope is not None:
        query = query.where(Township.id.in_(scope))
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


def newest_round_with_categories(*, session: Session) -> int | None:
    """The newest round (by start, then id) that has categories, or None."""
    query = (
        select(InspectionRound.id)
        .where(InspectionRound.id.in_(select(ProblemCategory.round_id)))
        .order_by(InspectionRound.started_on.desc().nulls_last(), InspectionRound.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def _unique(names: Iterable[str]) -> list[str]:
    """names without repeats, first occurrence kept."""
    return list(dict.fromkeys(names))
