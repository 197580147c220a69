"""The 177 people held accountable (exact published breakdown) and 2 organisations.

一案双查: 65 problems get a pair of records, the person directly responsible and the leader
responsible (is_leadership_responsibility=True). Leaders receive the lighter measures
(约谈, 提醒谈话, 诫勉谈话 ...); the pairs are matched by severity, so a sanctioned village
secretary's township leader is admonished rather than merely reminded. Of the remaining
47 people, most are linked to another problem of the same township, a few only to a
township (decided without a single ledger problem). Codes are WZ2018-001 … WZ2018-179
(WZ = 问责): people first in township/problem order, the two organisations last.
form: 1 for talks/criticism/admonishment, 2 for most disciplinary sanctions and 3 for four
heavier ones, None while under investigation (decided_on None too) and for organisations.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from seed import published
from seed.names import NamePool
from seed.problems import PlannedProblem
from seed.published import REPORT_ON, days_after_feedback
from seed.regions import TownshipRef
from seed.sampling import beta_day, expand, pick, weighted_sample, workday
from seed.vocab import DIRECT_POSITIONS, LEADER_POSITIONS

# Most to least severe: pairs are matched in this order.
SEVERITY = (
    "disciplinary_sanction",
    "under_investigation",
    "admonishment",
    "public_criticism",
    "warning_talk",
    "criticism_education",
    "reminder_talk",
    "formal_interview",
)
LEADER_CATEGORIES: tuple[tuple[str, int], ...] = (
    ("admonishment", 12),
    ("public_criticism", 5),
    ("warning_talk", 8),
    ("criticism_education", 2),
    ("reminder_talk", 22),
    ("formal_interview", 16),
)
UNLINKED_PEOPLE = 10
HEAVY_SANCTIONS = 4  # form 3 among the disciplinary sanctions
PAIR_WEIGHTS = {
    "funds_projects": 4.0,
    "work_style": 3.0,
    "main_responsibility": 2.0,
    "supervision_responsibility": 2.0,
    "task_progress": 1.0,
}
VILLAGE_LEVEL = ("村", "驻村", "帮扶")  # positions that only make sense with a village


@dataclass
class PlannedAction:
    """One accountability record while the seed builds it."""

    township: TownshipRef
    problem: PlannedProblem | None
    category: str
    position: str
    leader: bool = False
    person_name: str = ""
    decided_on: date | None = None
    form: int | None = None
    is_organisation: bool = False


def plan_people(
    rng: random.Random, pool: NamePool, plans: list[PlannedProblem]
) -> list[PlannedAction]:
    """All accountability records: 177 people then the 2 organisations."""
    leader_pool = expand(LEADER_CATEGORIES)
    direct_pool = _without(expand(published.PEOPLE_BY_CATEGORY), leader_pool)
    paired_direct = rng.sample(direct_pool, k=len(leader_pool))
    singles = _without(direct_pool, paired_direct)
    pair_problems = _pair_problems(rng, plans, len(leader_pool))
    rank = SEVERITY.index
    actions: list[PlannedAction] = []
    directs, leaders = sorted(paired_direct, key=rank), sorted(leader_pool, key=rank)
    for problem, direct, leader in zip(pair_problems, directs, leaders, strict=True):
        actions.append(_person(rng, problem.township, problem, direct, leader=False))
        actions.append(_person(rng, problem.township, problem, leader, leader=True))
    actions.extend(_singles(rng, plans, pair_problems, singles))
    actions.sort(
        key=lambda a: (a.township.sort_order, a.problem.code if a.problem else "~", a.leader)
    )
    _finish_people(rng, pool, actions)
    return actions + _organisations(rng, plans)


def _pair_problems(rng: random.Random, plans: list[PlannedProblem], k: int) -> list[PlannedProblem]:
    """The k problems checked both ways (一案双查): money and style first, leads most."""
    weights = [
        PAIR_WEIGHTS[p.focus_area] * (3 if p.source == "transferred_lead" else 1) for p in plans
    ]
    chosen = [plans[i] for i in weighted_sample(rng, weights, k)]
    rng.shuffle(chosen)
    return chosen


def _without(items: list[str], removed: list[str]) -> list[str]:
    """items minus one occurrence of each element of removed (a multiset difference)."""
    rest = list(items)
    for item in removed:
        rest.remove(item)
    return rest


def _person(
    rng: random.Random,
    township: TownshipRef,
    problem: PlannedProblem | None,
    category: str,
    *,
    leader: bool,
) -> PlannedAction:
    """One person's record with a position that fits the level of the problem."""
    choices: tuple[tuple[str, int], ...] = LEADER_POSITIONS if leader else DIRECT_POSITIONS
    if problem is None or problem.village is None:
        choices = tuple(c for c in choices if not c[0].startswith(VILLAGE_LEVEL))
    position = pick(rng, choices).format(kind=township.kind)
    return PlannedAction(
        township=township, problem=problem, category=category, position=position, leader=leader
    )


def _singles(
    rng: random.Random,
    plans: list[PlannedProblem],
    taken: list[PlannedProblem],
    categories: list[str],
) -> list[PlannedAction]:
    """People held accountable alone: most on a problem of their township, a few on none."""
    taken_codes = {p.code for p in taken}
    free = [p for p in plans if p.code not in taken_codes]
    weights = [PAIR_WEIGHTS[p.focus_area] for p in free]
    linked = [free[i] for i in weighted_sample(rng, weights, len(categories) - UNLINKED_PEOPLE)]
    townships = [p.township for p in plans]
    unlinked = [rng.choice(townships) for _ in range(UNLINKED_PEOPLE)]
    rng.shuffle(categories)
    problems: list[PlannedProblem | None] = [*linked, *([None] * UNLINKED_PEOPLE)]
    owners = [p.township for p in linked] + unlinked
    return [
        _person(rng, t, p, c, leader=False)
        for t, p, c in zip(owners, problems, categories, strict=True)
    ]


def _finish_people(rng: random.Random, pool: NamePool, actions: list[PlannedAction]) -> None:
    """Names, decision days and forms (四种形态) of the people."""
    decided: dict[str, date] = {}  # one decision day per problem: both records of a pair
    for action in actions:
        action.person_name = pool.person()
        if action.category == "under_investigation":
            continue  # no outcome yet: neither a decision day nor a form
        code = action.problem.code if action.problem else ""
        day = decided.get(code) or _decision_day(rng, days=54)
        if code:
            decided[code] = day
        action.decided_on = day
        action.form = 1
    sanctions = [a for a in actions if a.category == "disciplinary_sanction"]
    for action in sanctions:
        action.form = 2
    for action in rng.sample(sanctions, k=HEAVY_SANCTIONS):
        action.form = 3


def _decision_day(rng: random.Random, *, days: int) -> date:
    """A working day in the two months after feedback, most decisions in late June and July."""
    return workday(beta_day(rng, days_after_feedback(7), days, 1.6, 2.0), latest=REPORT_ON)


def _organisations(rng: random.Random, plans: list[PlannedProblem]) -> list[PlannedAction]:
    """Two village party branches that made written self-criticism (书面检查)."""
    weak = [p for p in plans if p.sub_category == "村党组织软弱涣散" and p.village is not None]
    chosen = rng.sample(weak, k=published.SELF_CRITICISM_ORGS)
    chosen.sort(key=lambda p: p.code)
    return [
        PlannedAction(
            township=p.township,
            problem=p,
            category="written_self_criticism",
            position="村党组织",
            person_name=f"{p.village.name}党支部",
            decided_on=_decision_day(rng, days=40),
            is_organisation=True,
        )
        for p in chosen
        if p.village is not None  # all of them: weak holds village problems only
    ]
