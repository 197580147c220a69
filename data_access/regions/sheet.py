"""The stored regions as rows of the 行政区划 sheet (for the template and the export)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, RowMapping, SQLColumnExpression, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.codes import LabelMap
from data_access.ingest.columns import REGIONS
from data_access.ingest.sheet_rows import NO, YES
from data_access.models import City, County, Township, TownshipAlias, Village

ALIAS_SEPARATOR = "、"
# What to write in each column of the regions sheet (the template's 填写说明): field -> note
# in the current language (catalogue "regions.note.<field>"); the template is written in zh.
REGION_NOTES = LabelMap("note", tuple(spec.field for spec in REGIONS.columns), area="regions")


def fetch_region_rows(
    *, session: Session, scope: tuple[int, ...] | None = None
) -> list[list[object]]:
    """One row per village (or per township without villages), in the regions sheet's order."""
    target = aliased(Township, name="target")
    aliases = (
        select(TownshipAlias.township_id, _joined(TownshipAlias.alias).label("aliases"))
        .group_by(TownshipAlias.township_id)
        .subquery("alias_list")
    )
    query = (
        select(
            City.name.label("city"),
            County.name.label("county"),
            Township.name.label("township"),
            Township.kind.label("kind"),
            aliases.c.aliases,
            Village.name.label("village"),
            Village.is_poverty_village,
            Township.valid_from,
            Township.valid_to,
            target.name.label("merged_into"),
        )
        .join(County, County.id == Township.county_id)
        .join(City, City.id == County.city_id)
        .outerjoin(target, target.id == Township.merged_into_id)
        .outerjoin(aliases, aliases.c.township_id == Township.id)
        .outerjoin(Village, Village.township_id == Township.id)
        .order_by(City.id, County.id, Township.sort_order, Township.id, Village.id)
    )
    if scope is not None:
        query = query.where(Township.id.in_(scope))
    return [_cells(row) for row in session.execute(query).mappings()]


def _joined(column: SQLColumnExpression[str]) -> ColumnElement[str]:
    """The aliases of a township as one text (group_concat / string_agg)."""
    return func.aggregate_strings(column, ALIAS_SEPARATOR)


def _cells(row: RowMapping) -> list[object]:
    """A result row as cell values in REGIONS column order (是/否 only on village rows)."""
    values = dict(row)
    flag = values.pop("is_poverty_village")
    values["is_poverty_village"] = None if values["village"] is None else (YES if flag else NO)
    return [values.get(spec.field) for spec in REGIONS.columns]
