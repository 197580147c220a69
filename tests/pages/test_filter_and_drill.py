"""AppTest: the filter bar, chips, chart clicks, the drill-down and the problem page."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import streamlit as st
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from components.chart_filter import chart_widget_key
from components.filter_bar import widget_key
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import format_int, format_rate, format_yuan_wan, local_today
from data_access.models import Problem
from data_access.queries import fetch_headline, fetch_weekly_trend, resolve_township_names
from data_access.queries import options as options_module
from data_access.queries.options import fetch_filter_options
from data_access.queries.townships import fetch_region_comparison
from data_access.roles import MASK_CHAR, mask_name
from tests.support.app_content import kpis, open_more_filters, rendered
from tests.support.published_figures import PUBLISHED_KPIS
from tests.support.signin import open_app

VIEWER = "viewer"
OVERVIEW = "pages/overview.py"
TOWNSHIPS = "pages/townships.py"
PROBLEM = "pages/problem.py"
QIANQIAO = "钱桥镇"


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> str:
    """Point the app at the seeded SQLite demo database with the test accounts."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return sqlite_seeded_url


def expected_kpis(url: str, flt: Filter) -> dict[str, str]:
    """The four problem cards the overview shows for flt, from fetch_headline."""
    with session_scope(get_engine(url)) as session:
        h = fetch_headline(session=session, flt=flt)
    return {
        "问题总数": format_int(h.problems_total),
        "整改完成": format_int(h.problems_rectified),
        "完成率": format_rate(h.completion_rate),
        "挽回损失": format_yuan_wan(h.recovered_yuan),
        "问责追责": format_int(h.accountable_people),
    }


def shown(app: AppTest) -> dict[str, str]:
    """The overview cards that expected_kpis covers."""
    cards = kpis(app)
    return {
        label: cards[label] for label in ("问题总数", "整改完成", "完成率", "挽回损失", "问责追责")
    }


def township_id(url: str, name: str = QIANQIAO) -> int:
    """A township's id in the demo data."""
    with session_scope(get_engine(url)) as session:
        return resolve_township_names(session=session, names=[name])[0][0]


def chips(app: AppTest) -> list[str]:
    """The labels of the active-filter chips."""
    return [rendered(b.label) for b in app.button if b.key and b.key.startswith("filter_chip_")]


def test_filter_widgets_drive_the_kpis_and_the_url(app_database):
    """Choosing a township, then a focus area, narrows the cards; the URL follows."""
    township = township_id(app_database)
    app = open_app(VIEWER)
    app.multiselect(key=widget_key("townships")).select(township).run()
    assert not app.exception
    assert app.query_params["township"] == str(township)
    assert shown(app) == expected_kpis(app_database, Filter(townships=(township,)))
    app.multiselect(key=widget_key("focus_areas")).select("funds_projects").run()
    both = Filter(townships=(township,), focus_areas=("funds_projects",))
    assert shown(app) == expected_kpis(app_database, both)
    assert chips(app) == [f"乡镇：{QIANQIAO}", "巡察重点：扶贫资金项目落实"]
    app.multiselect(key=widget_key("statuses")).select("overdue").run()
    assert app.query_params["status"] == "overdue"
    assert shown(app) == expected_kpis(app_database, both.with_(statuses=("overdue",)))


def test_the_rarer_filters_exist_only_while_more_is_open(app_database):
    """Closed, 更多筛选 sends none of its widgets; open, they filter like the others."""
    app = open_app(VIEWER)
    keys = {widget.key for widget in (*app.sidebar.multiselect, *app.sidebar.date_input)}
    assert keys == {widget_key(f) for f in ("rounds", "townships", "focus_areas", "statuses")}
    open_more_filters(app)
    assert app.multiselect(key=widget_key("groups")).label == "巡察组"
    assert app.date_input(key=widget_key("as_of")).label == "截至日期"
    app.multiselect(key=widget_key("sources")).select("immediate_fix").run()
    assert app.query_params["source"] == "immediate_fix"
    assert shown(app) == expected_kpis(app_database, Filter(sources=("immediate_fix",)))
    assert chips(app) == ["问题来源：立行立改"]


def test_as_of_and_date_widgets(app_database):
    """The as-of picker replays the history; the date range narrows by finding day."""
    app = open_more_filters(open_app(VIEWER))
    app.date_input(key=widget_key("as_of")).set_value(date(2018, 7, 1)).run()
    assert app.query_params["asof"] == "2018-07-01"
    assert shown(app) == expected_kpis(app_database, Filter(as_of=date(2018, 7, 1)))
    assert shown(app)["整改完成"] != PUBLISHED_KPIS["整改完成"]
    app.date_input(key=widget_key("date_to")).set_value(date(2018, 4, 20)).run()
    flt = Filter(as_of=date(2018, 7, 1), date_to=date(2018, 4, 20))
    assert shown(app) == expected_kpis(app_database, flt)
    app.button(key="filter_clear").click().run()
    assert kpis(app) == PUBLISHED_KPIS
    assert not chips(app)


def test_a_chip_click_undoes_its_filter(app_database):
    """One click on a chip removes that value; the others stay."""
    township = township_id(app_database)
    app = open_app(VIEWER, query_params={"township": str(township), "area": "work_style"})
    assert chips(app) == [f"乡镇：{QIANQIAO}", "巡察重点：扶贫领域“四风”"]
    app.button(key="filter_chip_0").click().run()
    assert "township" not in app.query_params
    assert shown(app) == expected_kpis(app_database, Filter(focus_areas=("work_style",)))
    assert app.multiselect(key=widget_key("townships")).value == []


def test_unknown_ids_in_a_link_are_dropped_with_a_notice(app_database):
    """township=9999 (no such township) is dropped, named in a notice, and nothing breaks."""
    township = township_id(app_database)
    app = open_app(VIEWER, query_params={"township": f"9999,{township}", "status": "bogus"})
    assert not app.exception
    notices = " ".join(rendered(caption.value) for caption in app.caption)
    assert "乡镇 9999" in notices and "status=bogus" in notices
    assert app.query_params["township"] == str(township)
    assert "status" not in app.query_params
    assert shown(app) == expected_kpis(app_database, Filter(townships=(township,)))


CLICKS = [
    ("township_chart", "township_pick", "township_id", "townships"),
    ("focus_area_chart", "focus_area_pick", "focus_area", "focus_areas"),
    ("status_chart", "status_pick", "status", "statuses"),
]


@pytest.mark.parametrize(("key", "selection", "field", "filter_field"), CLICKS)
def test_a_chart_click_becomes_the_filter(app_database, key, selection, field, filter_field):
    """A selection on an overview chart sets its Filter field, the chip and the cards."""
    value = {
        "townships": township_id(app_database),
        "focus_areas": "task_progress",
        "statuses": "overdue",
    }[filter_field]
    app = open_app(VIEWER)
    app.session_state[key] = {"selection": {selection: [{field: value}]}}
    app.run()
    assert not app.exception
    flt = Filter().with_(**{filter_field: (value,)})
    assert shown(app) == expected_kpis(app_database, flt)
    assert url_params(app) == flt.to_params()
    assert len(chips(app)) == 1
    # The chart under the new filter is a new widget (no stale selection), and a
    # shift-click there (both values) adds to the filter.
    second = {"townships": township_id(app_database, "老洲镇"), "focus_areas": "work_style"}
    second["statuses"] = "in_progress"
    both = [{field: value}, {field: second[filter_field]}]
    app.session_state[chart_widget_key(key, flt)] = {"selection": {selection: both}}
    app.run()
    wider = Filter().with_(**{filter_field: (value, second[filter_field])})
    assert shown(app) == expected_kpis(app_database, wider)


def test_a_week_click_filters_the_problems_rectified_that_week(app_database):
    """A clicked week (Vega sends epoch ms) filters what its bar counts: rectified in it."""
    with session_scope(get_engine(app_database)) as session:
        weeks = fetch_weekly_trend(session=session, flt=Filter())
    week = weeks.loc[weeks["rectified_in_week"].idxmax()]
    monday = week["week_start"]
    app = open_app(VIEWER)
    monday_ms = int(datetime(monday.year, monday.month, monday.day, tzinfo=UTC).timestamp() * 1000)
    app.session_state["weekly_trend_chart"] = {
        "selection": {"week_pick": [{"week_start": monday_ms}]}
    }
    app.run()
    sunday = monday + timedelta(days=6)
    assert (app.query_params["rfrom"], app.query_params["rto"]) == (
        monday.isoformat(),
        sunday.isoformat(),
    )
    bar = format_int(int(week["rectified_in_week"]))
    assert shown(app)["整改完成"] == shown(app)["问题总数"] == bar  # the bar's own value
    assert chips(app) == [f"整改完成：{monday.isoformat()} 至 {sunday.isoformat()}"]


def test_accountability_click_opens_its_page(app_database):
    """A category has no Filter field: a click opens 问责情况 with the current filter."""
    township = township_id(app_database)
    app = open_app(VIEWER, query_params={"township": str(township)})
    key = chart_widget_key("accountability_chart", Filter(townships=(township,)))
    app.session_state[key] = {"selection": {"category_pick": [{"category": "admonishment"}]}}
    app.run()
    assert app.title[0].value == "问责情况"
    assert app.query_params["township"] == str(township)


def test_filter_matching_nothing_shows_an_empty_state(app_database):
    """No problem found that late: zero cards, a notice, no chart."""
    app = open_app(VIEWER, query_params={"from": local_today().isoformat()})
    assert not app.exception
    assert kpis(app)["问题总数"] == "0"
    assert any("没有问题记录" in info.value for info in app.info)
    assert not [
        element for element in app.main if getattr(element, "type", "") == "vega_lite_chart"
    ]


def test_the_filter_follows_the_user_to_another_page(app_database):
    """Page navigation empties the URL; the frame brings the session's filter back."""
    township = township_id(app_database)
    app = open_app(VIEWER, query_params={"township": str(township)})
    app.query_params.clear()  # what a click in the sidebar does
    app.switch_page(TOWNSHIPS)
    app.run()
    assert app.query_params["township"] == str(township)
    assert shown(app) == expected_kpis(app_database, Filter(townships=(township,)))


def url_params(app: AppTest) -> dict[str, str]:
    """The URL's query parameters after the run (last value of each)."""
    return {
        key: value[-1] if isinstance(value, list) else value
        for key, value in app.query_params.items()
    }


def crumb_labels(app: AppTest) -> list[str]:
    """The clickable steps of the breadcrumb."""
    return [b.label for b in app.button if b.key and b.key.startswith("crumb_")]


def test_drill_down_to_a_problem(app_database):
    """County → township (chart click) → village (table row) → problem (table row)."""
    township = township_id(app_database)
    app = open_app(VIEWER, TOWNSHIPS)
    assert crumb_labels(app) == ["铜陵市"]  # 枞阳县 is the current level, in bold
    app.session_state["ranking_township"] = {
        "selection": {"member_pick": [{"member_id": township}]}
    }
    app.run()
    assert app.query_params["township"] == str(township)
    assert crumb_labels(app) == ["铜陵市", "枞阳县"]
    with session_scope(get_engine(app_database)) as session:
        villages = fetch_region_comparison(
            session=session, flt=Filter(townships=(township,)), level="village"
        )
    row = int(villages.index[villages["problems_total"] > 0][0])
    village_table = chart_widget_key("members_village", Filter(townships=(township,)))
    app.session_state[village_table] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()
    village = int(villages.loc[row, "member_id"])
    assert app.query_params["village"] == str(village)
    assert crumb_labels(app) == ["铜陵市", "枞阳县", QIANQIAO]
    here = Filter(townships=(township,), villages=(village,))
    assert shown(app) == expected_kpis(app_database, here)
    problems = app.dataframe[0].value
    problem_table = chart_widget_key("drill_problems", here)
    app.session_state[problem_table] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()
    assert app.title[0].value == "问题详情"
    assert app.query_params["code"] == problems["code"].iloc[0]
    assert crumb_labels(app)[-1] == villages.loc[row, "member"]


def test_breadcrumb_goes_back_up(app_database):
    """From a problem to its township, then to all townships, keeping other filters out.

    Each step starts from a page opened by link: in AppTest a second switch_page keeps the
    URL the first one set (a browser does not; tests/e2e follows the whole path).
    """
    township = township_id(app_database)
    with session_scope(get_engine(app_database)) as session:
        problem = session.exec(
            select(Problem).where(Problem.township_id == township, Problem.village_id.is_not(None))
        ).first()
    here = Filter(townships=(township,), villages=(problem.village_id,))
    app = open_app(VIEWER, PROBLEM, {"code": problem.code, **here.to_params()})
    app.button(key="crumb_2").click().run()  # 钱桥镇: the village goes, the township stays
    assert app.title[0].value == "乡镇对比"
    assert url_params(app) == {"township": str(township)}
    assert crumb_labels(app) == ["铜陵市", "枞阳县"]
    app = open_app(VIEWER, TOWNSHIPS, {"township": str(township)})
    app.button(key="crumb_0").click().run()  # 铜陵市: all townships again
    assert url_params(app) == {}
    assert kpis(app) == PUBLISHED_KPIS


def test_a_province_of_villages_is_read_a_township_at_a_time(app_database, monkeypatch):
    """Beyond VILLAGE_LIST_LIMIT the options hold no villages; a chosen township's and a
    chosen village's are read for the bar, the chip and the breadcrumb."""
    township = township_id(app_database)
    with session_scope(get_engine(app_database)) as session:
        problem = session.exec(
            select(Problem).where(Problem.township_id == township, Problem.village_id.is_not(None))
        ).first()
        in_township = fetch_filter_options(session=session).villages
    monkeypatch.setattr(options_module, "VILLAGE_LIST_LIMIT", 3)
    st.cache_data.clear()  # options cached under the usual limit by an earlier test
    app = open_more_filters(open_app(VIEWER, TOWNSHIPS))
    assert app.multiselect(key=widget_key("villages")).options == []
    here = Filter(townships=(township,), villages=(problem.village_id,))
    app = open_more_filters(open_app(VIEWER, TOWNSHIPS, here.to_params()))
    assert not app.exception
    names = in_township.loc[in_township["township_id"] == township, "village"]
    assert app.multiselect(key=widget_key("villages")).options == list(names)
    village = dict(zip(in_township["village_id"], in_township["village"], strict=True))
    assert chips(app) == [f"乡镇：{QIANQIAO}", f"村：{village[problem.village_id]}"]
    assert crumb_labels(app) == ["铜陵市", "枞阳县", QIANQIAO]  # the village is named
    assert url_params(app) == here.to_params()
    st.cache_data.clear()


def test_problem_page_shows_fields_timeline_and_masked_names(app_database):
    """A known code: every ledger field, the timeline chart, masked names, its leads."""
    with session_scope(get_engine(app_database)) as session:
        problem = session.get(Problem, 6)
        options = fetch_filter_options(session=session)
    app = open_app(VIEWER, PROBLEM, {"code": problem.code})
    assert not app.exception
    table = app.table[0].value
    assert table.loc["问题编号", "内容"] == problem.code
    assert table.loc["问题描述", "内容"] == problem.description
    assert "整改措施" in table.index and "佐证材料" in table.index
    charts = [e for e in app.main if getattr(e, "type", "") == "vega_lite_chart"]
    assert len(charts) == 1
    names = [frame.value for frame in app.dataframe if "name" in frame.value.columns]
    for name in names[0]["name"] if names else []:
        assert name[1:] == MASK_CHAR * (len(name) - 1)
    township_name = options.names("townships")[problem.township_id]
    assert township_name in crumb_labels(app)


@pytest.mark.parametrize("role", ["viewer", "uploader", "admin"])
def test_problem_page_names_follow_one_rule_and_its_note_is_true(app_database, role):
    """牵头领导 and 责任人 masked for a viewer only, as accountability names; the note says so."""
    with session_scope(get_engine(app_database)) as session:
        problem = session.exec(select(Problem).where(Problem.lead_leader != "")).first()
    app = open_app(role, PROBLEM, {"code": problem.code})
    table = app.table[0].value["内容"]
    shown = {table["牵头领导"], table["责任人"]}
    full = {problem.lead_leader, problem.responsible_person}
    notes = " ".join(caption.value for caption in app.caption)
    if role == "viewer":
        assert shown == {mask_name(name) for name in full} and shown != full
        assert "已脱敏" in notes and "完整显示" not in notes
    else:
        assert shown == full
        assert "完整显示" in notes and "已脱敏（" not in notes


def test_problem_page_without_or_with_unknown_code(app_database):
    """No code, or one that does not exist: a clear notice, no exception."""
    app = open_app(VIEWER, PROBLEM)
    assert any("未指定问题编号" in info.value for info in app.info)
    app = open_app(VIEWER, PROBLEM, {"code": "NOPE-1"})
    assert not app.exception
    assert any("NOPE-1" in rendered(info.value) for info in app.info)
