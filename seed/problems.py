"""The 414 demo problems: where, what, from which source, and which are still open.

Codes are ZY2018-001 … ZY2018-414 (ZY = 枞阳, the round's year, a running number), numbered
in township order (docs/domain.md order) and, within a township, by the day the problem was
found, as a ledger kept per township and merged would be. Each township's problems were
found in the week or so its inspection group spent there; groups visit their contiguous
share of townships one after another between the round's start and end.

Counts per township follow the township sizes of seed.vocab (jittered); focus areas and
sub-categories are allocated exactly in the weights of seed.text, then shuffled. Sources:
40 problems came from transferred leads (移交线索, one per Lead row, mostly about funds),
52 were fixed on the spot (立行立改, never among the open ones), the rest are 巡察反馈.
The 33 problems still open on the report day lean to larger townships and task progress.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from seed import published
from seed.regions import TownshipRef, VillageRef
from seed.sampling import allocate, day_between, expand, weighted_sample
from seed.text import FOCUS_AREA_WEIGHTS, SUB_CATEGORIES

# Which problems became transferred leads (移交线索) or were fixed on the spot (立行立改).
LEAD_WEIGHTS = {"funds_projects": 6.0, "work_style": 3.0, "supervision_responsibility": 1.0}
IMMEDIATE_FIX_WEIGHTS = {"task_progress": 3.0, "work_style": 3.0, "main_responsibility": 1.5}
IMMEDIATE_FIX_COUNT = 52


@dataclass
class PlannedProblem:
    """One problem while the seed builds it (becomes a Problem row and its StatusEvents)."""

    township: TownshipRef
    village: VillageRef | None
    focus_area: str
    sub_category: str
    template: str
    found_on: date
    code: str = ""
    source: str = "inspection_feedback"
    status: str = "rectified"
    rectified_on: date | None = None
    deadline: date | None = None
    closed: bool = False
    events: list[tuple[str, date]] = field(default_factory=list)
    recovered_yuan: int = 0
    rules_improved: int = 0
    recovered_on: date | None = None
    rules_improved_on: date | None = None
    description: str = ""
    measures: str = ""
    evidence: str = ""
    lead_leader: str = ""
    responsible_unit: str = ""
    responsible_person: str = ""
    id: int | None = None


def plan_problems(rng: random.Random, townships: list[TownshipRef]) -> list[PlannedProblem]:
    """Where and what each problem is, its code, source and final status."""
    jittered = [t.size * rng.uniform(0.85, 1.15) for t in townships]
    per_township = allocate(published.PROBLEMS_TOTAL, jittered)
    kinds = _categories(published.PROBLEMS_TOTAL)
    rng.shuffle(kinds)
    kind_iter = iter(kinds)
    windows = _inspection_windows(townships)
    plans = [
        _plan_one(rng, township, *next(kind_iter), windows[township.id])
        for township, count in zip(townships, per_township, strict=True)
        for _ in range(count)
    ]
    plans.sort(key=lambda p: (p.township.sort_order, p.found_on))
    for number, plan in enumerate(plans, start=1):
        plan.code = f"ZY2018-{number:03d}"
    _assign_sources(rng, plans)
    _assign_statuses(rng, plans)
    return plans


def _categories(total: int) -> list[tuple[str, int]]:
    """(focus area, sub-category index) for total problems, exactly in the weights' shares."""
    kinds: list[tuple[str, int]] = []
    area_counts = allocate(total, list(FOCUS_AREA_WEIGHTS.values()))
    for area, area_count in zip(FOCUS_AREA_WEIGHTS, area_counts, strict=True):
        sub_counts = allocate(area_count, [weight for _, weight, _ in SUB_CATEGORIES[area]])
        kinds.extend((area, index) for index, count in enumerate(sub_counts) for _ in range(count))
    return kinds


def _inspection_windows(townships: list[TownshipRef]) -> dict[int, tuple[date, date]]:
    """Township id -> the days its group spent there (groups work through their share)."""
    span = (published.ENDED_ON - published.STARTED_ON).days
    windows: dict[int, tuple[date, date]] = {}
    for group_index in sorted({t.group_index for t in townships}):
        members = [t for t in townships if t.group_index == group_index]
        for k, township in enumerate(members):
            first = published.STARTED_ON + timedelta(days=k * span // len(members))
            last = published.STARTED_ON + timedelta(days=(k + 1) * span // len(members))
            windows[township.id] = (first, last)
    return windows


def _plan_one(
    rng: random.Random,
    township: TownshipRef,
    area: str,
    sub_index: int,
    window: tuple[date, date],
) -> PlannedProblem:
    """Draw wording, village and the finding day of one problem of a given category."""
    sub_name, _weight, templates = SUB_CATEGORIES[area][sub_index]
    template = rng.choice(templates)
    # A template naming a village gets one of the township's villages; the others are
    # township-level findings (no village), as in real ledgers.
    village = rng.choice(township.villages) if "{village}" in template else None
    return PlannedProblem(
        township=township,
        village=village,
        focus_area=area,
        sub_category=sub_name,
        template=template,
        found_on=day_between(rng, *window),
    )


def _assign_sources(rng: random.Random, plans: list[PlannedProblem]) -> None:
    """Mark the problems that came from transferred leads and those fixed on the spot."""
    lead_weights = [LEAD_WEIGHTS.get(p.focus_area, 0.0) for p in plans]
    for i in weighted_sample(rng, lead_weights, published.LEADS):
        plans[i].source = "transferred_lead"
    fix_weights = [
        IMMEDIATE_FIX_WEIGHTS.get(p.focus_area, 0.5) if p.source == "inspection_feedback" else 0
        for p in plans
    ]
    for i in weighted_sample(rng, fix_weights, IMMEDIATE_FIX_COUNT):
        plans[i].source = "immediate_fix"


def _assign_statuses(rng: random.Random, plans: list[PlannedProblem]) -> None:
    """Leave 33 problems open on the report day (never ones fixed on the spot)."""
    open_statuses = expand(published.UNRECTIFIED)
    # Larger, harder townships and task-progress work lag a little more.
    weights = [
        0.0
        if p.source == "immediate_fix"
        else p.township.size * (1.6 if p.focus_area == "task_progress" else 1.0)
        for p in plans
    ]
    chosen = weighted_sample(rng, weights, len(open_statuses))
    rng.shuffle(open_statuses)
    for i, status in zip(chosen, open_statuses, strict=True):
        plans[i].status = status
