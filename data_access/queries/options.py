"""The choices of the filter bar: rounds, groups, regions, villages, sub-categories, dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import ColumnElement, false, func, or_, select
from sqlmodel import Session

from data_access.categories import CategoryLabels, fetch_categories, fetch_category_labels
from data_access.filters import Filter
from data_access.models import (
    City,
    County,
    InspectionGroup,
    InspectionRound,
    Problem,
    Township,
    Village,
)
from data_access.queries.facts import sub_category_facts
from data_access.queries.overview import to_frame

__all__ = ["VILLAGE_LIST_LIMIT", "FilterOptions", "fetch_filter_options", "fetch_villages"]

# A province has some 15,000 villages: listed in the bar, they were sent and laid out by the
# browser on every rerun (a third of a click's wait at 1M), and reading them was ~30 ms of
# every uncached frame (docs/performance.md). Beyond this many, the options hold none and
# the bar lists a township's villages (fetch_villages) once one is chosen.
VILLAGE_LIST_LIMIT = 1_000
REGION_COLUMNS = ["township_id", "township", "county_id", "county", "city_id", "city"]


@dataclass(frozen=True)
class FilterOptions:
    """Every value the filter bar offers, in display order, with the names chips show."""

    rounds: pd.DataFrame  # round_id, round
    groups: pd.DataFrame  # group_id, group, round_id
    regions: pd.DataFrame  # REGION_COLUMNS: one row per township
    villages: pd.DataFrame  # village_id, village, township_id (all, or those asked for)
    focus_areas: pd.DataFrame  # focus_area, focus_area_label: the rounds' categories, in order
    sub_categories: pd.DataFrame  # focus_area, sub_category
    first_found: date | None
    last_found: date | None
    # villages holds every village in scope (at most VILLAGE_LIST_LIMIT); else only the
    # chosen townships' villages and the chosen villages (filter_bar.filter_options).
    all_villages: bool = True

    def names(self, field: str) -> dict:
        """Display name by id (or code) for a Filter field with ids or sub-categories."""
        columns = {
            "rounds": (self.rounds, "round_id", "round"),
            "groups": (self.groups, "group_id", "group"),
            "cities": (self.regions, "city_id", "city"),
            "counties": (self.regions, "county_id", "county"),
            "townships": (self.regions, "township_id", "township"),
            "villages": (self.villages, "village_id", "village"),
            "focus_areas": (self.focus_areas, "focus_area", "focus_area_label"),
            "sub_categories": (self.sub_categories, "sub_category", "sub_category"),
        }
        frame, key, name = columns[field]
        return dict(zip(frame[key], frame[name], strict=True))


def fetch_filter_options(
    *, session: Session, scope: tuple[int, ...] | None = None
) -> FilterOptions:
    """Everything the filter bar offers (a handful of small queries, cached by the caller).

    scope limits the townships and villages to a township-scoped account's (None: all).
    More than VILLAGE_LIST_LIMIT villages are not read here (fetch_villages reads some).
    """
    # Two scalar sub-selects: each is one index probe (min and max in one SELECT scan it all).
    first_found, last_found = session.execute(
        select(
            select(func.min(Problem.found_on)).scalar_subquery(),
            select(func.max(Problem.found_on)).scalar_subquery(),
        )
    ).one()
    used = _categories_used(session)
    areas = fetch_category_labels(session=session)
    listed = _village_count(session, scope) <= VILLAGE_LIST_LIMIT
    return FilterOptions(
        rounds=_rounds(session),
        groups=_groups(session),
        regions=_regions(session, scope),
        villages=_villages(session, scope) if listed else _villages(session, scope, false()),
        focus_areas=_focus_areas(areas, used),
        sub_categories=_sub_categories(session, areas, used),
        first_found=first_found,
        last_found=last_found,
        all_villages=listed,
    )


def fetch_villages(
    *,
    session: Session,
    townships: tuple[int, ...],
    ids: tuple[int, ...],
    scope: tuple[int, ...] | None = None,
) -> pd.DataFrame:
    """The villages (in scope) of townships and those with ids, as FilterOptions.villages."""
    in_township = Village.township_id.in_(townships)
    return _villages(session, scope, or_(in_township, Village.id.in_(ids)) if ids else in_township)


def _rounds(session: Session) -> pd.DataFrame:
    """Inspection rounds, earliest first."""
    query = select(InspectionRound.id, InspectionRound.name).order_by(
        InspectionRound.started_on, InspectionRound.id
    )
    return to_frame(session.execute(query).all(), ["round_id", "round"], {"round_id": "int64"})


def _groups(session: Session) -> pd.DataFrame:
    """Inspection groups by round and ordinal (第一…第四巡察组)."""
    query = select(InspectionGroup.id, InspectionGroup.name, InspectionGroup.round_id).order_by(
        InspectionGroup.round_id, InspectionGroup.ordinal, InspectionGroup.id
    )
    dtypes = {"group_id": "int64", "round_id": "int64"}
    return to_frame(session.execute(query).all(), ["group_id", "group", "round_id"], dtypes)


def _regions(session: Session, scope: tuple[int, ...] | None) -> pd.DataFrame:
    """Every township (in scope) with its county and city, in the official order."""
    query = (
        select(Township.id, Township.name, County.id, County.name, City.id, City.name)
        .join(County, County.id == Township.county_id)
        .join(City, City.id == County.city_id)
        .order_by(City.id, County.id, Township.sort_order, Township.id)
    )
    if scope is not None:
        query = query.where(Township.id.in_(scope))
    dtypes = {"township_id": "int64", "county_id": "int64", "city_id": "int64"}
    return to_frame(session.execute(query).all(), REGION_COLUMNS, dtypes)


def _village_count(session: Session, scope: tuple[int, ...] | None) -> int:
    """How many villages there are in scope."""
    query = select(func.count()).select_from(Village)
    if scope is not None:
        query = query.where(Village.township_id.in_(scope))
    return int(session.execute(query).scalar_one())


def _villages(
    session: Session, scope: tuple[int, ...] | None, *where: ColumnElement[bool]
) -> pd.DataFrame:
    """The villages (in scope) meeting where, grouped by township in the official order,
    then by name."""
    query = (
        select(Village.id, Village.name, Village.township_id)
        .join(Township, Township.id == Village.township_id)
        .order_by(Township.sort_order, Township.id, Village.name, Village.id)
    )
    if scope is not None:
        query = query.where(Village.township_id.in_(scope))
    query = query.where(*where)
    dtypes = {"village_id": "int64", "township_id": "int64"}
    return to_frame(session.execute(query).all(), ["village_id", "village", "township_id"], dtypes)


def _categories_used(session: Session) -> list[tuple[str, str]]:
    """The (focus area, sub-category) pairs the ledger's problems use."""
    facts = sub_category_facts(Filter())
    query = select(facts.c.focus_area, facts.c.sub_category).where(facts.c.problems > 0).distinct()
    return [(str(area), str(sub)) for area, sub in session.execute(query).all()]


# The two below sort a few dozen rows in Python: pandas took ~10 ms for them (1M, the frame).
def _focus_areas(areas: CategoryLabels, used: list[tuple[str, str]]) -> pd.DataFrame:
    """Every round's categories in their order, then codes problems use that no round
    defines (未分类 last), so whatever the ledger holds can be chosen."""
    codes = list(dict.fromkeys([*areas.labels, *sorted(area for area, _sub in used)]))
    codes.sort(key=lambda code: (areas.rank(code), code))
    labels = [areas.label(code) for code in codes]
    return pd.DataFrame({"focus_area": codes, "focus_area_label": labels}, dtype="object")


def _sub_categories(
    session: Session, areas: CategoryLabels, used: list[tuple[str, str]]
) -> pd.DataFrame:
    """The sub-categories the rounds define and the ledger uses, under their focus area:
    areas in their order, then each area's sub-categories in theirs (unlisted ones by name)."""
    defined = fetch_categories(session=session)
    defined = defined[defined["parent_code"] != ""]
    pairs = list(zip(defined["parent_code"], defined["code"], defined["ordinal"], strict=True))
    pairs += [(area, sub, len(defined)) for area, sub in used if sub != ""]
    pairs.sort(key=lambda pair: pair[2])
    first = {(area, sub): ordinal for area, sub, ordinal in reversed(pairs)}  # lowest ordinal
    ordered = sorted(
        first.items(), key=lambda item: (areas.rank(item[0][0]), item[0][0], item[1], item[0][1])
    )
    rows = [pair for pair, _ordinal in ordered]
    return pd.DataFrame(rows, columns=["focus_area", "sub_category"])
