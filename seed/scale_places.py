"""The scale dataset's places and rounds: 16 cities, ~100 counties, ~1,500 townships, villages.

Everything is drawn with one numpy Generator; rows are column arrays with 0-based row
indexes as ids and foreign keys (seed.scale_store turns them into database ids).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from seed.sampling import allocate
from seed.vocab import PROVINCE, VILLAGE_FIRST, VILLAGE_SECOND

# The 16 prefecture-level cities of the province (real names); everything below is made up.
CITIES = (
    "合肥市", "芜湖市", "蚌埠市", "淮南市", "马鞍山市", "淮北市", "铜陵市", "安庆市",
    "黄山市", "滁州市", "阜阳市", "宿州市", "六安市", "亳州市", "池州市", "宣城市",
)  # fmt: skip
COUNTIES = 100
TOWNSHIPS = 1_500
VILLAGES = 15_000
YEARS = (2021, 2022, 2023, 2024, 2025)
ROUNDS_PER_YEAR = (("city", 3, "市委"), ("county", 9, "县委"))  # (level, month, committee)
ROUNDS = len(YEARS) * len(ROUNDS_PER_YEAR)
GROUP_ORDINALS = ("第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八")
GROUPS_PER_ROUND = len(GROUP_ORDINALS)
ON_SITE_DAYS = 42
FEEDBACK_AFTER_DAYS = 21
CITY_ROUND_COVERAGE = 0.5  # share of counties a city-level round inspects (all townships)
COUNTY_ROUND_COVERAGE = 0.45  # share of townships a county-level round inspects
TOWN_SHARE = 0.8  # 镇 rather than 乡
POVERTY_SHARE = 0.15


@dataclass
class Province:
    """Generated places and rounds: table columns plus what the ledger needs to draw from."""

    tables: dict[str, dict[str, np.ndarray]]  # table name -> column -> values
    township_names: np.ndarray  # object array by township index
    township_size: np.ndarray  # relative size: more villages and problems
    village_first: np.ndarray  # index of each township's first village
    village_count: np.ndarray
    village_names: np.ndarray
    round_started: np.ndarray  # datetime64[D] by round index
    round_feedback: np.ndarray
    cell_round: np.ndarray  # one row per (round, township) inspected
    cell_township: np.ndarray
    cell_group: np.ndarray  # group row index
    cell_weight: np.ndarray  # share of the problems found there


def _unique_names(rng: np.random.Generator, count: int, suffixes: np.ndarray) -> list[str]:
    """count distinct two-character names, each with its suffix (县, 镇, 村 ...)."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        first, second = rng.integers(len(VILLAGE_FIRST)), rng.integers(len(VILLAGE_SECOND))
        name = VILLAGE_FIRST[first] + VILLAGE_SECOND[second] + suffixes[len(names)]
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _children(total: int, weights: np.ndarray) -> np.ndarray:
    """How many children (counties, townships, villages) each parent gets, summing to total."""
    return np.array(allocate(total, weights.tolist()), dtype=np.int64)


def _regions(rng: np.random.Generator) -> dict[str, dict[str, np.ndarray]]:
    """Cities, counties (urban 区 first), townships (镇/乡) and their sizes."""
    per_city = _children(COUNTIES, rng.lognormal(0.0, 0.35, len(CITIES)))
    county_city = np.repeat(np.arange(len(CITIES)), per_city)
    county_names = []
    for count in per_city:
        suffixes = np.array(["区"] + ["县"] * (count - 1))
        county_names += _unique_names(rng, count, suffixes)
    per_county = _children(TOWNSHIPS, rng.lognormal(0.0, 0.4, COUNTIES))
    township_county = np.repeat(np.arange(COUNTIES), per_county)
    kinds = np.where(rng.random(TOWNSHIPS) < TOWN_SHARE, "镇", "乡")
    township_names: list[str] = []
    sort_order: list[int] = []
    start = 0
    for count in per_county:
        township_names += _unique_names(rng, count, kinds[start : start + count])
        sort_order += range(1, count + 1)
        start += count
    return {
        "city": {"id": np.arange(len(CITIES)), "name": np.array(CITIES, dtype=object)},
        "county": {
            "id": np.arange(COUNTIES),
            "city_id": county_city,
            "name": np.array(county_names, dtype=object),
        },
        "township": {
            "id": np.arange(TOWNSHIPS),
            "county_id": township_county,
            "name": np.array(township_names, dtype=object),
            "kind": kinds.astype(object),
            "sort_order": np.array(sort_order),
        },
    }


def _villages(rng: np.random.Generator, size: np.ndarray) -> dict[str, np.ndarray]:
    """Villages per township in proportion to its size (at least a few each)."""
    per_township = _children(VILLAGES, 0.3 + size)
    names: list[str] = []
    for count in per_township:
        names += _unique_names(rng, count, np.full(count, "村"))
    return {
        "id": np.arange(VILLAGES),
        "township_id": np.repeat(np.arange(TOWNSHIPS), per_township),
        "name": np.array(names, dtype=object),
        "is_poverty_village": rng.random(VILLAGES) < POVERTY_SHARE,
    }


def _rounds(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Two rounds a year (city level in spring, county level in autumn) with their dates."""
    names, levels, started = [], [], []
    for year in YEARS:
        for level, month, committee in ROUNDS_PER_YEAR:
            names.append(f"{year}年{committee}巩固拓展脱贫攻坚成果专项巡察")
            levels.append(level)
            started.append(np.datetime64(date(year, month, 1)) + int(rng.integers(0, 21)))
    started_on = np.array(started, dtype="datetime64[D]")
    ended_on = started_on + ON_SITE_DAYS
    return {
        "id": np.arange(ROUNDS),
        "name": np.array(names, dtype=object),
        "theme": np.full(ROUNDS, "巩固拓展脱贫攻坚成果专项巡察", dtype=object),
        "level": np.array(levels, dtype=object),
        "started_on": started_on,
        "ended_on": ended_on,
        "feedback_on": ended_on + FEEDBACK_AFTER_DAYS,
    }


def _groups() -> dict[str, np.ndarray]:
    """Eight inspection groups in every round."""
    ordinals = np.tile(np.arange(1, GROUPS_PER_ROUND + 1), ROUNDS)
    names = [f"{ordinal}巡察组" for ordinal in GROUP_ORDINALS] * ROUNDS
    return {
        "id": np.arange(ROUNDS * GROUPS_PER_ROUND),
        "round_id": np.repeat(np.arange(ROUNDS), GROUPS_PER_ROUND),
        "name": np.array(names, dtype=object),
        "ordinal": ordinals,
    }


def _cells(rng: np.random.Generator, county: np.ndarray, size: np.ndarray) -> tuple:
    """(round, township, group, weight) of every township a round inspected."""
    rounds, townships, groups = [], [], []
    for round_index, level in enumerate([lv for _ in YEARS for lv, _m, _c in ROUNDS_PER_YEAR]):
        if level == "city":
            chosen = rng.random(COUNTIES) < CITY_ROUND_COVERAGE
            covered = np.flatnonzero(chosen[county])
            group = county[covered] % GROUPS_PER_ROUND
        else:
            covered = np.flatnonzero(rng.random(TOWNSHIPS) < COUNTY_ROUND_COVERAGE)
            group = (county[covered] + covered) % GROUPS_PER_ROUND
        rounds.append(np.full(len(covered), round_index))
        townships.append(covered)
        groups.append(round_index * GROUPS_PER_ROUND + group)
    cell_round, cell_township = np.concatenate(rounds), np.concatenate(townships)
    # Later rounds find a little more (the ledger grows), and places differ a lot.
    weight = size[cell_township] * (1.0 + 0.05 * cell_round)
    weight *= rng.lognormal(0.0, 0.35, len(cell_round))
    return cell_round, cell_township, np.concatenate(groups), weight / weight.sum()


def plan_province(rng: np.random.Generator) -> Province:
    """Draw the places, rounds, groups and which township each round inspected."""
    tables = _regions(rng)
    tables["city"]["province"] = np.full(len(CITIES), PROVINCE, dtype=object)
    size = rng.lognormal(0.0, 0.5, TOWNSHIPS)
    villages = _villages(rng, size)
    tables["village"] = villages
    tables["inspection_round"] = _rounds(rng)
    tables["inspection_group"] = _groups()
    village_count = np.bincount(villages["township_id"], minlength=TOWNSHIPS)
    cells = _cells(rng, tables["township"]["county_id"], size)
    return Province(
        tables=tables,
        township_names=tables["township"]["name"],
        township_size=size,
        village_first=np.concatenate([[0], np.cumsum(village_count)[:-1]]),
        village_count=village_count,
        village_names=villages["name"],
        round_started=tables["inspection_round"]["started_on"],
        round_feedback=tables["inspection_round"]["feedback_on"],
        cell_round=cells[0],
        cell_township=cells[1],
        cell_group=cells[2],
        cell_weight=cells[3],
    )
