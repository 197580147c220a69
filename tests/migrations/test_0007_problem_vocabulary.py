"""Migration 0007 on a store with data: down to 0006 and up again, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from data_access.categories import fetch_categories
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.queries import fetch_headline
from data_access.schema import upgrade_schema
from tests.support.migrations import downgrade_to
from tests.support.published_figures import PUBLISHED_JSON

FORMER_NAMES = ["扶贫工作主体责任落实", "扶贫工作监督责任落实", "扶贫工作任务推进"]
FORMER_NAMES += ["扶贫资金项目落实", "扶贫领域“四风”"]


def test_upgrade_fills_the_categories_of_stored_rounds(writable_seeded_engine: Engine) -> None:
    """A store from before 0007 gets its rounds' categories from its problems: the five
    former codes with their names, any other code as its own name; figures unchanged."""
    engine = writable_seeded_engine
    downgrade_to(engine, "0006")
    schema = inspect(engine)
    assert "problem_category" not in schema.get_table_names()
    assert "deadline_kind" not in {c["name"] for c in schema.get_columns("problem")}
    with engine.begin() as conn:
        conn.execute(text("UPDATE problem SET focus_area = '党的建设' WHERE id = 1"))
    upgrade_schema(engine)
    with session_scope(engine) as session:
        categories = fetch_categories(session=session)
        headline = fetch_headline(session=session, flt=Filter())
    top = categories[categories["parent_code"] == ""]
    assert list(top["label"]) == [*FORMER_NAMES, "党的建设"]
    assert list(top["ordinal"]) == [0, 1, 2, 3, 4, 5]
    subs = categories[categories["parent_code"] != ""]
    assert len(subs.drop_duplicates("code")) == 28
    assert headline.problems_total == PUBLISHED_JSON["problems_total"]
    assert headline.problems_rectified == PUBLISHED_JSON["problems_rectified"]
    columns = {c["name"]: c for c in inspect(engine).get_columns("problem")}
    assert columns["focus_area"]["type"].length == 64
    assert {"deadline_kind", "found_on_inferred", "progress", "remarks"} <= set(columns)
