"""A round's categories as rows of the store: defining them, labels, order, filters, figures."""

from __future__ import annotations

import io

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.categories import (
    CODE_MAX,
    CategoryError,
    category_code,
    define_categories,
    fetch_categories,
    fetch_category_labels,
)
from data_access.codes import OVERDUE
from data_access.db import session_scope
from data_access.exports.ledger import LISTS_SHEET, write_ledger_workbook
from data_access.filters import Filter
from data_access.ingest.columns import PROBLEMS
from data_access.models import InspectionRound, ProblemCategory
from data_access.queries import (
    fetch_headline,
    fetch_problem_ledger,
    fetch_problems_by_focus_area,
    fetch_status_by_focus_area,
)
from data_access.queries.facts import ledger_only
from data_access.queries.funds import fetch_rules_by_township
from data_access.queries.notice import fetch_notice_facts
from data_access.queries.options import fetch_filter_options
from i18n import use_language
from tests.support.district_office import (
    CADRES,
    CADRES_EN,
    CATEGORIES,
    FIGURES,
    IDEOLOGY,
    INTEGRITY,
    POLITICAL,
    UNCATEGORISED,
    write_district_office,
)


@pytest.fixture
def office(empty_engine: Engine) -> Engine:
    """The district office of tests/support/district_office.py in a store of its own."""
    write_district_office(empty_engine)
    return empty_engine


def new_round(engine: Engine, name: str = "2024年县委巡察") -> int:
    """A bare round; its id."""
    with session_scope(engine, write=True) as session:
        row = InspectionRound(name=name, level="county")
        session.add(row)
        session.flush()
        return int(row.id)


# ---------------------------------------------------------------- codes and definition


def test_a_category_is_coded_by_its_name_when_it_fits() -> None:
    assert category_code("  党风廉政建设方面 ") == "党风廉政建设方面"
    long_name = "关于" + "落实全面从严治党主体责任" * 6 + "方面"
    code = category_code(long_name)
    assert len(code) == CODE_MAX and code == category_code(long_name)  # stable
    assert code.startswith(long_name[:20]) and code != category_code(long_name + "。")
    # Filter values are comma-separated in URLs: a name with an ASCII comma is derived.
    assert "," not in category_code("组织,人事方面")


def test_define_categories_adds_new_names_in_order_and_reuses_known_ones(
    empty_engine: Engine,
) -> None:
    round_id = new_round(empty_engine)
    with session_scope(empty_engine, write=True) as session:
        first = define_categories(session, round_id, [POLITICAL, " 选人用人方面 ", ""])
        again = define_categories(session, round_id, [CADRES, IDEOLOGY, POLITICAL])
        subs = define_categories(session, round_id, ["其他", "违规用人"], parent_code=CADRES)
        other = define_categories(session, round_id, ["其他"], parent_code=POLITICAL)
    assert first == {POLITICAL: POLITICAL, " 选人用人方面 ": CADRES, "": ""}
    assert again == {CADRES: CADRES, IDEOLOGY: IDEOLOGY, POLITICAL: POLITICAL}
    assert subs == {"其他": "其他", "违规用人": "违规用人"} and other == {"其他": "其他"}
    with session_scope(empty_engine) as session:
        rows = fetch_categories(session=session, round_ids=[round_id])
    top = rows[rows["parent_code"] == ""]
    assert list(top["code"]) == [POLITICAL, CADRES, IDEOLOGY]
    assert list(top["ordinal"]) == [0, 1, 2]
    assert len(rows[rows["code"] == "其他"]) == 2  # the same sub-category name under two


def test_a_known_category_matches_by_code_or_english_name(empty_engine: Engine) -> None:
    round_id = new_round(empty_engine)
    with session_scope(empty_engine, write=True) as session:
        session.add(
            ProblemCategory(round_id=round_id, code="funds", name="资金项目", name_en="Funds")
        )
        session.flush()
        found = define_categories(session, round_id, ["资金项目", "funds", "Funds"])
    assert set(found.values()) == {"funds"}


def test_an_overlong_name_is_refused_in_chinese(empty_engine: Engine) -> None:
    round_id = new_round(empty_engine)
    refused = pytest.raises(CategoryError, match="问题类别名称过长")
    with refused, session_scope(empty_engine, write=True) as session:
        define_categories(session, round_id, ["很长" * 70])


# ---------------------------------------------------------------- labels and order


def test_labels_follow_the_language_and_the_rounds_order(office: Engine) -> None:
    with session_scope(office) as session:
        labels = fetch_category_labels(session=session)
        with use_language("en"):
            english = fetch_category_labels(session=session)
    assert list(labels.labels) == list(CATEGORIES)
    assert labels.label(CADRES) == CADRES and english.label(CADRES) == CADRES_EN
    assert english.label(POLITICAL) == POLITICAL  # no English name: the office's own
    assert labels.label(UNCATEGORISED) == "未分类" and english.label("") == "Uncategorised"
    assert labels.label("从未定义") == "从未定义"
    ranks = [labels.rank(code) for code in (*CATEGORIES, "从未定义", UNCATEGORISED)]
    assert ranks == [0, 1, 2, 3, 4, 5]


def test_overview_areas_are_the_offices_labelled_and_in_its_order(office: Engine) -> None:
    with session_scope(office) as session:
        areas = fetch_problems_by_focus_area(session=session, flt=Filter())
        matrix = fetch_status_by_focus_area(session=session, flt=Filter())
    order = list(dict.fromkeys(areas["focus_area_label"]))
    assert order == [*CATEGORIES, "未分类"]
    assert areas.groupby("focus_area")["problems"].sum().to_dict() == dict(FIGURES.by_category)
    assert list(dict.fromkeys(matrix["focus_area_label"])) == order
    overdue = matrix[matrix["status"] == OVERDUE].set_index("focus_area")["problems"]
    assert overdue.to_dict() == {POLITICAL: 1, CADRES: 1, IDEOLOGY: 1}


@pytest.mark.parametrize("source", ["summaries", "ledger"])
def test_an_offices_category_filters_every_figure(office: Engine, source: str) -> None:
    flt = Filter(focus_areas=(INTEGRITY,))
    with session_scope(office) as session:
        if source == "ledger":
            with ledger_only():
                headline = fetch_headline(session=session, flt=flt)
        else:
            headline = fetch_headline(session=session, flt=flt)
        ledger = fetch_problem_ledger(session=session, flt=flt)
    assert (headline.problems_total, headline.problems_long_term, headline.overdue) == (2, 1, 0)
    assert set(ledger["focus_area_label"]) == {INTEGRITY}


def test_filter_options_offer_the_offices_categories(office: Engine) -> None:
    with session_scope(office) as session:
        options = fetch_filter_options(session=session)
    assert list(options.focus_areas["focus_area"]) == [*CATEGORIES, UNCATEGORISED]
    assert options.names("focus_areas")[UNCATEGORISED] == "未分类"


def test_rules_frames_carry_the_rank_charts_order_by(office: Engine) -> None:
    with session_scope(office) as session:
        frame = fetch_rules_by_township(session=session, flt=Filter())
    assert {"focus_area_label", "area_rank"} <= set(frame.columns)


def test_the_demo_round_holds_its_five_areas(seeded_engine: Engine) -> None:
    with session_scope(seeded_engine) as session:
        rows = fetch_categories(session=session)
        names = session.scalars(
            select(ProblemCategory.name).where(ProblemCategory.parent_code == "")
        ).all()
    top = rows[rows["parent_code"] == ""]
    assert list(top["code"]) == [
        "main_responsibility",
        "supervision_responsibility",
        "task_progress",
        "funds_projects",
        "work_style",
    ]
    assert names[0] == "扶贫工作主体责任落实"
    assert len(rows) - len(top) == 28  # the demo's sub-categories, under their areas


def test_the_ledger_workbook_speaks_the_offices_words(office: Engine) -> None:
    """The template's 问题类别 list is the round's categories; the export writes each
    problem's category by name, with its 进展情况."""
    with session_scope(office) as session:
        template = openpyxl.load_workbook(io.BytesIO(write_ledger_workbook(session=session)))
    lists = {
        cells[0].value: [c.value for c in cells[1:] if c.value]
        for cells in template[LISTS_SHEET].columns
    }
    assert lists["focus_area"] == list(CATEGORIES)
    sheet = template[PROBLEMS.name]
    headers = [cell.value for cell in sheet[1]]
    rows = {
        row[1]: dict(zip(headers, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert rows["CG2024-004"]["问题类别"] == CADRES
    assert rows["CG2024-004"]["进展情况"] == "进展4" and "备注" in headers
    assert rows["CG2024-009"]["问题类别"] is None  # 未分类: left blank, as it came


def test_the_notice_names_the_chosen_categories_in_order(office: Engine) -> None:
    flt = Filter().with_(focus_areas=(IDEOLOGY, POLITICAL))
    with session_scope(office) as session:
        facts = fetch_notice_facts(session=session, flt=flt)
    assert facts.focus_areas == (POLITICAL, IDEOLOGY)
