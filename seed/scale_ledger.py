"""The scale dataset's problems and their status histories, drawn as numpy columns.

Problems fall on the (round, township) cells of seed.scale_places in proportion to their
weights (uneven by township); focus areas and sub-categories follow the demo's weights
(seed.text), wording its templates. Later rounds are less finished. Histories: found
(not_started) → work started → sometimes basically_done → rectified, strictly later
each step, so a problem's latest event is its status.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seed import scale_wording as wording
from seed.scale_places import Province
from seed.text import FOCUS_AREA_WEIGHTS, SUB_CATEGORIES
from seed.vocab import GIVEN_CHARS, SURNAMES

STATUS_CODES = np.array(["not_started", "in_progress", "basically_done", "rectified"], dtype=object)
NOT_STARTED, IN_PROGRESS, BASICALLY_DONE, RECTIFIED = range(4)
OPEN_SPLIT = (0.2, 0.45, 0.35)  # not_started / in_progress / basically_done among the open
# Share rectified by round index (oldest first): the newest rounds are still being worked on.
RECTIFIED_SHARE = (0.99, 0.99, 0.985, 0.985, 0.98, 0.975, 0.97, 0.95, 0.9, 0.65)
SOURCE_CODES = np.array(["inspection_feedback", "immediate_fix", "transferred_lead"], dtype=object)
FEEDBACK, IMMEDIATE_FIX, TRANSFERRED_LEAD = range(3)
LEAD_WEIGHTS = {"funds_projects": 6.0, "work_style": 3.0, "supervision_responsibility": 1.0}
IMMEDIATE_FIX_SHARE = 0.12
IMMEDIATE_FIX_WEIGHTS = {"task_progress": 3.0, "work_style": 3.0, "main_responsibility": 1.5}
DEADLINE_DAYS = np.array([30, 60, 90, 180])
AREAS = list(FOCUS_AREA_WEIGHTS)
NAME_POOL = 5_000  # people's names are drawn from a pool (names repeat in a province)


@dataclass
class Vocabulary:
    """The demo's categories and wording flattened into arrays (one row per template)."""

    area: np.ndarray  # focus-area index (into AREAS) per template
    sub: np.ndarray  # sub-category per template
    template: np.ndarray
    weight: np.ndarray  # probability of the template
    has_village: np.ndarray  # the template names a village


def vocabulary() -> Vocabulary:
    """Templates with probability area weight × sub-category share ÷ templates of the sub."""
    rows = []
    area_total = sum(FOCUS_AREA_WEIGHTS.values())
    for area, subs in SUB_CATEGORIES.items():
        sub_total = sum(weight for _, weight, _ in subs)
        for sub, weight, templates in subs:
            share = FOCUS_AREA_WEIGHTS[area] / area_total * weight / sub_total
            rows += [(AREAS.index(area), sub, t, share / len(templates)) for t in templates]
    columns = zip(*rows, strict=True)
    areas, sub_names, wordings, weights = (np.array(column, dtype=object) for column in columns)
    has_village = np.array(["{village}" in t for t in wordings])
    return Vocabulary(
        areas.astype(np.int64), sub_names, wordings, weights.astype(float), has_village
    )


def person_names(rng: np.random.Generator, count: int = NAME_POOL) -> np.ndarray:
    """A pool of plausible two- or three-character names."""
    surnames = rng.choice(np.array(SURNAMES, dtype=object), count)
    first = rng.choice(np.array(GIVEN_CHARS, dtype=object), count)
    second = np.where(rng.random(count) < 0.7, rng.choice(np.array(GIVEN_CHARS), count), "")
    return surnames + first + second.astype(object)


def weighted_pick(rng: np.random.Generator, weights: np.ndarray, count: int) -> np.ndarray:
    """count distinct indexes drawn without replacement favouring larger weights (sorted)."""
    with np.errstate(divide="ignore"):
        keys = np.log(rng.random(len(weights))) / weights  # Efraimidis-Spirakis; 0 → -inf
    return np.sort(np.argpartition(-keys, count - 1)[:count]) if count else np.array([], int)


def _workday(days: np.ndarray) -> np.ndarray:
    """Saturday → Friday, Sunday → Monday (days since 1970-01-01, a Thursday)."""
    weekday = (days + 3) % 7
    return days - (weekday == 5) + (weekday == 6)


@dataclass
class Ledger:
    """Problem columns (0-based ids) and what later steps draw on."""

    problems: dict[str, np.ndarray]
    township: np.ndarray
    round: np.ndarray
    area: np.ndarray
    found: np.ndarray  # days since epoch
    done: np.ndarray  # rectification day (days), meaningful where status is rectified
    status: np.ndarray  # index into STATUS_CODES
    source: np.ndarray  # index into SOURCE_CODES
    events: dict[str, np.ndarray]
    names: np.ndarray  # the pool of people's names


def _where_and_what(rng: np.random.Generator, province: Province, count: int, vocab: Vocabulary):
    """Cell (round, township, group), template and village of every problem, sorted."""
    per_cell = rng.multinomial(count, province.cell_weight)
    cell = np.repeat(np.arange(len(per_cell)), per_cell)
    round_index, township = province.cell_round[cell], province.cell_township[cell]
    started = province.round_started.astype(np.int64)[round_index]
    found = _workday(started + rng.integers(0, 42, count))
    order = np.lexsort((found, township, round_index))
    cell, round_index, township, found = (
        cell[order],
        round_index[order],
        township[order],
        found[order],
    )
    template = rng.choice(len(vocab.template), count, p=vocab.weight / vocab.weight.sum())
    offset = (rng.random(count) * province.village_count[township]).astype(np.int64)
    village = np.where(vocab.has_village[template], province.village_first[township] + offset, -1)
    return cell, round_index, township, found, template, village


def _by_area(weights: dict[str, float], default: float) -> np.ndarray:
    """A weight per focus-area index."""
    return np.array([weights.get(area, default) for area in AREAS])


def _sources(rng: np.random.Generator, area: np.ndarray, leads: int) -> np.ndarray:
    """Which problems came from transferred leads (one lead each) and which were fixed at once."""
    source = np.full(len(area), FEEDBACK)
    source[weighted_pick(rng, _by_area(LEAD_WEIGHTS, 0.0)[area], leads)] = TRANSFERRED_LEAD
    fix_weights = np.where(source == FEEDBACK, _by_area(IMMEDIATE_FIX_WEIGHTS, 0.5)[area], 0.0)
    source[weighted_pick(rng, fix_weights, round(IMMEDIATE_FIX_SHARE * len(area)))] = IMMEDIATE_FIX
    return source


def _statuses(rng: np.random.Generator, round_index: np.ndarray, source: np.ndarray):
    """Status index of each problem: older rounds nearly all rectified, fixes at once always."""
    rectified = rng.random(len(source)) < np.array(RECTIFIED_SHARE)[round_index]
    open_status = rng.choice(3, len(source), p=OPEN_SPLIT)
    return np.where(rectified | (source == IMMEDIATE_FIX), RECTIFIED, open_status)


def _timeline(rng, found, feedback, status, source) -> dict[str, np.ndarray]:
    """Days of work started, basically done and rectified, and the deadline (days)."""
    count = len(found)
    fixed_now = source == IMMEDIATE_FIX
    started = np.where(
        fixed_now, found + rng.integers(1, 4, count), feedback + rng.integers(3, 15, count)
    )
    span = np.where(
        fixed_now, 3 + rng.beta(1.6, 3.0, count) * 35, 5 + rng.beta(2.4, 2.0, count) * 150
    )
    done = np.maximum(_workday(feedback + span.astype(np.int64)), started + 2)
    nearly = done - rng.integers(2, 8, count)
    passes = (status == RECTIFIED) & (rng.random(count) < 0.35) & (nearly > started)
    nearly = np.where(status == BASICALLY_DONE, started + 1 + rng.integers(0, 60, count), nearly)
    options = feedback[:, None] + DEADLINE_DAYS
    met = np.argmax(options >= done[:, None], axis=1)
    met = np.where((options >= done[:, None]).any(axis=1), met, len(DEADLINE_DAYS) - 1)
    met = np.minimum(met + (rng.random(count) < 0.2), len(DEADLINE_DAYS) - 1)
    open_deadline = feedback + rng.choice(DEADLINE_DAYS[1:], count)
    deadline = np.where(status == RECTIFIED, options[np.arange(count), met], open_deadline)
    has_nearly = passes | (status == BASICALLY_DONE)
    return {
        "started": started,
        "nearly": nearly,
        "has_nearly": has_nearly,
        "done": done,
        "deadline": deadline,
    }


EVENT_NOTES = ("巡察发现问题", "启动整改", "基本完成，待验收", "整改完成")  # by status index


def _events(status: np.ndarray, found: np.ndarray, times: dict[str, np.ndarray]) -> dict:
    """Status events in (problem, day) order: found, started, basically done, rectified."""
    problem = np.arange(len(status))
    started = status != NOT_STARTED
    parts = [
        (problem, np.full(len(status), NOT_STARTED), found),
        (problem[started], np.full(started.sum(), IN_PROGRESS), times["started"][started]),
        (problem[times["has_nearly"]], np.full(times["has_nearly"].sum(), BASICALLY_DONE),
         times["nearly"][times["has_nearly"]]),
        (problem[status == RECTIFIED], np.full((status == RECTIFIED).sum(), RECTIFIED),
         times["done"][status == RECTIFIED]),
    ]  # fmt: skip
    owner, kind, day = (np.concatenate(column) for column in zip(*parts, strict=True))
    order = np.lexsort((kind, owner))  # each history's days rise with its steps
    owner, kind, day = owner[order], kind[order], day[order]
    return {
        "id": np.arange(len(owner)),
        "problem_id": owner,
        "status": STATUS_CODES[kind],
        "changed_on": day.astype("datetime64[D]"),
        "import_batch_id": np.zeros(len(owner), dtype=np.int64),
        "note": np.array(EVENT_NOTES, dtype=object)[kind],
    }


def _last_change(status: np.ndarray, found: np.ndarray, times: dict) -> np.ndarray:
    """The day of each problem's latest event."""
    nearly_or_started = np.where(times["has_nearly"], times["nearly"], times["started"])
    last = np.where(status == NOT_STARTED, found, nearly_or_started)
    return np.where(status == RECTIFIED, times["done"], last)


def _days(days: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 as dates."""
    return days.astype("datetime64[D]")


def _codes(year: np.ndarray) -> np.ndarray:
    """问题编号 XC<year>-<running number>, in ledger order."""
    numbers = range(1, len(year) + 1)
    return np.array([f"XC{y}-{n:07d}" for y, n in zip(year.tolist(), numbers, strict=True)])


def _texts(rng, province: Province, vocab: Vocabulary, drawn: dict, money: np.ndarray) -> dict:
    """The wording columns: description, people, units, measures, evidence."""
    township, template, names = drawn["township"], drawn["template"], drawn["names"]
    village = drawn["village"]
    no_village = np.array(None, dtype=object)
    village_names = np.where(
        village >= 0, province.village_names[np.maximum(village, 0)], no_village
    )
    count = len(township)
    description = wording.descriptions(
        rng, vocab.template[template], province.township_names[township],
        village_names, drawn["year"], money,
    )  # fmt: skip
    return {
        "description": np.array(description, dtype=object),
        "lead_leader": names[rng.integers(0, len(names), count)],
        "responsible_unit": wording.responsible_units(
            AREAS, province.township_names, township, vocab.area[template]
        ),
        "responsible_person": names[rng.integers(0, len(names), count)],
        "measures": np.array(wording.measures(vocab.sub[template], money), dtype=object),
        "evidence": wording.evidence(rng, count),
    }


def plan_ledger(rng: np.random.Generator, province: Province, count: int, *, leads: int) -> Ledger:
    """count problems with histories; leads of them came from transferred leads."""
    vocab = vocabulary()
    cell, round_index, township, found, template, village = _where_and_what(
        rng, province, count, vocab
    )
    area = vocab.area[template]
    source = _sources(rng, area, leads)
    status = _statuses(rng, round_index, source)
    feedback = province.round_feedback.astype(np.int64)[round_index]
    times = _timeline(rng, found, feedback, status, source)
    money = wording.recovered_money(
        rng, vocab.sub[template], (status == RECTIFIED) | (status == BASICALLY_DONE)
    )
    year = _days(found).astype("datetime64[Y]").astype(np.int64) + 1970
    drawn = {"township": township, "template": template, "village": village, "year": year}
    drawn["names"] = names = person_names(rng)
    rectified = status == RECTIFIED
    problems = {
        "id": np.arange(count),
        "code": _codes(year),
        "round_id": round_index,
        "group_id": province.cell_group[cell],
        "township_id": township,
        "village_id": village,
        "focus_area": np.array(AREAS, dtype=object)[area],
        "sub_category": vocab.sub[template],
        "source": SOURCE_CODES[source],
        "found_on": _days(found),
        "found_on_inferred": np.zeros(count, dtype=bool),
        "deadline": _days(times["deadline"]),
        "deadline_kind": np.full(count, "date", dtype=object),
        "status": STATUS_CODES[status],
        "rectified_on": np.where(rectified, _days(times["done"]), np.datetime64("NaT", "D")),
        "closed": rectified & (rng.random(count) < 0.93),
        "recovered_yuan": money,
        "rules_improved": wording.rules_improved(rng, area, status != NOT_STARTED),
        "progress": np.full(count, "", dtype=object),
        "remarks": np.full(count, "", dtype=object),
        "import_batch_id": np.zeros(count, dtype=np.int64),
        # 10:00 Beijing time on the day of the latest change, stored as UTC.
        "updated_at": (_days(_last_change(status, found, times)) + np.timedelta64(2, "h")).astype(
            "datetime64[s]"
        ),
        **_texts(rng, province, vocab, drawn, money),
    }
    return Ledger(
        problems=problems, township=township, round=round_index, area=area, found=found,
        done=times["done"], status=status, source=source,
        events=_events(status, found, times), names=names,
    )  # fmt: skip
