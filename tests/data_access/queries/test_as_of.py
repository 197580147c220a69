"""Every headline figure as of any day: the queries against a replay of the stored history.

Money recovered and rules improved count from the day they happened (queries.dated), like
the figures that were dated already; on the demo every published figure is exact as of the
report day, and on the days before it every figure grows towards it.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.models import County, Problem
from data_access.queries import fetch_problem_ledger, fetch_weekly_trend, list_townships
from data_access.queries.problem_detail import fetch_problem_detail
from data_access.queries.weeks import monday_of
from tests.support.as_of_replay import load_rows, replay_headline
from tests.support.office import (
    RECOVERED_YUAN,
    ROUND_1,
    ROUND_1_PROBLEMS,
    add_round,
    ledger_xlsx,
    problem_records,
    region_records,
    regions_xlsx,
    upload_ledger,
    upload_regions,
)
from tests.support.published_figures import ADDED_KEYS, PUBLISHED_AS_OF, PUBLISHED_JSON
from tests.support.query_support import feedback_day, frame, headline, load_ledger

# Offsets from the feedback day: before the round ended, between, after the report.
DAY_OFFSETS = (-90, -20, 0, 3, 10, 21, 35, 47, 61, 90)
FOUND = date(2018, 5, 2)  # the uploaded ledger's finding day


def days(engine: Engine) -> list[date | None]:
    """The days the comparisons run on (None: today's ledger)."""
    start = feedback_day(engine)
    return [*(start + timedelta(days=n) for n in DAY_OFFSETS), PUBLISHED_AS_OF, None]


def township_sets(engine: Engine) -> list[tuple[int, ...]]:
    """All townships, one, and three of them."""
    with session_scope(engine) as session:
        ids = list(list_townships(session=session)["township_id"])
    return [(), (ids[0],), tuple(ids[2:5])]


def test_every_figure_as_of_any_day_equals_the_replay(seeded_engine: Engine) -> None:
    """The summary JSON's figures, as of each day and for some regions, equal the replay."""
    rows = load_rows(seeded_engine)
    for townships in township_sets(seeded_engine):
        for day in days(seeded_engine):
            got = headline(seeded_engine, as_of=day, townships=townships).to_json_dict()
            expected = replay_headline(rows, day, set(townships) or None)
            assert got == expected, (day, townships)


def test_report_day_gives_the_published_figures(seeded_engine: Engine) -> None:
    """As of the report day (two months after feedback) every published figure is exact."""
    assert headline(seeded_engine, as_of=PUBLISHED_AS_OF).to_json_dict() == PUBLISHED_JSON


def flat_figures(engine: Engine, day: date) -> dict[str, int]:
    """The published figures as of day, the breakdown flattened; the rate left out."""
    figures = headline(engine, as_of=day).to_json_dict()
    breakdown = figures.pop("accountable_by_category")
    del figures["completion_rate"]
    return {**figures, **breakdown}


def test_figures_grow_to_the_report_day(seeded_engine: Engine) -> None:
    """Week by week from the start of the round no published figure ever falls, and all
    arrive (基本完成 and 长期坚持 are states of the day, not running totals)."""
    first = feedback_day(seeded_engine) - timedelta(days=70)
    weeks = (PUBLISHED_AS_OF - first).days // 7
    series = [flat_figures(seeded_engine, first + timedelta(weeks=n)) for n in range(weeks + 1)]
    series.append(flat_figures(seeded_engine, PUBLISHED_AS_OF))
    published = dict(PUBLISHED_JSON, **PUBLISHED_JSON["accountable_by_category"])
    for earlier, later in pairwise(series):
        assert all(later[key] >= earlier[key] for key in earlier if key not in ADDED_KEYS), (
            earlier,
            later,
        )
    assert all(series[-1][key] == published[key] for key in series[-1] if key in published)
    before_feedback = series[(feedback_day(seeded_engine) - first).days // 7 - 1]
    assert before_feedback["recovered_yuan"] < published["recovered_yuan"] // 10
    assert before_feedback["rules_improved"] < published["rules_improved"] // 10


@pytest.mark.parametrize("offset", [10, 35, 61])
def test_weekly_trend_ends_at_the_headline(seeded_engine: Engine, offset: int) -> None:
    """The trend's running totals of money, rules and rectifications end at the headline's,
    and each week's money is what the replay dates in that week."""
    day = feedback_day(seeded_engine) + timedelta(days=offset)
    trend = frame(seeded_engine, fetch_weekly_trend, as_of=day)
    figures = headline(seeded_engine, as_of=day)
    last = trend.iloc[-1]
    assert last["recovered_cumulative"] == figures.recovered_yuan
    assert last["rules_cumulative"] == figures.rules_improved
    assert last["rectified_cumulative"] == figures.problems_rectified
    ledger = load_ledger(seeded_engine)
    by_week: dict[date, int] = {}
    for problem in ledger.problems:
        recovered_on = ledger.recovery_day(problem)
        if problem.recovered_yuan and recovered_on <= day:
            week = monday_of(recovered_on)
            by_week[week] = by_week.get(week, 0) + problem.recovered_yuan
    shown = dict(zip(trend["week_start"], trend["recovered_in_week"], strict=True))
    assert {week: money for week, money in shown.items() if money} == by_week


def test_own_days_move_money_and_rules(writable_seeded_engine: Engine) -> None:
    """A 挽损日期 / 制度完善日期 after the report day moves the amount out of it, to that day."""
    engine = writable_seeded_engine
    later = PUBLISHED_AS_OF + timedelta(days=20)
    with session_scope(engine) as session:
        problem = session.exec(
            Problem.__table__.select()
            .where(Problem.recovered_yuan > 0, Problem.rules_improved > 0)
            .order_by(Problem.code)
            .limit(1)
        ).one()
    with session_scope(engine, write=True) as session:
        session.execute(
            update(Problem)
            .where(Problem.id == problem.id)
            .values(recovered_on=later, rules_improved_on=later)
        )
    before = headline(engine, as_of=later - timedelta(days=1))
    assert before.recovered_yuan == PUBLISHED_JSON["recovered_yuan"] - problem.recovered_yuan
    assert before.rules_improved == PUBLISHED_JSON["rules_improved"] - problem.rules_improved
    after = headline(engine, as_of=later)
    assert (after.recovered_yuan, after.rules_improved) == (
        PUBLISHED_JSON["recovered_yuan"],
        PUBLISHED_JSON["rules_improved"],
    )
    assert headline(engine).recovered_yuan == PUBLISHED_JSON["recovered_yuan"]


def test_an_uploaded_ledger_dates_money_and_rules_by_its_own_columns(empty_engine: Engine) -> None:
    """挽损日期 and 制度完善日期 in a ledger file: those amounts count from those days, the
    others from their completion day."""
    engine = empty_engine
    upload_regions(engine, regions_xlsx(region_records()))
    with session_scope(engine) as session:
        county = int(session.scalar(select(County.id)))
    round_id = add_round(
        engine, ROUND_1, "county", FOUND - timedelta(30), ("第一巡察组", "第二巡察组"), county
    )
    records = problem_records("R1", ROUND_1_PROBLEMS, FOUND)
    first = records[0]  # rectified on FOUND + 31 days
    first.update({"挽损日期": FOUND + timedelta(10), "完善制度数": 2})
    first["制度完善日期"] = FOUND + timedelta(12)
    upload_ledger(engine, ledger_xlsx(records), round_id)
    rectified = sum(status == "已完成" for _, _, status in ROUND_1_PROBLEMS)
    early = headline(engine, as_of=FOUND + timedelta(12))
    assert (early.recovered_yuan, early.rules_improved) == (RECOVERED_YUAN, 2)
    assert headline(engine, as_of=FOUND + timedelta(11)).rules_improved == 0
    assert headline(engine).recovered_yuan == rectified * RECOVERED_YUAN
    rows = load_rows(engine)
    for day in (FOUND + timedelta(n) for n in (0, 10, 31, 35, 60)):
        assert headline(engine, as_of=day).to_json_dict() == replay_headline(rows, day), day


def test_a_problem_row_shows_its_money_as_of_the_day(seeded_engine: Engine) -> None:
    """The ledger list and a problem's detail show no money before its 挽损日期, then all."""
    dated = min(
        (p for p in load_ledger(seeded_engine).problems if p.recovered_on and p.recovered_yuan),
        key=lambda p: p.code,
    )
    before, on = dated.recovered_on - timedelta(days=1), dated.recovered_on
    with session_scope(seeded_engine) as session:
        for day, money, shown_day in ((before, 0, None), (on, dated.recovered_yuan, on)):
            flt = Filter(as_of=day)
            detail = fetch_problem_detail(session=session, flt=flt, code=dated.code)
            assert detail.values["recovered_yuan"] == money
            assert detail.values["recovered_on"] == shown_day
            rows = fetch_problem_ledger(session=session, flt=flt, search=dated.code)
            assert rows["recovered_yuan"].tolist() == [money]
