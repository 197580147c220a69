"""AppTest: a district office's own categories and statuses on the overview, 问题清单 and
problem pages: labelled, in the office's order, filterable; unknown ones dropped with a notice."""

from __future__ import annotations

import json

import pytest
import streamlit as st
from sqlalchemy import select
from sqlalchemy.engine import Engine

from components.filter_bar import widget_key
from components.navigation import PAGES
from data_access.db import session_scope
from data_access.models import InspectionRound
from tests.support.app_content import kpis, open_more_filters
from tests.support.district_office import (
    CADRES,
    CATEGORIES,
    FIGURES,
    INTEGRITY,
    ROUND,
    THEME,
    write_district_office,
)
from tests.support.signin import create_test_users, open_app

PATHS = {spec.url_path: spec.path for spec in PAGES}


@pytest.fixture
def office_app(monkeypatch: pytest.MonkeyPatch, empty_engine: Engine) -> Engine:
    """The district office's store (SQLite only: the app runs on a file), with a viewer."""
    if empty_engine.dialect.name != "sqlite":
        pytest.skip("the app runs on the SQLite file")
    st.cache_data.clear()  # scratch databases are reused within the test session
    write_district_office(empty_engine)
    create_test_users(empty_engine, ("viewer", "admin"))
    monkeypatch.setenv("DATABASE_URL", empty_engine.url.render_as_string(hide_password=False))
    return empty_engine


def chart_specs(app) -> list[dict]:
    """The Vega-Lite specs of the charts on screen."""
    specs = []
    for node in app.main:
        spec = getattr(getattr(node, "proto", None), "spec", None)
        if getattr(node, "type", "") == "vega_lite_chart" and isinstance(spec, str):
            specs.append(json.loads(spec))
    return specs


def area_chart(app) -> dict:
    """The overview's focus-area chart (its bars are sorted by the area labels)."""
    for spec in chart_specs(app):
        for layer in spec.get("layer", []):
            if layer.get("encoding", {}).get("y", {}).get("field") == "focus_area_label":
                return layer
    raise AssertionError("no focus-area chart on the page")


def test_overview_shows_the_offices_categories_in_its_order(office_app: Engine) -> None:
    app = open_app("viewer")
    assert not app.exception, app.exception
    cards = kpis(app)
    assert cards["问题总数"] == str(FIGURES.total) and cards["整改完成"] == str(FIGURES.rectified)
    notes = [caption.value for caption in app.caption if caption.value.startswith("未计入")]
    assert notes == ["未计入整改完成：基本完成 1 · 长期坚持 2"]
    assert area_chart(app)["encoding"]["y"]["sort"] == [*CATEGORIES, "未分类"]
    choices = app.multiselect(key=widget_key("focus_areas")).options
    assert choices == [*CATEGORIES, "未分类"]


def test_a_category_filters_the_overview(office_app: Engine) -> None:
    app = open_app("viewer")
    app.multiselect(key=widget_key("focus_areas")).select(CADRES).run()
    assert not app.exception, app.exception
    assert app.query_params["area"] == CADRES
    assert kpis(app)["问题总数"] == "2"
    chips = [button.label for button in app.button if button.label.startswith("巡察重点：")]
    assert chips == [f"巡察重点：{CADRES}"]


def test_an_unknown_category_in_a_link_is_dropped_with_a_notice(office_app: Engine) -> None:
    app = open_app("viewer", query_params={"area": f"{INTEGRITY},扶贫领域“四风”"})
    assert not app.exception, app.exception
    assert kpis(app)["问题总数"] == "2"
    notices = " ".join(caption.value for caption in app.caption)
    assert "巡察重点 扶贫领域“四风”" in notices


def test_problem_page_shows_progress_and_the_category_label(office_app: Engine) -> None:
    app = open_app("viewer", PATHS["problem"], {"code": "CG2024-003"})
    assert not app.exception, app.exception
    table = app.table[0].value
    assert table.loc["问题类别", "内容"] == CADRES
    assert table.loc["进展情况", "内容"] == "进展3"
    assert table.loc["整改时限", "内容"] == "长期坚持"
    assert table.loc["整改状态", "内容"] == "长期坚持"


def chart_titles(app) -> list[str]:
    """The titles of the charts on screen."""
    return [spec.get("title", {}).get("text", "") for spec in chart_specs(app)]


def test_the_app_speaks_of_streets_and_communities(office_app: Engine) -> None:
    """An office of 街道 and 社区: filters, chart titles and captions use its words."""
    app = open_app("viewer")
    assert not app.exception, app.exception
    assert app.multiselect(key=widget_key("townships")).label == "街道"
    assert open_more_filters(app).multiselect(key=widget_key("villages")).label == "社区"
    assert "各街道整改完成情况" in chart_titles(app)
    captions = [caption.value for caption in app.sidebar.caption]
    assert f"巡察整改看板 · {THEME}" in captions
    english = open_app("viewer", query_params={"lang": "en"})
    assert english.multiselect(key=widget_key("townships")).label == "Sub-district"
    assert "Rectification by sub-district" in chart_titles(english)


def test_an_admin_names_the_office_and_the_rounds_theme(office_app: Engine) -> None:
    app = open_app("admin", PATHS["admin_rounds"])
    assert not app.exception, app.exception
    app.text_input(key="office_name").input("中共城关区委巡察办")
    app.text_input(key="office_term_village").input("居委会")
    app.button(key="FormSubmitter:office_settings-保存本单位设置").click().run()
    assert not app.exception, app.exception
    round_form = app.text_input(key=f"edit_round_{round_id(office_app)}_theme")
    assert round_form.value == THEME
    viewer = open_app("viewer")
    captions = [caption.value for caption in viewer.sidebar.caption]
    assert f"中共城关区委巡察办巡察整改看板 · {THEME}" in captions
    assert open_more_filters(viewer).multiselect(key=widget_key("villages")).label == "居委会"


def round_id(engine: Engine) -> int:
    """The office's round."""
    with session_scope(engine) as session:
        return int(session.scalar(select(InspectionRound.id).where(InspectionRound.name == ROUND)))
