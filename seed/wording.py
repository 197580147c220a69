"""Ledger wording of each problem: description, measures, evidence, who leads and answers.

Descriptions and measures fill the templates of seed.text with the problem's township,
village, a year (2016 or 2017, before the round) and an amount: the recovered sum when
the problem recovered money, otherwise an illustrative sum. Names are illustrative; each
township has a party secretary (牵头领导 for most problems), a discipline secretary
(牵头领导 for supervision problems) and three staff who answer for the work (责任人).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from seed.names import NamePool
from seed.problems import PlannedProblem
from seed.text import EVIDENCE, MEASURES, RESPONSIBLE_UNITS

STAFF_PER_TOWNSHIP = 3


@dataclass(frozen=True)
class TownshipStaff:
    """The illustrative people of one township's ledger."""

    secretary: str
    discipline_secretary: str
    staff: tuple[str, ...]


def plan_wording(rng: random.Random, pool: NamePool, plans: list[PlannedProblem]) -> None:
    """Fill description, measures, evidence and the people columns of every problem."""
    staff_by_township: dict[int, TownshipStaff] = {}
    for plan in plans:
        township_id = plan.township.id
        if township_id not in staff_by_township:
            staff_by_township[township_id] = TownshipStaff(
                secretary=pool.person(),
                discipline_secretary=pool.person(),
                staff=tuple(pool.person() for _ in range(STAFF_PER_TOWNSHIP)),
            )
        _word_one(rng, plan, staff_by_township[township_id])


def format_yuan(amount: int) -> str:
    """An amount as ledgers write it: thousands separators, e.g. 12,360."""
    return f"{amount:,}"


def _word_one(rng: random.Random, plan: PlannedProblem, staff: TownshipStaff) -> None:
    """Wording and people of one problem."""
    amount = plan.recovered_yuan or rng.randint(30, 900) * 100
    values = {
        "township": plan.township.name,
        "village": plan.village.name if plan.village else "",
        "year": rng.choice((2016, 2017, 2017)),
        "amount": format_yuan(amount),
        "count": rng.randint(2, 12),
    }
    plan.description = plan.template.format(**values)
    # Problems that recovered money get the "refund the money" measure, the others the rest.
    measures = MEASURES[plan.sub_category]
    candidates = [m for m in measures if ("{amount}" in m) == bool(plan.recovered_yuan)]
    plan.measures = rng.choice(candidates or list(measures)).format(**values)
    if plan.status in ("rectified", "basically_done"):
        plan.evidence = rng.choice(EVIDENCE)
    plan.responsible_unit = RESPONSIBLE_UNITS[plan.focus_area].format(**values)
    plan.responsible_person = rng.choice(staff.staff)
    plan.lead_leader = (
        staff.discipline_secretary
        if plan.focus_area == "supervision_responsibility"
        else staff.secretary
    )
