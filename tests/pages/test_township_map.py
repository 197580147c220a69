"""AppTest: the township map on 乡镇对比 (a click filters, a scoped account sees its area only)
and the boundaries upload on 行政区划."""

from __future__ import annotations

import json

import pytest
import streamlit as st
from sqlalchemy import select
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from components.navigation import PAGES
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import format_int, format_rate
from data_access.models import Township
from data_access.queries import fetch_headline, resolve_township_names
from data_access.queries.shapes import fetch_shape_status
from tests.support.app_content import kpis
from tests.support.boundaries import boundaries_file, in_force
from tests.support.signin import create_test_users, first_township_id, open_app

VIEWER = "viewer"
QIANQIAO = "钱桥镇"
TOWNSHIPS = "pages/townships.py"
GEOJSON = "application/geo+json"
PATHS = {spec.url_path: spec.path for spec in PAGES}


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> str:
    """Point the app at the seeded SQLite demo database with the test accounts."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return sqlite_seeded_url


def township_id(url: str, name: str = QIANQIAO) -> int:
    """A township's id in the demo data."""
    with session_scope(get_engine(url)) as session:
        return resolve_township_names(session=session, names=[name])[0][0]


def problem_cards(app: AppTest) -> tuple[str, str]:
    """The 问题总数 and 完成率 cards on screen."""
    cards = kpis(app)
    return cards["问题总数"], cards["完成率"]


def expected_cards(url: str, flt: Filter) -> tuple[str, str]:
    """What fetch_headline says those cards show for flt."""
    with session_scope(get_engine(url)) as session:
        headline = fetch_headline(session=session, flt=flt)
    return format_int(headline.problems_total), format_rate(headline.completion_rate)


def the_map(app: AppTest) -> dict:
    """The spec of the page's one map (the chart drawing geoshapes)."""
    maps = []
    for node in app.main:
        spec = getattr(getattr(node, "proto", None), "spec", None)
        if getattr(node, "type", "") == "vega_lite_chart" and isinstance(spec, str):
            parsed = json.loads(spec)
            marks = [layer.get("mark", {}).get("type") for layer in parsed.get("layer", [])]
            maps += [parsed] if "geoshape" in marks else []
    assert len(maps) == 1, f"{len(maps)} maps on the page"
    return maps[0]


def mapped(spec: dict) -> list[str]:
    """The townships the map draws."""
    return [feature["member"] for feature in spec["layer"][0]["data"]["values"]]


def test_the_map_shows_and_a_click_filters_like_a_bar(app_database: str) -> None:
    """The demo's schematic layout, titled 示意图, every township; a click on one drills
    into it exactly as its ranking bar does, and the map stays with that township marked."""
    app = open_app(VIEWER, TOWNSHIPS)
    assert not app.exception
    spec = the_map(app)
    assert "示意图" in spec["title"]["text"]
    assert len(mapped(spec)) == 22
    qianqiao = township_id(app_database)
    app.session_state["township_map"] = {"selection": {"map_pick": [{"member_id": qianqiao}]}}
    app.run()
    assert app.query_params["township"] == str(qianqiao)
    assert problem_cards(app) == expected_cards(app_database, Filter(townships=(qianqiao,)))
    drilled = the_map(app)  # beside its villages: every township, the chosen one marked
    assert len(mapped(drilled)) == 22
    assert drilled["params"][0]["value"] == [{"member_id": qianqiao}]


def test_the_map_follows_the_chosen_figure(app_database: str) -> None:
    app = open_app(VIEWER, TOWNSHIPS)
    app.segmented_control(key="townships_metric").set_value("overdue").run()
    spec = the_map(app)
    assert spec["layer"][0]["encoding"]["color"]["condition"]["field"] == "overdue"
    assert spec["title"]["text"] == "各乡镇逾期问题（示意图）"


def test_a_scoped_viewer_sees_only_their_area(app_database: str) -> None:
    """The scoped account's map holds its township alone: no other name, no other shape."""
    engine = get_engine(app_database)
    own = first_township_id(engine)
    with session_scope(engine) as session:
        names = dict(session.execute(select(Township.id, Township.name)).all())
    app = open_app("scoped", TOWNSHIPS)
    assert not app.exception
    spec = the_map(app)
    assert mapped(spec) == [names[own]]
    text = json.dumps(spec, ensure_ascii=False)
    assert not [name for tid, name in names.items() if tid != own and name in text]


@pytest.fixture
def admin_engine(monkeypatch: pytest.MonkeyPatch, writable_seeded_engine: Engine) -> Engine:
    """A writable demo store with the test accounts, used by the app."""
    st.cache_data.clear()  # scratch databases are reused within the test session
    create_test_users(writable_seeded_engine, ("admin", "viewer"))
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    return writable_seeded_engine


def test_admin_checks_and_saves_the_offices_boundaries(admin_engine: Engine) -> None:
    """行政区划: an unknown name is listed and blocks the save; a clean file is saved and the
    map on 乡镇对比 becomes the office's own (no 示意图)."""
    app = open_app("admin", PATHS["regions"])
    assert not app.exception
    assert any("示意布局" in caption.value for caption in app.caption)
    unmatched = boundaries_file(["钱桥镇", "雨潭乡"])
    app.file_uploader[1].upload("乡镇.geojson", unmatched, GEOJSON).run()
    assert not app.exception, app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert (metrics["已对应的乡镇"], metrics["未对应的要素"]) == ("1", "1")
    assert "雨坛乡" in app.dataframe[0].value.iloc[0, 0]
    assert not [b for b in app.button if b.key == "boundaries_save"]
    names = in_force(admin_engine)
    app.file_uploader[1].upload("乡镇.geojson", boundaries_file(names), GEOJSON).run()
    [save] = [b for b in app.button if b.key == "boundaries_save"]
    save.click().run()
    assert not app.exception, app.exception
    assert f"已保存 {len(names)} 个乡镇的边界。" in [s.value for s in app.success]
    with session_scope(admin_engine) as session:
        status = fetch_shape_status(session=session)
    assert (status.townships, status.schematic) == (len(names), False)
    spec = the_map(open_app(VIEWER, TOWNSHIPS))
    assert "示意图" not in spec["title"]["text"]
    assert spec["projection"] == {"type": "mercator"}
