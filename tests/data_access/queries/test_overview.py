"""The query layer on the demo data: the published figures, overview frames, regions."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy.engine import Engine

from data_access.codes import COMPLETED_STATUS, FORMS, PERSON_CATEGORIES, STATUSES
from data_access.db import session_scope
from data_access.models import Township
from data_access.queries import (
    Headline,
    fetch_accountability_breakdown,
    fetch_completion_by_township,
    fetch_problems_by_focus_area,
    fetch_weekly_trend,
    is_demo_data,
    list_townships,
    resolve_township_names,
)
from tests.support.query_support import (
    DEMO_PROBLEMS_TOTAL,
    NO_SUCH_ID,
    PUBLISHED,
    PUBLISHED_BREAKDOWN,
    RECTIFIED,
    all_rows,
    feedback_day,
    frame,
    headline,
    load_ledger,
)

# ---------------------------------------------------------------- published figures


@pytest.mark.parametrize("figure", sorted(PUBLISHED))
def test_published_figure(seeded_engine: Engine, figure: str) -> None:
    """Each published figure comes out of fetch_headline exactly."""
    assert getattr(headline(seeded_engine), figure) == PUBLISHED[figure]


def test_published_completion_rate(seeded_engine: Engine) -> None:
    """Completion rate = rectified / total, which rounds to the published 92%."""
    figures = headline(seeded_engine)
    assert figures.problems_total == DEMO_PROBLEMS_TOTAL
    assert figures.completion_rate == pytest.approx(RECTIFIED / DEMO_PROBLEMS_TOTAL)
    assert round(figures.completion_rate * 100) == 92
    assert figures.to_json_dict()["completion_rate"] == 0.9203


def test_published_accountability_breakdown(seeded_engine: Engine) -> None:
    """The 177 people split into the 8 published categories, through headline and breakdown."""
    assert headline(seeded_engine).accountable_by_category == PUBLISHED_BREAKDOWN
    breakdown = frame(seeded_engine, fetch_accountability_breakdown)
    assert breakdown.groupby("category")["people"].sum().to_dict() == PUBLISHED_BREAKDOWN
    assert list(dict.fromkeys(breakdown["category"])) == list(PUBLISHED_BREAKDOWN)
    assert set(breakdown["category_label"]) == set(PERSON_CATEGORIES.values())
    assert set(breakdown["form_label"]) <= {*FORMS.values(), "待定"}


def test_json_dict_has_the_published_keys_in_order(seeded_engine: Engine) -> None:
    """to_json_dict gives the 12 keys of the issue in their order, then the two added for
    statuses reported beside the rectified ones, without the derived overdue."""
    keys = list(headline(seeded_engine).to_json_dict())
    assert keys == list(Headline.JSON_KEYS)
    assert len(keys) == 14 and "overdue" not in keys
    assert keys[-2:] == ["problems_basically_done", "problems_long_term"]


# ---------------------------------------------------------------- overview frames


def test_completion_by_township_adds_up(seeded_engine: Engine) -> None:
    """Per-township status counts sum to the total and to the rectified figure."""
    by_township = frame(seeded_engine, fetch_completion_by_township)
    assert by_township["problems"].sum() == DEMO_PROBLEMS_TOTAL
    rectified = by_township[by_township["status"] == COMPLETED_STATUS]["problems"].sum()
    assert rectified == PUBLISHED["problems_rectified"]
    assert by_township["township_id"].nunique() == 22
    assert set(by_township["status_label"]) <= set(STATUSES.values())
    assert by_township["sort_order"].is_monotonic_increasing


def test_problems_by_focus_area_adds_up(seeded_engine: Engine) -> None:
    """Per-area status counts match the ledger row by row."""
    ledger = load_ledger(seeded_engine)
    by_area = frame(seeded_engine, fetch_problems_by_focus_area)
    got = {(r.focus_area, r.status): r.problems for r in by_area.itertuples()}
    assert got == dict(Counter((p.focus_area, p.status) for p in ledger.problems))
    assert by_area["focus_area_label"].notna().all()


def test_weekly_trend_reaches_the_published_figures(seeded_engine: Engine) -> None:
    """Weekly buckets are consecutive Mondays; the last week shows 381 of 414."""
    trend = frame(seeded_engine, fetch_weekly_trend)
    weeks = list(trend["week_start"])
    assert all(week.weekday() == 0 for week in weeks)
    assert all(b - a == timedelta(days=7) for a, b in pairwise(weeks))
    last = trend.iloc[-1]
    assert last["rectified_cumulative"] == PUBLISHED["problems_rectified"]
    assert last["problems_total"] == DEMO_PROBLEMS_TOTAL
    assert trend["rectified_in_week"].sum() == PUBLISHED["problems_rectified"]
    assert (trend["open_problems"] == trend["problems_total"] - trend["rectified_cumulative"]).all()
    assert last["completion_rate"] == pytest.approx(RECTIFIED / DEMO_PROBLEMS_TOTAL)


def test_weekly_trend_matches_as_of_views(seeded_engine: Engine) -> None:
    """Each week's cumulative count equals the rectified figure as of that week's Sunday."""
    trend = frame(seeded_engine, fetch_weekly_trend)
    for week in trend.itertuples():
        sunday = week.week_start + timedelta(days=6)
        as_of = headline(seeded_engine, as_of=sunday)
        assert week.rectified_cumulative == as_of.problems_rectified, sunday
        assert week.problems_total == as_of.problems_total, sunday


def test_weekly_trend_stops_at_as_of(seeded_engine: Engine) -> None:
    """With as_of, no week starts after it and the last cumulative is the as-of figure."""
    as_of = feedback_day(seeded_engine) + timedelta(days=30)
    trend = frame(seeded_engine, fetch_weekly_trend, as_of=as_of)
    assert (trend["week_start"] <= as_of).all()
    assert (
        trend.iloc[-1]["rectified_cumulative"]
        == headline(seeded_engine, as_of=as_of).problems_rectified
    )


# ---------------------------------------------------------------- nothing matches


@pytest.mark.parametrize(
    "changes", [{"townships": (NO_SUCH_ID,)}, {"sub_categories": ("没有这个子类",)}]
)
def test_filter_matching_nothing_gives_zeros(seeded_engine: Engine, changes: dict) -> None:
    """Zeros and empty frames (with their columns), no error."""
    figures = headline(seeded_engine, **changes)
    assert figures.problems_total == figures.problems_rectified == figures.recovered_yuan == 0
    assert figures.completion_rate == 0.0
    assert figures.accountable_people == figures.leads_transferred == figures.cases_opened == 0
    assert figures.accountable_by_category == dict.fromkeys(PERSON_CATEGORIES, 0)
    for fetch in (
        fetch_completion_by_township,
        fetch_problems_by_focus_area,
        fetch_accountability_breakdown,
        fetch_weekly_trend,
    ):
        result = frame(seeded_engine, fetch, **changes)
        assert result.empty and len(result.columns) >= 5, fetch.__name__


def test_empty_store(empty_engine: Engine) -> None:
    """An empty database reads as zeros and is not demo data."""
    assert headline(empty_engine).problems_total == 0
    assert frame(empty_engine, fetch_weekly_trend).empty
    with session_scope(empty_engine) as session:
        assert not is_demo_data(session=session)
        assert list_townships(session=session).empty


# ---------------------------------------------------------------- regions, demo flag


def test_demo_flag_and_townships(seeded_engine: Engine) -> None:
    """The seeded store says it is demo data and lists the 22 townships of 2017."""
    with session_scope(seeded_engine) as session:
        assert is_demo_data(session=session)
        townships = list_townships(session=session)
    assert len(townships) == 22
    assert set(townships["county"]) == {"枞阳县"} and set(townships["city"]) == {"铜陵市"}
    assert Counter(townships["kind"]) == {"镇": 17, "乡": 5}
    assert townships["sort_order"].is_monotonic_increasing


def test_resolve_township_names_with_aliases(seeded_engine: Engine) -> None:
    """Names and aliases resolve to ids (each once); unknown names come back."""
    townships = {t.name: t.id for t in all_rows(seeded_engine, Township)}
    with session_scope(seeded_engine) as session:
        ids, unknown = resolve_township_names(
            session=session, names=["钱桥镇", "欧山镇", " 藕山镇 ", "不存在镇"]
        )
        assert resolve_township_names(session=session, names=[]) == ([], [])
    assert ids == [townships["钱桥镇"], townships["藕山镇"]]
    assert unknown == ["不存在镇"]
