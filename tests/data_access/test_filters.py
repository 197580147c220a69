"""The Filter in the URL: round trips, bad parameters, chart clicks, cleaning and chips."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import altair as alt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from components import filter_bar
from components.chart_filter import (
    chart_widget_key,
    clicked_values,
    filter_with_selection,
    selection_field,
    week_monday,
    with_initial_selection,
)
from components.filter_bar import offered_values, sanitised
from components.filter_chips import filter_chips
from components.filter_state import filter_token
from data_access.codes import FOCUS_AREAS, OVERDUE, SOURCES, STATUSES
from data_access.filters import PARAM_NAMES, Filter
from data_access.queries.options import FilterOptions

IDS = st.lists(st.integers(min_value=1, max_value=10**6), max_size=4).map(tuple)
DAYS = st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
SUB_CATEGORIES = ["截留挪用", "优亲厚友", "形式主义 (填表报数/数字脱贫)", "资金闲置/报账率低"]


def codes(table) -> st.SearchStrategy[tuple[str, ...]]:
    """Tuples of codes drawn from a code table."""
    return st.lists(st.sampled_from(sorted(table)), max_size=3).map(tuple)


FILTERS = st.builds(
    Filter,
    rounds=IDS,
    groups=IDS,
    cities=IDS,
    counties=IDS,
    townships=IDS,
    villages=IDS,
    focus_areas=codes(FOCUS_AREAS),
    sub_categories=codes(SUB_CATEGORIES),
    statuses=codes([*STATUSES, OVERDUE]),
    sources=codes(SOURCES),
    date_from=DAYS,
    date_to=DAYS,
    as_of=DAYS,
).map(Filter.normalised)


@given(FILTERS)
def test_filter_params_filter_is_identity(flt: Filter) -> None:
    """Every Filter survives the URL: to_params then from_params gives it back, no notice."""
    params = flt.to_params()
    assert set(params) <= set(PARAM_NAMES.values())
    assert all(isinstance(value, str) for value in params.values())
    assert Filter.from_params(params) == (flt, [])


@given(FILTERS)
def test_widget_keys_differ_exactly_when_filters_do(flt: Filter) -> None:
    """A chart's widget key is the plain key only for the empty Filter, stable otherwise."""
    assert (chart_widget_key("chart", flt) == "chart") == flt.is_empty()
    assert filter_token(flt) == filter_token(Filter.from_params(flt.to_params())[0])


@pytest.mark.parametrize(
    ("params", "ignored"),
    [
        ({"township": "abc"}, ["township=abc"]),
        ({"township": "1,x"}, ["township=1,x"]),
        ({"status": "bogus"}, ["status=bogus"]),
        ({"area": ","}, ["area=,"]),
        ({"from": "2018-13-01"}, ["from=2018-13-01"]),
        ({"asof": "yesterday"}, ["asof=yesterday"]),
        ({"township": ","}, ["township=,"]),
    ],
)
def test_malformed_params_are_dropped_and_named(params, ignored) -> None:
    """A malformed value is left out of the Filter and named in the notices, never raised."""
    flt, notices = Filter.from_params({**params, "source": "immediate_fix"})
    assert flt == Filter(sources=("immediate_fix",))
    assert notices == ignored


def test_repeated_param_keeps_the_last_value() -> None:
    """A parameter given twice (a list) counts once, by its last value."""
    assert Filter.from_params({"township": ["1", "2"]})[0] == Filter(townships=(2,))


def test_clicked_values_from_streamlit_and_apptest_events() -> None:
    """An untouched chart reports {}; a click reports a list of points (plain dicts)."""
    assert clicked_values({"selection": {"pick": {}}}, "pick", "township_id") is None
    assert clicked_values(None, "pick", "township_id") is None
    assert clicked_values({"selection": {}}, "pick", "township_id") is None
    event = {"selection": {"pick": [{"township_id": 3}, {"township_id": 5.0}, {"other": 1}]}}
    assert clicked_values(event, "pick", "township_id") == [3, 5.0]
    assert clicked_values({"selection": {"pick": []}}, "pick", "x") == []
    assert clicked_values({"selection": {"pick": [{"status": "overdue"}]}}, "pick", None) == [
        "overdue"
    ]


def test_selection_becomes_the_filter_field() -> None:
    """Clicked ids and codes replace their field; other fields stay; bad values drop out."""
    start = Filter(focus_areas=("work_style",), townships=(1,))
    assert filter_with_selection(start, "townships", [3, 5.0, "7", None, -1, 2.5]) == Filter(
        focus_areas=("work_style",), townships=(3, 5, 7)
    )
    assert filter_with_selection(start, "statuses", ["overdue"]).statuses == ("overdue",)
    assert filter_with_selection(start, "focus_areas", []) == Filter(townships=(1,))
    with pytest.raises(ValueError, match="unknown filter field"):
        filter_with_selection(start, "category", ["x"])


def local_midnight_ms(day: date, utc_offset_hours: int) -> int:
    """What Vega sends for day in a browser at that UTC offset: local midnight, epoch ms."""
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=utc_offset_hours)
    return int(moment.timestamp() * 1000)


@pytest.mark.parametrize("offset", [-11, -5, 0, 8, 11])
def test_a_clicked_week_is_found_in_every_time_zone(offset: int) -> None:
    """Vega's local-midnight timestamps give the same Monday whatever the browser's zone."""
    monday = date(2018, 7, 16)
    assert week_monday(local_midnight_ms(monday, offset)) == monday
    assert week_monday(local_midnight_ms(monday + timedelta(days=3), offset)) == monday


def test_week_selection_sets_the_rectified_range() -> None:
    """A clicked week filters what its bar counts, the problems rectified in it: one week →
    Monday..Sunday; several → from the first Monday to the last Sunday. Found dates stay."""
    flt = filter_with_selection(Filter(), "week", ["2018-07-16", "2018-07-04T00:00:00"])
    assert (flt.rectified_from, flt.rectified_to) == (date(2018, 7, 2), date(2018, 7, 22))
    assert (flt.date_from, flt.date_to) == (None, None)
    assert flt.to_params() == {"rfrom": "2018-07-02", "rto": "2018-07-22"}
    assert Filter.from_params(flt.to_params()) == (flt, [])
    assert week_monday("not a date") is None
    assert week_monday(True) is None
    cleared = filter_with_selection(flt, "week", [])
    assert (cleared.rectified_from, cleared.rectified_to) == (None, None)


def test_initial_selection_marks_the_current_filter() -> None:
    """The chart starts with the Filter's values selected, so shift-click adds to them."""
    selection = alt.selection_point(name="pick", fields=["township_id"])
    frame = pd.DataFrame({"township_id": [1, 2], "problems": [3, 4]})
    bars = alt.Chart(frame).mark_bar().encode(x="township_id:O", y="problems:Q")
    spec = alt.layer(bars.add_params(selection), bars.mark_text()).to_dict()
    assert selection_field(spec, "pick") == "township_id"
    assert selection_field(spec, "missing") is None
    marked = with_initial_selection(spec, "pick", "township_id", (2,))
    assert marked["params"][0]["value"] == [{"township_id": 2}]
    assert "value" not in spec["params"][0], "the cached spec is not changed"
    assert marked["datasets"] is spec["datasets"], "the data is shared, not copied"


def options() -> FilterOptions:
    """Two townships with two villages each, one group, sub-categories under two areas."""
    regions = pd.DataFrame(
        {
            "township_id": [1, 2],
            "township": ["钱桥镇", "老洲镇"],
            "county_id": [1, 1],
            "county": ["枞阳县", "枞阳县"],
            "city_id": [1, 1],
            "city": ["铜陵市", "铜陵市"],
        }
    )
    villages = pd.DataFrame(
        {
            "village_id": [11, 12, 21, 22],
            "village": ["钱桥村", "邹姚村", "高沿村", "罗墩村"],
            "township_id": [1, 1, 2, 2],
        }
    )
    subs = pd.DataFrame(
        {"focus_area": ["funds_projects", "work_style"], "sub_category": ["截留挪用", "官僚主义"]}
    )
    return FilterOptions(
        rounds=pd.DataFrame({"round_id": [1], "round": ["2018年专项巡察"]}),
        groups=pd.DataFrame({"group_id": [1], "group": ["第一巡察组"], "round_id": [1]}),
        regions=regions,
        villages=villages,
        focus_areas=pd.DataFrame(
            {
                "focus_area": ["党的政治建设方面", "funds_projects", "work_style"],
                "focus_area_label": ["党的政治建设方面", "扶贫资金项目落实", "扶贫领域“四风”"],
            }
        ),
        sub_categories=subs,
        first_found=date(2018, 4, 9),
        last_found=date(2018, 5, 18),
    )


def test_unknown_ids_are_dropped_with_a_notice() -> None:
    """township=9999, a village outside the chosen townships and a focus area no round
    defines go; the rest stays."""
    flt = Filter(townships=(1, 9999), villages=(11, 21), groups=(1, 7), focus_areas=("work_style",))
    flt = flt.with_(focus_areas=("work_style", "nope"), sub_categories=("截留挪用", "官僚主义"))
    clean, dropped = sanitised(flt, options())
    assert clean == Filter(
        townships=(1,), villages=(11,), groups=(1,), focus_areas=("work_style",)
    ).with_(sub_categories=("官僚主义",))
    assert dropped == ["巡察组 7", "乡镇 9999", "村 21", "巡察重点 nope", "问题子类 截留挪用"]
    assert sanitised(Filter(townships=(2,)), options()) == (Filter(townships=(2,)), [])


def test_a_province_of_villages_waits_for_a_township(monkeypatch) -> None:
    """Beyond VILLAGE_LIST_LIMIT villages the bar lists only chosen ones until a township is."""
    assert offered_values("villages", Filter(), options()) == ([11, 12, 21, 22], False)
    monkeypatch.setattr(filter_bar, "VILLAGE_LIST_LIMIT", 3)
    assert offered_values("villages", Filter(), options()) == ([], True)
    assert offered_values("villages", Filter(villages=(21,)), options()) == ([21], True)
    assert offered_values("villages", Filter(townships=(1,)), options()) == ([11, 12], False)
    assert offered_values("townships", Filter(), options()) == ([1, 2], False)
    # Cleaning a link still knows every village: a chosen one is kept, not dropped.
    assert sanitised(Filter(villages=(21,)), options()) == (Filter(villages=(21,)), [])
    # Options without every village (filter_bar.filter_options) hold the chosen ones.
    some = replace(options(), all_villages=False)
    some = replace(some, villages=some.villages[some.villages["village_id"] == 21])
    assert offered_values("villages", Filter(villages=(21,)), some) == ([21], True)
    assert sanitised(Filter(villages=(21, 99)), some)[0] == Filter(villages=(21,))


def test_chips_name_each_value_and_remove_only_it() -> None:
    """One chip per value (names, not ids), one for the date range, one for as-of."""
    flt = Filter(
        townships=(1, 2),
        villages=(11,),
        statuses=(OVERDUE,),
        date_from=date(2018, 7, 2),
        date_to=date(2018, 7, 8),
        as_of=date(2018, 8, 1),
    )
    flt = flt.with_(focus_areas=("党的政治建设方面", "work_style"))
    chips = {chip.label: chip.without for chip in filter_chips(flt, options())}
    assert list(chips) == [
        "乡镇：钱桥镇",
        "乡镇：老洲镇",
        "村：钱桥村",
        "巡察重点：扶贫领域“四风”",
        "巡察重点：党的政治建设方面",
        "整改状态：已逾期",
        "发现日期：2018-07-02 至 2018-07-08",
        "截至：2018-08-01",
    ]
    # Removing 钱桥镇 also removes its village (a village must sit in a chosen township).
    assert chips["乡镇：钱桥镇"] == flt.with_(townships=(2,), villages=())
    assert chips["村：钱桥村"] == flt.with_(villages=())
    assert chips["发现日期：2018-07-02 至 2018-07-08"] == flt.with_(date_from=None, date_to=None)
    assert chips["截至：2018-08-01"] == flt.with_(as_of=None)
    assert filter_chips(Filter(), options()) == []
