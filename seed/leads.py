"""The 40 transferred problem leads (移交问题线索) and the one case opened from them.

Each lead comes from one ledger problem whose source is 移交线索; codes XS2018-01 … XS2018-40
follow the problems' codes. Most go to the county discipline commission (县纪委监委), a few
to the organisation department or the poverty-alleviation office. They are transferred a
few days to three weeks after the finding, at the latest a week after feedback. On the
report day 1 lead has become a case (立案审查: 2 people involved, 1 sanctioned), the others
are still being handled or closed without a case; the split of those is illustrative.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from seed import published
from seed.problems import PlannedProblem
from seed.published import days_after_feedback
from seed.sampling import day_between, expand, pick, workday
from seed.vocab import LEAD_RECEIVERS, LEAD_SUBJECT_POSITIONS

DISCIPLINE_COMMISSION = "县纪委监委"
PENDING_LEADS = 13  # the rest of the 39 without a case were closed (illustrative split)
CASE_SUB_CATEGORIES = ("贪污侵占", "截留挪用", "虚报冒领")


@dataclass
class PlannedLead:
    """One lead while the seed builds it."""

    code: str
    problem: PlannedProblem
    subject_position: str
    transferred_to: str
    transferred_on: date
    outcome: str = "closed_no_case"


@dataclass(frozen=True)
class PlannedCase:
    """The case opened from a lead."""

    lead_code: str
    opened_on: date
    people_involved: int
    people_sanctioned: int


def plan_leads(
    rng: random.Random, plans: list[PlannedProblem]
) -> tuple[list[PlannedLead], PlannedCase]:
    """The leads (one per transferred-lead problem) and the case opened from one of them."""
    sources = [p for p in plans if p.source == "transferred_lead"]
    receivers = expand(LEAD_RECEIVERS)
    rng.shuffle(receivers)
    leads = [
        _lead(rng, f"XS2018-{number:02d}", problem, receiver)
        for number, (problem, receiver) in enumerate(zip(sources, receivers, strict=True), 1)
    ]
    case_lead = _case_lead(rng, leads)
    case_lead.outcome = "case_opened"
    others = [lead for lead in leads if lead is not case_lead]
    for lead in rng.sample(others, k=PENDING_LEADS):
        lead.outcome = "pending"
    case = PlannedCase(
        lead_code=case_lead.code,
        opened_on=workday(case_lead.transferred_on + timedelta(days=rng.randint(25, 40))),
        people_involved=published.CASE_PEOPLE_INVOLVED,
        people_sanctioned=published.CASE_PEOPLE_SANCTIONED,
    )
    return leads, case


def _lead(rng: random.Random, code: str, problem: PlannedProblem, receiver: str) -> PlannedLead:
    """One lead, transferred 3-21 days after the finding and a week after feedback at the latest."""
    transferred_on = day_between(
        rng, problem.found_on + timedelta(days=3), problem.found_on + timedelta(days=21)
    )
    return PlannedLead(
        code=code,
        problem=problem,
        subject_position=pick(rng, LEAD_SUBJECT_POSITIONS).format(kind=problem.township.kind),
        transferred_to=receiver,
        transferred_on=min(transferred_on, days_after_feedback(7)),
    )


def _case_lead(rng: random.Random, leads: list[PlannedLead]) -> PlannedLead:
    """The lead that became a case: sent to the discipline commission, about money if any."""
    to_commission = [lead for lead in leads if lead.transferred_to == DISCIPLINE_COMMISSION]
    about_money = [
        lead for lead in to_commission if lead.problem.sub_category in CASE_SUB_CATEGORIES
    ]
    return rng.choice(about_money or to_commission)
