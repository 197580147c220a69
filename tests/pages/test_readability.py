"""The leaders' experience in AppTest: the scope said, laggards first, filters where they act."""

from __future__ import annotations

import gc
import io
import json
import re

import openpyxl
import pytest
import streamlit as st
from pypdf import PdfReader
from sqlmodel import select
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from components.navigation import PAGES
from data_access.db import get_engine, session_scope
from data_access.filters import Filter
from data_access.models import Problem
from data_access.queries.options import fetch_filter_options
from data_access.queries.townships import fetch_region_comparison
from tests.support.app_content import file_text
from tests.support.signin import SCOPED_USER, add_account, first_township_id, open_app

FIGURE_PAGES = ["overview", "townships", "problems", "funds", "accountability", "leads"]
UNFILTERED_PAGES = ["upload", "imports", "admin_users", "admin_audit", "regions", "admin_rounds"]


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> str:
    """The seeded SQLite demo database with the test accounts, for the app."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return sqlite_seeded_url


def page_path(url_path: str) -> str:
    """The script of a page."""
    return next(spec.path for spec in PAGES if spec.url_path == url_path)


def captions(elements) -> list[str]:
    """The caption texts among elements."""
    return [caption.value for caption in elements.caption]


def chart_data(app, number: int = 0):
    """The rows of the number-th chart of the main area."""
    charts = [e for e in app.main if getattr(e, "type", "") == "vega_lite_chart"]
    return convert_arrow_bytes_to_pandas_df(charts[number].proto.datasets[0].data.data)


@pytest.mark.parametrize("url_path", FIGURE_PAGES)
def test_a_scoped_user_reads_their_scope_beside_the_figures(app_database, url_path) -> None:
    """范围：<township> in the filter bar and right above the headline cards, on every page."""
    township_id = first_township_id(get_engine(app_database))
    with session_scope(get_engine(app_database)) as session:
        name = fetch_filter_options(session=session).names("townships")[township_id]
    app = open_app(SCOPED_USER, page_path(url_path))
    assert not app.exception
    assert f"范围：{name}" in captions(app.sidebar)
    assert f"范围：{name}" in captions(app.main)
    everyone = open_app("viewer", page_path(url_path))
    assert not any(text.startswith("范围：") for text in captions(everyone))


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_scoped_accounts_files_name_its_scope(
    writable_seeded_engine, monkeypatch: pytest.MonkeyPatch, downloads
) -> None:
    """范围：<township> in a limited uploader's exports (the CSV's file name, the XLSX's 说明
    sheet) and in the briefing (PDF and Word) of the overview it sees."""
    engine = writable_seeded_engine
    township_id = first_township_id(engine)
    with session_scope(engine) as session:
        name = fetch_filter_options(session=session).names("townships")[township_id]
    add_account(engine, "scoped_uploader", "uploader", (township_id,))
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    st.cache_data.clear()
    app = open_app("scoped_uploader", page_path("overview"))
    assert not app.exception
    scope = f"范围：{name}"
    files = {file.rsplit(".", 1)[-1]: (file, make) for file, make in downloads.items()}
    assert f"_范围-{name}_" in files["csv"][0]  # the CSV's context is its file name
    about = openpyxl.load_workbook(io.BytesIO(files["xlsx"][1]())).worksheets[1]
    assert scope in "\n".join(str(row[0]) for row in about.iter_rows(values_only=True))
    docx_name, make_docx = files["docx"]
    assert scope in file_text(docx_name, make_docx())
    pdf = PdfReader(io.BytesIO(files["pdf"][1]()))
    assert scope in pdf.pages[0].extract_text()  # under the title, on the first page
    assert gc.isenabled()  # the collector, paused while the briefing was made, runs again


def test_township_comparison_shows_every_unit_laggards_first(app_database) -> None:
    """乡镇对比 by default: all townships in the ranking, the lowest completion rate first."""
    with session_scope(get_engine(app_database)) as session:
        members = fetch_region_comparison(session=session, flt=Filter(), level="township")
    app = open_app("viewer", page_path("townships"))
    ranking = chart_data(app)
    assert len(ranking) == len(members) > 10
    rates = ranking["completion_rate"].tolist()
    assert rates == sorted(rates)  # laggards (lowest rate) first
    app.toggle(key="townships_laggards").set_value(False).run()
    rates = chart_data(app)["completion_rate"].tolist()
    assert rates == sorted(rates, reverse=True)
    app.toggle(key="townships_top_only").set_value(True).run()
    assert len(chart_data(app)) == 10


@pytest.mark.parametrize("url_path", UNFILTERED_PAGES)
def test_data_and_admin_pages_have_no_data_filters(app_database, url_path) -> None:
    """Pages whose content no data filter changes show no filter bar (nor chips)."""
    app = open_app("admin", page_path(url_path))
    assert not app.exception
    assert not app.sidebar.multiselect
    assert not app.sidebar.date_input
    reading = open_app("admin", page_path("overview"))
    assert reading.sidebar.multiselect


def forms(node) -> list:
    """Every form block's settings under node."""
    found = []
    for child in getattr(node, "children", {}).values():
        proto = getattr(child, "proto", None)
        fields = {field.name for field, _ in proto.ListFields()} if proto is not None else set()
        if "form" in fields:
            found.append(proto.form)
        found += forms(child)
    return found


LATIN = re.compile(r"[A-Za-z]{3,}")


def test_the_chinese_ui_speaks_chinese(app_database) -> None:
    """No English in Chinese messages, no Enter hint under forms, Chinese placeholders."""
    app = open_app(None)
    sign_in_forms = forms(app._tree)
    assert sign_in_forms and not any(form.enter_to_submit for form in sign_in_forms)
    app.text_input(key="sign_in_username").input("viewer")
    app.text_input(key="sign_in_password").input("not-the-password")
    app.button(key="FormSubmitter:sign_in-登录").click().run()
    assert app.error and not LATIN.search(app.error[0].value)
    admin = open_app("admin", page_path("admin_users"))
    assert not any(form.enter_to_submit for form in forms(admin._tree))
    placeholders = [box.proto.placeholder for box in admin.multiselect]
    assert placeholders and all(text and not LATIN.search(text) for text in placeholders)
    denied = open_app("viewer", page_path("admin_users"))
    assert any(
        "无权访问" in error.value and not LATIN.search(error.value) for error in denied.error
    )


NONE_WORDS = re.compile(r"\b(None|nan|NaN|NaT)\b")
SCANNED = [*FIGURE_PAGES, "rounds", "meeting", *UNFILTERED_PAGES]


def shown_texts(app) -> list[str]:
    """Every text the run shows: headings, captions, alerts, markdown, cards, table cells."""
    kinds = ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error")
    texts = [str(element.value) for kind in kinds for element in app.get(kind)]
    texts += [f"{metric.label} {metric.value}" for metric in app.metric]
    for table in [*app.table, *app.dataframe]:
        fields = {field.name for field, _ in table.proto.ListFields()}
        frame = table.value
        if "placeholder" in fields:  # empty cells show the placeholder ("—"), not None
            frame = frame.fillna("—")
        texts += [str(value) for value in frame.astype(object).to_numpy().ravel()]
    return texts


RATE_TEXT = re.compile(r"\d+(?:\.(\d+))?%")


def rate_formats(app) -> list[str]:
    """How each rate is shown: "decimals 1" per "92.0%" text, "step 0.001" per percent column."""
    texts = shown_texts(app)
    matches = [match for text in texts for match in RATE_TEXT.finditer(text)]
    shown = [f"decimals {len(match.group(1) or '')}" for match in matches]
    for table in [*app.table, *app.dataframe]:
        columns = json.loads(table.proto.columns or "{}")
        for config in columns.values():
            if (config.get("type_config") or {}).get("format") == "percent":
                shown.append(f"step {config['type_config'].get('step')}")
    return shown


@pytest.mark.parametrize("url_path", SCANNED)
def test_no_page_shows_none_or_nan(app_database, url_path) -> None:
    """No "None", "nan" or "NaT" anywhere on any page, for an admin and a scoped viewer;
    every rate with one decimal (92.0%), in texts, cards and table columns (step 0.001)."""
    for user in ("admin", SCOPED_USER):
        app = open_app(user, page_path(url_path))
        assert not app.exception
        bad = [text for text in shown_texts(app) if NONE_WORDS.search(text)]
        assert not bad, (user, url_path, bad[:5])
        formats = set(rate_formats(app))
        assert formats <= {"decimals 1", "step 0.001"}, (user, url_path, formats)


def test_the_problem_page_shows_no_none(app_database) -> None:
    """A problem's detail (empty fields included) shows "—", never None or nan."""
    with session_scope(get_engine(app_database)) as session:
        code = session.exec(select(Problem.code).where(Problem.village_id.is_(None))).first()
        code = code or session.exec(select(Problem.code)).first()
    app = open_app("viewer", page_path("problem"), {"code": code})
    assert app.table
    assert not app.exception
    assert not [text for text in shown_texts(app) if NONE_WORDS.search(text)]


def axes(spec: object) -> list[dict]:
    """Every axis definition inside a Vega-Lite spec."""
    found = []
    if isinstance(spec, dict):
        axis = spec.get("axis")
        if isinstance(axis, dict):
            found.append(axis)
        for value in spec.values():
            found += axes(value)
    elif isinstance(spec, list):
        for value in spec:
            found += axes(value)
    return found


@pytest.mark.parametrize("url_path", [*FIGURE_PAGES, "meeting"])
def test_count_axes_never_repeat_a_tick(app_database, url_path) -> None:
    """Every whole-number axis ticks in steps of at least 1 (no "0 0 1 1 2 2" for small counts).

    Checked for the scoped viewer, whose counts are smallest.
    """
    app = open_app(SCOPED_USER, page_path(url_path))
    charts = [e for e in app.main if getattr(e, "type", "") == "vega_lite_chart"]
    count_axes = [axis for chart in charts for axis in axes(json.loads(chart.proto.spec))]
    count_axes = [axis for axis in count_axes if axis.get("format") == ",d"]
    assert all(axis.get("tickMinStep") == 1 for axis in count_axes), count_axes


def test_the_sort_box_orders_the_whole_result(app_database) -> None:
    """挽回损失（最多在前） orders every row in SQL (the largest of all first); the caption
    says what a header click sorts."""
    app = open_app("viewer", page_path("problems"))
    app.selectbox(key="ledger_sort").select("recovered").run()
    with session_scope(get_engine(app_database)) as session:
        largest = session.exec(select(Problem.recovered_yuan)).all()
    shown = app.dataframe[0].value["recovered_yuan"].tolist()
    assert shown[0] == max(largest) and shown == sorted(shown, reverse=True)
    assert len(shown) == len(largest)
    assert any("对全部结果排序" in caption for caption in captions(app))
