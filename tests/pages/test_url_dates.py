"""Dates in a link outside the data's range (issue 18, finding 3).

Before: ?asof=9999-12-31, asof=1900-01-01, from=1900-01-01, to=2999-01-01 and
from=2020-01-01&to=2010-01-01 gave 页面出错了 on every page (the sidebar date picker refused
a value beyond its bounds, which come from the data). Now each date moves into the range
with a notice, and the page renders (every page: tests/pages/test_markdown_injection.py's links
carry such a date too).
"""

from __future__ import annotations

from datetime import date

import pytest

from data_access.db import get_engine
from data_access.filters import Filter
from tests.support.app_content import rendered
from tests.support.signin import open_app

LOW, HIGH = date(2017, 1, 1), date(2026, 12, 31)
PAGE_ERROR = "页面出错了"
LINKS = [
    {"asof": "9999-12-31"},
    {"asof": "1900-01-01"},
    {"from": "1900-01-01"},
    {"to": "2999-01-01"},
    {"from": "2020-01-01", "to": "2010-01-01"},
]


@pytest.mark.parametrize(
    ("flt", "expected", "moved"),
    [
        (Filter(as_of=date(9999, 12, 31)), Filter(as_of=HIGH), ["asof"]),
        (Filter(as_of=date(1900, 1, 1)), Filter(as_of=LOW), ["asof"]),
        (Filter(date_from=date(1900, 1, 1)), Filter(date_from=LOW), ["from"]),
        (Filter(date_to=date(2999, 1, 1)), Filter(date_to=HIGH), ["to"]),
        (
            Filter(date_from=date(2020, 1, 1), date_to=date(2010, 1, 1)),
            Filter(date_from=LOW, date_to=date(2020, 1, 1)),
            ["to", "from", "to"],
        ),
        (Filter(date_from=LOW, as_of=HIGH), Filter(date_from=LOW, as_of=HIGH), []),
    ],
)
def test_dates_move_into_the_range(flt: Filter, expected: Filter, moved: list[str]) -> None:
    """Each date outside [low, high] moves to the nearer bound; a reversed range turns."""
    clean, changes = flt.within_dates(LOW, HIGH)
    assert clean == expected
    assert [param for param, _, _ in changes] == moved


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> None:
    """The seeded demo database with the test accounts, used by the app."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    get_engine(sqlite_seeded_url)


def notices(app) -> str:
    """The run's captions as read."""
    return " ".join(rendered(caption.value) for caption in app.caption)


@pytest.mark.parametrize(
    "params", LINKS, ids=["&".join(f"{k}={v}" for k, v in p.items()) for p in LINKS]
)
def test_each_probe_link_renders_the_overview_with_a_notice(app_database, params) -> None:
    """The product owner's five links: the page, a notice naming the date, a clean URL."""
    app = open_app("admin", None, params)
    assert not app.exception
    assert not any(PAGE_ERROR in error.value for error in app.error)
    assert all(f"{name}={value}" in notices(app) for name, value in params.items())
    flt, _ = Filter.from_params(dict(app.query_params))
    assert flt.date_from is None or flt.date_to is None or flt.date_from <= flt.date_to
    assert app.metric
