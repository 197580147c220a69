"""Builders of 乡镇对比, the problem timeline and the status bars: selections, order, empties."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from charts import rounds
from charts.status import STATUS_SELECTION, status_totals_chart
from charts.timeline import status_timeline_chart
from charts.townships import (
    MEMBER_SELECTION,
    METRICS,
    TOWNSHIP_SELECTION,
    ranked,
    ranking_chart,
    weekly_small_multiples,
)
from data_access.codes import OVERDUE, STATUSES, overdue_label
from data_access.queries.townships import COMPARISON_COLUMNS


def members() -> pd.DataFrame:
    """Three townships; one without problems."""
    rows = [
        (1, "枞阳镇", 10, 9, 1, 20_000, 2, 0.9, 2.0, 3, 1),
        (2, "藕山镇", 5, 5, 0, 0, 1, 1.0, 0.0, 1, 0),
        (3, "雨坛乡", 0, 0, 0, 0, 0, 0.0, 0.0, 0, 0),
    ]
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def params(spec: dict) -> list[dict]:
    """Every parameter of a chart spec, at the top or in a nested spec."""
    found = list(spec.get("params", []))
    for part in ("layer", "spec"):
        inner = spec.get(part)
        for sub in inner if isinstance(inner, list) else [inner] if inner else []:
            found += params(sub)
    return found


@pytest.mark.parametrize("metric", list(METRICS))
def test_ranking_orders_rows_and_selects_members(metric: str) -> None:
    """Highest first (or lowest); no rate for a member without problems; click → member_id."""
    order = ranked(members(), metric, ascending=False)
    assert order[metric].is_monotonic_decreasing
    if metric == "completion_rate":
        assert 3 not in set(order["member_id"])
    spec = ranking_chart(order, metric, "township").to_dict()
    selection = next(p for p in params(spec) if p["name"] == MEMBER_SELECTION)
    assert selection["select"]["fields"] == ["member_id"]
    assert "乡镇" in spec["title"]["text"]
    rows = next(iter(spec["datasets"].values()))
    assert [row["member_id"] for row in rows] == list(order["member_id"])


def test_small_multiples_facet_by_township_in_the_given_order() -> None:
    """One panel per township in the query's order; a click selects the township."""
    weeks = [date(2018, 7, 2) + timedelta(weeks=k) for k in range(2)]
    frame = pd.DataFrame(
        {
            "township_id": [2, 2, 1, 1],
            "township": ["藕山镇", "藕山镇", "枞阳镇", "枞阳镇"],
            "week_start": weeks * 2,
            "rectified_cumulative": [1, 2, 3, 4],
            "completion_rate": [0.2, 0.4, 0.3, 0.4],
        }
    )
    spec = weekly_small_multiples(frame).to_dict()
    assert spec["facet"]["field"] == "township"
    assert spec["facet"]["sort"] == ["藕山镇", "枞阳镇"]
    assert any(p["name"] == TOWNSHIP_SELECTION for p in params(spec))


def test_status_bars_put_overdue_last_and_select_the_status() -> None:
    """The workflow statuses, then 已逾期 in red; a click selects the status code."""
    frame = pd.DataFrame(
        {
            "status": [*STATUSES, OVERDUE],
            "status_label": [*STATUSES.values(), overdue_label()],
            "problems": [*range(1, len(STATUSES) + 1), 33],
        }
    )
    spec = status_totals_chart(frame).to_dict()
    bars = spec["layer"][0]["encoding"]
    assert bars["y"]["sort"][-1] == overdue_label()
    assert bars["color"]["scale"]["domain"][-1] == overdue_label()
    assert next(p for p in params(spec) if p["name"] == STATUS_SELECTION)["select"]["fields"] == [
        "status"
    ]


def test_timeline_draws_events_and_only_the_known_markers() -> None:
    """Points on the days of the events; a deadline rule only when there is a deadline."""
    events = pd.DataFrame(
        {
            "changed_on": [date(2018, 4, 10), date(2018, 6, 27)],
            "status": ["not_started", "rectified"],
            "status_label": ["未启动", "已完成"],
            "note": ["发现", "完成"],
        }
    )
    plain = status_timeline_chart(events).to_dict()
    assert len(plain["layer"]) == 3
    marked = status_timeline_chart(events, deadline=date(2018, 7, 8)).to_dict()
    rule = marked["layer"][-1]
    assert rule["mark"]["type"] == "rule"
    assert rule["encoding"]["color"]["scale"]["domain"] == ["整改时限"]
    empty = events.iloc[0:0]
    assert status_timeline_chart(empty).to_dict()["layer"]


def test_the_round_chart_keeps_the_largest_townships() -> None:
    """Over the limit, the townships with the most problems over both rounds, both rows each."""
    rows = [(1, 5, 0), (1, 1, 1), (2, 2, 0), (2, 2, 1), (3, 1, 0), (4, 9, 1)]
    frame = pd.DataFrame(rows, columns=["township_id", "problems_total", "round_order"])
    kept = rounds.largest_townships(frame, 2)
    assert sorted(set(kept["township_id"])) == [1, 4]  # 6 and 9 problems; 2 has 4, 3 has 1
    assert len(kept) == 3
    assert rounds.largest_townships(frame, 4) is frame
