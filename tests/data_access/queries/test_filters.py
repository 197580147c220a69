"""Each Filter field narrows every figure consistently; as-of views replay the history."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import date, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from data_access.codes import COMPLETED_STATUS, PERSON_CATEGORIES, STATUSES
from data_access.db import session_scope
from data_access.models import County, Problem, StatusEvent
from data_access.queries import (
    fetch_completion_by_township,
    fetch_problems_by_focus_area,
    fetch_weekly_trend,
    list_townships,
)
from data_access.summaries import refresh_summaries
from tests.support.published_figures import PUBLISHED_AS_OF
from tests.support.query_support import (
    DEMO_PROBLEMS_TOTAL,
    NO_SUCH_ID,
    PUBLISHED_BREAKDOWN,
    RECTIFIED,
    all_rows,
    feedback_day,
    frame,
    headline,
    load_ledger,
)

# ---------------------------------------------------------------- each Filter field


PROBLEM_PARTITIONS = {
    "rounds": "round_id",
    "groups": "group_id",
    "townships": "township_id",
    "focus_areas": "focus_area",
    "sub_categories": "sub_category",
    "sources": "source",
    "statuses": "status",
}


@pytest.mark.parametrize("field", sorted(PROBLEM_PARTITIONS))
def test_filter_field_partitions_problems(seeded_engine: Engine, field: str):
    """Filtering by each value of a field matches the ledger, and the parts add up."""
    ledger = load_ledger(seeded_engine)
    attribute = PROBLEM_PARTITIONS[field]
    expected = Counter(getattr(p, attribute) for p in ledger.problems)
    parts = {value: headline(seeded_engine, **{field: (value,)}) for value in expected}
    assert {value: part.problems_total for value, part in parts.items()} == dict(expected)
    whole = headline(seeded_engine)
    for figure in ("problems_rectified", "recovered_yuan", "rules_improved", "overdue"):
        assert sum(getattr(part, figure) for part in parts.values()) == getattr(whole, figure)


def test_township_parts_add_up_everywhere(seeded_engine: Engine) -> None:
    """Regions narrow accountability, leads and cases too: the 22 townships add up to all."""
    with session_scope(seeded_engine) as session:
        township_ids = list(list_townships(session=session)["township_id"])
    parts = [asdict(headline(seeded_engine, townships=(tid,))) for tid in township_ids]
    whole = asdict(headline(seeded_engine))
    for figure in ("accountable_people", "written_self_criticism_orgs", "leads_transferred"):
        assert sum(part[figure] for part in parts) == whole[figure], figure
    for figure in ("cases_opened", "case_people", "people_sanctioned"):
        assert sum(part[figure] for part in parts) == whole[figure], figure
    for code in PERSON_CATEGORIES:
        assert sum(p["accountable_by_category"][code] for p in parts) == PUBLISHED_BREAKDOWN[code]


def test_village_filter(seeded_engine: Engine) -> None:
    """A village filter keeps that village's problems, all in its township."""
    ledger = load_ledger(seeded_engine)
    village_counts = Counter(p.village_id for p in ledger.problems if p.village_id is not None)
    village_id, count = village_counts.most_common(1)[0]
    assert headline(seeded_engine, villages=(village_id,)).problems_total == count
    by_township = frame(seeded_engine, fetch_completion_by_township, villages=(village_id,))
    township_of = {p.village_id: p.township_id for p in ledger.problems}
    assert set(by_township["township_id"]) == {township_of[village_id]}


def test_city_and_county_filters(seeded_engine: Engine) -> None:
    """The demo's one county and city select everything; another id selects nothing."""
    county = all_rows(seeded_engine, County)[0]
    whole = headline(seeded_engine)
    assert headline(seeded_engine, counties=(county.id,)) == whole
    assert headline(seeded_engine, cities=(county.city_id,)) == whole
    assert headline(seeded_engine, counties=(NO_SUCH_ID,)).problems_total == 0
    assert headline(seeded_engine, cities=(NO_SUCH_ID,)).accountable_people == 0


def test_date_range_splits_problems_and_accountability(seeded_engine: Engine):
    """date_from/date_to apply to found_on (problems) and decided_on (accountability)."""
    ledger = load_ledger(seeded_engine)
    days = sorted(p.found_on for p in ledger.problems)
    middle = days[len(days) // 2]
    early = headline(seeded_engine, date_to=middle)
    late = headline(seeded_engine, date_from=middle + timedelta(days=1))
    assert early.problems_total == sum(day <= middle for day in days)
    assert early.problems_total + late.problems_total == DEMO_PROBLEMS_TOTAL
    # A pending (undated) action is dated by the finding of its problem.
    found_on = {p.id: p.found_on for p in ledger.problems}
    people = [a for a in ledger.actions if a.category in PERSON_CATEGORIES]
    known = sorted(
        day for a in people if (day := a.decided_on or found_on.get(a.problem_id)) is not None
    )
    cut = known[len(known) // 2]
    assert headline(seeded_engine, date_to=cut).accountable_people == sum(
        day <= cut for day in known
    )


def test_problem_only_fields_reach_accountability_through_the_problem(
    seeded_engine: Engine,
) -> None:
    """A focus-area filter counts only the people and leads linked to such a problem."""
    ledger = load_ledger(seeded_engine)
    area_of = {p.id: p.focus_area for p in ledger.problems}
    for area in sorted(set(area_of.values())):
        figures = headline(seeded_engine, focus_areas=(area,))
        people = [
            a
            for a in ledger.actions
            if a.category in PERSON_CATEGORIES and area_of.get(a.problem_id) == area
        ]
        assert figures.accountable_people == len(people), area
        leads = [lead for lead in ledger.leads if area_of.get(lead.problem_id) == area]
        assert figures.leads_transferred == len(leads), area


def test_status_filter(seeded_engine: Engine) -> None:
    """statuses=rectified keeps exactly the rectified problems."""
    rectified = headline(seeded_engine, statuses=(COMPLETED_STATUS,))
    assert rectified.problems_total == rectified.problems_rectified == RECTIFIED
    others = headline(seeded_engine, statuses=tuple(s for s in STATUSES if s != COMPLETED_STATUS))
    assert others.problems_total == DEMO_PROBLEMS_TOTAL - RECTIFIED
    assert others.problems_rectified == 0


@pytest.mark.parametrize("days_after_feedback", [0, 20, 45, 61])
def test_overdue_is_derived_from_the_as_of_day(
    seeded_engine: Engine, days_after_feedback: int
) -> None:
    """Overdue = deadline before the as-of day and not rectified then; usable as a status."""
    ledger = load_ledger(seeded_engine)
    day = feedback_day(seeded_engine) + timedelta(days=days_after_feedback)
    expected = sum(
        p.found_on <= day
        and p.deadline is not None
        and p.deadline < day
        and ledger.status_on(p, day) != COMPLETED_STATUS
        for p in ledger.problems
    )
    assert headline(seeded_engine, as_of=day).overdue == expected
    overdue_only = headline(seeded_engine, as_of=day, statuses=("overdue",))
    assert overdue_only.problems_total == expected
    assert overdue_only.problems_rectified == 0
    # Overdue and rectified exclude each other, so together they simply add up.
    with_rectified = headline(seeded_engine, as_of=day, statuses=("overdue", COMPLETED_STATUS))
    rectified = headline(seeded_engine, as_of=day).problems_rectified
    assert with_rectified.problems_total == expected + rectified


# ---------------------------------------------------------------- as of a day


def test_as_of_before_feedback_shows_nothing_rectified(seeded_engine: Engine) -> None:
    """The day before feedback, no problem is rectified yet."""
    before = headline(seeded_engine, as_of=feedback_day(seeded_engine) - timedelta(days=1))
    assert before.problems_rectified == 0
    assert before.completion_rate == 0.0


def test_as_of_before_the_inspection(seeded_engine: Engine) -> None:
    """Long before the round nothing is known, except records with no date to place them."""
    ledger = load_ledger(seeded_engine)
    figures = headline(seeded_engine, as_of=date(2000, 1, 1))
    assert figures.problems_total == figures.leads_transferred == figures.cases_opened == 0
    undated = [
        a
        for a in ledger.actions
        if a.decided_on is None and a.problem_id is None and a.category in PERSON_CATEGORIES
    ]
    assert figures.accountable_people == len(undated)
    assert frame(seeded_engine, fetch_weekly_trend, as_of=date(2000, 1, 1)).empty


def test_as_of_publication_day_equals_today(seeded_engine: Engine) -> None:
    """As of the report's day the published figures are those of today's ledger."""
    published = headline(seeded_engine, as_of=PUBLISHED_AS_OF).to_json_dict()
    assert published == headline(seeded_engine).to_json_dict()


def test_as_of_statuses_follow_the_latest_event(seeded_engine: Engine) -> None:
    """On days across the two months, status counts equal a replay of the event history."""
    ledger = load_ledger(seeded_engine)
    start = feedback_day(seeded_engine)
    for offset in (-1, 0, 7, 15, 30, 45, 60):
        day = start + timedelta(days=offset)
        by_area = frame(seeded_engine, fetch_problems_by_focus_area, as_of=day)
        got = by_area.groupby("status")["problems"].sum().to_dict()
        assert got == dict(ledger.statuses_on(day)), day


def test_as_of_uses_a_reopening_event(writable_seeded_engine: Engine) -> None:
    """A later event reopening a problem changes the as-of view from that day on only."""
    engine = writable_seeded_engine
    with session_scope(engine, write=True) as session:
        problem = session.exec(select(Problem).where(Problem.status == COMPLETED_STATUS)).first()
        reopened_on = PUBLISHED_AS_OF + timedelta(days=10)
        problem.status = "in_progress"  # as an import writes it: the status with its event
        session.add(
            StatusEvent(problem_id=problem.id, status="in_progress", changed_on=reopened_on)
        )
        refresh_summaries(session, [problem.township_id])  # as a commit does
    assert headline(engine, as_of=reopened_on - timedelta(days=1)).problems_rectified == RECTIFIED
    assert headline(engine, as_of=reopened_on).problems_rectified == RECTIFIED - 1


def test_a_weeks_rectified_filter_counts_what_the_weekly_bar_shows(seeded_engine) -> None:
    """For every week of the weekly chart, filtering its rectified range gives its bar's count."""
    from data_access.filters import Filter
    from data_access.queries import fetch_headline

    with session_scope(seeded_engine) as session:
        weeks = fetch_weekly_trend(session=session, flt=Filter())
        checked = 0
        for row in weeks.itertuples():
            flt = Filter(rectified_from=row.week_start, rectified_to=row.week_start + timedelta(6))
            headline = fetch_headline(session=session, flt=flt)
            assert headline.problems_total == headline.problems_rectified == row.rectified_in_week
            checked += row.rectified_in_week > 0
    assert checked >= 5
