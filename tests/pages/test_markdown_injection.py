"""No link, image or HTML from the URL or the data on any page (issue 18, finding 2).

Before: /problem?code=X** [会话已过期，请点此重新登录](https://evil.example/login) … rendered
a working link and an external image, /problems?q=[登录](https://evil.example/) and
/meeting?path=<a bare address> rendered links. Every hostile string below names
evil.example; what a page renders as Markdown must never hold it unescaped, since
components.markdown puts a backslash before its dot (and before every other mark).
"""

from __future__ import annotations

import pytest
import streamlit as st
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from components.markdown import escape_markdown, md
from components.navigation import PAGES
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.meeting.paths import Step, save_meeting_path
from data_access.models import (
    AccountabilityAction,
    ImportBatch,
    InspectionGroup,
    InspectionRound,
    Lead,
    Problem,
    Township,
    User,
    Village,
)
from seed import load_demo
from tests.support.app_content import markdown_texts
from tests.support.databases import reset_schema
from tests.support.signin import create_test_users, open_app

MARKER = "evil.example"
HOSTILE = (
    "X** [会话已过期，请点此重新登录](https://evil.example/login) "
    "![t](https://evil.example/t.png) **",
    "[登录](https://evil.example/)",
    "https://evil.example/a",
    "www.evil.example",
    "admin@evil.example",
    "<a href='https://evil.example'>x</a><img src='https://evil.example/t.png'>",
    "[登录][r]\n\n[r]: https://evil.example",
    ":material/warning: :red[紧急] $x$ <evil.example>",
)
SHORT = "[镇](https://evil.example)"  # fits every name column (64 characters)
# The URL's view parameters, each with another hostile string, an unknown one and bad filters.
HOSTILE_PARAMS = {
    "code": HOSTILE[0],
    "q": HOSTILE[1],
    "path": HOSTILE[2],
    "level": HOSTILE[3],
    "batch": HOSTILE[4],
    "step": HOSTILE[5],
    "townships": HOSTILE[6],
    "from": HOSTILE[7],  # malformed: named in the notice of ignored parameters
    "asof": "9999-12-31",  # beyond the data's range: moved into it, with a notice (finding 3)
    "evil": HOSTILE[0],
}
PAGE_ERROR = "页面出错了"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_keeps_no_markdown(text: str) -> None:
    """Every ASCII mark gets a backslash: nothing can form a link, image, tag or shortcode."""
    escaped = escape_markdown(text)
    assert MARKER not in escaped
    for mark in "[]()<>!:*`$@.":
        assert all(escaped[i - 1] == "\\" for i, char in enumerate(escaped) if char == mark)
    assert escaped.replace("\\", "") == text.replace("\\", "")


def test_md_escapes_the_values_and_keeps_the_message() -> None:
    """A catalogue message keeps its own text; values are escaped, numbers stay numbers."""
    text = md("pages.problems.no_match", search=HOSTILE[1])
    assert MARKER not in text and escape_markdown(HOSTILE[1]) in text
    assert "1,234" in md("pages.leads.first_rows", rows=1234)


@pytest.fixture(scope="module")
def hostile_store(database_urls: dict[str, str]) -> Engine:
    """The demo data with hostile text in every kind of name and free text, and a saved
    meeting path named with it."""
    engine = get_engine(database_urls["sqlite:hostile"])
    reset_schema(engine)
    load_demo(engine)
    create_test_users(engine, ("admin",))
    with session_scope(engine, write=True) as session:
        first = session.scalars(select(Township.id).order_by(Township.sort_order)).first()
        session.execute(update(Township).where(Township.id == first).values(name=SHORT))
        for model in (Village, InspectionRound, InspectionGroup):
            row = session.scalars(select(model.id).order_by(model.id)).first()
            session.execute(update(model).where(model.id == row).values(name=SHORT))
        session.execute(
            update(Problem).values(
                description=HOSTILE[0], responsible_unit=HOSTILE[3], lead_leader=SHORT
            )
        )
        session.execute(update(AccountabilityAction).values(person_name=SHORT, position=SHORT))
        session.execute(update(Lead).values(subject_position=SHORT, transferred_to=SHORT))
        session.execute(update(ImportBatch).values(file_name=HOSTILE[6], uploader=SHORT))
        session.execute(update(User).values(display_name=SHORT))
        steps = (Step("overview", Filter(), HOSTILE[2]),)
        save_meeting_path(session=session, name=SHORT, steps=steps, actor=SHORT, role="uploader")
    return engine


@pytest.fixture
def hostile_app(hostile_store: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The app on the hostile store."""
    monkeypatch.setenv("DATABASE_URL", hostile_store.url.render_as_string(hide_password=False))
    st.cache_data.clear()
    return hostile_store


def unescaped(app) -> list[str]:
    """The Markdown texts of the run that hold the marker unescaped."""
    return [text for text in markdown_texts(app) if MARKER in text]


@pytest.mark.parametrize("spec", PAGES, ids=[spec.url_path for spec in PAGES])
def test_hostile_url_parameters_render_no_markdown(hostile_app: Engine, spec) -> None:
    """Every view parameter, an unknown one and malformed filters, on every page."""
    app = open_app("admin", spec.path, HOSTILE_PARAMS)
    assert not app.exception, app.exception
    assert not any(PAGE_ERROR in error.value for error in app.error)
    assert unescaped(app) == []


@pytest.mark.parametrize("spec", PAGES, ids=[spec.url_path for spec in PAGES])
def test_hostile_data_renders_no_markdown(hostile_app: Engine, spec) -> None:
    """Names and free text from the store, a real problem, batch and saved path, on every page."""
    with session_scope(hostile_app) as session:
        code = session.scalars(select(Problem.code).order_by(Problem.id)).first()
        batch = session.scalars(select(ImportBatch.id)).first()
    params = {"code": code, "q": "evil", "path": SHORT, "batch": str(batch), "level": "village"}
    app = open_app("admin", spec.path, params)
    assert not app.exception, app.exception
    assert unescaped(app) == []


def test_hostile_url_parameters_on_the_sign_in_screen(hostile_app: Engine) -> None:
    """Signed out, the same link shows only the sign-in form, nothing of its parameters."""
    app = open_app(None, None, HOSTILE_PARAMS)
    assert not app.exception, app.exception
    assert unescaped(app) == []
