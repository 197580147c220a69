"""The page's elements keep their places in the frame whether notices, chips or a cookie
write come and go: the browser matches elements by place, and a shifted page is drawn anew."""

from __future__ import annotations

from sqlmodel import select
from streamlit.testing.v1 import AppTest

from components.navigation import PAGES
from components.session_cookie import PENDING
from data_access.db import get_engine, session_scope
from data_access.models import InspectionRound
from tests.support.signin import open_app

DEFAULT_PAGE = next(spec for spec in PAGES if spec.default)
CHART = "vega_lite_chart"


def holds_chart(node: object) -> bool:
    """True when node is a Vega-Lite chart or a block with one somewhere inside."""
    if getattr(node, "type", None) == CHART:
        return True
    children = getattr(node, "children", None) or {}
    return any(holds_chart(child) for child in children.values())


def first_chart_place(app: AppTest) -> int:
    """The place, among the main area's top-level elements, of the first one holding a chart."""
    return next(place for place, node in app.main.children.items() if holds_chart(node))


def test_chips_and_a_cookie_write_leave_the_page_in_its_place(
    monkeypatch, sqlite_seeded_url, app_users
):
    """The overview's first chart sits at the same top-level place with or without them."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    with session_scope(get_engine(sqlite_seeded_url)) as session:
        round_id = session.exec(select(InspectionRound.id)).first()
    plain = open_app("viewer", DEFAULT_PAGE.path)
    place = first_chart_place(plain)
    # A filter under which the page shows the same elements (all problems are in round 1).
    filtered = open_app("viewer", DEFAULT_PAGE.path, {"round": str(round_id)})
    assert any("巡察轮次：" in button.label for button in filtered.button)  # its chip
    assert first_chart_place(filtered) == place
    plain.session_state[PENDING] = {"token": "t", "max_age": 60}  # as the run after sign-in
    plain.run()
    assert not plain.exception
    assert first_chart_place(plain) == place
    plain.run()  # the write is made once; the next run has an empty container in its place
    assert first_chart_place(plain) == place
