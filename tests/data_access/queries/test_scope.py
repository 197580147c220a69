"""Row-level township scope: every read function of data_access.queries obeys Filter.scope."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import is_dataclass

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.models import AccountabilityAction, Lead, Problem
from data_access.queries import fetch_headline, list_townships
from data_access.queries.projection import TOTAL_ID
from tests.support.query_support import NO_SUCH_ID
from tests.support.read_functions import (
    FILTER_FUNCTIONS,
    PROBLEM_FUNCTIONS,
    READ_FUNCTIONS,
    assert_same,
    run,
)


def two_townships(engine: Engine) -> tuple[int, int]:
    """The two townships with the most problems (so the scoped answers are not empty)."""
    with session_scope(engine) as session:
        ids = [int(i) for i in list_townships(session=session)["township_id"]]
        totals = {
            i: fetch_headline(session=session, flt=Filter(townships=(i,))).problems_total
            for i in ids
        }
    ranked = sorted(ids, key=lambda i: (-totals[i], i))
    return ranked[0], ranked[1]


def test_the_read_functions_are_found() -> None:
    """The discovery sees the known read functions (it would pass vacuously on none)."""
    names = {function.__name__ for function in READ_FUNCTIONS}
    assert {"fetch_headline", "fetch_completion_by_township", "fetch_weekly_trend"} <= names


def test_scope_is_never_in_the_url() -> None:
    """The scope comes from the account only: it neither leaves nor enters through the URL."""
    scoped = Filter().with_(townships=(2,), scope=(1, 2))
    assert scoped.to_params() == {"township": "2"}
    parsed, _ = Filter.from_params({"scope": "1", "township": "2"})
    assert parsed.scope is None
    assert Filter(scope=(1,)).is_empty()


@pytest.mark.parametrize("function", FILTER_FUNCTIONS, ids=lambda f: f.__name__)
def test_scope_narrows_like_a_township_filter(seeded_engine: Engine, function: Callable) -> None:
    """A scoped user's answer equals the answer for their townships chosen as a filter."""
    first, second = two_townships(seeded_engine)
    scoped = run(seeded_engine, function, Filter(scope=(first, second)))
    assert_same(scoped, run(seeded_engine, function, Filter(townships=(first, second))))
    # A township outside the scope, chosen in the filter, adds nothing.
    narrowed = run(seeded_engine, function, Filter(townships=(first, second), scope=(first,)))
    assert_same(narrowed, run(seeded_engine, function, Filter(townships=(first,))))
    if isinstance(scoped, pd.DataFrame) and "township_id" in scoped.columns:
        # TOTAL_ID marks a whole-scope row (the projection's first), not a township
        assert set(scoped["township_id"]) - {TOTAL_ID} <= {first, second}


@pytest.mark.parametrize("function", FILTER_FUNCTIONS, ids=lambda f: f.__name__)
def test_empty_scope_sees_nothing(seeded_engine: Engine, function: Callable) -> None:
    """scope=() (an account limited to no township) sees no row in any query."""
    nothing = run(seeded_engine, function, Filter(scope=()))
    assert_same(nothing, run(seeded_engine, function, Filter(townships=(NO_SUCH_ID,))))
    if isinstance(nothing, pd.DataFrame):
        assert nothing.empty or not nothing.select_dtypes("number").any().any()


def test_scoped_headline_is_smaller_than_the_whole(seeded_engine: Engine) -> None:
    """Non-vacuous: the scope really removes problems, people and leads of other townships."""
    first, second = two_townships(seeded_engine)
    whole = run(seeded_engine, fetch_headline, Filter())
    scoped = run(seeded_engine, fetch_headline, Filter(scope=(first, second)))
    assert is_dataclass(scoped)
    assert 0 < scoped.problems_total < whole.problems_total
    assert scoped.accountable_people < whole.accountable_people
    assert scoped.leads_transferred < whole.leads_transferred
    nothing = run(seeded_engine, fetch_headline, Filter(scope=()))
    assert (nothing.problems_total, nothing.accountable_people, nothing.leads_transferred) == (
        0,
        0,
        0,
    )


def is_nothing(answer) -> bool:
    """True for "no such problem": None, or an empty table."""
    return answer is None or (isinstance(answer, pd.DataFrame) and answer.empty)


def linked_problem_code(engine: Engine) -> tuple[str, int]:
    """A problem with accountability records and a lead (if any has both), and its township."""
    with session_scope(engine) as session:
        problems = session.exec(select(Problem.id, Problem.code, Problem.township_id)).all()
        acted = set(session.exec(select(AccountabilityAction.problem_id)).scalars())
        led = set(session.exec(select(Lead.problem_id)).scalars())
    _, code, township_id = max(problems, key=lambda p: ((p[0] in acted) + (p[0] in led), p[1]))
    return str(code), int(township_id)


@pytest.mark.parametrize("function", PROBLEM_FUNCTIONS, ids=lambda f: f.__name__)
def test_one_problem_outside_the_scope_is_not_there(seeded_engine: Engine, function) -> None:
    """Opening a problem of another township by its code shows nothing; inside scope, all."""
    code, first = linked_problem_code(seeded_engine)
    second = next(t for t in two_townships(seeded_engine) if t != first)
    whole = run(seeded_engine, function, Filter(), code=code)
    assert not is_nothing(whole), "the chosen problem has rows here (non-vacuous)"
    assert_same(run(seeded_engine, function, Filter(scope=(first,)), code=code), whole)
    assert is_nothing(run(seeded_engine, function, Filter(scope=(second,)), code=code))
    assert is_nothing(run(seeded_engine, function, Filter(scope=()), code=code))
