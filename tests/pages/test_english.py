"""Every page renders in English with ?lang=en: no Chinese left but the data's own values."""

from __future__ import annotations

import json
import re

import pytest
import sqlalchemy as sa
from google.protobuf import text_format
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel, select
from streamlit.testing.v1.element_tree import Dataframe, Table

from components.navigation import PAGES
from data_access.db import get_engine, session_scope
from data_access.inspections import suggested_group_name
from data_access.models import Problem
from tests.support.signin import open_app

CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ENGLISH = {"lang": "en"}
# The one bilingual label on purpose: the switch must be readable whichever language is on.
BILINGUAL = ("语言 / Language", "中文")


def is_text(column_type: sa.types.TypeEngine) -> bool:
    """True for a string column (SQLModel's AutoString decorates a String)."""
    return isinstance(getattr(column_type, "impl_instance", column_type), sa.String)


@pytest.fixture(scope="module")
def data_values(sqlite_seeded_url: str) -> list[str]:
    """Every stored text value (names, descriptions ...), longest first: data, not messages."""
    engine = get_engine(sqlite_seeded_url)
    values: set[str] = set()
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for column in table.columns:
                if is_text(column.type):
                    rows = connection.execute(sa.select(column).distinct()).scalars()
                    values.update(value for value in rows if value and CJK.search(value))
    # A new group's suggested name follows the office's own naming, like the stored ones.
    values.update(suggested_group_name(existing) for existing in range(30))
    return sorted(values, key=len, reverse=True)


@pytest.fixture
def app_database(monkeypatch: pytest.MonkeyPatch, sqlite_seeded_url: str, app_users) -> Engine:
    """The seeded SQLite demo database with the test accounts, used by the app."""
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded_url)
    return get_engine(sqlite_seeded_url)


def chart_text(spec_json: str) -> str:
    """A Vega-Lite spec without its inline data (the data is checked as data)."""
    spec = json.loads(spec_json)
    spec.pop("datasets", None)
    return json.dumps(spec, ensure_ascii=False)


def node_texts(app) -> list[str]:
    """The text of every element the run drew: labels, bodies, options, tables, chart specs."""
    texts: list[str] = []
    for node in app._tree:
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        if isinstance(node, (Dataframe, Table)):
            frame = node.value
            texts.extend(str(name) for name in [*frame.columns, *frame.index])
            texts.extend(str(cell) for cell in frame.astype(str).to_numpy().ravel())
            continue
        if hasattr(proto, "spec") and isinstance(proto.spec, str) and proto.spec.startswith("{"):
            texts.append(chart_text(proto.spec))
            continue
        texts.append(text_format.MessageToString(proto, as_utf8=True))
    return texts


def chinese_left(texts: list[str], data_values: list[str]) -> list[str]:
    """The Chinese runs still in texts once data values and the bilingual switch are removed."""
    left: list[str] = []
    for text in texts:
        for allowed in (*BILINGUAL, *data_values):
            if allowed in text:
                text = text.replace(allowed, " ")
        left.extend(run for run in CJK_RUN.findall(text) if CJK.search(run))
    return sorted(set(left))


def first_problem_code(engine: Engine) -> str:
    """The code of one demo problem, to open its detail page."""
    with session_scope(engine) as session:
        return session.exec(select(Problem.code).order_by(Problem.code).limit(1)).one()


PAGE_PARAMS = {"problem": "code"}


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_page_renders_in_english(app_database: Engine, data_values: list[str], spec) -> None:
    """Signed in as admin, each page in English shows no Chinese except stored data."""
    params = dict(ENGLISH)
    if spec.url_path in PAGE_PARAMS:
        params[PAGE_PARAMS[spec.url_path]] = first_problem_code(app_database)
    app = open_app("admin", spec.path, params)
    assert not app.exception, app.exception
    assert app.query_params.get("lang") == "en"
    left = chinese_left(node_texts(app), data_values)
    assert not left, f"{spec.url_path}: Chinese outside the catalogue: {left[:30]}"


def test_chinese_is_the_default(app_database: Engine) -> None:
    """Without ?lang the same app speaks Chinese (the published wording)."""
    app = open_app("admin", PAGES[0].path)
    assert any("问题总数" in metric.label for metric in app.metric)
