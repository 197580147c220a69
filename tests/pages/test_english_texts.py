"""The page scripts in English (?lang=en): their own titles, captions, notices and headers."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from data_access.db import get_engine, session_scope
from data_access.models import Problem
from i18n import t, use_language
from tests.support.app_content import rendered
from tests.support.signin import open_app

VIEWER = "viewer"
ENGLISH = {"lang": "en"}


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> Engine:
    """The seeded SQLite demo database with the test accounts, used by the app."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return get_engine(sqlite_seeded_url)


def open_page(page: str, params: dict[str, str] | None = None, *, lang: str = "en"):
    """The dashboard signed in as the viewer on pages/<page>.py, in lang."""
    query = {**(ENGLISH if lang == "en" else {}), **(params or {})}
    app = open_app(VIEWER, f"pages/{page}.py", query)
    assert not app.exception, app.exception
    return app


def subheaders(app) -> list[str]:
    """The section titles the page drew."""
    return [subheader.value for subheader in app.subheader]


def captions(app) -> list[str]:
    """The captions the page drew."""
    return [caption.value for caption in app.caption]


def test_page_messages_fill_their_placeholders() -> None:
    """The sentences built around a level noun or a count read naturally in both languages."""
    with use_language("en"):
        assert t("pages.townships.top_only_toggle", count=10) == "Only the first 10"
        assert t("pages.townships.comparison", members=t("pages.levels.village")) == (
            "Comparison of villages"
        )
        assert t("pages.leads.first_rows", rows=5000).startswith("Only the first 5,000 leads")
        assert t("pages.problem.crumb", code="ZY-001") == "Problem ZY-001"
    assert t("pages.townships.top_only_toggle", count=10) == "只看前 10 个"
    assert (
        t("pages.accountability.first_rows", rows=5000) == "仅列出前 5,000 行；可用筛选缩小范围。"
    )


def test_accountability_page_in_english(app_database: Engine) -> None:
    """Section titles in English; the dual-accountability caption has its count and mask note."""
    app = open_page("accountability")
    titles = subheaders(app)
    assert "Dual accountability" in titles
    assert "Written self-criticism (organisations)" in titles
    caption = next(c for c in captions(app) if "leadership responsibility" in c)
    assert re.match(
        r"Problems where both direct and leadership responsibility were pursued: \d+\. ", caption
    )
    assert "Names are masked. Select a row to see the problem." in caption


def test_townships_page_in_english(app_database: Engine) -> None:
    """The ranking controls and the comparison table title name the level in English."""
    app = open_page("townships")
    assert "Comparison of townships" in subheaders(app)
    assert "Click a row to go one level down; click a header to sort." in captions(app)
    labels = [toggle.label for toggle in app.toggle]
    assert "Laggards first" in labels
    assert "Only the first 10" in labels


def test_townships_page_stays_chinese_by_default(app_database: Engine) -> None:
    """Without ?lang the same page keeps the published Chinese wording."""
    app = open_page("townships", lang="zh")
    assert "各乡镇对比" in subheaders(app)
    assert "落后的在前" in [toggle.label for toggle in app.toggle]


def test_problem_page_in_english(app_database: Engine) -> None:
    """A problem's page: field table headers, section titles and breadcrumb in English."""
    with session_scope(app_database) as session:
        code = session.exec(select(Problem.code).order_by(Problem.code).limit(1)).one()
    app = open_page("problem", {"code": code})
    table = app.table[0].value
    assert table.index.name == "Field"
    assert list(table.columns) == ["Value"]
    assert {"Accountability", "Leads transferred"} <= set(subheaders(app))
    app = open_page("problem")
    assert any("No problem code was given." in info.value for info in app.info)


def test_problems_search_without_match_in_english(app_database: Engine) -> None:
    """A search matching nothing says so in English, with the term in the message."""
    app = open_page("problems", {"q": "no-such-term"})
    notice = " ".join(rendered(info.value) for info in app.info)
    assert "No problem contains “no-such-term”." in notice
    assert "Try another keyword, or clear the search box." in notice
