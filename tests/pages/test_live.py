"""Live updates in the app: the version poll, meeting mode, two sessions of the dashboard."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import event
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

import data_access.queries as queries
from components.live import deferred_text
from tests.support.live_files import commit_weekly, commit_with_cli, weekly_file
from tests.support.signin import APP_TIMEOUT_SECONDS, create_test_users, open_app

OVERVIEW, IMPORTS = "pages/overview.py", "pages/imports.py"
QUERY_VERBS = frozenset({"select", "insert", "update", "delete", "with"})
HEAVY_QUERIES = ("fetch_headline", "fetch_completion_by_township", "fetch_weekly_trend")
# Real runs per data version: the headline twice, for the cards and for their change since
# the week before (another Filter: its as-of day); the charts once.
RUNS_PER_VERSION = {"fetch_headline": 2, "fetch_completion_by_township": 1, "fetch_weekly_trend": 1}


def runs_for(versions: int) -> dict[str, int]:
    """The heavy queries' real runs after the overview has seen that many data versions."""
    return {name: runs * versions for name, runs in RUNS_PER_VERSION.items()}


# ---------------------------------------------------------------- the poll, in a tiny app


def poll_script() -> None:
    """A frame in miniature. poll_only=True makes a run what a fragment run does: poll only."""
    import streamlit as st

    from components.live import track_data_version, watch_data_version

    st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    if not st.session_state.get("poll_only"):
        track_data_version()
    st.session_state["poll_only"] = False  # the rerun a poll asks for is a full run
    watch_data_version(defer=st.session_state.get("defer", False))


@pytest.fixture
def sql_log() -> Iterator[list[str]]:
    """Every query (no transaction control) any engine of this process runs in the test."""
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        """Keep the statement's text unless it is BEGIN, PRAGMA and the like."""
        text = " ".join(statement.split()).lower()
        if text.split(" ", 1)[0] in QUERY_VERBS:
            statements.append(text)

    event.listen(Engine, "before_cursor_execute", record)
    yield statements
    event.remove(Engine, "before_cursor_execute", record)


@pytest.fixture
def app_engine(writable_seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """A writable demo store as the app's DATABASE_URL (test accounts added), fresh caches."""
    create_test_users(writable_seeded_engine, ("viewer", "uploader"))
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()  # scratch databases are reused within a test session
    return writable_seeded_engine


def poll(app: AppTest, sql_log: list[str]) -> list[str]:
    """One fragment-like run of the tiny app; returns the SQL it ran."""
    sql_log.clear()
    app.session_state["poll_only"] = True
    app.run()
    assert not app.exception, app.exception
    return list(sql_log)


def test_an_unchanged_version_costs_one_lookup_and_no_rerun(
    app_engine: Engine, sql_log: list[str], tmp_path: Path
) -> None:
    app = AppTest.from_function(poll_script, default_timeout=APP_TIMEOUT_SECONDS).run()
    assert app.session_state["runs"] == 1
    for expected_runs in (2, 3):
        statements = poll(app, sql_log)
        assert app.session_state["runs"] == expected_runs, "an unchanged version reran the app"
        assert len(statements) == 1 and "from data_version" in statements[0], statements

    commit_weekly(app_engine, tmp_path)
    statements = poll(app, sql_log)
    assert app.session_state["runs"] == 5, "the poll after a commit reruns the app once"
    assert "from import_batch" in " ".join(statements)  # the full run summarised the change
    assert len(poll(app, sql_log)) == 1  # and the next poll is quiet again


def test_meeting_mode_waits_for_the_presenter(
    app_engine: Engine, sql_log: list[str], tmp_path: Path
) -> None:
    app = AppTest.from_function(poll_script, default_timeout=APP_TIMEOUT_SECONDS)
    app.session_state["defer"] = True
    app.run()
    assert not app.info
    commit_weekly(app_engine, tmp_path)
    poll(app, sql_log)
    assert app.session_state["runs"] == 2, "meeting mode must not rerun under the presenter"
    assert [info.value for info in app.info] == [deferred_text()]
    app.run()  # the presenter moves to the next step: a full run
    assert not app.info


# ---------------------------------------------------------------- two sessions of the dashboard


@pytest.fixture
def heavy_calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the overview's heavy read functions really run (cache misses)."""
    calls: Counter[str] = Counter()

    def counted(name: str, function: Callable) -> Callable:
        """function, counting its calls under name (same name: same cache key)."""

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    for name in HEAVY_QUERIES:
        monkeypatch.setattr(queries, name, counted(name, getattr(queries, name)))
    return calls


def kpis(app: AppTest) -> dict[str, str]:
    """The metric cards on screen: label -> value text."""
    return {metric.label: metric.value for metric in app.metric}


def update_line(app: AppTest) -> str:
    """The frame's one caption saying when the data last changed (and how)."""
    [line] = [caption.value for caption in app.caption if "数据更新于" in caption.value]
    return line


def batch_links(app: AppTest) -> list[str]:
    """Labels of the links to an import batch."""
    return [link.label for link in app.page_link if link.label.startswith("第 ")]


def rerun(app: AppTest) -> AppTest:
    """The full rerun a poll asks for when the version changed (AppTest runs no timers)."""
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_cli_commit_reaches_an_open_overview(
    app_engine: Engine, heavy_calls: Counter[str], tmp_path: Path
) -> None:
    leader = open_app("viewer", OVERVIEW)
    staff = open_app("uploader", OVERVIEW)
    assert kpis(leader)["整改完成"] == kpis(staff)["整改完成"] == "381"
    assert dict(heavy_calls) == runs_for(1)  # the second session hit the cache
    for app in (leader, staff, leader):
        rerun(app)
    assert dict(heavy_calls) == runs_for(1), "same version: no query reran"
    assert " · " not in update_line(leader) and not leader.toast

    weekly = weekly_file(app_engine, tmp_path / "第10周台账.xlsx")
    commit_with_cli(app_engine.url.render_as_string(hide_password=False), weekly.path)
    rerun(leader)
    assert kpis(leader)["整改完成"] == "384" and kpis(leader)["问题总数"] == "416"
    assert update_line(leader).endswith(f" · {weekly.summary}")
    [toast] = leader.toast
    assert toast.value.endswith(f" 更新：{weekly.summary}")
    assert batch_links(leader) == [], "viewers cannot open the import history"
    assert dict(heavy_calls) == runs_for(2)  # once for the new version

    rerun(staff)
    assert kpis(staff)["整改完成"] == "384"
    assert len(batch_links(staff)) == 1
    assert dict(heavy_calls) == runs_for(2)
    rerun(leader)
    assert not leader.toast and weekly.summary in update_line(leader)  # the toast once only


def test_the_notice_links_to_the_batch_on_the_imports_page(
    app_engine: Engine, tmp_path: Path
) -> None:
    _, batch_id = commit_weekly(app_engine, tmp_path)
    app = open_app("uploader", IMPORTS, query_params={"batch": str(batch_id)})
    assert not app.exception
    assert f"第 {batch_id} 批导入" in " ".join(m.value for m in app.markdown)
    assert len(app.dataframe) == 2  # the linked batch, then the whole history
    assert not [c for c in app.caption if "已忽略" in c.value]
