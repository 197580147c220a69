"""The drill-down path city → county → township → village → problem, read from the Filter.

The level shown is the first one below the deepest region with a single member; a level
with one member (today: one city, one county) is passed through. Each breadcrumb carries
the Filter that opens its level, so the path lives in the URL like any other filter.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data_access.codes import LabelMap
from data_access.filters import Filter

REGION_LEVELS = ("city", "county", "township", "village")
CHILD_LEVEL = {"root": "city", "city": "county", "county": "township", "township": "village"}
CHILD_LEVEL["village"] = "problem"
LEVEL_LABELS = LabelMap(
    "drill_level", ("root", "city", "county", "township", "village", "problem"), area="queries"
)
# The Filter fields below each level, cleared when the breadcrumb jumps back to it.
NARROWER: dict[str, tuple[str, ...]] = {
    "root": ("cities", "counties", "townships", "villages"),
    "city": ("counties", "townships", "villages"),
    "county": ("townships", "villages"),
    "township": ("villages",),
    "village": (),
}


@dataclass(frozen=True)
class Crumb:
    """One step of the breadcrumb: its level, label and the Filter that opens it."""

    level: str
    label: str
    flt: Filter


@dataclass(frozen=True)
class DrillNode:
    """Where the Filter stands on the path: the crumbs so far and the level it compares."""

    crumbs: tuple[Crumb, ...]
    child_level: str  # city / county / township / village / problem

    @property
    def level(self) -> str:
        """The deepest level with a single member ("root" when there is none)."""
        return self.crumbs[-1].level if self.crumbs else "root"


def _regions_in_scope(flt: Filter, regions: pd.DataFrame) -> pd.DataFrame:
    """The township rows (with county and city) inside the Filter's region fields."""
    scope = regions
    for field, column in (("cities", "city_id"), ("counties", "county_id")):
        if getattr(flt, field):
            scope = scope[scope[column].isin(getattr(flt, field))]
    if flt.townships:
        scope = scope[scope["township_id"].isin(flt.townships)]
    return scope


def _single_member(scope: pd.DataFrame, level: str) -> tuple[int, str] | None:
    """The one (id, name) of level in scope, or None when there are none or several."""
    pairs = scope[[f"{level}_id", level]].drop_duplicates()
    if len(pairs) != 1:
        return None
    return int(pairs.iloc[0, 0]), str(pairs.iloc[0, 1])


def drill_node(flt: Filter, regions: pd.DataFrame, villages: pd.DataFrame) -> DrillNode:
    """The breadcrumb and the level to compare for flt (regions: FilterOptions.regions)."""
    crumbs: list[Crumb] = []
    if regions["city_id"].nunique() > 1:  # one city in the whole store: no "all" step
        crumbs.append(Crumb("root", LEVEL_LABELS["root"], _jump(flt, "root")))
    scope = _regions_in_scope(flt, regions)
    level = "root"
    for candidate in ("city", "county", "township"):
        member = _single_member(scope, candidate)
        if member is None:
            break
        level = candidate
        crumbs.append(Crumb(candidate, member[1], _jump_to_member(flt, candidate, member, regions)))
    if level == "township" and len(flt.villages) == 1:
        names = dict(zip(villages["village_id"], villages["village"], strict=True))
        if flt.villages[0] in names:
            level = "village"
            crumbs.append(Crumb("village", str(names[flt.villages[0]]), flt))
    return DrillNode(crumbs=tuple(crumbs), child_level=CHILD_LEVEL[level])


def _jump_to_member(
    flt: Filter, level: str, member: tuple[int, str], regions: pd.DataFrame
) -> Filter:
    """flt opened at level on member; the member's id is named only when it is not implied."""
    jump = _jump(flt, level)
    if _single_member(_regions_in_scope(jump, regions), level) != member:
        jump = jump.with_(**{_field(level): (member[0],)})
    return jump


def _field(level: str) -> str:
    """The Filter field holding ids of level."""
    return {"city": "cities", "county": "counties", "township": "townships"}[level]


def _jump(flt: Filter, level: str) -> Filter:
    """flt opened at level: every narrower region field cleared."""
    return flt.with_(**dict.fromkeys(NARROWER[level], ()))


def drill_into(flt: Filter, child_level: str, member_id: int) -> Filter:
    """The Filter one level down: member_id chosen at child_level."""
    field = "villages" if child_level == "village" else _field(child_level)
    return flt.with_(**dict.fromkeys(NARROWER[child_level], ()), **{field: (member_id,)})
