"""AppTest: 问题清单, 资金挽损, 问责情况, 线索移交 under filters, search, clicks and drill-down."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.page_kpis import accountability_kpis, funds_kpis, leads_kpis, problems_kpis
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.queries import (
    count_problem_ledger,
    fetch_accountability_totals,
    fetch_funds_totals,
    fetch_headline,
    fetch_lead_funnel,
    resolve_township_names,
)
from data_access.roles import MASK_CHAR
from tests.support.app_content import kpis, rendered
from tests.support.signin import open_app

QIANQIAO = "钱桥镇"
# Valid and inside the date pickers' range, but no demo record is that recent.
NOTHING_PARAMS = {"from": local_today().isoformat()}
PAGES = ["problems", "funds", "accountability", "leads"]
PUBLISHED_CARDS = {
    "problems": {"问题总数": "414", "整改完成": "381", "完成率": "92.0%"},
    "funds": {"挽回损失": "117.0128 万元", "完善制度": "117", "涉及问题数": "96"},
    "accountability": {"问责追责": "177", "党政纪处分": "26", "正在立案审查": "8"},
    "leads": {"移交问题线索": "40", "立案审查": "1", "涉及人员": "2", "给予党纪政务处分": "1"},
}
# Each page's cards from its read function (the same builders the page uses).
CARD_SOURCES = {
    "problems": (fetch_headline, problems_kpis),
    "funds": (fetch_funds_totals, funds_kpis),
    "accountability": (fetch_accountability_totals, accountability_kpis),
    "leads": (fetch_lead_funnel, leads_kpis),
}
# show_chart keys (no filter yet, so the widget key is the plain key) and what a click sets.
CHART_CLICKS = {
    "problems": ("ledger_status_matrix", "ledger_status_pick", "status", "rectified"),
    "funds": ("funds_by_township", "funds_township_pick", "township_id", None),
    "accountability": ("people_by_township", "accountability_township_pick", "township_id", None),
    "leads": ("leads_by_township", "leads_township_pick", "township_id", None),
}


VIEWER = "viewer"  # the test account the pages are opened as (names masked for it)


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> str:
    """Point the app at the seeded SQLite demo database with the test accounts."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return sqlite_seeded_url


def open_page(page: str, query_params: dict[str, str] | None = None):
    """The dashboard signed in as the viewer, on page (a url_path), with query_params."""
    return open_app(VIEWER, page_path(page), query_params)


def qianqiao_id(url: str) -> int:
    """The id of 钱桥镇 in the demo data."""
    with session_scope(get_engine(url)) as session:
        return resolve_township_names(session=session, names=[QIANQIAO])[0][0]


def expected_cards(url: str, page: str, flt: Filter) -> dict[str, str]:
    """The cards the page should show for flt, from its read function."""
    fetch, build = CARD_SOURCES[page]
    with session_scope(get_engine(url)) as session:
        result = fetch(session=session, flt=flt)
    return {kpi.label: kpi.value for kpi in build(result)}


def page_path(page: str) -> str:
    """The script of a page."""
    return f"pages/{page}.py"


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_the_published_figures(app_database, page):
    """Under no filter each page renders without exception, its cards, charts and a table."""
    app = open_page(page)
    assert not app.exception
    shown = kpis(app)
    assert PUBLISHED_CARDS[page].items() <= shown.items()
    assert shown == expected_cards(app_database, page, Filter())
    assert app.dataframe, "a table"
    assert chart_keys(app), "charts"


@pytest.mark.parametrize("page", PAGES)
def test_page_follows_a_township_filter(app_database, page):
    """?township=<钱桥镇> narrows every card to that township."""
    township = qianqiao_id(app_database)
    app = open_page(page, {"township": str(township)})
    assert not app.exception
    expected = expected_cards(app_database, page, Filter(townships=(township,)))
    assert kpis(app) == expected
    assert expected != expected_cards(app_database, page, Filter())


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_an_empty_state(app_database, page):
    """A filter that matches nothing: zero cards, a clear notice, no table, no chart."""
    app = open_page(page, NOTHING_PARAMS)
    assert not app.exception
    assert not app.dataframe
    assert any("没有" in info.value and "清除全部" in info.value for info in app.info)
    assert set(kpis(app).values()) <= {"0", "0.0%", "0 万元"}
    assert not chart_keys(app)


def chart_keys(app) -> list[str]:
    """Keys of the Vega-Lite charts on the page."""
    return [
        getattr(element, "key", None) or ""
        for element in app.main
        if getattr(element, "type", "") == "vega_lite_chart"
    ]


@pytest.mark.parametrize("page", PAGES)
def test_chart_click_filters_the_page(app_database, page):
    """A selection seeded on the page's clickable chart becomes the URL filter and the cards."""
    key, selection, field, value = CHART_CLICKS[page]
    township = qianqiao_id(app_database)
    clicked = value or township
    app = open_page(page)
    point = (
        {field: clicked, "focus_area": "funds_projects"} if field == "status" else {field: clicked}
    )
    app.session_state[key] = {"selection": {selection: [point]}}
    app.run()
    assert not app.exception
    if field == "status":  # a cell of the matrix: its status in its focus area
        assert (app.query_params["status"], app.query_params["area"]) == (clicked, "funds_projects")
        flt = Filter(statuses=(clicked,), focus_areas=("funds_projects",))
    else:
        assert app.query_params["township"] == str(township)
        flt = Filter(townships=(township,))
    assert kpis(app) == expected_cards(app_database, page, flt)


def test_search_box_filters_the_ledger(app_database):
    """Typing in the search box narrows the rows and puts the term in the URL; clearing undoes."""
    app = open_page("problems")
    assert len(app.dataframe[0].value) == 414
    app.text_input(key="ledger_search").set_value("截留").run()
    with session_scope(get_engine(app_database)) as session:
        expected = count_problem_ledger(session=session, flt=Filter(), search="截留")
    assert 0 < expected < 414
    assert len(app.dataframe[0].value) == expected
    assert app.dataframe[0].value["code"].is_unique
    assert app.query_params["q"] == "截留"
    app.text_input(key="ledger_search").set_value("").run()
    assert "q" not in app.query_params
    assert len(app.dataframe[0].value) == 414


def test_search_term_from_a_link(app_database):
    """?q=... opens the ledger already searched; a term matching nothing says so."""
    app = open_page("problems", {"q": "一户一档"})
    assert app.text_input(key="ledger_search").value == "一户一档"
    assert 0 < len(app.dataframe[0].value) < 414
    app = open_page("problems", {"q": "100%"})
    assert not app.exception and not app.dataframe
    assert any("100%" in rendered(info.value) for info in app.info)


def test_names_are_masked(app_database):
    """一案双查 shows only the first character of each name to a viewer."""
    app = open_page("accountability")
    pairs = next(table.value for table in app.dataframe if "direct_name" in table.value)
    assert len(pairs) == 65
    for column in ("direct_name", "leader_name"):
        names = pairs[column]
        assert names.map(lambda name: name[1:] == MASK_CHAR * (len(name) - 1)).all()


def test_picking_a_ledger_row_opens_the_problem(app_database):
    """Selecting a row switches to 问题详情 with the problem's code and the filter in the URL."""
    township = qianqiao_id(app_database)
    app = open_page("problems", {"township": str(township)})
    first_code = app.dataframe[0].value["code"].iloc[0]
    token_key = next(key for key in app.session_state if str(key).startswith("ledger_table"))
    app.session_state[token_key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()
    assert not app.exception
    assert app.query_params["code"] == first_code
    assert app.query_params["township"] == str(township)
    assert app.title[0].value == "问题详情"


def ledger_pager_script() -> None:
    """A page with only the ledger's pager, for 2,500 rows of 1,000 a page."""
    import streamlit as st

    from components.drill_tables import pager

    st.session_state["offset"] = pager(2500, page_size=1000, key="pages")


def test_pager_pages_through_a_long_ledger():
    """More rows than a page: a page number picks the offset; the caption names the rows."""
    app = AppTest.from_function(ledger_pager_script)
    app.run()
    assert app.session_state["offset"] == 0
    assert app.number_input[0].max == 3
    app.number_input[0].set_value(3).run()
    assert not app.exception
    assert app.session_state["offset"] == 2000
    assert app.caption[0].value == "共 2,500 条，当前显示第 2,001–2,500 条"
