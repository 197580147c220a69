"""load_demo: plan the whole demo with random.Random(42), then store it in one transaction.

Planning (seed.problems, timeline, results, wording, people, leads) is pure and draws from
one generator in a fixed order, so two runs produce identical tables. Storing uses bulk
inserts that return the new ids in order. One ImportBatch (kind "seed", file "demo") owns
every ledger row, which is how the UI recognises demo data, and the data version is bumped.
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import UTC, datetime, time

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data_access.db import session_scope
from data_access.models import (
    AccountabilityAction,
    Case,
    ImportBatch,
    InspectionGroup,
    InspectionRound,
    Lead,
    Problem,
    StatusEvent,
    TownshipShape,
    utc_now,
)
from data_access.regions.shapes import schematic_rows
from data_access.version import bump_data_version
from seed import published
from seed.categories import insert_demo_categories
from seed.leads import PlannedCase, PlannedLead, plan_leads
from seed.names import NamePool
from seed.people import PlannedAction, plan_people
from seed.problems import PlannedProblem, plan_problems
from seed.regions import Places, confirmed_village_names, insert_regions
from seed.results import plan_result_days, plan_results
from seed.sampling import allocate
from seed.store import insert_returning_ids, refuse_unless_empty
from seed.timeline import plan_timelines
from seed.vocab import GROUP_NAMES, ROUND_NAME, ROUND_THEME
from seed.wording import plan_wording

RANDOM_SEED = 42
RESULT_DAYS_SEED = 4223  # the days of recoveries and rules: drawn apart, added later
DEMO_BATCH_KIND = "seed"
DEMO_FILE_NAME = "demo"
DEMO_UPLOADER = "seed"
EVENT_NOTES = {
    "not_started": "巡察发现问题",
    "in_progress": "启动整改",
    "basically_done": "基本完成，待验收",
    "rectified": "整改完成",
}


def load_demo(engine: Engine) -> None:
    """Write the demo data into an empty, migrated store (SeedRefusedError if it is not)."""
    with session_scope(engine, write=True) as session:
        write_demo(session)


def write_demo(session: Session) -> dict[str, int]:
    """Plan and store the demo inside the caller's write transaction."""
    refuse_unless_empty(session)
    rng = random.Random(RANDOM_SEED)
    pool = NamePool(rng, taken=confirmed_village_names())
    places = insert_regions(session, rng, pool)
    # The map's layout is schematic (示意图): hexagons in township order, no real boundaries.
    insert_returning_ids(session, TownshipShape, schematic_rows([t.id for t in places.townships]))
    round_id, group_ids = _insert_round(session, places)
    batch_id = insert_returning_ids(session, ImportBatch, [_batch_row(round_id)])[0]
    plans = plan_problems(rng, places.townships)
    plan_timelines(rng, plans)
    plan_results(rng, plans)
    plan_result_days(random.Random(RESULT_DAYS_SEED), plans)
    plan_wording(rng, pool, plans)
    actions = plan_people(rng, pool, plans)
    leads, case = plan_leads(rng, plans)
    ledger = _Ledger(session, batch_id, round_id)
    counts = {
        "problems": ledger.problems(plans, group_ids),
        "status_events": ledger.events(plans),
        "accountability_actions": ledger.actions(actions),
        "leads": ledger.leads(leads, case),
    }
    _finish_batch(session, batch_id, counts, _fingerprint(plans, actions, leads))
    bump_data_version(session=session, batch_id=batch_id)
    return counts


def _insert_round(session: Session, places: Places) -> tuple[int, list[int]]:
    """The round, its categories and its four groups, each group covering a contiguous share
    of townships."""
    round_row = {
        "name": ROUND_NAME,
        "theme": ROUND_THEME,
        "level": "city",
        "county_id": places.county_id,
        "started_on": published.STARTED_ON,
        "ended_on": published.ENDED_ON,
        "feedback_on": published.FEEDBACK_ON,
    }
    round_id = insert_returning_ids(session, InspectionRound, [round_row])[0]
    insert_demo_categories(session, [round_id])
    group_rows = [
        {"round_id": round_id, "name": name, "ordinal": ordinal}
        for ordinal, name in enumerate(GROUP_NAMES, start=1)
    ]
    group_ids = insert_returning_ids(session, InspectionGroup, group_rows)
    shares = allocate(len(places.townships), [1.0] * len(GROUP_NAMES))
    owners = [i for i, share in enumerate(shares) for _ in range(share)]
    for township, group_index in zip(places.townships, owners, strict=True):
        township.group_index = group_index
    return round_id, group_ids


def _batch_row(round_id: int) -> dict:
    """The seed's import batch, opened now and finished once everything is stored."""
    return {
        "file_name": DEMO_FILE_NAME,
        "sha256": "",
        "kind": DEMO_BATCH_KIND,
        "uploader": DEMO_UPLOADER,
        "round_id": round_id,
        "started_at": utc_now(),
        "status": "committed",
    }


def _finish_batch(session: Session, batch_id: int, counts: dict[str, int], digest: str) -> None:
    """Record the counts, the content fingerprint and the finishing time on the batch."""
    session.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id)
        .values(finished_at=utc_now(), counts_json=json.dumps(counts), sha256=digest)
    )


def _fingerprint(
    plans: list[PlannedProblem], actions: list[PlannedAction], leads: list[PlannedLead]
) -> str:
    """sha256 of the demo's content (not its ids), the batch's stand-in for a file hash."""
    content = [
        [
            (
                p.code,
                p.township.name,
                p.status,
                p.rectified_on,
                p.recovered_yuan,
                p.rules_improved,
                p.description,
            )
            for p in plans
        ],
        [(a.person_name, a.category, a.form, a.decided_on) for a in actions],
        [(lead.code, lead.outcome, lead.transferred_on) for lead in leads],
    ]
    return hashlib.sha256(json.dumps(content, default=str, ensure_ascii=False).encode()).hexdigest()


class _Ledger:
    """Stores the planned ledger rows of one batch and round, remembering their ids."""

    def __init__(self, session: Session, batch_id: int, round_id: int) -> None:
        """Bind to the transaction, the seed batch and the round."""
        self.session = session
        self.batch_id = batch_id
        self.round_id = round_id

    def problems(self, plans: list[PlannedProblem], group_ids: list[int]) -> int:
        """Insert the problems; their ids are written back onto the plans."""
        rows = [self._problem_row(p, group_ids[p.township.group_index]) for p in plans]
        for plan, new_id in zip(
            plans, insert_returning_ids(self.session, Problem, rows), strict=True
        ):
            plan.id = new_id
        return len(rows)

    def _problem_row(self, p: PlannedProblem, group_id: int) -> dict:
        """One Problem row."""
        last_change = p.events[-1][1]
        return {
            "code": p.code, "round_id": self.round_id, "group_id": group_id,
            "township_id": p.township.id, "village_id": p.village.id if p.village else None,
            "focus_area": p.focus_area, "sub_category": p.sub_category,
            "description": p.description, "source": p.source, "lead_leader": p.lead_leader,
            "responsible_unit": p.responsible_unit, "responsible_person": p.responsible_person,
            "measures": p.measures, "found_on": p.found_on, "deadline": p.deadline,
            "deadline_kind": "date" if p.deadline else "",
            "status": p.status, "rectified_on": p.rectified_on, "closed": p.closed,
            "recovered_yuan": p.recovered_yuan, "recovered_on": p.recovered_on,
            "rules_improved": p.rules_improved, "rules_improved_on": p.rules_improved_on,
            "evidence": p.evidence, "import_batch_id": self.batch_id,
            # 10:00 Beijing time on the day of the last change: deterministic, tz-aware UTC.
            "updated_at": datetime.combine(last_change, time(2, 0), tzinfo=UTC),
        }  # fmt: skip

    def events(self, plans: list[PlannedProblem]) -> int:
        """Insert every problem's status history."""
        rows = [
            {
                "problem_id": p.id,
                "status": status,
                "changed_on": day,
                "import_batch_id": self.batch_id,
                "note": EVENT_NOTES[status],
            }
            for p in plans
            for status, day in p.events
        ]
        insert_returning_ids(self.session, StatusEvent, rows)
        return len(rows)

    def actions(self, actions: list[PlannedAction]) -> int:
        """Insert the accountability records (people, then organisations)."""
        rows = [
            {
                "code": f"WZ2018-{number:03d}", "problem_id": a.problem.id if a.problem else None,
                "township_id": a.township.id, "person_name": a.person_name, "position": a.position,
                "category": a.category, "form": a.form, "decided_on": a.decided_on,
                "is_organisation": a.is_organisation, "is_leadership_responsibility": a.leader,
                "import_batch_id": self.batch_id,
            }
            for number, a in enumerate(actions, start=1)
        ]  # fmt: skip
        insert_returning_ids(self.session, AccountabilityAction, rows)
        return len(rows)

    def leads(self, leads: list[PlannedLead], case: PlannedCase) -> int:
        """Insert the leads and the case opened from one of them."""
        rows = [
            {
                "code": lead.code,
                "round_id": self.round_id,
                "township_id": lead.problem.township.id,
                "problem_id": lead.problem.id,
                "subject_position": lead.subject_position,
                "transferred_to": lead.transferred_to,
                "transferred_on": lead.transferred_on,
                "outcome": lead.outcome,
                "import_batch_id": self.batch_id,
            }
            for lead in leads
        ]
        lead_ids = dict(
            zip(
                [lead.code for lead in leads],
                insert_returning_ids(self.session, Lead, rows),
                strict=True,
            )
        )
        case_row = {
            "lead_id": lead_ids[case.lead_code],
            "opened_on": case.opened_on,
            "people_involved": case.people_involved,
            "people_sanctioned": case.people_sanctioned,
        }
        insert_returning_ids(self.session, Case, [case_row])
        return len(rows)
