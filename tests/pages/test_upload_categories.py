"""AppTest: a file naming a category its round lacks waits on the uploader's yes on the page."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Engine

from components.category_choice import accept_key
from data_access.db import session_scope
from data_access.models import Problem, ProblemCategory
from tests.support.ledger_files import PROBLEMS, problem_records, sheet, xlsx_bytes
from tests.support.upload_page import UPLOAD_PAGE, button, open_page, upload

NEW = "基层党建方面"


def new_category_file() -> bytes:
    """Two new problems of the demo round, the second in a category the round lacks."""
    records = problem_records(2, seed=11)
    records[1].update({"问题类别": f"五、{NEW}", "问题子类": None})
    return xlsx_bytes(sheet(PROBLEMS.name, records))


def stored(engine: Engine) -> tuple[list[str], dict[str, str]]:
    """The demo round's top-level category names, and the new problems' categories."""
    with session_scope(engine) as session:
        top = select(ProblemCategory.name).where(ProblemCategory.parent_code == "")
        names = list(dict.fromkeys(session.scalars(top.order_by(ProblemCategory.ordinal))))
        rows = session.execute(
            select(Problem.code, Problem.focus_area).where(Problem.code.like("T2018-%"))
        )
        return names, {code: area for code, area in rows}


def test_a_new_category_is_accepted_on_the_page(app_engine: Engine) -> None:
    data = new_category_file()
    app = upload(open_page(UPLOAD_PAGE), "新类别.xlsx", data)
    assert any(NEW in text.value for text in app.text)
    assert not [b for b in app.button if b.label == "确认导入"]  # waits on the yes
    app.checkbox(key=accept_key(data)).check().run()
    assert not app.exception, app.exception
    button(app, "确认导入").click()
    app.run()
    assert not app.exception, app.exception
    names, problems = stored(app_engine)
    assert names[-1] == NEW and problems["T2018-000002"] == NEW


def test_a_new_category_is_mapped_on_the_page(app_engine: Engine) -> None:
    data = new_category_file()
    app = upload(open_page(UPLOAD_PAGE), "新类别.xlsx", data)
    [select_box] = [s for s in app.selectbox if s.key and s.key.startswith("upload_category_map")]
    assert "扶贫工作主体责任落实" in select_box.options
    select_box.select("扶贫工作主体责任落实").run()
    assert not app.exception, app.exception
    button(app, "确认导入").click()
    app.run()
    assert not app.exception, app.exception
    names, problems = stored(app_engine)
    assert NEW not in names and problems["T2018-000002"] == "main_responsibility"
