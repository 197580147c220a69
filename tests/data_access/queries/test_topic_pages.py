"""Queries of 问题清单, 资金挽损, 问责情况, 线索移交 agree with the headline, on both backends."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine

from data_access.codes import OVERDUE, PERSON_CATEGORIES
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.models import Problem
from data_access.queries import (
    count_problem_ledger,
    fetch_accountability_by_month,
    fetch_accountability_by_township,
    fetch_accountability_totals,
    fetch_dual_check_pairs,
    fetch_funds_totals,
    fetch_largest_recoveries,
    fetch_lead_funnel,
    fetch_lead_outcomes,
    fetch_leads_by_receiver,
    fetch_leads_by_township,
    fetch_problem_ledger,
    fetch_recovered_by_month,
    fetch_recovered_by_sub_category,
    fetch_recovered_by_township,
    fetch_rules_by_township,
    fetch_status_by_focus_area,
    fetch_written_self_criticism,
    resolve_township_names,
)
from data_access.roles import ADMIN, MASK_CHAR
from tests.support.published_figures import PUBLISHED_AS_OF
from tests.support.query_support import (
    NO_SUCH_ID,
    PUBLISHED,
    PUBLISHED_BREAKDOWN,
    frame,
    headline,
    load_ledger,
)

QIANQIAO = "钱桥镇"
MID_RECTIFICATION = date(2018, 7, 15)  # between feedback and the published report
NOTHING = {"townships": (NO_SUCH_ID,)}


def township_id(engine: Engine, name: str = QIANQIAO) -> int:
    """The id of a township of the demo data, by name."""
    with session_scope(engine) as session:
        ids, _ = resolve_township_names(session=session, names=[name])
    return ids[0]


def filter_cases(engine: Engine) -> list[dict]:
    """Filters each total is checked under: all, a township, a focus area, as-of, overdue."""
    return [
        {},
        {"townships": (township_id(engine),)},
        {"focus_areas": ("funds_projects",)},
        {"as_of": MID_RECTIFICATION},
        {"statuses": (OVERDUE,), "as_of": PUBLISHED_AS_OF},
        {"date_from": date(2018, 4, 20), "date_to": date(2018, 5, 5)},
    ]


def ledger_rows(engine: Engine, search: str = "", **changes: object):
    """Every ledger row (one big page) for Filter().with_(**changes) and search."""
    with session_scope(engine) as session:
        flt = Filter().with_(**changes)
        return fetch_problem_ledger(session=session, flt=flt, search=search, limit=10**6)


def ledger_count(engine: Engine, search: str, **changes: object) -> int:
    """count_problem_ledger for Filter().with_(**changes) and search."""
    with session_scope(engine) as session:
        return count_problem_ledger(session=session, flt=Filter().with_(**changes), search=search)


# ---------------------------------------------------------------- 资金挽损


def test_funds_add_up_to_the_headline(seeded_engine: Engine) -> None:
    """Every funds breakdown sums to the headline's recovered money and rules, per filter."""
    for changes in filter_cases(seeded_engine):
        expected = headline(seeded_engine, **changes)
        totals = frame(seeded_engine, fetch_funds_totals, **changes)
        assert (totals.recovered_yuan, totals.rules_improved) == (
            expected.recovered_yuan,
            expected.rules_improved,
        ), changes
        for fetch in (fetch_recovered_by_township, fetch_recovered_by_sub_category):
            money = frame(seeded_engine, fetch, **changes)
            assert money["recovered_yuan"].sum() == expected.recovered_yuan, (fetch, changes)
            assert money["problems"].sum() == totals.problems_with_recovery
            assert (money["recovered_yuan"] > 0).all()
        months = frame(seeded_engine, fetch_recovered_by_month, **changes)
        assert months["recovered_yuan"].sum() == expected.recovered_yuan, changes
        rules = frame(seeded_engine, fetch_rules_by_township, **changes)
        assert rules["rules_improved"].sum() == expected.rules_improved, changes


def test_published_funds(seeded_engine: Engine) -> None:
    """The published 117.0128 万元 and 117 rules; money by month ends in the report's month."""
    totals = frame(seeded_engine, fetch_funds_totals)
    assert totals.recovered_yuan == PUBLISHED["recovered_yuan"] == 1_170_128
    assert totals.rules_improved == PUBLISHED["rules_improved"]
    ledger = load_ledger(seeded_engine)
    assert totals.problems_with_recovery == sum(p.recovered_yuan > 0 for p in ledger.problems)
    months = frame(seeded_engine, fetch_recovered_by_month)
    assert months["month_label"].tolist()[-1] == "2018年8月"
    assert months["recovered_cumulative"].tolist()[-1] == PUBLISHED["recovered_yuan"]


def test_money_by_month_as_of_counts_what_was_recovered_by_then(seeded_engine: Engine) -> None:
    """As of mid-July, only money recovered by then, each sum in the month it came back."""
    months = frame(seeded_engine, fetch_recovered_by_month, as_of=MID_RECTIFICATION)
    ledger = load_ledger(seeded_engine)
    expected = Counter()
    for problem in ledger.problems:
        day = ledger.recovery_day(problem)
        if problem.recovered_yuan and day <= MID_RECTIFICATION:
            expected[day.replace(day=1)] += problem.recovered_yuan
    assert dict(zip(months["month"], months["recovered_yuan"], strict=True)) == expected
    recovered = headline(seeded_engine, as_of=MID_RECTIFICATION).recovered_yuan
    assert months["recovered_cumulative"].tolist()[-1] == recovered
    assert 0 < recovered < PUBLISHED["recovered_yuan"]


def test_largest_recoveries(seeded_engine: Engine) -> None:
    """The top 20 problems by money, most first, as the ledger has them."""
    top = frame(seeded_engine, fetch_largest_recoveries)
    problems = load_ledger(seeded_engine).problems
    expected = sorted(problems, key=lambda p: (-p.recovered_yuan, p.code))[:20]
    assert top["code"].tolist() == [p.code for p in expected]
    assert top["recovered_yuan"].tolist() == [p.recovered_yuan for p in expected]
    assert top["recovered_yuan"].is_monotonic_decreasing


# ---------------------------------------------------------------- 问责情况


def test_accountability_adds_up_to_the_headline(seeded_engine: Engine) -> None:
    """Per category, by township and by month agree with the headline under each filter."""
    for changes in filter_cases(seeded_engine):
        expected = headline(seeded_engine, **changes)
        for fetch in (fetch_accountability_by_township, fetch_accountability_by_month):
            people = frame(seeded_engine, fetch, **changes)
            by_category = people.groupby("category")["people"].sum().to_dict()
            nonzero = {k: v for k, v in expected.accountable_by_category.items() if v}
            assert by_category == nonzero, (fetch, changes)
        totals = frame(seeded_engine, fetch_accountability_totals, **changes)
        assert totals.people == expected.accountable_people
        assert totals.sanctioned == expected.accountable_by_category["disciplinary_sanction"]
        assert totals.under_investigation == expected.accountable_by_category["under_investigation"]
        assert totals.organisations == expected.written_self_criticism_orgs


def test_published_accountability(seeded_engine: Engine) -> None:
    """177 people in the published split, 第一种形态 as the ledger has it, 2 organisations."""
    by_month = frame(seeded_engine, fetch_accountability_by_month)
    assert by_month.groupby("category")["people"].sum().to_dict() == PUBLISHED_BREAKDOWN
    pending = by_month[by_month["month"].isna()]
    assert set(pending["category"]) == {"under_investigation"}
    totals = frame(seeded_engine, fetch_accountability_totals)
    actions = load_ledger(seeded_engine).actions
    first_form = sum(a.form == 1 and a.category in PERSON_CATEGORIES for a in actions)
    assert totals.first_form == first_form
    assert totals.first_form_share == pytest.approx(first_form / 177)
    organisations = frame(seeded_engine, fetch_written_self_criticism)
    assert len(organisations) == PUBLISHED["written_self_criticism_orgs"] == 2
    assert organisations["organisation"].str.endswith("党支部").all()


def dual_check_oracle(engine: Engine) -> set[str]:
    """Codes of the problems with a direct and a leadership record of a person (in Python)."""
    ledger = load_ledger(engine)
    codes = {p.id: p.code for p in ledger.problems}
    sides: dict[int, set[bool]] = {}
    for action in ledger.actions:
        if action.problem_id is not None and action.category in PERSON_CATEGORIES:
            sides.setdefault(action.problem_id, set()).add(action.is_leadership_responsibility)
    return {codes[pid] for pid, seen in sides.items() if seen == {True, False}}


def test_dual_check_pairs_with_masked_names(seeded_engine: Engine) -> None:
    """一案双查: every paired problem once here, names masked for a viewer, full for admin."""
    expected = dual_check_oracle(seeded_engine)
    pairs = frame(seeded_engine, fetch_dual_check_pairs)
    assert set(pairs["problem_code"]) == expected
    assert frame(seeded_engine, fetch_accountability_totals).dual_check_problems == len(expected)
    for column in ("direct_name", "leader_name"):
        assert pairs[column].map(lambda name: name[1:] == MASK_CHAR * (len(name) - 1)).all()
    with session_scope(seeded_engine) as session:
        full = fetch_dual_check_pairs(session=session, flt=Filter(), role=ADMIN)
    assert not full["direct_name"].str.contains(MASK_CHAR, regex=False).any()
    assert [name[0] for name in full["leader_name"]] == [name[0] for name in pairs["leader_name"]]


# ---------------------------------------------------------------- 线索移交


def test_published_lead_funnel(seeded_engine: Engine) -> None:
    """40 leads → 1 case → 2 people → 1 sanctioned; each lead once with its outcome."""
    funnel = frame(seeded_engine, fetch_lead_funnel)
    assert funnel["count"].tolist() == [40, 1, 2, 1]
    leads = frame(seeded_engine, fetch_lead_outcomes)
    assert len(leads) == leads["code"].nunique() == 40
    assert (leads["outcome"] == "case_opened").sum() == 1
    assert leads["people_involved"].sum() == 2
    for fetch in (fetch_leads_by_township, fetch_leads_by_receiver):
        grouped = frame(seeded_engine, fetch)
        assert grouped["leads"].sum() == 40
        assert grouped.groupby("outcome")["leads"].sum().to_dict() == dict(
            Counter(leads["outcome"])
        )


def test_leads_follow_the_filter(seeded_engine: Engine) -> None:
    """The funnel and the lead rows match the headline under each filter."""
    for changes in filter_cases(seeded_engine):
        expected = headline(seeded_engine, **changes)
        funnel = frame(seeded_engine, fetch_lead_funnel, **changes)
        assert funnel["count"].tolist() == [
            expected.leads_transferred,
            expected.cases_opened,
            expected.case_people,
            expected.people_sanctioned,
        ], changes
        leads = frame(seeded_engine, fetch_lead_outcomes, **changes)
        assert len(leads) == expected.leads_transferred
        assert (leads["outcome"] == "case_opened").sum() == expected.cases_opened


def test_case_not_yet_opened_reads_as_pending(seeded_engine: Engine) -> None:
    """Before its case was opened, the case's lead is still being handled."""
    leads = frame(seeded_engine, fetch_lead_outcomes)
    opened_on = leads.loc[leads["outcome"] == "case_opened", "case_opened_on"].iloc[0]
    day_before = opened_on.fromordinal(opened_on.toordinal() - 1)
    earlier = frame(seeded_engine, fetch_lead_outcomes, as_of=day_before)
    assert "case_opened" not in set(earlier["outcome"])
    assert frame(seeded_engine, fetch_lead_funnel, as_of=day_before)["count"].iloc[1] == 0


# ---------------------------------------------------------------- 问题清单


def test_ledger_matches_the_headline(seeded_engine: Engine) -> None:
    """Rows, rectified and overdue flags of the ledger agree with the headline per filter."""
    for changes in filter_cases(seeded_engine):
        expected = headline(seeded_engine, **changes)
        rows = ledger_rows(seeded_engine, **changes)
        assert len(rows) == expected.problems_total == ledger_count(seeded_engine, "", **changes)
        assert (rows["status"] == "rectified").sum() == expected.problems_rectified
        assert rows["overdue"].sum() == expected.overdue, changes
        assert rows.loc[rows["overdue"], "status_label"].str.endswith("（已逾期）").all()
        assert rows["recovered_yuan"].sum() == expected.recovered_yuan


def test_status_matrix(seeded_engine: Engine) -> None:
    """Focus area × status adds up to the problems; the overdue column to the overdue ones."""
    for changes in filter_cases(seeded_engine):
        expected = headline(seeded_engine, **changes)
        matrix = frame(seeded_engine, fetch_status_by_focus_area, **changes)
        is_overdue = matrix["status"] == OVERDUE
        assert matrix.loc[~is_overdue, "problems"].sum() == expected.problems_total, changes
        assert matrix.loc[is_overdue, "problems"].sum() == expected.overdue, changes
        assert set(matrix.loc[is_overdue, "status_label"]) <= {"已逾期"}


def test_ledger_pages_cover_every_row_once(seeded_engine: Engine) -> None:
    """LIMIT/OFFSET pages in code order: disjoint, complete; other orders are real orders."""
    with session_scope(seeded_engine) as session:
        pages = [
            fetch_problem_ledger(session=session, flt=Filter(), limit=100, offset=offset)
            for offset in range(0, 500, 100)
        ]
        by_deadline = fetch_problem_ledger(session=session, flt=Filter(), sort="deadline")
        by_money = fetch_problem_ledger(session=session, flt=Filter(), sort="recovered")
    codes = [code for page in pages for code in page["code"]]
    assert codes == sorted(codes) and len(codes) == len(set(codes)) == 414
    assert [len(page) for page in pages] == [100, 100, 100, 100, 14]
    assert by_deadline["deadline"].dropna().is_monotonic_increasing
    assert by_money["recovered_yuan"].is_monotonic_decreasing
    assert (by_money["description"].str.len() <= 61).all()  # shortened, with an ellipsis


def test_search_finds_words_in_descriptions_and_measures(seeded_engine: Engine) -> None:
    """Every term must appear in the description, the measures or the code."""
    problems = load_ledger(seeded_engine).problems
    for term in ("截留", "一户一档", "ZY2018-01", "资金 村"):
        words = term.split()
        expected = [
            p.code
            for p in problems
            if all(w.lower() in f"{p.description}{p.measures}{p.code}".lower() for w in words)
        ]
        assert expected, term
        assert ledger_rows(seeded_engine, term)["code"].tolist() == sorted(expected), term
        assert ledger_count(seeded_engine, term) == len(expected)


def test_search_treats_wildcards_literally(writable_seeded_engine: Engine) -> None:
    """% and _ are searched for as characters, not LIKE wildcards."""
    engine = writable_seeded_engine
    assert ledger_count(engine, "%") == ledger_count(engine, "_") == 0
    with session_scope(engine, write=True) as session:
        for code, text in (("ZY2018-001", "完成率达100%"), ("ZY2018-002", "表格A_1缺失")):
            session.exec(update(Problem).where(Problem.code == code).values(description=text))
    assert ledger_rows(engine, "%")["code"].tolist() == ["ZY2018-001"]
    assert ledger_rows(engine, "0%")["code"].tolist() == ["ZY2018-001"]
    assert ledger_rows(engine, "A_1")["code"].tolist() == ["ZY2018-002"]
    assert ledger_count(engine, "A%1") == 0


# ---------------------------------------------------------------- nothing matches

PAGE_FRAMES = [
    fetch_recovered_by_township,
    fetch_recovered_by_sub_category,
    fetch_recovered_by_month,
    fetch_largest_recoveries,
    fetch_rules_by_township,
    fetch_accountability_by_township,
    fetch_accountability_by_month,
    fetch_dual_check_pairs,
    fetch_written_self_criticism,
    fetch_lead_outcomes,
    fetch_leads_by_township,
    fetch_leads_by_receiver,
    fetch_status_by_focus_area,
    fetch_problem_ledger,
]


@pytest.mark.parametrize("fetch", PAGE_FRAMES, ids=lambda fetch: fetch.__name__)
def test_filter_matching_nothing_gives_empty_frames(seeded_engine: Engine, fetch) -> None:
    """A filter that selects nothing gives empty frames with the usual columns."""
    full = frame(seeded_engine, fetch)
    empty = frame(seeded_engine, fetch, **NOTHING)
    assert not full.empty and empty.empty
    assert list(empty.columns) == list(full.columns)


def test_filter_matching_nothing_gives_zero_totals(seeded_engine: Engine) -> None:
    """Totals and the funnel are zeros, the ledger count too."""
    assert frame(seeded_engine, fetch_lead_funnel, **NOTHING)["count"].tolist() == [0, 0, 0, 0]
    funds = frame(seeded_engine, fetch_funds_totals, **NOTHING)
    assert (funds.recovered_yuan, funds.rules_improved, funds.problems_with_recovery) == (0, 0, 0)
    people = frame(seeded_engine, fetch_accountability_totals, **NOTHING)
    assert (people.people, people.organisations, people.dual_check_problems) == (0, 0, 0)
    assert people.first_form_share == 0.0
    assert ledger_count(seeded_engine, "", **NOTHING) == 0
