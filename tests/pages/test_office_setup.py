"""AppTest: the setup guide, 行政区划, 巡察轮次, 轮次对比, the upload page's round and scope."""

from __future__ import annotations

from datetime import date

import pytest
import streamlit as st
from sqlalchemy import select
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from components.navigation import PAGES
from data_access import auth
from data_access.audit import list_audit_events
from data_access.db import session_scope
from data_access.models import County, InspectionGroup, InspectionRound, Township
from tests.support.office import (
    ROUND_1,
    ROUND_1_PROBLEMS,
    ROUND_2,
    ROUND_2_PROBLEMS,
    add_round,
    ledger_xlsx,
    problem_records,
    region_records,
    regions_xlsx,
    upload_ledger,
    upload_regions,
)
from tests.support.signin import TEST_ACTOR, cheap_bcrypt, create_test_users, open_app

PATHS = {spec.url_path: spec.path for spec in PAGES}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GROUPS = ("第一巡察组", "第二巡察组")


@pytest.fixture
def office_engine(monkeypatch: pytest.MonkeyPatch, empty_engine: Engine) -> Engine:
    """An empty store with an admin, an uploader and a viewer, used by the app."""
    st.cache_data.clear()  # scratch databases are reused within the test session
    create_test_users(empty_engine, ("admin", "uploader", "viewer"))
    monkeypatch.setenv("DATABASE_URL", empty_engine.url.render_as_string(hide_password=False))
    return empty_engine


def county_id(engine: Engine) -> int:
    """The office's county."""
    with session_scope(engine) as session:
        return int(session.scalar(select(County.id)))


def texts(app: AppTest) -> str:
    """Every markdown, caption, info, success and error text on screen, joined."""
    kinds = ("markdown", "caption", "info", "success", "error", "warning", "subheader")
    return "\n".join(str(element.value) for kind in kinds for element in app.get(kind))


def page_links(app: AppTest) -> list[str]:
    """The labels of the page links on screen."""
    return [link.proto.label for link in app.get("page_link")]


def test_empty_store_shows_the_setup_guide(office_engine: Engine) -> None:
    app = open_app("admin")
    assert not app.exception
    shown = texts(app)
    assert "先完成三步初始设置" in shown
    assert all(step in shown for step in ("上传行政区划", "新建巡察轮次和巡察组", "上传整改台账"))
    assert page_links(app) == ["去上传行政区划", "去新建巡察轮次和巡察组", "去上传整改台账"]
    assert not app.metric  # no empty KPI cards or charts
    viewer = open_app("viewer", PATHS["townships"])
    assert "请联系管理员" in texts(viewer)
    assert page_links(viewer) == []


def test_the_guide_follows_each_step_and_then_steps_aside(office_engine: Engine) -> None:
    upload_regions(office_engine, regions_xlsx(region_records()))
    app = open_app("admin")
    assert "已登记 5 个乡镇、8 个村" in texts(app)
    assert page_links(app) == ["去新建巡察轮次和巡察组", "去上传整改台账"]
    county = county_id(office_engine)
    round_id = add_round(office_engine, ROUND_1, "city", date(2018, 4, 16), GROUPS, county)
    app = open_app("admin")
    assert "已有 1 个巡察轮次、2 个巡察组" in texts(app)
    assert page_links(app) == ["去上传整改台账"]
    records = problem_records("ZY2018", ROUND_1_PROBLEMS, date(2018, 6, 8))
    upload_ledger(office_engine, ledger_xlsx(records), round_id)
    app = open_app("admin")
    assert "初始设置" not in texts(app)
    assert {m.label: m.value for m in app.metric}["问题总数"] == "10"


def test_admin_creates_and_edits_a_round_and_its_groups(office_engine: Engine) -> None:
    upload_regions(office_engine, regions_xlsx(region_records()))
    app = open_app("admin", PATHS["admin_rounds"])
    assert not app.exception
    app.text_input(key="new_round_name").input("2023年县委第一轮巡察")
    app.selectbox(key="new_round_county").select(county_id(office_engine))
    app.date_input(key="new_round_started_on").set_value(date(2023, 3, 1))
    app.date_input(key="new_round_ended_on").set_value(date(2023, 4, 15))
    app.button(key="FormSubmitter:new_round-新建轮次").click().run()
    assert not app.exception, app.exception
    assert "已新建巡察轮次“2023年县委第一轮巡察”" in texts(app)
    with session_scope(office_engine) as session:
        round_row = session.scalars(select(InspectionRound)).one()
    assert (round_row.level, round_row.ended_on) == ("county", date(2023, 4, 15))
    app.button(key=f"FormSubmitter:new_group_{round_row.id}-添加巡察组").click().run()
    app.button(key=f"FormSubmitter:new_group_{round_row.id}-添加巡察组").click().run()
    edit = f"edit_round_{round_row.id}"
    app.date_input(key=f"{edit}_feedback_on").set_value(date(2023, 3, 2))
    assert app.selectbox(key=f"{edit}_level").options == ["市委巡察", "县委巡察", "区委巡察"]
    app.selectbox(key=f"{edit}_level").select("district")
    app.button(key=f"FormSubmitter:{edit}-保存修改").click().run()
    assert not app.exception, app.exception
    with session_scope(office_engine) as session:
        groups = session.scalars(select(InspectionGroup.name).order_by(InspectionGroup.ordinal))
        assert list(groups) == ["第一巡察组", "第二巡察组"]
        edited = session.get(InspectionRound, round_row.id)
        assert (edited.feedback_on, edited.level) == (date(2023, 3, 2), "district")
        actions = list_audit_events(session=session, actor="admin")["action"].tolist()
    rounds_events = ["round_create", "group_create", "group_create", "round_update"]
    assert [action for action in actions[::-1] if action != "import"] == rounds_events


def test_a_refused_round_says_why(office_engine: Engine) -> None:
    app = open_app("admin", PATHS["admin_rounds"])
    app.text_input(key="new_round_name").input("2023年巡察")
    app.date_input(key="new_round_started_on").set_value(date(2023, 3, 1))
    app.date_input(key="new_round_ended_on").set_value(date(2023, 1, 1))
    app.button(key="FormSubmitter:new_round-新建轮次").click().run()
    assert "县委、区委巡察须选择所属县（区）" in " ".join(e.value for e in app.error)


def test_regions_upload_preview_commit_and_undo(office_engine: Engine) -> None:
    app = open_app("admin", PATHS["regions"])
    assert not app.exception
    app.file_uploader[0].upload("行政区划.xlsx", regions_xlsx(region_records()), XLSX)
    app.run()
    assert not app.exception, app.exception
    assert {m.label: m.value for m in app.metric}["新增（处）"] == "16"
    [button] = [b for b in app.button if b.label == "确认导入行政区划"]
    button.click()
    app.run()
    assert "已导入行政区划（第 " in texts(app)
    with session_scope(office_engine) as session:
        assert len(session.scalars(select(Township)).all()) == 5
    history = open_app("admin", PATHS["imports"])
    assert history.dataframe[0].value["类型"].tolist() == ["行政区划"]
    [undo] = [b for b in history.button if b.label == "撤销"]
    undo.click()
    history.run()
    [confirm] = [b for b in history.button if b.label == "确认撤销"]
    confirm.click()
    history.run()
    with session_scope(office_engine) as session:
        assert session.scalars(select(Township)).all() == []
    uploader = open_app("uploader", PATHS["imports"])
    assert not [b for b in uploader.button if b.label == "撤销"]  # regions undo: admins only


@pytest.fixture
def two_rounds(office_engine: Engine) -> Engine:
    """The office with round 1, the 2021 merge and round 2."""
    upload_regions(office_engine, regions_xlsx(region_records()))
    county = county_id(office_engine)
    round_1 = add_round(office_engine, ROUND_1, "city", date(2018, 4, 16), GROUPS, county)
    first = problem_records("A", ROUND_1_PROBLEMS, date(2018, 6, 8))
    upload_ledger(office_engine, ledger_xlsx(first), round_1)
    upload_regions(office_engine, regions_xlsx(region_records(merged=True)))
    round_2 = add_round(office_engine, ROUND_2, "county", date(2022, 4, 1), GROUPS, county)
    second = problem_records("B", ROUND_2_PROBLEMS, date(2022, 6, 1))
    upload_ledger(office_engine, ledger_xlsx(second), round_2)
    return office_engine


def test_round_comparison_page(two_rounds: Engine) -> None:
    app = open_app("viewer", PATHS["rounds"])
    assert not app.exception, app.exception
    cards = {m.label: m.value for m in app.metric}
    assert cards == {ROUND_1: "60.0%", ROUND_2: "57.1%"}
    charts = [e for e in app.main if getattr(e, "type", "") == "vega_lite_chart"]
    assert len(charts) == 1
    table = app.dataframe[0].value
    assert "铁铜乡" in set(table["township"])
    rolled = open_app("viewer", PATHS["rounds"], {"rollup": "1"})
    assert "铁铜乡" not in set(rolled.dataframe[0].value["township"])
    assert rolled.checkbox(key="filter_rollup").value is True


def test_upload_page_offers_the_rounds_newest_first(two_rounds: Engine) -> None:
    app = open_app("uploader", PATHS["upload"])
    choice = app.selectbox(key="upload_round_choice")
    assert choice.value is not None
    with session_scope(two_rounds) as session:
        assert session.get(InspectionRound, choice.value).name == ROUND_2
    assert choice.options[-1].startswith("按文件中的")


def test_a_scoped_uploader_cannot_upload_other_townships(two_rounds: Engine) -> None:
    with session_scope(two_rounds) as session:
        qianqiao = session.scalar(select(Township.id).where(Township.name == "钱桥镇"))
    with cheap_bcrypt(), session_scope(two_rounds, write=True) as session:
        auth.create_user(
            session=session,
            actor=TEST_ACTOR,
            username="qianqiao",
            password="qianqiao-pass-1",
            role="uploader",
            township_ids=(qianqiao,),
        )
    app = open_app("qianqiao", PATHS["upload"])
    places = (("枞阳镇", None, "未启动"), ("钱桥镇", None, "未启动"))
    rows = problem_records("C", places, date(2022, 7, 1))
    app.file_uploader[0].upload("台账.xlsx", ledger_xlsx(rows), XLSX)
    app.run()
    assert not app.exception, app.exception
    errors = app.dataframe[2].value  # headline, counts, then the 有误 tab
    assert errors[["行号", "原因"]].values.tolist() == [[2, "超出您的乡镇权限"]]
    assert not [b for b in app.button if b.label == "确认导入"]


def test_admin_removes_the_demo_in_one_step(
    monkeypatch: pytest.MonkeyPatch, writable_seeded_engine: Engine
) -> None:
    st.cache_data.clear()
    create_test_users(writable_seeded_engine, ("admin",))
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    app = open_app("admin", PATHS["admin_rounds"])
    app.button(key="remove_demo").click().run()
    app.button(key="remove_demo_yes").click().run()
    assert not app.exception, app.exception
    assert "已删除演示数据" in texts(app)
    assert not app.get("button") or not [b for b in app.button if b.key == "remove_demo"]
    overview = open_app("admin")
    assert "先完成三步初始设置" in texts(overview)
    assert not any("演示数据" in info.value for info in overview.info)
