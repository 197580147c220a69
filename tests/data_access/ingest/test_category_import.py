"""A round's categories from its ledgers: the first defines them, later new ones wait on a yes.

A county office with its own categories (党的政治建设方面 …), from an empty store through
parse, apply and undo, and through the command line, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.__main__ import main
from data_access.categories import fetch_categories, fetch_category_labels
from data_access.db import session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.options import ImportOptions
from data_access.ingest.parse import ParsedLedger, parse_ledger
from data_access.ingest.undo import revert_batch
from data_access.ingest.writer import LedgerRejectedError
from data_access.models import County, Problem, ProblemCategory
from tests.support.ledger_files import SheetData, xlsx_bytes
from tests.support.office import add_round, region_records, regions_xlsx, upload_regions

ROUND = "2024年县委第二轮巡察"
HEADERS = ["问题编号", "乡镇", "问题类别", "问题子类", "问题描述", "整改状态", "发现日期"]
FOUND = date(2024, 4, 1)
POLITICAL, CADRES, INTEGRITY = "党的政治建设方面", "选人用人方面", "党风廉政建设方面问题"
# (category as written, sub-category as written); the numbering and 方面/问题 endings vary.
FIRST_FILE = (
    ("一、党的政治建设方面", "理论学习不深入"),
    ("（二）选人用人方面", "干部选拔程序不规范"),
    ("2.党风廉政建设方面问题", None),
    ("党的政治建设方面问题", "理论学习不深入"),
    ("一、党的政治建设", "“第一议题”制度落实不到位"),
    (None, None),  # 未分类
)
IDEOLOGY = "意识形态工作方面"


@pytest.fixture
def office(empty_engine: Engine) -> tuple[Engine, int]:
    """An office with its regions and one round without categories: (engine, round id)."""
    upload_regions(empty_engine, regions_xlsx(region_records()))
    with session_scope(empty_engine) as session:
        county_id = int(session.scalar(select(County.id)))
    return empty_engine, add_round(empty_engine, ROUND, "county", FOUND, (), county_id)


def ledger(rows: tuple, prefix: str = "A") -> bytes:
    """A problems sheet with one problem per (category, sub-category) pair."""
    cells = [
        [f"{prefix}-{n:03d}", "枞阳镇", area, sub, f"第{n}个问题", "整改中", FOUND]
        for n, (area, sub) in enumerate(rows, start=1)
    ]
    return xlsx_bytes(SheetData("整改台账", HEADERS, cells))


def parse(engine: Engine, data: bytes, round_id: int, **options) -> ParsedLedger:
    """parse_ledger in a read session, into round_id."""
    with session_scope(engine) as session:
        chosen = ImportOptions(round_id=round_id, **options)
        return parse_ledger(data, "台账.xlsx", session=session, options=chosen)


def categories(engine: Engine, round_id: int) -> list[tuple[str, str]]:
    """(parent code, label) of the round's categories in their order, each category's
    sub-categories after all categories, category by category."""
    with session_scope(engine) as session:
        frame = fetch_categories(session=session, round_ids=[round_id])
    pairs = list(zip(frame["parent_code"], frame["label"], strict=True))
    tops = [label for parent, label in pairs if parent == ""]
    return [("", top) for top in tops] + [
        (parent, label) for top in tops for parent, label in pairs if parent == top
    ]


def stored_areas(engine: Engine) -> dict[str, tuple[str, str]]:
    """Problem code -> (focus_area, sub_category) as stored."""
    with session_scope(engine) as session:
        rows = session.execute(select(Problem.code, Problem.focus_area, Problem.sub_category))
        return {code: (area, sub) for code, area, sub in rows}


def test_the_first_ledger_defines_the_rounds_categories(office: tuple[Engine, int]) -> None:
    engine, round_id = office
    parsed = parse(engine, ledger(FIRST_FILE), round_id)
    assert parsed.errors == [] and parsed.is_valid and parsed.consents == []
    assert "党的政治建设方面、选人用人方面、党风廉政建设方面问题" in "\n".join(parsed.notices)
    assert categories(engine, round_id) == []  # a preview writes nothing
    apply_ledger(parsed, engine=engine, uploader="uploader")
    assert categories(engine, round_id) == [
        ("", POLITICAL), ("", CADRES), ("", INTEGRITY),
        (POLITICAL, "理论学习不深入"), (POLITICAL, "“第一议题”制度落实不到位"),
        (CADRES, "干部选拔程序不规范"),
    ]  # fmt: skip
    assert stored_areas(engine) == {
        "A-001": (POLITICAL, "理论学习不深入"),
        "A-002": (CADRES, "干部选拔程序不规范"),
        "A-003": (INTEGRITY, ""),
        "A-004": (POLITICAL, "理论学习不深入"),
        "A-005": (POLITICAL, "“第一议题”制度落实不到位"),
        "A-006": ("", ""),
    }
    with session_scope(engine) as session:
        assert fetch_category_labels(session=session).label("") == "未分类"


def test_undo_removes_the_categories_the_import_created(office: tuple[Engine, int]) -> None:
    engine, round_id = office
    batch = apply_ledger(parse(engine, ledger(FIRST_FILE), round_id), engine=engine, uploader="u")
    revert_batch(batch.batch_id, engine=engine, actor="admin")
    assert categories(engine, round_id) == [] and stored_areas(engine) == {}


def test_undo_keeps_a_category_a_later_import_uses(office: tuple[Engine, int]) -> None:
    engine, round_id = office
    first = apply_ledger(parse(engine, ledger(FIRST_FILE), round_id), engine=engine, uploader="u")
    later = ledger((("选人用人方面", "干部选拔程序不规范"),), prefix="B")
    apply_ledger(parse(engine, later, round_id), engine=engine, uploader="u")
    revert_batch(first.batch_id, engine=engine, actor="admin")
    assert categories(engine, round_id) == [("", CADRES), (CADRES, "干部选拔程序不规范")]
    assert stored_areas(engine) == {"B-001": (CADRES, "干部选拔程序不规范")}


def test_a_new_category_waits_on_the_uploaders_yes(office: tuple[Engine, int]) -> None:
    engine, round_id = office
    apply_ledger(parse(engine, ledger(FIRST_FILE), round_id), engine=engine, uploader="u")
    data = ledger(((POLITICAL, None), ("四、意识形态工作方面", None), (IDEOLOGY, None)), "B")
    parsed = parse(engine, data, round_id)
    assert parsed.errors == [] and not parsed.is_valid
    [consent] = parsed.pending_consents
    assert consent.kind == "categories"
    assert "“意识形态工作方面”（第 3、4 行）" in consent.message
    with pytest.raises(LedgerRejectedError):
        apply_ledger(parsed, engine=engine, uploader="u")
    accepted = parse(engine, data, round_id, accept_new_categories=True)
    assert accepted.is_valid
    apply_ledger(accepted, engine=engine, uploader="u")
    assert [label for parent, label in categories(engine, round_id) if not parent] == [
        POLITICAL, CADRES, INTEGRITY, IDEOLOGY,
    ]  # fmt: skip
    assert stored_areas(engine)["B-002"] == (IDEOLOGY, "")


def test_a_new_category_mapped_onto_the_rounds_own(office: tuple[Engine, int]) -> None:
    engine, round_id = office
    apply_ledger(parse(engine, ledger(FIRST_FILE), round_id), engine=engine, uploader="u")
    data = ledger((("（一）政治建设", None), ("三、廉洁纪律方面", None)), "B")
    mapping = {"政治建设": POLITICAL, "廉洁纪律": "党风廉政建设方面"}
    parsed = parse(engine, data, round_id, category_map=mapping)
    assert parsed.is_valid and parsed.categories.new == []
    apply_ledger(parsed, engine=engine, uploader="u")
    assert stored_areas(engine)["B-001"] == (POLITICAL, "")
    assert stored_areas(engine)["B-002"] == (INTEGRITY, "")
    assert len(categories(engine, round_id)) == 6  # nothing added


def test_a_mapping_onto_a_name_the_round_lacks_is_a_row_error(office) -> None:
    engine, round_id = office
    apply_ledger(parse(engine, ledger(FIRST_FILE), round_id), engine=engine, uploader="u")
    data = ledger((("作风建设方面", None),), "B")
    parsed = parse(engine, data, round_id, category_map={"作风建设方面": "不存在的类别"})
    assert [(e.row, e.column, e.value) for e in parsed.errors] == [(2, "问题类别", "作风建设方面")]
    assert "不存在的类别" in parsed.errors[0].reason


def test_a_new_sub_category_waits_too(office: tuple[Engine, int]) -> None:
    engine, round_id = office
    apply_ledger(parse(engine, ledger(FIRST_FILE), round_id), engine=engine, uploader="u")
    parsed = parse(engine, ledger(((POLITICAL, "民主集中制执行不到位"),), "B"), round_id)
    assert [c.name for c in parsed.categories.waiting] == ["民主集中制执行不到位"]
    assert "党的政治建设方面 / 民主集中制执行不到位" in parsed.pending_consents[0].message


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """main() in this process: (exit code, stdout and stderr)."""
    code = main(["import", *args])
    out, err = capsys.readouterr()
    return code, out + err


def test_the_command_line_defines_refuses_accepts_and_maps(
    office: tuple[Engine, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine, _round_id = office
    url = engine.url.render_as_string(hide_password=False)
    first, later = tmp_path / "第一批.xlsx", tmp_path / "第二批.xlsx"
    first.write_bytes(ledger(FIRST_FILE))
    later.write_bytes(ledger(((IDEOLOGY, None), ("（五）作风建设", None)), "B"))
    base = ("--database-url", url, "--round", ROUND)
    code, out = run_cli(capsys, str(first), *base)
    assert code == 0 and "党的政治建设方面、选人用人方面、党风廉政建设方面问题" in out
    code, out = run_cli(capsys, str(later), *base, "--json")
    report = json.loads(out)
    assert code == 1 and not report["applied"]
    assert [c["name"] for c in report["new_categories"]] == [IDEOLOGY, "作风建设"]
    assert all(c["needs_consent"] for c in report["new_categories"])
    code, out = run_cli(capsys, str(later), *base)
    assert code == 1 and IDEOLOGY in out and "--accept-new-categories" in out
    mapped = ("--map-category", "作风建设=党风廉政建设方面", "--accept-new-categories")
    code, out = run_cli(capsys, str(later), *base, *mapped, "--json")
    report = json.loads(out)
    assert code == 0 and report["applied"]
    assert [c["mapped_to"] for c in report["new_categories"]] == [None, "党风廉政建设方面"]
    with session_scope(engine) as session:
        top = select(ProblemCategory.name).where(ProblemCategory.parent_code == "")
        names = session.scalars(top.order_by(ProblemCategory.ordinal))
        assert list(names) == [POLITICAL, CADRES, INTEGRITY, IDEOLOGY]
    assert stored_areas(engine)["B-002"] == (INTEGRITY, "")
    code, out = run_cli(capsys, str(later), *base, "--map-category", "没有等号")
    assert code == 1 and "没有等号" in out
