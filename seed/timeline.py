"""Dated status histories: from finding through feedback to rectification and 销号.

Every problem starts not_started on the day it was found. Work starts (in_progress) in the
first week after the feedback meeting of 2018-06-08, or within days of the finding for
problems fixed on the spot (立行立改). Rectification days follow a beta curve over the two
months to 2018-08-08 (slow start, a peak in July, a tail), on working days; on-the-spot
fixes finish early in that window. Some problems pass through basically_done first. The
deadline is the first of 30/60/90 days after feedback that the work was planned to meet;
most rectified problems are 销号 (closed), except those finished in the last week.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from seed.problems import PlannedProblem
from seed.published import DEADLINE_DAYS, REPORT_ON, days_after_feedback
from seed.sampling import beta_day, day_between, workday, workdays_after

FIRST_WORK_DAY = days_after_feedback(3)  # Monday after the Friday feedback meeting
CLOSING_CUTOFF = REPORT_ON - timedelta(days=7)  # later fixes are not yet verified and closed
CLOSED_SHARE = 0.93
PASSES_BASICALLY_DONE = 0.35


def plan_timelines(rng: random.Random, plans: list[PlannedProblem]) -> None:
    """Fill rectified_on, deadline, closed and the status events of every problem."""
    for plan in plans:
        if plan.status == "rectified":
            _rectified_history(rng, plan)
        else:
            _open_history(rng, plan)
        plan.closed = (
            plan.status == "rectified"
            and plan.rectified_on is not None
            and plan.rectified_on <= CLOSING_CUTOFF
            and rng.random() < CLOSED_SHARE
        )


def _rectified_history(rng: random.Random, plan: PlannedProblem) -> None:
    """not_started → in_progress → (basically_done) → rectified, strictly later each step."""
    if plan.source == "immediate_fix":
        started = workdays_after(plan.found_on, rng.randint(1, 3))
        done = beta_day(rng, days_after_feedback(3), 35, 1.6, 3.0)
    else:
        started = day_between(rng, FIRST_WORK_DAY, days_after_feedback(9))
        done = beta_day(rng, days_after_feedback(5), 56, 2.4, 2.0)
    done = max(workday(done, latest=REPORT_ON), started + timedelta(days=1))
    plan.events = [("not_started", plan.found_on), ("in_progress", started)]
    if (done - started).days >= 8 and rng.random() < PASSES_BASICALLY_DONE:
        nearly = workday(done - timedelta(days=rng.randint(2, 7)))
        if started < nearly < done:
            plan.events.append(("basically_done", nearly))
    plan.events.append(("rectified", done))
    plan.rectified_on = done
    plan.deadline = _deadline_for(rng, done)


def _deadline_for(rng: random.Random, done: date) -> date:
    """The first 30/60/90-day deadline the work met; now and then a more generous one."""
    options = [days_after_feedback(d) for d in DEADLINE_DAYS]
    met = [d for d in options if d >= done] or options[-1:]
    if len(met) > 1 and rng.random() < 0.2:
        return met[1]
    return met[0]


def _open_history(rng: random.Random, plan: PlannedProblem) -> None:
    """Histories of the problems still open on the report day, with their deadlines."""
    plan.events = [("not_started", plan.found_on)]
    if plan.status == "not_started":
        plan.deadline = days_after_feedback(90)
        return
    started = day_between(rng, FIRST_WORK_DAY, days_after_feedback(14))
    plan.events.append(("in_progress", started))
    if plan.status == "basically_done":
        plan.events.append(("basically_done", day_between(rng, date(2018, 7, 16), REPORT_ON)))
        plan.deadline = days_after_feedback(rng.choice((60, 90)))
    else:
        plan.deadline = days_after_feedback(rng.choice((60, 90, 90)))
