"""A district office that is not the demo: its own categories, statuses and deadline kinds.

城关区 of 安庆市 with three 街道; one 区委 round whose categories are the office's own (in
its order, which is not the order of their names), one with an English name. Ten problems,
written into the store directly (the store side of issue 17, whatever the ledger reader
does), covering every status and deadline kind. The figures are worked out by hand below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.engine import Engine

from data_access.categories import define_categories
from data_access.db import session_scope
from data_access.formatting import local_today
from data_access.models import (
    City,
    County,
    InspectionGroup,
    InspectionRound,
    Problem,
    ProblemCategory,
    Township,
    Village,
)
from data_access.version import bump_data_version

CITY, DISTRICT = "安庆市", "城关区"
STREETS = ("龙山街道", "菱湖街道", "新河街道")
ROUND = "2024年区委第二轮巡察"
THEME = "区委第二轮常规巡察"
# The office's categories in its own order (sorted by name they would read 党的, 党风, 意识, 选人).
POLITICAL, CADRES, INTEGRITY, IDEOLOGY = (
    "党的政治建设方面",
    "选人用人方面",
    "党风廉政建设方面",
    "意识形态工作方面",
)
CATEGORIES = (POLITICAL, CADRES, INTEGRITY, IDEOLOGY)
CADRES_EN = "Selection and appointment"
UNCATEGORISED = ""

TODAY = local_today()
PAST, FUTURE = TODAY - timedelta(days=30), TODAY + timedelta(days=30)
FOUND = TODAY - timedelta(days=120)
# (street, category, status, deadline_kind, deadline); the comment says why it is (not) overdue.
PROBLEMS = (
    (0, POLITICAL, "rectified", "date", PAST),  # done
    (0, POLITICAL, "basically_done", "date", PAST),  # overdue: basically done is not done
    (0, CADRES, "long_term", "long_term", None),  # 长期坚持: never overdue
    (1, CADRES, "in_progress", "date", PAST),  # overdue
    (1, INTEGRITY, "in_progress", "immediate", PAST),  # 立行立改: not judged by a date
    (1, INTEGRITY, "long_term", "date", PAST),  # a long-term item is never overdue
    (2, IDEOLOGY, "not_started", "", PAST),  # overdue: kind unknown, but a date given
    (2, IDEOLOGY, "rectified", "date", PAST),  # done
    (2, UNCATEGORISED, "in_progress", "date", FUTURE),  # not yet due
    (0, POLITICAL, "rectified", "immediate", None),  # done on the spot
)


@dataclass(frozen=True)
class Figures:
    """The office's figures, by hand from PROBLEMS."""

    total: int = 10
    rectified: int = 3
    basically_done: int = 1
    long_term: int = 2
    overdue: int = 3  # rows 2, 4 and 7
    by_category: tuple[tuple[str, int], ...] = (
        (POLITICAL, 3),
        (CADRES, 2),
        (INTEGRITY, 2),
        (IDEOLOGY, 2),
        (UNCATEGORISED, 1),
    )


FIGURES = Figures()


def write_district_office(engine: Engine) -> int:
    """Store the office (regions, round, categories, problems) in an empty store; the round id."""
    with session_scope(engine, write=True) as session:
        city = City(name=CITY, province="安徽省")
        session.add(city)
        session.flush()
        county = County(city_id=city.id, name=DISTRICT)
        session.add(county)
        session.flush()
        streets = [
            Township(county_id=county.id, name=name, kind="街道", sort_order=n)
            for n, name in enumerate(STREETS)
        ]
        session.add_all(streets)
        session.flush()
        session.add(Village(township_id=streets[0].id, name="龙山社区"))
        round_row = InspectionRound(
            name=ROUND, level="district", county_id=county.id, started_on=FOUND, theme=THEME,
            feedback_on=FOUND + timedelta(days=10),
        )  # fmt: skip
        session.add(round_row)
        session.flush()
        group = InspectionGroup(round_id=round_row.id, name="第一巡察组", ordinal=1)
        session.add(group)
        session.flush()
        codes = define_categories(session, round_row.id, CATEGORIES)
        english = update(ProblemCategory).where(ProblemCategory.code == codes[CADRES])
        session.execute(english.values(name_en=CADRES_EN))
        for number, (street, category, status, kind, deadline) in enumerate(PROBLEMS, start=1):
            session.add(
                Problem(
                    code=f"CG2024-{number:03d}", round_id=round_row.id, group_id=group.id,
                    township_id=streets[street].id, focus_area=codes.get(category, category),
                    description=f"第{number}个问题", found_on=FOUND, deadline=deadline,
                    deadline_kind=kind, status=status,
                    rectified_on=PAST if status == "rectified" else None,
                    progress=f"进展{number}", remarks="",
                )
            )  # fmt: skip
        session.flush()
        bump_data_version(session=session)
        return int(round_row.id)
