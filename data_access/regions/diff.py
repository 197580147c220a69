"""What a parsed regions file would change: new, changed and unchanged places per level.

Places are matched by name within their parent (city; county in city; township in county;
village in township; alias of a township). An upload adds and updates, it never deletes,
and a blank cell never clears a stored value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session

from data_access.codes import LabelMap
from data_access.ingest.errors import RowError
from data_access.regions.plan import TownshipPlan, VillagePlan
from data_access.regions.snapshot import RegionSnapshot, TownshipKey
from data_access.version import read_data_version

if TYPE_CHECKING:  # parse imports what imports this module
    from data_access.regions.parse import ParsedRegions

LEVELS = ("city", "county", "township", "alias", "village")
LEVEL_LABELS = LabelMap("level", LEVELS, area="regions")  # level -> its name, UI language
COUNT_KEYS = ("new", "changed", "unchanged", "rejected")
TOWNSHIP_FIELDS = ("kind", "valid_from", "valid_to")


@dataclass(frozen=True)
class PlaceDiff:
    """One place of the file and what it would do to the stored one."""

    level: str
    key: tuple[str, ...]  # names from the city down, e.g. (市, 县, 乡镇)
    excel_row: int
    stored: dict[str, object] | None  # the stored row (before image); None for a new place
    values: dict[str, object]  # new: every value to store; changed: the new values only
    fields: dict[str, tuple[object, object]] = field(default_factory=dict)  # changed: old, new

    @property
    def stored_row(self) -> dict[str, object]:
        """The stored row of a changed or unchanged place."""
        if self.stored is None:
            raise ValueError(f"{self.key} is new: nothing is stored")
        return self.stored


@dataclass
class LevelDiff:
    """The places of one level, by outcome."""

    new: list[PlaceDiff] = field(default_factory=list)
    changed: list[PlaceDiff] = field(default_factory=list)
    unchanged: list[PlaceDiff] = field(default_factory=list)


@dataclass
class RegionsDiff:
    """The effect a parsed regions file would have on the stored regions."""

    file_name: str
    sha256: str
    levels: dict[str, LevelDiff]
    errors: list[RowError]
    data_version: int
    source: ParsedRegions | None = field(default=None, repr=False, compare=False)

    def is_current_for(self, parsed: object, *, session: Session) -> bool:
        """True when this diff is of parsed and nothing was committed since."""
        return self.source is parsed and self.data_version == read_data_version(session=session)

    @property
    def has_changes(self) -> bool:
        """True when applying would write at least one row."""
        return any(level.new or level.changed for level in self.levels.values())

    def counts_by_level(self) -> dict[str, dict[str, int]]:
        """new / changed / unchanged places of each level."""
        return {
            name: {"new": len(d.new), "changed": len(d.changed), "unchanged": len(d.unchanged)}
            for name, d in self.levels.items()
        }

    def counts(self) -> dict[str, int]:
        """Places by outcome over every level, and the file rows with errors."""
        per_level = self.counts_by_level().values()
        totals = {key: sum(c[key] for c in per_level) for key in COUNT_KEYS[:3]}
        return {**totals, "rejected": len({error.row for error in self.errors if error.row})}


def compute_regions_diff(parsed: ParsedRegions, *, session: Session) -> RegionsDiff:
    """Compare the places of parsed (a ParsedRegions) with the stored regions."""
    stored = RegionSnapshot.load(session)
    plan = parsed.plan
    levels = {name: LevelDiff() for name in LEVELS}
    for name, row in plan.cities.items():
        _sort(levels["city"], "city", (name,), row, stored.cities.get(name), {"name": name})
    for county, row in plan.counties.items():
        before = stored.counties.get(county)
        _sort(levels["county"], "county", county, row, before, {"name": county[1]})
    orders = _new_sort_orders(plan.townships, stored)
    for key, township in plan.townships.items():
        _township(levels["township"], township, stored, orders.get(key))
        for alias, row in township.aliases.items():
            before = stored.aliases.get((key, alias))
            _sort(levels["alias"], "alias", (*key, alias), row, before, {"alias": alias})
    for village in plan.villages.values():
        _village(levels["village"], village, stored)
    version = read_data_version(session=session)
    return RegionsDiff(
        parsed.file_name, parsed.sha256, levels, list(parsed.errors), version, parsed
    )


def _sort(
    level: LevelDiff, name: str, key: tuple, row: int, stored: dict | None, values: dict
) -> None:
    """A place with no fields to compare: new when not stored, else unchanged."""
    place = PlaceDiff(name, key, row, stored, values)
    (level.new if stored is None else level.unchanged).append(place)


def _new_sort_orders(
    townships: dict[TownshipKey, TownshipPlan], stored: RegionSnapshot
) -> dict[TownshipKey, int]:
    """sort_order of each new township: after its county's stored ones, in file order."""
    last: dict[tuple[str, str], int] = {}
    for key, row in stored.townships.items():
        order = row["sort_order"]
        last[key[:2]] = max(last.get(key[:2], 0), order if isinstance(order, int) else 0)
    orders: dict[TownshipKey, int] = {}
    for key in townships:
        if key not in stored.townships:
            last[key[:2]] = orders[key] = last.get(key[:2], 0) + 1
    return orders


def _township(
    level: LevelDiff, township: TownshipPlan, stored: RegionSnapshot, order: int | None
) -> None:
    """A township: new, or the written values that differ from the stored row."""
    before = stored.townships.get(township.key)
    wanted = {name: getattr(township, name) for name in TOWNSHIP_FIELDS}
    wanted["merged_into"] = township.merged_into
    if before is None:
        values = {"name": township.key[2], **wanted, "sort_order": order}
        level.new.append(PlaceDiff("township", township.key, township.row, None, values))
        return
    current = {name: before[name] for name in TOWNSHIP_FIELDS}
    target = stored.merge_target(before)
    current["merged_into"] = target[2] if target else None
    given = {k: v for k, v in wanted.items() if v is not None}
    if not township.kind_given:
        given.pop("kind")  # read from the name, not written: a blank says nothing
    fields = {k: (current[k], v) for k, v in given.items() if current[k] != v}
    place = PlaceDiff("township", township.key, township.row, before, given, fields)
    (level.changed if fields else level.unchanged).append(place)


def _village(level: LevelDiff, village: VillagePlan, stored: RegionSnapshot) -> None:
    """A village: new, or a poverty flag that differs from the stored one."""
    before = stored.villages.get(village.key)
    flag = village.is_poverty_village
    if before is None:
        values = {"name": village.key[3], "is_poverty_village": bool(flag)}
        level.new.append(PlaceDiff("village", village.key, village.row, None, values))
        return
    fields: dict[str, tuple[object, object]] = {}
    if flag is not None and flag != before["is_poverty_village"]:
        fields["is_poverty_village"] = (before["is_poverty_village"], flag)
    values = {"is_poverty_village": flag} if fields else {}
    place = PlaceDiff("village", village.key, village.row, before, values, fields)
    (level.changed if fields else level.unchanged).append(place)
