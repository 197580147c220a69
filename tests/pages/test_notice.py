"""AppTest: the 通报稿 on the overview and in meeting mode, for the Filter and the day shown."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from components.notice import expander_key
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.meeting.paths import default_meeting_path
from data_access.queries.notice import fetch_notice
from i18n import use_language
from tests.support.notice_figures import normalised
from tests.support.published_figures import PUBLISHED_AS_OF, PUBLISHED_SENTENCE
from tests.support.signin import open_app

OVERVIEW, MEETING = "pages/overview.py", "pages/meeting.py"
REPORT_DAY = {"asof": PUBLISHED_AS_OF.isoformat()}


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> Engine:
    """The seeded SQLite demo database with the test accounts, used by the app."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return get_engine(sqlite_seeded_url)


def shown_notice(app, key: str = "overview_notice") -> str:
    """The paragraph in the page's copyable code block, once its expander is opened."""
    assert not [block for block in app.code if block.value], "drafted while closed"
    app.session_state[expander_key(key)] = True
    app.run()
    assert not app.exception
    (block,) = app.code
    return block.value


def test_overview_shows_the_published_sentence_on_the_report_day(app_database) -> None:
    """As of the report day the overview's 通报稿 is the published sentence, ready to copy."""
    app = open_app("viewer", OVERVIEW, REPORT_DAY)
    assert not app.exception
    assert app.expander[0].label == "通报稿"
    assert normalised(shown_notice(app)) == normalised(PUBLISHED_SENTENCE)


def test_overview_paragraph_follows_the_filter(app_database: Engine) -> None:
    """A township chosen in the URL: the paragraph names it, with its own figures."""
    flt = Filter(townships=(3,), as_of=PUBLISHED_AS_OF)
    app = open_app("viewer", OVERVIEW, {**REPORT_DAY, "township": "3"})
    assert not app.exception
    with session_scope(app_database) as session:
        expected = fetch_notice(session=session, flt=flt)
    assert shown_notice(app) == expected and "共整改完成" in expected


def test_overview_paragraph_in_english(app_database) -> None:
    """The English UI renders the same facts in English."""
    app = open_app("viewer", OVERVIEW, {**REPORT_DAY, "lang": "en"})
    assert not app.exception
    assert app.expander[0].label == "Progress paragraph"
    assert shown_notice(app).startswith("Two months after the inspection feedback, 381 problems")


def test_meeting_step_shows_the_paragraph_of_its_filter(app_database: Engine) -> None:
    """Each screen of a meeting has the paragraph of that screen's Filter."""
    app = open_app("viewer", MEETING, {"step": "2"})
    assert not app.exception
    with session_scope(app_database) as session:
        path = default_meeting_path(session=session, flt=Filter())
        with use_language("zh"):
            expected = fetch_notice(session=session, flt=path.steps[1].flt)
    assert shown_notice(app, "meeting_notice_2") == expected
    assert "等" in expected or "、" in expected.split("共整改完成")[0]  # the townships named
