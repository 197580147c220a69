"""Every page read function gives the same answer from the summary tables as from the ledger.

The functions come from the benchmark's page registry (bench.registry), the Filters from
the data (regions, areas, statuses, overdue, scope, and fields only the ledger answers),
on the demo data and on a small province-shaped scale dataset, on both backends.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from bench.registry import FRAME, PAGES, Context, Step, page_steps
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.models import County, Problem, Township
from data_access.queries.drill import drill_node
from data_access.queries.facts import answerable, ledger_only
from data_access.queries.options import fetch_filter_options
from seed.scale import write_scale
from tests.support.databases import reset_schema

SCALE_PROBLEMS = 3_000
LEDGER_ONLY_PAGES = ("problem",)  # one problem's detail: never summarised
FILTER_NAMES = [
    "default", "city", "county", "township", "area+status", "overdue", "city+area",
    "scope", "no scope", "round", "as of", "as of+overdue", "as of+township", "as of, later",
    "as of, before all", "as of, last week",
]  # fmt: skip


def filters_for(engine: Engine) -> dict[str, Filter]:
    """Filters the summaries answer, and some they must leave to the ledger."""
    with session_scope(engine) as session:
        busiest = session.scalar(
            select(Problem.township_id)
            .group_by(Problem.township_id)
            .order_by(func.count().desc(), Problem.township_id)
            .limit(1)
        )
        county, city = session.execute(
            select(County.id, County.city_id)
            .join(Township, Township.county_id == County.id)
            .where(Township.id == busiest)
        ).one()
        two = tuple(session.scalars(select(Township.id).order_by(Township.id).limit(2)))
        round_id = session.scalar(select(func.max(Problem.round_id)))
        first_found = session.scalar(select(func.min(Problem.found_on)))
    return {
        "default": Filter(),
        "city": Filter(cities=(city,)),
        "county": Filter(counties=(county,)),
        "township": Filter(townships=(busiest,)),
        "area+status": Filter(focus_areas=("funds_projects",), statuses=("in_progress",)),
        "overdue": Filter(statuses=("overdue", "rectified")),
        "city+area": Filter(cities=(city,), focus_areas=("task_progress", "work_style")),
        "scope": Filter(scope=two),
        "no scope": Filter(scope=()),
        "round": Filter(rounds=(round_id,)),
        "as of": Filter(as_of=first_found + timedelta(days=120)),
        # As of a day, the summaries answer with the problems touched since (as_of_facts).
        "as of+overdue": Filter(
            as_of=first_found + timedelta(days=75), statuses=("overdue", "in_progress")
        ),
        "as of+township": Filter(townships=(busiest,), as_of=first_found + timedelta(days=60)),
        "as of, later": Filter(as_of=local_today() + timedelta(days=400)),
        "as of, before all": Filter(as_of=first_found - timedelta(days=1)),
        "as of, last week": Filter(as_of=local_today() - timedelta(days=7), scope=two),
    }


def context(engine: Engine, flt: Filter) -> Context:
    """What the pages know for flt (drill level; the detail page is not compared)."""
    with session_scope(engine) as session:
        options = fetch_filter_options(session=session)
    level = drill_node(flt, options.regions, options.villages).child_level
    return Context(flt=flt, options=options, level=level, code="")


def assert_same(left: object, right: object, where: str) -> None:
    """Equal results: frames cell by cell (and dtype), containers item by item."""
    if isinstance(left, pd.DataFrame):
        pd.testing.assert_frame_equal(left, right, obj=where)
    elif dataclasses.is_dataclass(left):
        for field in dataclasses.fields(left):
            assert_same(getattr(left, field.name), getattr(right, field.name), where)
    elif isinstance(left, dict):
        assert left.keys() == right.keys(), where
        for key in left:
            assert_same(left[key], right[key], f"{where}[{key}]")
    elif isinstance(left, list | tuple):
        assert len(left) == len(right), where
        for index, (one, other) in enumerate(zip(left, right, strict=True)):
            assert_same(one, other, f"{where}[{index}]")
    else:
        assert left == right, where


def distinct_calls(ctx: Context) -> dict[tuple, tuple[str, Step, dict]]:
    """Every registered read call for ctx once: pages share calls (the headline, the cards'
    changes, the overdue warning), and the same call on the same data gives the same answer."""
    calls: dict[tuple, tuple[str, Step, dict]] = {}
    for page in PAGES:
        if page in LEDGER_ONLY_PAGES:
            continue
        for step in page_steps(page, ctx):
            step_flt = step.flt(ctx)
            arguments = {"flt": step_flt} if step_flt is not None else {}
            arguments |= step.kwargs(ctx)
            key = (step.function, *sorted(arguments.items()))
            calls.setdefault(key, (f"{page}.{step.name}", step, arguments))
    return calls


def compare_pages(engine: Engine, flt: Filter) -> int:
    """Run every distinct registered read call both ways; returns how many were compared."""
    calls = distinct_calls(context(engine, flt))
    for where, step, arguments in calls.values():
        with session_scope(engine) as session:
            summarised = step.function(session=session, **arguments)
            with ledger_only():
                ledger = step.function(session=session, **arguments)
        assert_same(summarised, ledger, where)
    return len(calls)


@pytest.fixture
def scale_engine(backend: str, database_urls: dict[str, str]) -> Engine:
    """A small province-shaped dataset, made once per session and backend; read-only."""
    engine = get_engine(database_urls[f"{backend}:summaries-scale"])
    if not getattr(engine, "_scale_seeded", False):
        reset_schema(engine)
        with session_scope(engine, write=True) as session:
            write_scale(session, SCALE_PROBLEMS)
        engine._scale_seeded = True  # type: ignore[attr-defined]
    return engine


@pytest.mark.slow
@pytest.mark.parametrize("name", FILTER_NAMES)
def test_summaries_answer_like_the_ledger_on_scale_data(scale_engine: Engine, name: str) -> None:
    """Province-shaped data: every page function agrees for each Filter."""
    assert compare_pages(scale_engine, filters_for(scale_engine)[name]) > 20


@pytest.mark.parametrize("name", ["default", "township", "overdue", "scope", "as of"])
def test_summaries_answer_like_the_ledger_on_demo_data(seeded_engine: Engine, name: str) -> None:
    """The demo data (published figures): every page function agrees for each Filter."""
    assert compare_pages(seeded_engine, filters_for(seeded_engine)[name]) > 20


def test_which_filters_the_summaries_answer() -> None:
    """Region and the kept fields are answered; ledger-only fields and rollup are not."""
    keeps = frozenset({"focus_areas", "statuses"})
    assert answerable(Filter(), grain="township", keeps=keeps)
    assert answerable(Filter(townships=(1,), statuses=("overdue",)), grain="township", keeps=keeps)
    assert answerable(Filter(scope=(1, 2)), grain="township")
    assert not answerable(Filter(scope=(1, 2)), grain="city")
    assert not answerable(Filter(counties=(1,)), grain="city")
    assert not answerable(Filter(rounds=(1,)), grain="township", keeps=keeps)
    assert not answerable(Filter(as_of=date(2018, 7, 1)), grain="township", keeps=keeps)
    assert not answerable(Filter(rollup=True), grain="township", keeps=keeps)
    with ledger_only():
        assert not answerable(Filter(), grain="township")
    assert FRAME in PAGES


def test_the_province_totals_answer_only_the_whole_province() -> None:
    """summary_period_total has no region: any region, scope or kept field goes elsewhere."""
    assert answerable(Filter(), grain="province")
    assert not answerable(Filter(cities=(1,)), grain="province")
    assert not answerable(Filter(scope=(1, 2)), grain="province")
    assert not answerable(Filter(focus_areas=("work_style",)), grain="province")
