"""AppTest: the overdue warning on 总览 (a red click filters) and the projection on 乡镇对比."""

from __future__ import annotations

import pytest

from data_access.codes import OVERDUE
from data_access.db import get_engine, session_scope
from data_access.queries import resolve_township_names
from data_access.roles import MASK_CHAR
from tests.support.app_content import shown_texts
from tests.support.signin import open_app

VIEWER = "viewer"  # names are masked for this account


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> str:
    """Point the app at the seeded SQLite demo database with the test accounts."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return sqlite_seeded_url


def township_id(url: str, name: str) -> int:
    """The id of a township of the demo data, by name."""
    with session_scope(get_engine(url)) as session:
        return resolve_township_names(session=session, names=[name])[0][0]


def table_with(app, column: str):
    """The first table on the page holding column."""
    return next(table.value for table in app.dataframe if column in table.value)


def test_overview_lists_the_overdue_and_a_red_click_filters(app_database) -> None:
    """Today every open demo problem is overdue: 33 listed, names masked; a red bar filters."""
    app = open_app(VIEWER, "pages/overview.py")
    assert not app.exception
    listed = table_with(app, "days_overdue")
    assert len(listed) == 33 and (listed["days_overdue"] > 0).all()
    names = listed["responsible_person"]
    assert names.map(lambda name: name[1:] == MASK_CHAR * (len(name) - 1)).all()
    township = township_id(app_database, listed.iloc[0]["township"])
    point = {"township_id": township, "filter_status": OVERDUE}
    app.session_state["overview_warnings"] = {"selection": {"warning_pick": [point]}}
    app.run()
    assert not app.exception
    assert (app.query_params["township"], app.query_params["status"]) == (str(township), OVERDUE)
    assert set(table_with(app, "days_overdue")["township"]) == {listed.iloc[0]["township"]}


def test_townships_page_projects_completion(app_database) -> None:
    """Mid-rectification: the whole scope finishes 2018-08-03, and the method is stated."""
    app = open_app(VIEWER, "pages/townships.py", {"asof": "2018-07-20"})
    assert not app.exception
    projection = table_with(app, "outlook_label")
    assert projection.iloc[0]["outlook_label"] == "2018-08-03"
    assert any("测算方法" in text and "2018-07-20" in text for text in shown_texts(app))
    assert any("没有逾期问题" in text for text in shown_texts(app))  # none overdue yet
