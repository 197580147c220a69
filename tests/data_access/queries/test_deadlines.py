"""Overdue early warning (红黄绿, 逾期清单) and the completion projection, on both backends."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from data_access.codes import (
    COMPLETED_STATUS,
    DATED_DEADLINE_KINDS,
    DUE_SOON,
    LONG_TERM_STATUS,
    ON_TRACK,
    OVERDUE,
)
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.models import Problem, StatusEvent
from data_access.queries import (
    fetch_completion_projection,
    fetch_deadline_warnings,
    fetch_overdue_list,
)
from data_access.queries.projection import WINDOW_DAYS, projected_day
from data_access.roles import ADMIN, MASK_CHAR, VIEWER
from data_access.summaries import refresh_summaries
from tests.support.published_figures import PUBLISHED_AS_OF
from tests.support.query_support import Ledger, frame, headline, load_ledger

DAYS = 14
BEFORE_DEADLINES = date(2018, 7, 1)  # the first deadlines (7-08) are due soon
MID_RECTIFICATION = date(2018, 7, 20)
LATE_PROBLEM = "ZY2018-004"  # in progress when the demo's history ends, due 2018-08-07


def expected_levels(ledger: Ledger, day: date | None) -> dict[int, Counter]:
    """逾期/临期/正常 per township, recomputed from the rows by the documented rule."""
    reference = day or local_today()
    levels: dict[int, Counter] = {}
    for problem in ledger.problems:
        if day is not None and problem.found_on > day:
            continue
        status = ledger.status_on(problem, day)
        if status == COMPLETED_STATUS:
            continue
        dated = problem.deadline if problem.deadline_kind in DATED_DEADLINE_KINDS else None
        judged = dated is not None and status != LONG_TERM_STATUS
        if judged and dated < reference:
            level = OVERDUE
        elif judged and dated <= reference + timedelta(days=DAYS):
            level = DUE_SOON
        else:
            level = ON_TRACK
        levels.setdefault(problem.township_id, Counter())[level] += 1
    return levels


@pytest.mark.parametrize("as_of", [None, BEFORE_DEADLINES, PUBLISHED_AS_OF])
def test_warning_counts_follow_the_rule(seeded_engine: Engine, as_of: date | None) -> None:
    """Each township's red/amber/green counts match the rule; red sums to the headline."""
    warnings = frame(seeded_engine, fetch_deadline_warnings, as_of=as_of)
    expected = expected_levels(load_ledger(seeded_engine), as_of)
    shown = {
        int(row.township_id): Counter(
            {level: getattr(row, level) for level in (OVERDUE, DUE_SOON, ON_TRACK)}
        )
        for row in warnings.itertuples()
    }
    assert shown == expected  # Counters: a missing level equals a zero
    assert warnings[OVERDUE].sum() == headline(seeded_engine, as_of=as_of).overdue
    assert (warnings["open_problems"] == warnings[[OVERDUE, DUE_SOON, ON_TRACK]].sum(axis=1)).all()
    if as_of == BEFORE_DEADLINES:
        assert warnings[DUE_SOON].sum() > 0 and warnings[OVERDUE].sum() == 0


def overdue_codes(session: Session, day: date, role: str | None = None):
    """The 逾期清单 on day, by code."""
    rows = fetch_overdue_list(session=session, flt=Filter(as_of=day), role=role)
    return rows.set_index("code")


def red_count(session: Session, day: date, township_id: int) -> int:
    """The township's overdue count on day."""
    warnings = fetch_deadline_warnings(session=session, flt=Filter(as_of=day), days=DAYS)
    return int(warnings.set_index("township_id").loc[township_id, OVERDUE])


def test_an_overdue_problem_appears_and_disappears_with_its_status(seeded_engine: Engine) -> None:
    """Open past its deadline: listed with its days and masked names; once rectified, gone.

    The rectification is written in a transaction that is never committed.
    """
    with Session(seeded_engine) as session:
        problem = session.exec(select(Problem).where(Problem.code == LATE_PROBLEM)).one()
        deadline = problem.deadline
        assert LATE_PROBLEM not in overdue_codes(session, deadline).index  # due that day
        listed = overdue_codes(session, deadline + timedelta(days=1), role=VIEWER)
        row = listed.loc[LATE_PROBLEM]
        assert row["days_overdue"] == 1
        assert row["responsible_person"][1:] == MASK_CHAR * (len(row["responsible_person"]) - 1)
        full = overdue_codes(session, deadline + timedelta(days=1), role=ADMIN)
        assert full.loc[LATE_PROBLEM, "responsible_person"] == problem.responsible_person
        assert list(listed["days_overdue"]) == sorted(listed["days_overdue"], reverse=True)
        done_on = deadline + timedelta(days=12)
        red_before = red_count(session, done_on, problem.township_id)
        # As an import writes it: the status, its day and the event together.
        problem.status, problem.rectified_on = COMPLETED_STATUS, done_on
        session.add(StatusEvent(problem_id=problem.id, status=COMPLETED_STATUS, changed_on=done_on))
        refresh_summaries(session, [problem.township_id])
        assert overdue_codes(session, done_on - timedelta(days=1)).loc[LATE_PROBLEM, "days_overdue"]
        assert LATE_PROBLEM not in overdue_codes(session, done_on).index
        assert red_count(session, done_on, problem.township_id) == red_before - 1
        session.rollback()


def test_projection_by_hand() -> None:
    """10 open at 4 per four weeks: 70 days; none open: that day; no progress: no date."""
    day = date(2025, 1, 1)
    assert projected_day(10, 4, day) == date(2025, 3, 12)
    assert projected_day(3, 7, day) == day + timedelta(days=12)  # 3 × 28 / 7
    assert projected_day(5, 3, day) == day + timedelta(days=47)  # 46.67 rounded up
    assert projected_day(0, 0, day) == day
    assert projected_day(4, 0, day) is None
    assert projected_day(4, -2, day) is None  # reopened more than closed


@pytest.mark.parametrize("as_of", [None, MID_RECTIFICATION])
def test_projection_per_township_and_in_all(seeded_engine: Engine, as_of: date | None) -> None:
    """Open problems and the four weeks' net progress from the history give each date."""
    ledger = load_ledger(seeded_engine)
    day = as_of or local_today()
    start = day - timedelta(days=WINDOW_DAYS)
    now = ledger.statuses_on(as_of)
    rectified_before = ledger.statuses_on(start)[COMPLETED_STATUS]
    projection = frame(seeded_engine, fetch_completion_projection, as_of=as_of)
    total = projection.iloc[0]
    assert total["township_id"] == 0
    assert total["problems_total"] == sum(now.values())
    assert total["problems_rectified"] == now[COMPLETED_STATUS]
    assert total["rectified_last_4_weeks"] == now[COMPLETED_STATUS] - rectified_before
    open_problems = sum(now.values()) - now[COMPLETED_STATUS]
    expected = projected_day(open_problems, total["rectified_last_4_weeks"], day)
    assert total["projected_on"] == expected
    townships = projection.iloc[1:]
    assert townships["open_problems"].sum() == open_problems
    assert townships["rectified_last_4_weeks"].sum() == total["rectified_last_4_weeks"]
    if as_of is None:  # the demo's history ends in 2018: no progress since
        assert set(townships["outlook"]) <= {"stalled", "done"}
        assert total["outlook_label"] == "按当前进度无法完成"
    else:  # 117 open, 248 more rectified since 06-22: ceil(117 × 28 / 248) = 14 days
        assert (open_problems, total["rectified_last_4_weeks"]) == (117, 248)
        assert total["projected_on"] == date(2018, 8, 3)
