"""Statements cached by the shape of a Filter (queries/shaped.py): a Filter of the same shape
with other values gets its own figures, exactly those of a statement built for it alone."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.codes import OVERDUE
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.models import InspectionGroup, Problem, Township
from data_access.queries import fetch_headline
from data_access.queries.binds import shape
from data_access.queries.facts import ledger_only
from data_access.queries.shaped import forget_statements, unshaped
from tests.support.query_support import NO_SUCH_ID
from tests.support.read_functions import FILTER_FUNCTIONS, assert_same, run

pytestmark = pytest.mark.slow  # every read function × 16 pairs × 3 runs: over a minute

SUMMARY_PAIRS = 9  # the first pairs of filter_pairs, which a summary answers
DAY = date(2018, 5, 1)  # within the demo's findings (2018-04-09 … 2018-05-18)


def _first(engine: Engine, column, count: int, *where) -> list:
    """The first count distinct values of column (in order) among the problems."""
    with session_scope(engine) as session:
        query = select(column).where(*where).distinct().order_by(column).limit(count)
        return list(session.scalars(query))


def filter_pairs(engine: Engine) -> list[tuple[Filter, Filter]]:
    """Pairs of Filters of one shape and different values, one pair per kind of field."""
    t1, t2, t3 = _first(engine, Problem.township_id, 3)
    merged = _first(engine, Township.merged_into_id, 2, Township.merged_into_id.is_not(None))
    v1, v2 = _first(engine, Problem.village_id, 2, Problem.village_id.is_not(None))
    a1, a2, a3 = _first(engine, Problem.focus_area, 3)
    s1, s2 = _first(engine, Problem.sub_category, 2)
    g1, g2 = _first(engine, InspectionGroup.id, 2)
    r1 = _first(engine, Problem.round_id, 1)[0]
    county = _first(engine, Township.county_id, 1)[0]
    pairs = [  # the first SUMMARY_PAIRS a summary answers
        (dict(townships=(t1,)), dict(townships=(t2,))),
        (dict(townships=(t1,)), dict(townships=(t2, t3))),
        (dict(townships=(t1,), as_of=DAY), dict(townships=(t3,), as_of=DAY)),
        (dict(counties=(county,)), dict(counties=(NO_SUCH_ID,))),
        (dict(rounds=(r1,)), dict(rounds=(NO_SUCH_ID,))),
        (dict(scope=(t1, t2)), dict(scope=(t3,))),
        (dict(focus_areas=(a1,)), dict(focus_areas=(a2, a3))),
        (dict(statuses=(OVERDUE, "in_progress")), dict(statuses=(OVERDUE, "not_started"))),
        (dict(statuses=("rectified",)), dict(statuses=("in_progress", "basically_done"))),
        (dict(townships=(merged[0],), rollup=True), dict(townships=(merged[1],), rollup=True)),
        (dict(villages=(v1,)), dict(villages=(v2,))),
        (dict(groups=(g1,)), dict(groups=(g2,))),
        (dict(sub_categories=(s1,), as_of=DAY), dict(sub_categories=(s2,), as_of=DAY)),
        (dict(sources=("inspection_feedback",)), dict(sources=("immediate_fix",))),
        (
            dict(date_from=date(2018, 4, 9), date_to=date(2018, 4, 30)),
            dict(date_from=date(2018, 5, 1), date_to=date(2018, 5, 18)),
        ),
        (
            dict(rectified_from=date(2018, 6, 11), rectified_to=date(2018, 6, 30)),
            dict(rectified_from=date(2018, 7, 1), rectified_to=date(2018, 8, 7)),
        ),
    ]
    return [(Filter().with_(**a), Filter().with_(**b)) for a, b in pairs]


@pytest.mark.parametrize("function", FILTER_FUNCTIONS, ids=lambda f: f.__name__)
def test_a_shape_serves_other_values(seeded_engine: Engine, function: Callable):
    """For each pair: the first Filter's statement, reused for the second, answers exactly as
    a statement built for the second alone (values inline, nothing cached).

    Then through the ledger, for the pairs a summary answers (the others read the ledger
    already), on SQLite only: the binds are the same on both paths, and the pairs that read
    the ledger above cover PostgreSQL's (a tenth of the suite's time otherwise).
    """
    pairs = filter_pairs(seeded_engine)
    sources = [(nullcontext, pairs)]
    if seeded_engine.dialect.name == "sqlite":
        sources.append((ledger_only, pairs[:SUMMARY_PAIRS]))
    for source, chosen in sources:
        for first, second in chosen:
            assert shape(first) == shape(second)
            with source():
                forget_statements()
                run(seeded_engine, function, first)
                reused = run(seeded_engine, function, second)
                with unshaped():
                    built_alone = run(seeded_engine, function, second)
            assert_same(reused, built_alone)


def test_other_townships_get_other_figures(seeded_engine: Engine) -> None:
    """Non-vacuous: the reused statement really takes the second Filter's townships."""
    first, second = filter_pairs(seeded_engine)[0]
    forget_statements()
    one = run(seeded_engine, fetch_headline, first)
    other = run(seeded_engine, fetch_headline, second)
    assert one.problems_total != other.problems_total
    assert one != other


def test_shapes_differ_by_what_changes_the_statement() -> None:
    """Which fields are set, the as-of day, rollup and overdue make the shape; values do not."""
    assert shape(Filter(townships=(1,))) == shape(Filter(townships=(2, 3)))
    assert shape(Filter(townships=(1,))) != shape(Filter())
    assert shape(Filter(as_of=DAY)) != shape(Filter(as_of=date(2018, 5, 2)))
    assert shape(Filter(scope=())) != shape(Filter(scope=None))
    assert shape(Filter(statuses=(OVERDUE,))) != shape(Filter(statuses=("in_progress",)))
