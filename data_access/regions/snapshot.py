"""The stored regions as plain dicts, keyed by names: what a regions upload checks and compares."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session

from data_access.ingest.records import id_of, text_of
from data_access.models import City, County, Township, TownshipAlias, Village

RegionModel = type[City] | type[County] | type[Township] | type[TownshipAlias] | type[Village]

CountyKey = tuple[str, str]  # (city, county)
TownshipKey = tuple[str, str, str]  # (city, county, township)
VillageKey = tuple[str, str, str, str]  # (city, county, township, village)


@dataclass
class RegionSnapshot:
    """Every stored city, county, township (with aliases) and village, as full rows."""

    cities: dict[str, dict[str, object]] = field(default_factory=dict)
    counties: dict[CountyKey, dict[str, object]] = field(default_factory=dict)
    townships: dict[TownshipKey, dict[str, object]] = field(default_factory=dict)
    aliases: dict[tuple[TownshipKey, str], dict[str, object]] = field(default_factory=dict)
    villages: dict[VillageKey, dict[str, object]] = field(default_factory=dict)
    township_keys: dict[int, TownshipKey] = field(default_factory=dict)  # id -> key

    @classmethod
    def load(cls, session: Session) -> RegionSnapshot:
        """Read the region tables (small: a province has a few thousand townships)."""
        snap = cls()
        cities = {id_of(row): row for row in _rows(session, City)}
        snap.cities = {text_of(row, "name"): row for row in cities.values()}
        counties = {id_of(row): row for row in _rows(session, County)}
        county_keys = {
            cid: (text_of(cities[id_of(r, "city_id")], "name"), text_of(r, "name"))
            for cid, r in counties.items()
        }
        snap.counties = {county_keys[cid]: row for cid, row in counties.items()}
        for row in _rows(session, Township):
            key = (*county_keys[id_of(row, "county_id")], text_of(row, "name"))
            snap.township_keys[id_of(row)] = key
            snap.townships[key] = row
        for row in _rows(session, TownshipAlias):
            township = snap.township_keys[id_of(row, "township_id")]
            snap.aliases[(township, text_of(row, "alias"))] = row
        for row in _rows(session, Village):
            township = snap.township_keys[id_of(row, "township_id")]
            snap.villages[(*township, text_of(row, "name"))] = row
        return snap

    def townships_of(self, county: CountyKey) -> dict[str, dict[str, object]]:
        """The stored townships of one county, by name."""
        return {key[2]: row for key, row in self.townships.items() if key[:2] == county}

    def merge_target(self, row: dict[str, object]) -> TownshipKey | None:
        """The township a stored township row merges into (None: none)."""
        target = row["merged_into_id"]
        return self.township_keys.get(target) if isinstance(target, int) else None

    def aliases_of(self, county: CountyKey) -> dict[str, str]:
        """Stored alias -> township name, within one county."""
        return {alias: key[2] for (key, alias) in self.aliases if key[:2] == county}


def _rows(session: Session, model: RegionModel) -> list[dict[str, object]]:
    """Every row of a region table as a dict of its columns, in id order."""
    table = model.__table__
    return [dict(row) for row in session.execute(select(table).order_by(table.c.id)).mappings()]
