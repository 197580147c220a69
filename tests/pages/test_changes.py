"""AppTest: the cards' changes on the overview, another page and in 会议模式.

On the demo as of 2018-07-20 (rectification under way) against 2018-07-13, the week before;
the expected changes come from fetch_headline on both days.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine

from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.formatting import RATE, format_change
from data_access.queries import Headline, fetch_headline
from i18n import use_language
from tests.support.signin import open_app

AS_OF, WEEK_BEFORE = date(2018, 7, 20), date(2018, 7, 13)
PARAMS = {"asof": AS_OF.isoformat()}


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> Engine:
    """The seeded SQLite demo database with the test accounts, used by the app."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    monkeypatch.delenv("CHANGE_SINCE", raising=False)
    return get_engine(sqlite_seeded_url)


def headlines(engine: Engine) -> tuple[Headline, Headline]:
    """The demo's headline as of AS_OF and as of the week before."""
    with session_scope(engine) as session:
        now = fetch_headline(session=session, flt=Filter(as_of=AS_OF))
        return now, fetch_headline(session=session, flt=Filter(as_of=WEEK_BEFORE))


def expected_changes(engine: Engine) -> dict[str, str]:
    """The change of the rectified count, the rate and the total, as signed texts."""
    now, then = headlines(engine)
    return {
        "整改完成": format_change(now.problems_rectified, then.problems_rectified),
        "完成率": format_change(now.completion_rate, then.completion_rate, RATE),
        "问题总数": format_change(now.problems_total, then.problems_total),
    }


def shown_changes(app) -> dict[str, tuple[str, str]]:
    """label -> (delta, its description) of every card on screen."""
    return {m.label: (m.proto.delta, m.proto.delta_description) for m in app.metric}


def test_the_overview_cards_show_the_change_since_last_week(app_database: Engine) -> None:
    """Each headline card: the change under its value, "较上周" beside it; the rectified
    count went up (an arrow), the total did not (持平, no arrow); the 基本完成 note is under
    the row."""
    app = open_app("viewer", query_params=PARAMS)
    assert not app.exception, app.exception
    expected = expected_changes(app_database)
    assert expected["整改完成"].startswith("+") and expected["问题总数"] == "持平"
    shown = shown_changes(app)
    for label, change in expected.items():
        assert shown[label] == (change, "较上周"), label
    cards = {m.label: m for m in app.metric}
    assert cards["整改完成"].proto.direction != cards["问题总数"].proto.direction
    assert "2018-07-13" in cards["整改完成"].help
    now, _ = headlines(app_database)
    note = f"未计入整改完成：基本完成 {now.problems_basically_done}"
    assert any(note in caption.value for caption in app.caption)


def test_another_pages_cards_show_it_too(app_database: Engine) -> None:
    """问题清单's cards carry the same changes as the overview's."""
    app = open_app("viewer", "pages/problems.py", query_params=PARAMS)
    assert not app.exception, app.exception
    expected = expected_changes(app_database)
    assert shown_changes(app)["整改完成"] == (expected["整改完成"], "较上周")
    assert shown_changes(app)["已逾期"][1] == "较上周"


def test_the_change_in_english(app_database: Engine) -> None:
    """In English the change says what it is against in English."""
    app = open_app("viewer", query_params={**PARAMS, "lang": "en"})
    assert not app.exception, app.exception
    with use_language("en"):
        expected = expected_changes(app_database)["完成率"]
    assert shown_changes(app)["Completion rate"] == (expected, "vs last week")
    assert expected.endswith(" pp")


def test_meeting_mode_cards_carry_the_same_changes(app_database: Engine) -> None:
    """会议模式's first screen (the overview) shows the overview's changes; with no line to
    spare on a projector, the 基本完成 note is in the card's tooltip."""
    app = open_app("viewer", "pages/meeting.py", query_params=PARAMS)
    assert not app.exception, app.exception
    expected = expected_changes(app_database)
    shown = shown_changes(app)
    assert all(shown[label] == (change, "较上周") for label, change in expected.items())
    rectified = next(m for m in app.metric if m.label == "整改完成")
    assert "未计入整改完成：基本完成" in rectified.help
    assert not any(caption.value.startswith("未计入") for caption in app.caption)
