"""The cards' changes on a page: the comparisons of the Filter, each side's figures cached.

A page calls changed_kpis(flt, fetch, build) where it called build(cached_query(fetch, flt)):
the same cards, each with its change since the previous week or upload (CHANGE_SINCE) and,
where there is one, since the same point of the previous round (queries/changes.py).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from data_access.cache import cached_query
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.kpis import Kpi, with_changes
from data_access.queries.changes import Comparison, fetch_comparisons
from data_access.settings import get_settings

T = TypeVar("T")


def comparison_keys() -> dict[str, Hashable]:
    """The arguments of a comparison query besides the Filter: the setting, and today (a
    cache key: the week before moves at midnight)."""
    return {"since": get_settings().change_since, "today": local_today()}


def changed_kpis(
    flt: Filter,
    fetch: Callable[..., T],
    build: Callable[[T], Sequence[Kpi]],
    shown: T | None = None,
) -> list[Kpi]:
    """build(figures of flt) with every comparison's changes; shown: flt's figures if the
    page has them already. Each side is fetch for that Filter (as of that day), cached."""
    cards = build(cached_query(fetch, flt) if shown is None else shown)
    compared = []
    comparisons: tuple[Comparison, ...] = cached_query(fetch_comparisons, flt, **comparison_keys())
    for comparison in comparisons:
        now = cards if comparison.now == flt else build(cached_query(fetch, comparison.now))
        compared.append((comparison, now, build(cached_query(fetch, comparison.then))))
    return with_changes(cards, compared)
