"""Checked rows -> the regions a file describes (one entry per place), with cross-row checks.

Rules: a township's columns may repeat on each of its villages' rows; a blank cell says
nothing (it never clears a stored value); written values must agree between rows. 并入
names a township of the same county (in the file or stored, by name or alias).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from data_access.codes import LabelMap
from data_access.ingest.resolve import closest
from data_access.regions.rows import RegionRow, RowReporter
from data_access.regions.snapshot import CountyKey, RegionSnapshot, TownshipKey, VillageKey
from i18n import t

MERGE_FIELDS = ("valid_from", "valid_to", "merged_into")
# A township column's name in messages: its header (catalogue "regions.sheet.column.<field>").
FIELD_LABELS = LabelMap("sheet.column", ("kind", *MERGE_FIELDS), area="regions")


@dataclass
class TownshipPlan:
    """A township as the file describes it (values None where no row wrote one)."""

    key: TownshipKey
    row: int  # first Excel row naming it
    kind: str
    kind_given: bool
    valid_from: date | None = None
    valid_to: date | None = None
    merged_into: str | None = None  # the target's name in the same county, once resolved
    aliases: dict[str, int] = field(default_factory=dict)  # alias -> Excel row
    rows: dict[str, int] = field(default_factory=dict)  # field -> row that wrote it


@dataclass(frozen=True)
class VillagePlan:
    """A village as the file describes it."""

    key: VillageKey
    row: int
    is_poverty_village: bool | None


@dataclass
class RegionPlan:
    """Every place of a regions file, in file order, first Excel row of each."""

    cities: dict[str, int] = field(default_factory=dict)
    counties: dict[CountyKey, int] = field(default_factory=dict)
    townships: dict[TownshipKey, TownshipPlan] = field(default_factory=dict)
    villages: dict[VillageKey, VillagePlan] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def build_plan(rows: list[RegionRow], report: RowReporter, stored: RegionSnapshot) -> RegionPlan:
    """The places of rows, each conflict or unknown name reported on its row."""
    plan = RegionPlan()
    for row in rows:
        plan.cities.setdefault(row.city, row.row)
        plan.counties.setdefault(row.county_key, row.row)
        _add_township(plan, row, report)
        _add_village(plan, row, report)
    for township in plan.townships.values():
        _resolve_merge(plan, township, stored, report)
    _check_cycles(plan, stored, report)
    _check_aliases(plan, stored, report)
    return plan


def _add_township(plan: RegionPlan, row: RegionRow, report: RowReporter) -> None:
    """Record the row's township, or check the row against the township's earlier rows."""
    known = plan.townships.get(row.township_key)
    if known is None:
        known = plan.townships[row.township_key] = TownshipPlan(
            row.township_key, row.row, row.kind, row.kind_given
        )
    elif row.kind_given and known.kind_given and row.kind != known.kind:
        _conflict(report, row.row, "kind", known.kind, known.rows["kind"])
    elif row.kind_given and not known.kind_given:
        known.kind, known.kind_given = row.kind, True
    if row.kind_given:
        known.rows.setdefault("kind", row.row)
    for name in MERGE_FIELDS:
        _merge_value(known, row, name, report)
    for alias in row.aliases:
        known.aliases.setdefault(alias, row.row)


def _merge_value(known: TownshipPlan, row: RegionRow, name: str, report: RowReporter) -> None:
    """Take a township value the row writes, or report that it differs from an earlier row."""
    value, earlier = getattr(row, name), getattr(known, name)
    if value is None:
        return
    if earlier is None:
        setattr(known, name, value)
        known.rows[name] = row.row
    elif earlier != value:
        _conflict(report, row.row, name, earlier, known.rows[name])


def _conflict(report: RowReporter, row: int, name: str, earlier: object, earlier_row: int) -> None:
    """A township column that disagrees with what an earlier row wrote."""
    shown = earlier.isoformat() if isinstance(earlier, date) else earlier
    reason = t("regions.reason.conflict", row=earlier_row, column=FIELD_LABELS[name], value=shown)
    report.add(row, name, reason)


def _add_village(plan: RegionPlan, row: RegionRow, report: RowReporter) -> None:
    """Record the row's village; a village named twice in one township is an error."""
    key = row.village_key
    if key is None:
        return
    if key in plan.villages:
        first = plan.villages[key].row
        reason = t("regions.reason.duplicate_village", village=row.village, row=first)
        report.add(row.row, "village", reason)
        return
    plan.villages[key] = VillagePlan(key, row.row, row.is_poverty_village)


def _county_names(plan: RegionPlan, stored: RegionSnapshot, county: CountyKey) -> dict[str, str]:
    """Every name a township of county goes by (own names and aliases) -> its own name."""
    names = dict(stored.aliases_of(county))
    names.update({name: name for name in stored.townships_of(county)})
    for key, township in plan.townships.items():
        if key[:2] == county:
            names.update(dict.fromkeys(township.aliases, key[2]))
            names[key[2]] = key[2]
    return names


def _resolve_merge(
    plan: RegionPlan, township: TownshipPlan, stored: RegionSnapshot, report: RowReporter
) -> None:
    """Put the target's own name into merged_into, or report an unknown or self target."""
    target = township.merged_into
    if target is None:
        return
    county = township.key[:2]
    names = _county_names(plan, stored, county)
    row = township.rows["merged_into"]
    if target not in names:
        report.add(row, "merged_into", _unknown_target(target, list(names), county[1]))
    elif names[target] == township.key[2]:
        report.add(row, "merged_into", t("regions.reason.self_merge_alias"))
    else:
        township.merged_into = names[target]


def _unknown_target(target: str, names: list[str], county: str) -> str:
    """Why a merge target is not known, with the close names of the county when there are any."""
    close = closest(target, names)
    if not close:
        return t("regions.reason.merge_unknown", target=target, county=county)
    choices = t("ingest.list_separator").join(close)
    return t("regions.reason.merge_suggest", target=target, county=county, choices=choices)


def _final_targets(plan: RegionPlan, stored: RegionSnapshot) -> dict[TownshipKey, TownshipKey]:
    """Township -> the township it merges into, stored links overridden by the file's."""
    targets: dict[TownshipKey, TownshipKey] = {}
    for key, row in stored.townships.items():
        target = stored.merge_target(row)
        if target is not None:
            targets[key] = target
    for key, township in plan.townships.items():
        if township.merged_into is not None:
            targets[key] = (*key[:2], township.merged_into)
    return targets


def _check_cycles(plan: RegionPlan, stored: RegionSnapshot, report: RowReporter) -> None:
    """A merge chain that comes back to where it started is an error on the file's row."""
    targets = _final_targets(plan, stored)
    for key, township in plan.townships.items():
        if township.merged_into is None:
            continue
        path, current = [key[2]], targets.get(key)
        while current is not None and current != key and len(path) <= len(targets):
            path.append(current[2])
            current = targets.get(current)
        if current == key:
            chain = " → ".join([*path, key[2]])
            reason = t("regions.reason.merge_cycle", chain=chain)
            report.add(township.rows["merged_into"], "merged_into", reason)


def _check_aliases(plan: RegionPlan, stored: RegionSnapshot, report: RowReporter) -> None:
    """An alias must not be another township's name or alias in the same county."""
    owners: dict[tuple[CountyKey, str], TownshipKey] = {}
    for key, township in plan.townships.items():
        county = key[:2]
        stored_aliases = stored.aliases_of(county)
        township_names = {k[2] for k in plan.townships if k[:2] == county}
        township_names |= set(stored.townships_of(county))
        for alias, row in township.aliases.items():
            other = owners.setdefault((county, alias), key)
            if alias in township_names:
                reason = t("regions.reason.alias_is_township", alias=alias)
            elif other != key:
                reason = t("regions.reason.alias_twice", alias=alias, other=other[2])
            elif stored_aliases.get(alias, key[2]) != key[2]:
                reason = t("regions.reason.alias_taken", alias=alias, owner=stored_aliases[alias])
            else:
                continue
            report.add(row, "aliases", reason, alias)
    _note_shadowed_aliases(plan, stored)


def _note_shadowed_aliases(plan: RegionPlan, stored: RegionSnapshot) -> None:
    """A new township named like a stored alias takes that name over in ledgers: say so."""
    for key in plan.townships:
        if key in stored.townships:
            continue
        owner = stored.aliases_of(key[:2]).get(key[2])
        if owner is not None:
            plan.notices.append(t("regions.notice.shadowed_alias", name=key[2], owner=owner))
