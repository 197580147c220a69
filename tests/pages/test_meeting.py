"""会议模式 in AppTest: stepping through a path, ?step= in the URL, saved paths, downloads."""

from __future__ import annotations

import pytest
import streamlit as st
from sqlalchemy.engine import Engine

import components.downloads
from data_access.db import get_engine, session_scope
from data_access.exports.fonts import CjkFontMissingError, missing_font_message
from data_access.filters import Filter
from data_access.formatting import format_int
from data_access.meeting.paths import default_meeting_path
from data_access.queries import fetch_headline
from i18n import use_language
from tests.support.app_content import rendered
from tests.support.signin import SCOPED_USER, create_test_users, first_township_id, open_app

MEETING = "pages/meeting.py"
LEADS = "pages/leads.py"
DEFAULT_HEADINGS = [
    "整改总览",
    "完成率最低的 3 个乡镇",
    "这 3 个乡镇的逾期问题",
    "这 3 个乡镇的问责情况",
]


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> Engine:
    """The seeded SQLite demo database with the test accounts, used by the app."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return get_engine(sqlite_seeded_url)


@pytest.fixture
def writable_app_database(monkeypatch: pytest.MonkeyPatch, writable_seeded_engine: Engine):
    """A private copy of the demo data (paths get saved into it), with the test accounts."""
    st.cache_data.clear()  # the scratch database held other data under the same URL before
    create_test_users(writable_seeded_engine)
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    return writable_seeded_engine


def heading(app) -> str:
    """The step's heading (the frame's page title is the only h1)."""
    return app.header[0].value


def button(app, key: str):
    """A button by its key."""
    return app.button(key=key)


def by_label(elements, label: str):
    """The first element with label."""
    return next(element for element in elements if element.label == label)


def download_labels(app) -> list[str]:
    """Labels of every download button rendered."""
    return [element.label for element in app.get("download_button")]


def test_steps_through_the_default_path(app_database) -> None:
    """下一步/上一步 move along the path and the URL; the ends disable their button."""
    app = open_app("viewer", MEETING)
    assert not app.exception
    assert "会议模式" in app.title[0].value
    assert heading(app) == DEFAULT_HEADINGS[0]
    assert {m.label: m.value for m in app.metric}["问题总数"] == "414"
    assert button(app, "meeting_previous").disabled
    assert any("数据截至" in caption.value for caption in app.caption)
    for number, expected in enumerate(DEFAULT_HEADINGS[1:], start=2):
        button(app, "meeting_next").click().run()
        assert not app.exception
        assert app.query_params["step"] == str(number)
        assert heading(app) == expected
    assert button(app, "meeting_next").disabled  # the last step stops
    button(app, "meeting_previous").click().run()
    assert heading(app) == DEFAULT_HEADINGS[2] and app.query_params["step"] == "3"
    assert not app.exception


@pytest.mark.parametrize(("step", "expected"), [("3", 2), ("99", 3), ("abc", 0), ("0", 0)])
def test_step_comes_from_the_url(app_database, step: str, expected: int) -> None:
    """?step=N opens screen N; out of range goes to the nearest end, junk to the first."""
    app = open_app("viewer", MEETING, {"step": step})
    assert not app.exception
    assert heading(app) == DEFAULT_HEADINGS[expected]
    assert not any("step=" in caption.value for caption in app.caption)  # not "ignored"


def test_step_filters_are_shown_with_names(app_database) -> None:
    """Every screen names its filter: the three townships appear in the step's caption."""
    app = open_app("viewer", MEETING, {"step": "2"})
    with session_scope(app_database) as session:
        chosen = default_meeting_path(session=session, flt=Filter()).steps[1].flt.townships
    caption = next(c.value for c in app.caption if "筛选条件" in c.value)
    assert caption.count("、") == len(chosen) - 1 and "乡镇：" in caption


def test_saved_path_opens_by_url(writable_app_database) -> None:
    """An uploader saves the path under a name; a viewer opens it by ?path=&step=."""
    app = open_app("uploader", MEETING, {"step": "2"})
    by_label(app.text_input, "路径名称").input("城市汇报会")
    by_label(app.button, "保存当前路径").click().run()
    assert not app.exception
    assert app.query_params["path"] == "城市汇报会" and app.query_params["step"] == "2"

    viewer = open_app("viewer", MEETING, {"path": "城市汇报会", "step": "2"})
    assert not viewer.exception
    assert heading(viewer) == DEFAULT_HEADINGS[1]
    assert all(element.label != "路径名称" for element in viewer.text_input)
    assert not viewer.warning


def test_unknown_path_falls_back_to_the_default(app_database) -> None:
    """A link to a path that does not exist says so and shows the default path."""
    app = open_app("viewer", MEETING, {"path": "没有这条路径"})
    assert not app.exception
    assert any("没有名为" in warning.value for warning in app.warning)
    assert heading(app) == DEFAULT_HEADINGS[0]


def test_scoped_viewer_meets_within_their_township(app_database) -> None:
    """A township-scoped viewer's meeting shows their township's figures only."""
    own = first_township_id(app_database)
    with session_scope(app_database) as session:
        expected = fetch_headline(session=session, flt=Filter(townships=(own,))).problems_total
    app = open_app(SCOPED_USER, MEETING)
    assert not app.exception
    assert {m.label: m.value for m in app.metric}["问题总数"] == format_int(expected)


@pytest.mark.parametrize(("user", "allowed"), [("viewer", False), ("uploader", True)])
def test_downloads_only_for_roles_that_may_export(app_database, user: str, allowed: bool) -> None:
    """Briefings in 会议模式 for every reader (leaders take them to meetings); saving paths,
    table and chart downloads on a page: staff only."""
    meeting = open_app(user, MEETING)
    briefings = {"导出简报（PDF）", "导出简报（Word）"}
    assert briefings.issubset(download_labels(meeting))
    assert any(e.label == "路径名称" for e in meeting.text_input) is allowed
    leads = open_app(user, LEADS)
    assert not leads.exception
    labels = download_labels(leads)
    assert {"导出 CSV", "导出 Excel", "PNG 图片", "SVG 矢量图"}.issubset(labels) is allowed
    assert bool(labels) is allowed
    overview = open_app(user)  # the overview, the default page
    assert briefings.issubset(download_labels(overview))  # the briefing of what they see


def test_missing_chinese_font_is_explained(app_database, monkeypatch) -> None:
    """Without a CJK font the briefing buttons give way to a clear Chinese message."""

    def no_font():
        """A server without any CJK font."""
        raise CjkFontMissingError

    monkeypatch.setattr(components.downloads, "system_cjk_font", no_font)
    app = open_app("uploader", MEETING)
    assert not app.exception
    assert any(missing_font_message() in rendered(error.value) for error in app.error)
    assert "导出简报（PDF）" not in download_labels(app)


def test_meeting_mode_in_english(app_database) -> None:
    """?lang=en: the controls, the caption, the menu and the picker speak English."""
    app = open_app("uploader", MEETING, {"lang": "en"})
    assert not app.exception
    assert heading(app) == "Rectification overview"
    assert button(app, "meeting_previous").label == "Previous"
    assert button(app, "meeting_next").label == "Next"
    assert "**Step 1 / 4**" in [element.value for element in app.markdown]
    captions = [caption.value.replace("\\", "") for caption in app.caption]
    assert any(c.startswith("Data as of: ") and "Filters: All (no filter)" in c for c in captions)
    assert {"Briefing: the whole path", "Briefing: this step only"} <= set(captions)
    picker = app.selectbox(key="meeting_open_path")
    assert picker.label == "Open a meeting path"
    assert picker.options[0].startswith("(Default path: overview")
    assert {"Export briefing (PDF)", "Export briefing (Word)"} <= set(download_labels(app))
    assert any(element.label == "Path name" for element in app.text_input)


def test_unknown_path_in_english(app_database) -> None:
    """The fallback notice follows the language; the path's name stays as given."""
    app = open_app("viewer", MEETING, {"lang": "en", "path": "没有这条路径"})
    assert not app.exception
    assert any("There is no meeting path called" in w.value for w in app.warning)
    assert heading(app) == "Rectification overview"


def test_saved_path_link_keeps_the_language(writable_app_database) -> None:
    """A path saved from an English page gives a link that opens it in English."""
    app = open_app("uploader", MEETING, {"lang": "en", "step": "2"})
    by_label(app.text_input, "Path name").input("Town meeting")
    with use_language("en"):  # AppTest calls the picker's format_func here, not in the run
        by_label(app.button, "Save this path").click().run()
    assert not app.exception
    assert app.query_params["path"] == "Town meeting"
    assert "/meeting?path=Town+meeting&step=1&lang=en" in [code.value for code in app.code]
