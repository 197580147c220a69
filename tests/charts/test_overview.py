"""Chart builders: encodings, titles, selections and the rows they were given; empty frames."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from charts import overview
from charts.theme import FONT, no_form_label, status_labels
from data_access.codes import FORMS, PERSON_CATEGORIES, STATUSES
from data_access.queries.overview import TREND_COLUMNS
from tests.support.chart_specs import bar_layer, empty, only_dataset, selections

TOWNSHIP_COLUMNS = ["township_id", "township", "sort_order", "status", "status_label", "problems"]
FOCUS_COLUMNS = ["focus_area", "focus_area_label", "area_rank", "status", "status_label"]
# An office's own categories, in its order (not alphabetical in any language).
OFFICE_AREAS = ("党的政治建设方面", "选人用人方面", "党风廉政建设方面", "意识形态工作方面")
ACCOUNTABILITY_COLUMNS = ["category", "category_label", "form", "form_label", "people"]


def township_frame() -> pd.DataFrame:
    """Three townships with every status, problem counts varying by township and status."""
    rows = [
        (tid, name, tid, code, label, tid + index)
        for tid, name in enumerate(["枞阳镇", "藕山镇", "雨坛乡"], start=1)
        for index, (code, label) in enumerate(STATUSES.items())
    ]
    return pd.DataFrame(rows, columns=TOWNSHIP_COLUMNS)


def focus_frame() -> pd.DataFrame:
    """Every category of an office with every status, the last category first in the rows."""
    rows = [
        (area, area, rank, code, label, 3 * rank + j)
        for rank, area in reversed(list(enumerate(OFFICE_AREAS)))
        for j, (code, label) in enumerate(STATUSES.items())
    ]
    return pd.DataFrame(rows, columns=[*FOCUS_COLUMNS, "problems"])


def accountability_frame() -> pd.DataFrame:
    """The eight categories; sanctions split over forms 2 and 3; pending cases without a form."""
    rows = []
    for i, (code, label) in enumerate(PERSON_CATEGORIES.items()):
        forms = {"disciplinary_sanction": (2, 3), "under_investigation": (None,)}.get(code, (1,))
        rows += [(code, label, form, FORMS.get(form), i + 1) for form in forms]
    return pd.DataFrame(rows, columns=ACCOUNTABILITY_COLUMNS)


def week_frame() -> pd.DataFrame:
    """Four weeks of a ledger of 40 problems."""
    done = [5, 12, 8, 10]
    cumulative = pd.Series(done).cumsum()
    return pd.DataFrame(
        {
            "week_start": [date(2018, 7, 2) + timedelta(weeks=k) for k in range(4)],
            "rectified_in_week": done,
            "rectified_cumulative": cumulative,
            "problems_total": 40,
            "open_problems": 40 - cumulative,
            "completion_rate": cumulative / 40,
            "recovered_in_week": [0, 12_000, 30_500, 8_000],
            "recovered_cumulative": [0, 12_000, 42_500, 50_500],
            "rules_in_week": [0, 1, 3, 2],
            "rules_cumulative": [0, 1, 4, 6],
        }
    )


STATUS_CHARTS = [
    pytest.param(
        overview.completion_by_township_chart, township_frame, "township", "township_id",
        "各乡镇整改完成情况", id="township",
    ),
    pytest.param(
        overview.focus_area_chart, focus_frame, "focus_area_label", "focus_area",
        "各巡察重点问题整改情况", id="focus_area",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("build", "make_frame", "label", "key", "title"), STATUS_CHARTS)
def test_status_charts_stack_problems_by_status(build, make_frame, label, key, title):
    """Bars: groups on y, summed problems on x, status colours in the fixed order."""
    frame = make_frame()
    spec = build(frame).to_dict()
    bars = bar_layer(spec)["encoding"]
    assert spec["title"]["text"] == title
    assert bars["y"]["field"] == label
    assert (bars["x"]["field"], bars["x"]["aggregate"]) == ("problems", "sum")
    assert bars["x"]["title"] == "问题数（个）"
    assert bars["color"]["field"] == "status_label"
    assert bars["color"]["scale"]["domain"] == list(status_labels())
    assert list(selections(spec).values()) == [[key]]
    assert only_dataset(spec) == frame.to_dict(orient="records")
    assert spec["config"]["font"] == FONT


def test_focus_areas_keep_the_rounds_order():
    """The categories are listed in the order of the frame's area_rank (the round's own
    order, from the store), not alphabetically nor in the order of the rows."""
    spec = overview.focus_area_chart(focus_frame()).to_dict()
    assert bar_layer(spec)["encoding"]["y"]["sort"] == list(OFFICE_AREAS)


def test_township_bars_sorted_by_completion_rate():
    """Townships are ranked by completion rate, computed from rectified rows only."""
    spec = overview.completion_by_township_chart(township_frame()).to_dict()
    y_sort = bar_layer(spec)["encoding"]["y"]["sort"]
    assert y_sort == {"field": "rate", "op": "max", "order": "descending"}
    calculations = [t["calculate"] for t in bar_layer(spec)["transform"] if "calculate" in t]
    assert "datum.status == 'rectified' ? datum.problems : 0" in calculations


def test_accountability_chart_colours_by_form():
    """People per category, coloured by 四种形态; rows without a form get their own label."""
    frame = accountability_frame()
    spec = overview.accountability_chart(frame).to_dict()
    bars = bar_layer(spec)["encoding"]
    assert spec["title"]["text"] == "问责追责情况"
    assert bars["y"]["field"] == "category_label"
    assert (bars["x"]["field"], bars["x"]["aggregate"]) == ("people", "sum")
    assert bars["color"]["field"] == "form_label"
    assert bars["color"]["scale"]["domain"] == [FORMS[1], FORMS[2], FORMS[3], no_form_label()]
    rows = only_dataset(spec)
    assert len(rows) == len(frame)
    assert sum(row["people"] for row in rows) == frame["people"].sum()
    assert {row["form_label"] for row in rows if row["category"] == "under_investigation"} == {
        no_form_label()
    }
    assert selections(spec) == {overview.CATEGORY_SELECTION: ["category"]}
    # Largest category first: sorted on the per-category total (a layer-safe sort op).
    assert bars["y"]["sort"] == {"field": "category_total", "op": "max", "order": "descending"}


def test_weekly_trend_has_bars_and_rate_line_on_two_axes():
    """一周一汇总: bars of rectified per week, the completion rate as a line on its own axis."""
    frame = week_frame()
    spec = overview.weekly_trend_chart(frame).to_dict()
    bars, line = spec["layer"]
    assert bars["mark"]["type"] == "bar"
    assert bars["encoding"]["y"]["field"] == "rectified_in_week"
    assert line["mark"]["type"] == "line"
    assert line["encoding"]["y"]["field"] == "completion_rate"
    assert line["encoding"]["y"]["axis"]["format"] == ".0%"
    assert spec["resolve"]["scale"]["y"] == "independent"
    assert "一周一汇总" in spec["title"]["text"]
    rows = only_dataset(spec)
    assert [row["rectified_in_week"] for row in rows] == frame["rectified_in_week"].tolist()
    assert [row["week_start"][:10] for row in rows] == [d.isoformat() for d in frame.week_start]
    assert selections(spec) == {overview.WEEK_SELECTION: ["week_start"]}
    tooltips = {tip["field"] for tip in bars["encoding"]["tooltip"]}
    assert {"recovered_wan", "cumulative_wan", "rules_in_week"} <= tooltips
    assert [row["cumulative_wan"] for row in rows] == [0, 1.2, 4.25, 5.05]


@pytest.mark.parametrize(
    ("build", "columns"),
    [
        (overview.completion_by_township_chart, TOWNSHIP_COLUMNS),
        (overview.focus_area_chart, FOCUS_COLUMNS),
        (overview.accountability_chart, ACCOUNTABILITY_COLUMNS),
        (overview.weekly_trend_chart, TREND_COLUMNS),
    ],
)
def test_builders_accept_empty_frames(build, columns):
    """A filter that matches nothing still gives a valid chart with no rows."""
    spec = build(empty(columns)).to_dict()
    assert only_dataset(spec) == []
    assert spec["title"]["text"]
