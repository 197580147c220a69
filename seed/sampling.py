"""Deterministic sampling helpers: exact integer allocation, weighted picks, working days."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Split total into integers proportional to weights (largest remainder; sums exactly)."""
    weight_sum = float(sum(weights))
    shares = [total * w / weight_sum for w in weights]
    counts = [int(share) for share in shares]
    # Hand the units lost to flooring to the largest remainders (ties: earlier index).
    by_remainder = sorted(range(len(shares)), key=lambda i: (counts[i] - shares[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def expand(pairs: Sequence[tuple[str, int]]) -> list[str]:
    """[(item, count), ...] -> a flat list with each item repeated count times."""
    return [item for item, count in pairs for _ in range(count)]


def pick(rng: random.Random, weighted: Sequence[tuple[str, float]]) -> str:
    """One item of [(item, weight), ...] drawn with probability proportional to weight."""
    items = [item for item, _ in weighted]
    return rng.choices(items, weights=[w for _, w in weighted])[0]


def weighted_sample(rng: random.Random, weights: Sequence[float], k: int) -> list[int]:
    """k distinct indices drawn without replacement, favouring larger weights, in index order."""
    # Efraimidis-Spirakis: keep the k largest u ** (1 / w); a weight of 0 is never drawn.
    keys = [(rng.random() ** (1.0 / w), i) if w > 0 else (-1.0, i) for i, w in enumerate(weights)]
    chosen = sorted(keys, reverse=True)[:k]
    if len(chosen) < k or chosen[-1][0] < 0:
        raise ValueError(f"cannot draw {k} of {len(weights)} with positive weight")
    return sorted(i for _, i in chosen)


def workday(day: date, *, latest: date | None = None) -> date:
    """Move a weekend day to the nearest working day (Sat -> Fri, Sun -> Mon, not past latest)."""
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        monday = day + timedelta(days=1)
        return monday if latest is None or monday <= latest else day - timedelta(days=2)
    return day


def workdays_after(day: date, count: int) -> date:
    """The count-th working day after day (weekends skipped)."""
    while count > 0:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def day_between(rng: random.Random, first: date, last: date) -> date:
    """A uniformly drawn working day in [first, last] (weekends moved inside the range)."""
    span = (last - first).days
    day = first + timedelta(days=rng.randint(0, max(span, 0)))
    moved = workday(day, latest=last)
    return moved if moved >= first else day


def beta_day(rng: random.Random, start: date, days: int, alpha: float, beta: float) -> date:
    """start plus a beta-distributed share of days (the shape of real work: slow start, tail)."""
    return start + timedelta(days=round(rng.betavariate(alpha, beta) * days))
