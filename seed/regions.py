"""The demo's places: 铜陵市 → 枞阳县 → its 22 townships of 2017, their aliases and villages.

Choices (see docs/domain.md "枞阳县的乡镇"):
- The township rows are the 2017 NBS set in force during the 2018 inspection, sort_order in
  docs/domain.md order (17 镇 then 5 乡). Their valid_from is left empty (in force before 2017).
- 藕山镇 carries the alias 欧山镇 (the NBS spelling). 雨坛乡 keeps its 2017 name and kind
  for the 2018 round; its 2018 name 雨坛镇 is recorded as an alias, so a later spreadsheet
  saying 雨坛镇 lands on the same row.
- 老洲镇/陈瑶湖镇/周潭镇 moved to Tongling's 郊区 in October 2018: valid_to = 2018-10-01,
  after the round, so every demo problem stays valid. Their rows (and history) are kept;
  no 郊区 county is created because the demo holds no data for it.
- 铁铜乡/凤仪乡/长沙乡 merged into 枞阳镇/藕山镇/汤沟镇 in January 2021: valid_to =
  2021-01-01 and merged_into_id points at the absorbing town.
- Villages: 6-12 per township, more for larger townships. The confirmed real names of
  docs/domain.md come first (罗墩村 and 虾溪村 flagged as poverty villages); the rest are
  illustrative names drawn from seed.vocab, 1-2 of them per township flagged 贫困村.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import update
from sqlmodel import Session

from data_access.models import City, County, Township, TownshipAlias, Village
from seed.names import NamePool
from seed.store import insert_returning_ids
from seed.vocab import CITY, CONFIRMED_VILLAGES, COUNTY, PROVINCE, TOWNSHIPS

MOVED_TO_JIAOQU = date(2018, 10, 1)
MERGED_2021 = date(2021, 1, 1)
VALID_TO: dict[str, date] = {
    "老洲镇": MOVED_TO_JIAOQU,
    "陈瑶湖镇": MOVED_TO_JIAOQU,
    "周潭镇": MOVED_TO_JIAOQU,
    "铁铜乡": MERGED_2021,
    "凤仪乡": MERGED_2021,
    "长沙乡": MERGED_2021,
}
MERGED_INTO: dict[str, str] = {"铁铜乡": "枞阳镇", "凤仪乡": "藕山镇", "长沙乡": "汤沟镇"}
# (township, alias, note)
ALIASES: tuple[tuple[str, str, str], ...] = (
    ("藕山镇", "欧山镇", "国家统计局区划名称写法 / NBS spelling"),
    ("雨坛乡", "雨坛镇", "2018年撤乡设镇后的名称 / name after becoming a town in 2018"),
)


@dataclass(frozen=True)
class VillageRef:
    """A stored village as the later seed steps need it."""

    id: int
    name: str
    is_poverty_village: bool


@dataclass
class TownshipRef:
    """A stored township with its villages and the inspection group that covers it."""

    id: int
    name: str
    kind: str
    size: float
    sort_order: int
    villages: list[VillageRef] = field(default_factory=list)
    group_index: int = 0


@dataclass
class Places:
    """The stored region hierarchy of the demo."""

    county_id: int
    townships: list[TownshipRef]


def insert_regions(session: Session, rng: random.Random, pool: NamePool) -> Places:
    """Store city, county, townships (with merges and aliases) and villages."""
    city_id = insert_returning_ids(session, City, [{"name": CITY, "province": PROVINCE}])[0]
    county_id = insert_returning_ids(session, County, [{"city_id": city_id, "name": COUNTY}])[0]
    rows = [
        {
            "county_id": county_id,
            "name": name,
            "kind": kind,
            "valid_to": VALID_TO.get(name),
            "sort_order": order,
        }
        for order, (name, kind, _size) in enumerate(TOWNSHIPS, start=1)
    ]
    ids = insert_returning_ids(session, Township, rows)
    townships = [
        TownshipRef(id=tid, name=name, kind=kind, size=size, sort_order=order)
        for order, (tid, (name, kind, size)) in enumerate(zip(ids, TOWNSHIPS, strict=True), 1)
    ]
    id_by_name = {t.name: t.id for t in townships}
    for old, new in MERGED_INTO.items():
        session.execute(
            update(Township)
            .where(Township.id == id_by_name[old])
            .values(merged_into_id=id_by_name[new])
        )
    alias_rows = [
        {"township_id": id_by_name[name], "alias": alias, "note": note}
        for name, alias, note in ALIASES
    ]
    insert_returning_ids(session, TownshipAlias, alias_rows)
    _insert_villages(session, rng, pool, townships)
    return Places(county_id=county_id, townships=townships)


def _village_plan(
    rng: random.Random, pool: NamePool, township: TownshipRef
) -> list[tuple[str, bool]]:
    """(name, is_poverty_village) for one township: confirmed names, then illustrative ones."""
    confirmed = list(CONFIRMED_VILLAGES.get(township.name, ()))
    wanted = min(12, max(6, round(4 + township.size * 5) + rng.choice((-1, 0, 1))))
    wanted = max(wanted, len(confirmed))
    illustrative = [pool.village() for _ in range(wanted - len(confirmed))]
    poor = set(rng.sample(illustrative, k=min(len(illustrative), rng.choice((1, 1, 2)))))
    return confirmed + [(name, name in poor) for name in illustrative]


def _insert_villages(
    session: Session, rng: random.Random, pool: NamePool, townships: list[TownshipRef]
) -> None:
    """Store the villages of every township and attach their refs."""
    plans = [(t, _village_plan(rng, pool, t)) for t in townships]
    rows = [
        {"township_id": t.id, "name": name, "is_poverty_village": poor}
        for t, plan in plans
        for name, poor in plan
    ]
    ids = iter(insert_returning_ids(session, Village, rows))
    for township, plan in plans:
        township.villages = [VillageRef(next(ids), name, poor) for name, poor in plan]


def confirmed_village_names() -> tuple[str, ...]:
    """Every confirmed real village name (illustrative names must not reuse them)."""
    return tuple(name for plan in CONFIRMED_VILLAGES.values() for name, _ in plan)
