"""The stored regions as rows of the 行政区划 sheet (for the template and the export)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.ingest.columns import REGIONS
from data_access.ingest.sheet_rows import NO, YES
from data_access.models import City, County, Township, TownshipAlias, Village

ALIAS_SEPARATOR = "、"
# What to write in each column of the regions sheet (the template's 填写说明).
REGION_NOTES = {
    "city": "地级市名称，如 铜陵市",
    "county": "县（区）名称，如 枞阳县",
    "township": "乡镇（街道）名称；一个乡镇有多个村时，每个村一行，乡镇各列重复填写",
    "kind": "镇、乡或街道；留空则按名称末字判断",
    "aliases": "别名或旧名，多个用“、”分隔，如 欧山镇；台账中写别名也能识别",
    "village": "村（社区）名称；只登记乡镇时留空",
    "is_poverty_village": "是否贫困村：填“是”或“否”",
    "valid_from": "乡镇设立日期，可留空",
    "valid_to": "乡镇撤销或并入的日期；并入其他乡镇时必填",
    "merged_into": "并入的乡镇（同一县区）；原乡镇的历史问题仍按原名显示，可选择按现行区划汇总",
}


def fetch_region_rows(*, session: Session, scope: tuple[int, ...] | None = None) -> list[list[Any]]:
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


def _joined(column: Any) -> Any:
    """The aliases of a township as one text (group_concat / string_agg)."""
    return func.aggregate_strings(column, ALIAS_SEPARATOR)


def _cells(row: Any) -> list[Any]:
    """A result row as cell values in REGIONS column order (是/否 only on village rows)."""
    values = dict(row)
    flag = values.pop("is_poverty_village")
    values["is_poverty_village"] = None if values["village"] is None else (YES if flag else NO)
    return [values.get(spec.field) for spec in REGIONS.columns]
