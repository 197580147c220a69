"""Results of rectification: losses recovered (exactly 1,170,128 元) and rules improved (117).

Recovered money sits on rectified problems about money: the funds sub-categories where
money goes astray (截留挪用, 优亲厚友, 贪污侵占, 虚报冒领, 招投标违规), 吃拿卡要, and some
housing/photovoltaic task-progress problems. The distribution is long-tailed: a handful of
large recoveries of 5-20万元, the rest lognormal-sized small sums, all integer 元.
Rules improved sit mostly on main/supervision-responsibility problems: one rule each for
about 90 problems, a few with two or three.

Days (plan_result_days, from a generator of their own so the rest of the demo stays as it
was): most recoveries carry a 挽损日期 a little before the rectification (money is
recovered, then the problem is signed off), the rest leave it empty and count from the
rectification day; rules on problems still open on the report day carry a 制度完善日期
after work started, rules on rectified problems sometimes one before the rectification.
Every day lies on or before the report day, so as of it the totals are the published ones.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from statistics import fmean

from seed import published
from seed.problems import PlannedProblem
from seed.sampling import allocate, day_between, weighted_sample

MONEY_SUB_CATEGORIES = ("截留挪用", "优亲厚友", "贪污侵占", "虚报冒领", "招投标违规", "吃拿卡要")
TASK_MONEY_SUB_CATEGORIES = ("危房改造/易地搬迁政策执行偏差", "光伏扶贫项目进度滞后")
TASK_MONEY_SHARE = 0.35
LARGE_COUNT = 5
LARGE_RANGE = (50_000, 200_000)
SMALL_SIGMA = 0.9
RULE_CARRIERS = 90
RULE_WEIGHTS = {
    "main_responsibility": 3.0,
    "supervision_responsibility": 3.0,
    "task_progress": 1.2,
    "funds_projects": 1.0,
    "work_style": 0.6,
}


def plan_results(rng: random.Random, plans: list[PlannedProblem]) -> None:
    """Set recovered_yuan and rules_improved so the totals are exactly the published ones."""
    _spread_recovered(rng, plans)
    _spread_rules(rng, plans)


def _money_carriers(rng: random.Random, plans: list[PlannedProblem]) -> list[PlannedProblem]:
    """The rectified problems that recovered money."""
    carriers = []
    for plan in plans:
        if plan.status != "rectified":
            continue
        if plan.sub_category in MONEY_SUB_CATEGORIES or (
            plan.sub_category in TASK_MONEY_SUB_CATEGORIES and rng.random() < TASK_MONEY_SHARE
        ):
            carriers.append(plan)
    return carriers


def _spread_recovered(rng: random.Random, plans: list[PlannedProblem]) -> None:
    """A few large recoveries, many small ones, summing to the published total."""
    carriers = _money_carriers(rng, plans)
    big_weights = [1.0 if p.sub_category in ("截留挪用", "贪污侵占") else 0.0 for p in carriers]
    big = set(weighted_sample(rng, big_weights, LARGE_COUNT))
    for i in sorted(big):
        carriers[i].recovered_yuan = rng.randint(*LARGE_RANGE)
    small = [p for i, p in enumerate(carriers) if i not in big]
    remaining = published.RECOVERED_YUAN - sum(p.recovered_yuan for p in carriers)
    raw = [rng.lognormvariate(0.0, SMALL_SIGMA) for _ in small]
    cap = 6 * fmean(raw)  # keep the small ones small: the tail belongs to the large ones
    for plan, amount in zip(small, allocate(remaining, [min(w, cap) for w in raw]), strict=True):
        plan.recovered_yuan = amount
    if max(p.recovered_yuan for p in small) >= LARGE_RANGE[0]:
        raise AssertionError("demo money plan: a small recovery outgrew the large ones")


def _spread_rules(rng: random.Random, plans: list[PlannedProblem]) -> None:
    """One rule on each of ~90 problems, the rest as second/third rules, total 117."""
    weights = [RULE_WEIGHTS[p.focus_area] if p.status != "not_started" else 0.0 for p in plans]
    carriers = [plans[i] for i in weighted_sample(rng, weights, RULE_CARRIERS)]
    for plan in carriers:
        plan.rules_improved = 1
    extra_weights = [RULE_WEIGHTS[p.focus_area] for p in carriers]
    for plan in rng.choices(
        carriers, weights=extra_weights, k=published.RULES_IMPROVED - RULE_CARRIERS
    ):
        plan.rules_improved += 1


DATED_RECOVERY_SHARE = 0.6
DATED_RULES_SHARE = 0.4  # of the rules on rectified problems (open ones are always dated)


def plan_result_days(rng: random.Random, plans: list[PlannedProblem]) -> None:
    """Set recovered_on and rules_improved_on (None: the rectification day counts)."""
    for plan in plans:
        started = _work_started(plan)
        if plan.recovered_yuan and rng.random() < DATED_RECOVERY_SHARE:
            plan.recovered_on = _day_before_done(rng, started, plan.rectified_on)
        if plan.rules_improved and plan.rectified_on is None:
            plan.rules_improved_on = day_between(rng, started, published.REPORT_ON)
        elif plan.rules_improved and rng.random() < DATED_RULES_SHARE:
            plan.rules_improved_on = _day_before_done(rng, started, plan.rectified_on)


def _work_started(plan: PlannedProblem) -> date:
    """The day work on the problem started (its in_progress event; else the day found)."""
    return next((day for status, day in plan.events if status == "in_progress"), plan.found_on)


def _day_before_done(rng: random.Random, started: date, done: date | None) -> date | None:
    """A working day in the last three weeks of the work, never after it was done."""
    if done is None:
        return None
    return day_between(rng, max(started, done - timedelta(days=21)), done)
