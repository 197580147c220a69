"""AppTest: an office's own headers mapped once on the upload page, then by themselves."""

from __future__ import annotations

from datetime import date

import pytest
import streamlit as st
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.models import ColumnMapping, County
from data_access.queries import fetch_headline
from tests.support.office import add_round, region_records, regions_xlsx, upload_regions
from tests.support.office_ledgers import county_by_groups, own_ledger
from tests.support.signin import create_test_users
from tests.support.upload_page import UPLOAD_PAGE, button, metrics, open_page, upload


def test_headers_mapped_once_on_the_page_go_in_by_themselves_next_time(
    app_engine: Engine,
) -> None:
    """镇街 is mapped to 乡镇 on the page; the commit saves it; next week's file needs nothing."""
    app = upload(open_page(UPLOAD_PAGE), "本单位台账.xlsx", own_ledger("OWN"))
    reasons = [str(v) for frame in app.dataframe for v in frame.value.to_numpy().ravel()]
    assert any("缺少必填列「乡镇」" in text and "「镇街」" in text for text in reasons), reasons
    assert not [b for b in app.button if b.label == "确认导入"]

    choice = next(box for box in app.selectbox if box.label == "「镇街」对应的字段")
    choice.set_value("township")
    button(app, "按此对应重新检查").click()
    app.run()
    assert not app.exception, app.exception
    assert metrics(app)["新增（行）"] == "3", [text.value for text in app.text]
    button(app, "确认导入").click()
    app.run()
    assert not app.exception, app.exception
    with session_scope(app_engine) as session:
        saved = session.scalars(select(ColumnMapping)).all()
    assert [(m.name, '"镇街": "township"' in m.mapping_json) for m in saved] == [
        ("本单位台账", True)
    ]

    again = upload(open_page(UPLOAD_PAGE), "本单位台账（第2周）.xlsx", own_ledger("OWN2"))
    assert metrics(again)["新增（行）"] == "3", [text.value for text in again.text]


def test_a_new_county_takes_its_own_ledger_through_the_page(
    empty_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Empty store → regions → round → the county's ledger by groups, as it is → its totals."""
    upload_regions(empty_engine, regions_xlsx(region_records()))
    with session_scope(empty_engine) as session:
        county_id = session.scalars(select(County.id)).one()
    groups = ("第一巡察组", "第二巡察组")
    add_round(empty_engine, "2025年县委第二轮巡察", "county", date(2024, 10, 8), groups, county_id)
    create_test_users(empty_engine, ("uploader",))
    monkeypatch.setenv("DATABASE_URL", empty_engine.url.render_as_string(hide_password=False))
    st.cache_data.clear()
    ledger = county_by_groups()
    app = upload(open_page(UPLOAD_PAGE), "二轮整改台账.xlsx", ledger.data)
    assert metrics(app)["新增（行）"] == str(ledger.total), [text.value for text in app.text]
    assert any("汇总" in text.value for text in app.text)  # the summary sheet, named
    button(app, "确认导入").click()
    app.run()
    assert not app.exception, app.exception
    with session_scope(empty_engine) as session:
        figures = fetch_headline(session=session, flt=Filter())
    assert (figures.problems_total, figures.recovered_yuan) == (ledger.total, 18_500)
