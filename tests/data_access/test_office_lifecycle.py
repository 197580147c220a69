"""A new office from an empty store: regions → rounds → ledgers → figures; merges between rounds."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.models import County, Township
from data_access.queries import fetch_headline
from data_access.queries.rounds import fetch_round_comparison, fetch_round_totals
from tests.support.office import (
    MERGED_ON,
    RECOVERED_YUAN,
    ROUND_1,
    ROUND_1_BY_TOWNSHIP,
    ROUND_1_PROBLEMS,
    ROUND_1_ROLLED_UP,
    ROUND_1_TOTAL,
    ROUND_2,
    ROUND_2_PROBLEMS,
    ROUND_2_TOTAL,
    Expected,
    add_round,
    by_township,
    ledger_xlsx,
    parse_ledger_bytes,
    problem_records,
    region_records,
    regions_xlsx,
    upload_ledger,
    upload_regions,
)

GROUPS = ("第一巡察组", "第二巡察组")


def county_id(engine: Engine) -> int:
    """The office's one county."""
    with session_scope(engine) as session:
        return int(session.scalar(select(County.id)))


def township_ids(engine: Engine) -> dict[str, int]:
    """Township id by name."""
    with session_scope(engine) as session:
        return dict(session.execute(select(Township.name, Township.id)).all())


def headline(engine: Engine, flt: Filter) -> Expected:
    """The headline's problems and rectified problems for flt."""
    with session_scope(engine) as session:
        figures = fetch_headline(session=session, flt=flt)
    return Expected(figures.problems_total, figures.problems_rectified)


def build_first_round(engine: Engine) -> int:
    """Empty store → regions upload → round 1 with two groups → round-1 ledger; its id."""
    upload_regions(engine, regions_xlsx(region_records()))
    round_id = add_round(engine, ROUND_1, "city", date(2018, 4, 16), GROUPS, county_id(engine))
    records = problem_records("ZY2018", ROUND_1_PROBLEMS, date(2018, 6, 8))
    assert upload_ledger(engine, ledger_xlsx(records), round_id) is not None
    return round_id


@pytest.fixture
def first_round(built_engine) -> tuple[Engine, int]:
    """A fresh copy of the store after round 1's ledger (built once per worker and backend)."""
    return built_engine("lifecycle-first-round", build_first_round)


def test_empty_store_to_first_figures(first_round: tuple[Engine, int]) -> None:
    engine, round_id = first_round
    with session_scope(engine) as session:
        figures = fetch_headline(session=session, flt=Filter())
    assert (figures.problems_total, figures.problems_rectified) == (10, 6)
    assert figures.completion_rate == pytest.approx(0.6)
    assert figures.recovered_yuan == 6 * RECOVERED_YUAN
    assert headline(engine, Filter(rounds=(round_id,))) == ROUND_1_TOTAL
    assert by_township(engine, Filter()) == ROUND_1_BY_TOWNSHIP


def test_a_merge_between_rounds_keeps_both_rounds_right(first_round: tuple[Engine, int]) -> None:
    engine, round_1 = first_round
    upload_regions(engine, regions_xlsx(region_records(merged=True)))
    ids = township_ids(engine)
    with session_scope(engine) as session:
        merged = session.get(Township, ids["铁铜乡"])
        assert (merged.valid_to, merged.merged_into_id) == (MERGED_ON, ids["枞阳镇"])
    round_2 = add_round(engine, ROUND_2, "county", date(2022, 4, 1), GROUPS, county_id(engine))
    records = problem_records("ZY2022", ROUND_2_PROBLEMS, date(2022, 6, 1))
    upload_ledger(engine, ledger_xlsx(records), round_2)

    assert headline(engine, Filter(rounds=(round_1,))) == ROUND_1_TOTAL
    assert headline(engine, Filter(rounds=(round_2,))) == ROUND_2_TOTAL
    assert headline(engine, Filter()) == Expected(17, 10)
    # Round 1 still shows 铁铜乡 under its own name; asked for, it rolls up into 枞阳镇.
    assert by_township(engine, Filter(rounds=(round_1,))) == ROUND_1_BY_TOWNSHIP
    assert by_township(engine, Filter(rounds=(round_1,), rollup=True)) == ROUND_1_ROLLED_UP
    # Choosing 枞阳镇 with rollup takes in 铁铜乡's history; without it, 枞阳镇 alone.
    zongyang = Filter(rounds=(round_1,), townships=(ids["枞阳镇"],))
    assert headline(engine, zongyang) == Expected(3, 2)
    assert headline(engine, zongyang.with_(rollup=True)) == Expected(7, 5)


def test_after_a_merge_new_problems_must_name_the_new_township(
    first_round: tuple[Engine, int],
) -> None:
    engine, round_1 = first_round
    upload_regions(engine, regions_xlsx(region_records(merged=True)))
    round_2 = add_round(engine, ROUND_2, "county", date(2022, 4, 1), GROUPS, county_id(engine))
    late = problem_records("ZY2022", (("铁铜乡", "铁铜村", "未启动"),), date(2022, 6, 1))
    [error] = parse_ledger_bytes(engine, ledger_xlsx(late), round_2).errors
    assert (error.row, error.column, error.value) == (2, "乡镇", "铁铜乡")
    assert error.reason == "乡镇“铁铜乡”已于 2021-01-01 并入“枞阳镇”，此后发现的问题请填写“枞阳镇”"
    # The round-1 ledger, found before the merge, still reads as it was (nothing changes).
    before = problem_records("ZY2018", ROUND_1_PROBLEMS, date(2018, 6, 8))
    assert upload_ledger(engine, ledger_xlsx(before), round_1) is None


def test_round_comparison_puts_two_rounds_side_by_side(first_round: tuple[Engine, int]) -> None:
    engine, round_1 = first_round
    upload_regions(engine, regions_xlsx(region_records(merged=True)))
    round_2 = add_round(engine, ROUND_2, "county", date(2022, 4, 1), GROUPS, county_id(engine))
    records = problem_records("ZY2022", ROUND_2_PROBLEMS, date(2022, 6, 1))
    upload_ledger(engine, ledger_xlsx(records), round_2)
    with session_scope(engine) as session:
        totals = fetch_round_totals(session=session, flt=Filter())
        plain = fetch_round_comparison(session=session, flt=Filter())
        rolled = fetch_round_comparison(session=session, flt=Filter(rollup=True))
    assert totals["round"].tolist() == [ROUND_1, ROUND_2]  # the previous round first
    assert totals["problems_total"].tolist() == [10, 7]
    assert totals["completion_rate"].tolist() == pytest.approx([0.6, 4 / 7])
    cells = {
        (r.township, r.round): (r.problems_total, r.problems_rectified) for r in plain.itertuples()
    }
    assert cells[("铁铜乡", ROUND_1)] == (4, 3)
    assert cells[("枞阳镇", ROUND_1)] == (3, 2)
    assert cells[("枞阳镇", ROUND_2)] == (5, 3)
    rolled_cells = {
        (r.township, r.round): (r.problems_total, r.problems_rectified) for r in rolled.itertuples()
    }
    assert "铁铜乡" not in set(rolled["township"])
    assert rolled_cells[("枞阳镇", ROUND_1)] == (7, 5)
    assert rolled_cells[("枞阳镇", ROUND_2)] == (5, 3)
    chosen = Filter(rounds=(round_1,))
    with session_scope(engine) as session:
        only_first = fetch_round_totals(session=session, flt=chosen)
    assert only_first["round"].tolist() == [ROUND_1]


def test_unknown_places_are_refused_with_suggestions(first_round: tuple[Engine, int]) -> None:
    engine, round_id = first_round
    places = (
        ("雨潭乡", None, "未启动"),
        ("钱桥镇", "东门村", "未启动"),
        ("钱桥镇", "钱桥", "未启动"),
    )
    rows = problem_records("ZY2018-X", places, date(2018, 6, 8))
    rows[1]["巡察组"] = "第五组"
    parsed = parse_ledger_bytes(engine, ledger_xlsx(rows), round_id)
    reasons = {(e.row, e.column): e.reason for e in parsed.errors}
    assert reasons[(2, "乡镇")] == "未知乡镇“雨潭乡”，是否为：雨坛乡？"
    assert reasons[(3, "村")].startswith("未知村“东门村”（钱桥镇）：系统中的“东门村”属于枞阳镇")
    assert "未知巡察组“第五组”" in reasons[(3, "巡察组")]
    assert (4, "村") not in reasons  # 钱桥 is 钱桥村: the one village it can mean
    assert parsed.problems.empty or set(parsed.problems["code"]) == {"ZY2018-X-003"}
    assert headline(engine, Filter()) == ROUND_1_TOTAL  # nothing was created


def test_a_row_naming_another_round_than_the_chosen_one_is_an_error(
    first_round: tuple[Engine, int],
) -> None:
    engine, round_1 = first_round
    round_2 = add_round(engine, ROUND_2, "county", date(2022, 4, 1), GROUPS, county_id(engine))
    rows = problem_records("ZY2022", ROUND_2_PROBLEMS[:2], date(2022, 6, 1))
    rows[0]["巡察轮次"] = ROUND_1
    parsed = parse_ledger_bytes(engine, ledger_xlsx(rows), round_2)
    [error] = parsed.errors
    assert (error.row, error.column, error.value) == (2, "巡察轮次", ROUND_1)
    assert "与所选轮次“2022年县委巡察”不一致" in error.reason
    by_file = parse_ledger_bytes(engine, ledger_xlsx(rows), None)
    assert by_file.errors == []
    assert by_file.problems["round_id"].tolist() == [round_1, round_2]  # blank → the newest


def test_scoped_uploader_writes_only_their_townships(first_round: tuple[Engine, int]) -> None:
    engine, round_id = first_round
    ids = township_ids(engine)
    rows = problem_records("ZY2018", ROUND_1_PROBLEMS[4:6], date(2018, 6, 8))  # 枞阳镇 rows
    rows.append(problem_records("ZY2018-N", (("钱桥镇", None, "未启动"),), date(2018, 6, 8))[0])
    scope = (ids["钱桥镇"],)
    parsed = parse_ledger_bytes(engine, ledger_xlsx(rows), round_id, scope)
    refused = {(e.row, e.column, e.reason) for e in parsed.errors}
    assert (2, "乡镇", "超出您的乡镇权限") in refused
    assert (3, "乡镇", "超出您的乡镇权限") in refused
    assert parsed.problems["code"].tolist() == ["ZY2018-N-001"]
    # A row of their township that reuses the code of another township's problem is refused.
    rows[0]["乡镇"] = "钱桥镇"
    parsed = parse_ledger_bytes(engine, ledger_xlsx(rows), round_id, scope)
    assert any(e.row == 2 and e.column == "问题编号" for e in parsed.errors)
