"""A chart click's callback (components/chart_filter.py): it acts only for the chart drawn now."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.signin import APP_TIMEOUT_SECONDS


def click_script() -> None:
    """A click on township 7 in chart "bars", drawn under the URL given as `drawn_under`."""
    import streamlit as st

    from components.auth import current_scope
    from components.chart_filter import ClickTarget, _on_click, chart_widget_key
    from components.filter_state import current_filter
    from data_access.filters import Filter

    drawn_under = Filter.from_params(st.session_state["drawn_under"])[0]
    widget = chart_widget_key("bars", drawn_under.with_(scope=current_scope()))
    st.session_state[widget] = {"selection": {"pick": [{"township_id": 7}]}}
    _on_click(ClickTarget("pick", "township_id", "townships"), "bars", widget)
    st.session_state["after"] = current_filter().to_params()


def clicked(url: dict[str, str], drawn_under: dict[str, str]) -> dict[str, str]:
    """The URL's Filter after the click."""
    app = AppTest.from_function(click_script, default_timeout=APP_TIMEOUT_SECONDS)
    for name, value in url.items():
        app.query_params[name] = value
    app.session_state["drawn_under"] = drawn_under
    app.run()
    assert not app.exception
    return app.session_state["after"]


def test_a_click_on_the_chart_drawn_now_sets_the_filter():
    """The chart of the URL's Filter: its click becomes the Filter."""
    assert clicked({}, {}) == {"township": "7"}
    assert clicked({"status": "overdue"}, {"status": "overdue"}) == {
        "status": "overdue",
        "township": "7",
    }


def test_a_click_reported_by_a_chart_of_another_filter_changes_nothing():
    """A chip removed in the same rerun changed the Filter first: the old chart's report is
    stale and must not write its selection back (the chip would come back)."""
    assert clicked({}, {"township": "3"}) == {}
    assert clicked({"township": "3"}, {}) == {"township": "3"}
