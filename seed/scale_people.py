"""The scale dataset's accountability records (~0.4 per problem) and leads (~0.1) with cases.

Accountability: about a third of the rows come in 一案双查 pairs (the person directly
responsible and the leader responsible for one problem), most others are single records on
a problem, a few are linked only to a township, and about one in a hundred is an
organisation (书面检查 / 组织处理). Categories follow the published mix of the demo
(seed.published), leaders get the lighter measures. Leads: one per problem whose source
is a transferred lead; about one in ten opens a case, the newest are still pending.
"""

from __future__ import annotations

import numpy as np

from seed.published import PEOPLE_BY_CATEGORY
from seed.scale_ledger import NOT_STARTED, TRANSFERRED_LEAD, Ledger, weighted_pick
from seed.scale_places import Province
from seed.vocab import DIRECT_POSITIONS, LEAD_RECEIVERS, LEAD_SUBJECT_POSITIONS, LEADER_POSITIONS

ACCOUNTABILITY_PER_PROBLEM = 0.4
LEADS_PER_PROBLEM = 0.1
PAIRED_SHARE = 0.3  # rows in 一案双查 pairs
UNLINKED_SHARE = 0.05  # rows linked to a township only
ORGANISATION_SHARE = 0.01
ORGANISATION_CATEGORIES = (("written_self_criticism", 3), ("org_measure", 1))
LEADER_CATEGORIES = (
    ("admonishment", 12),
    ("public_criticism", 5),
    ("warning_talk", 8),
    ("criticism_education", 2),
    ("reminder_talk", 22),
    ("formal_interview", 16),
)
PAIR_WEIGHTS = (2.0, 2.0, 1.0, 4.0, 3.0)  # by focus-area index: funds and work style first
LEAD_OUTCOME_SHARES = (("pending", 0.3), ("case_opened", 0.1), ("closed_no_case", 0.6))
PENDING_ROUNDS = 4  # only the last rounds' leads can still be pending


def _draw(rng: np.random.Generator, weighted: tuple, count: int) -> np.ndarray:
    """count items of ((item, weight), ...) drawn with replacement."""
    items = np.array([item for item, _ in weighted], dtype=object)
    weights = np.array([weight for _, weight in weighted], dtype=float)
    return items[rng.choice(len(items), count, p=weights / weights.sum())]


def _positions(rng, weighted: tuple, kinds: np.ndarray) -> np.ndarray:
    """Positions such as 分管副镇长, with the township's kind (镇/乡) filled in."""
    drawn = _draw(rng, weighted, len(kinds))
    return np.array([p.format(kind=k) for p, k in zip(drawn, kinds, strict=True)], dtype=object)


def _forms(rng: np.random.Generator, category: np.ndarray) -> np.ndarray:
    """四种形态: talks 1, sanctions 2 (some 3), pending and organisations none (-1)."""
    form = np.ones(len(category), dtype=np.int64)
    sanction = category == "disciplinary_sanction"
    form[sanction] = np.where(rng.random(sanction.sum()) < 0.15, 3, 2)
    no_form = ["under_investigation", *(code for code, _ in ORGANISATION_CATEGORIES)]
    form[np.isin(category, no_form)] = -1
    return form


def _linked_rows(rng, ledger: Ledger, total: int) -> tuple[np.ndarray, np.ndarray]:
    """(problem index, is leader) of the rows linked to problems: pairs then singles."""
    pairs = round(total * PAIRED_SHARE / 2)
    singles = total - 2 * pairs
    weights = np.array(PAIR_WEIGHTS)[ledger.area] * (ledger.status != NOT_STARTED)
    chosen = weighted_pick(rng, weights, pairs + singles)
    rng.shuffle(chosen)
    paired, single = chosen[:pairs], chosen[pairs:]
    problem = np.concatenate([paired, paired, single])
    leader = np.concatenate([np.zeros(pairs, bool), np.ones(pairs, bool), np.zeros(singles, bool)])
    order = np.lexsort((leader, problem))
    return problem[order], leader[order]


def plan_accountability(
    rng: np.random.Generator, province: Province, ledger: Ledger
) -> dict[str, np.ndarray]:
    """About 0.4 rows per problem: pairs, single records, township-only ones, organisations."""
    total = round(ACCOUNTABILITY_PER_PROBLEM * len(ledger.status))
    organisations = round(total * ORGANISATION_SHARE)
    unlinked = round(total * UNLINKED_SHARE)
    problem, leader = _linked_rows(rng, ledger, total - organisations - unlinked)
    others = organisations + unlinked
    weights = province.township_size / province.township_size.sum()
    loose_township = rng.choice(len(weights), others, p=weights)
    township = np.concatenate([ledger.township[problem], loose_township])
    linked = np.concatenate([problem, np.full(unlinked, -1), rng.choice(problem, organisations)])
    category = np.concatenate([
        np.where(leader, _draw(rng, LEADER_CATEGORIES, len(problem)),
                 _draw(rng, PEOPLE_BY_CATEGORY, len(problem))),
        _draw(rng, PEOPLE_BY_CATEGORY, unlinked),
        _draw(rng, ORGANISATION_CATEGORIES, organisations),
    ])  # fmt: skip
    is_org = np.arange(total) >= total - organisations
    township[is_org] = ledger.township[linked[is_org]]
    return _action_columns(rng, province, ledger, township, linked, category, leader, is_org)


def _action_columns(rng, province, ledger, township, linked, category, leader, is_org) -> dict:
    """The accountability_action columns for the drawn rows."""
    total = len(township)
    kinds = province.tables["township"]["kind"][township]
    is_leader = np.concatenate([leader, np.zeros(total - len(leader), bool)])
    # Decided after the problem's rectification; township-only ones after some round.
    some_round = rng.choice(province.round_feedback.astype(np.int64), total)
    base_day = np.where(linked >= 0, ledger.done[np.maximum(linked, 0)], some_round + 30)
    decided = (base_day + rng.integers(5, 90, total)).astype("datetime64[D]")
    pending = category == "under_investigation"
    position = np.where(is_leader, _positions(rng, LEADER_POSITIONS, kinds),
                        _positions(rng, DIRECT_POSITIONS, kinds))  # fmt: skip
    villages = province.village_names[province.village_first[township]]
    people = ledger.names[rng.integers(0, len(ledger.names), total)]
    return {
        "id": np.arange(total),
        "code": np.array([f"WZ-{n:07d}" for n in range(1, total + 1)], dtype=object),
        "problem_id": linked,
        "township_id": township,
        "person_name": np.where(is_org, villages + "党支部", people),
        "position": np.where(is_org, "", position),
        "category": category,
        "form": _forms(rng, category),
        "decided_on": np.where(pending, np.datetime64("NaT", "D"), decided),
        "is_organisation": is_org,
        "is_leadership_responsibility": is_leader,
        "import_batch_id": np.zeros(total, dtype=np.int64),
    }


def plan_leads(
    rng: np.random.Generator, province: Province, ledger: Ledger
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """One lead per problem from a transferred lead, and the cases opened from them."""
    problem = np.flatnonzero(ledger.source == TRANSFERRED_LEAD)
    count = len(problem)
    kinds = province.tables["township"]["kind"][ledger.township[problem]]
    outcome = _draw(rng, LEAD_OUTCOME_SHARES, count)
    old = ledger.round[problem] < len(province.round_started) - PENDING_ROUNDS
    outcome = np.where(old & (outcome == "pending"), "closed_no_case", outcome)
    transferred = ledger.found[problem] + rng.integers(5, 40, count)
    leads = {
        "id": np.arange(count),
        "code": np.array([f"XS-{n:07d}" for n in range(1, count + 1)], dtype=object),
        "round_id": ledger.round[problem],
        "township_id": ledger.township[problem],
        "problem_id": problem,
        "subject_position": _positions(rng, LEAD_SUBJECT_POSITIONS, kinds),
        "transferred_to": _draw(rng, LEAD_RECEIVERS, count),
        "transferred_on": transferred.astype("datetime64[D]"),
        "outcome": outcome,
        "import_batch_id": np.zeros(count, dtype=np.int64),
    }
    opened = np.flatnonzero(outcome == "case_opened")
    involved = rng.integers(1, 4, len(opened))
    opened_on = transferred[opened] + rng.integers(10, 90, len(opened))
    cases = {
        "id": np.arange(len(opened)),
        "lead_id": opened,
        "opened_on": opened_on.astype("datetime64[D]"),
        "people_involved": involved,
        "people_sanctioned": rng.integers(0, involved + 1),
    }
    return leads, cases
