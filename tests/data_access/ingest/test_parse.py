"""parse_ledger end to end: the contract's frames, round choice, defaults, and a property test."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.marks import MARK_COLUMNS
from data_access.ingest.records import LEDGER_TABLES
from data_access.models import InspectionRound, Township
from i18n import t
from tests.support.ledger_files import (
    ACCOUNTABILITY,
    PROBLEMS,
    Parse,
    accountability_record,
    csv_bytes,
    ledger_bytes,
    problem_records,
    sheet,
    xlsx_bytes,
)


def demo_round(engine: Engine) -> InspectionRound:
    """The seeded demo round."""
    with session_scope(engine) as session:
        return session.scalars(select(InspectionRound)).one()


def test_the_frames_follow_the_contract(parse: Parse) -> None:
    data = ledger_bytes(30)
    parsed = parse(data, "周报.xlsx")
    assert parsed.errors == [] and parsed.is_valid
    assert parsed.file_name == "周报.xlsx"
    assert parsed.sha256 == hashlib.sha256(data).hexdigest()
    # Exactly the fields the apply side compares and stores, plus code and _row.
    for ledger_table in LEDGER_TABLES:
        frame = getattr(parsed, ledger_table.sheet)
        assert list(frame.columns) == ["code", *ledger_table.fields, *MARK_COLUMNS, "_row"]
    assert (len(parsed.problems), len(parsed.accountability), len(parsed.leads)) == (30, 6, 3)
    assert parsed.rejected_rows == {"problems": set(), "accountability": set(), "leads": set()}


def test_values_are_plain_python_types(parse: Parse) -> None:
    parsed = parse(ledger_bytes(20))
    for record in parsed.problems.to_dict("records"):
        assert type(record["found_on"]) is date
        assert record["rectified_on"] is None or type(record["rectified_on"]) is date
        assert type(record["recovered_yuan"]) is int and type(record["rules_improved"]) is int
        assert type(record["closed"]) is bool
        assert type(record["township_id"]) is int and type(record["round_id"]) is int
        assert record["village_id"] is None or type(record["village_id"]) is int
        assert record["status"] in ("rectified", "basically_done", "in_progress", "not_started")
        assert record["closed"] == (record["status"] == "rectified")
    person = parsed.accountability.to_dict("records")[0]
    assert (person["category"], person["form"], person["is_organisation"]) == (
        "admonishment",
        1,
        False,
    )


def test_names_resolve_to_the_seeded_ids(parse: Parse, seeded_engine: Engine) -> None:
    records = problem_records(2)
    records[0].update({"乡镇": "欧山镇", "村": None})
    records[1].update({"乡镇": "钱 桥", "村": "邹姚"})
    parsed = parse(xlsx_bytes(sheet(PROBLEMS.name, records)))
    assert parsed.errors == []
    with session_scope(seeded_engine) as session:
        ids = dict(session.execute(select(Township.name, Township.id)).all())
    assert parsed.problems["township_id"].tolist() == [ids["藕山镇"], ids["钱桥镇"]]
    assert parsed.problems["village_id"].tolist()[0] is None
    assert isinstance(parsed.problems["village_id"].tolist()[1], int)


def test_found_on_defaults_to_the_rounds_feedback_day(parse: Parse, seeded_engine) -> None:
    headers = [h for h in PROBLEMS.headers if h not in ("发现日期", "巡察轮次")]
    parsed = parse(xlsx_bytes(sheet(PROBLEMS.name, problem_records(3), headers)))
    demo = demo_round(seeded_engine)
    assert parsed.errors == []
    assert parsed.round_id == demo.id
    assert set(parsed.problems["found_on"]) == {demo.feedback_on or demo.started_on}


def test_a_given_round_wins_over_the_newest(parse: Parse, seeded_engine: Engine) -> None:
    demo = demo_round(seeded_engine)
    parsed = parse(xlsx_bytes(sheet(PROBLEMS.name, problem_records(2))), round_id=demo.id)
    assert parsed.round_id == demo.id
    assert set(parsed.problems["round_id"]) == {demo.id}


def test_accountability_codes_are_derived_when_absent(parse: Parse) -> None:
    problems = problem_records(2)
    people = [
        accountability_record(problems[0], "张三"),
        accountability_record(problems[1], "李四"),
    ]
    people[1]["关联问题编号"] = None
    headers = [h for h in ACCOUNTABILITY.headers if h != "问责编号"]
    parsed = parse(
        xlsx_bytes(sheet(PROBLEMS.name, problems), sheet(ACCOUNTABILITY.name, people, headers))
    )
    assert parsed.errors == []
    assert parsed.accountability["code"].tolist() == [
        "T2018-000001/张三",
        f"{problems[1]['乡镇']}/李四",
    ]


def test_organisation_defaults_from_the_category(parse: Parse) -> None:
    problems = problem_records(1)
    row = accountability_record(problems[0], "某村党支部")
    row.update({"处理方式": "书面检查", "形态": None, "是否组织": None})
    data = xlsx_bytes(sheet(PROBLEMS.name, problems), sheet(ACCOUNTABILITY.name, [row]))
    parsed = parse(data)
    assert parsed.errors == []
    assert parsed.accountability["is_organisation"].tolist() == [True]
    assert parsed.accountability["form"].tolist() == [None]


def test_an_unsafe_file_raises_before_parsing(parse: Parse) -> None:
    with pytest.raises(FileRejectedError) as caught:
        parse(b"", "空.xlsx")
    assert caught.value.message == t("ingest.file.empty")
    with pytest.raises(FileRejectedError):
        parse(ledger_bytes(5), max_bytes=100)


# (header, bad value) pairs: each one makes its row invalid, whatever the rest of the row holds.
SPOILERS = [
    ("乡镇", "不存在镇"),
    ("乡镇", None),
    ("村", "不存在村"),
    ("巡察组", "第九组"),
    ("问题编号", None),
    ("问题描述", "  "),
    ("整改状态", "不清楚"),
    ("发现日期", "2018/99/99"),
    ("整改时限", date(2017, 1, 1)),
    ("挽回损失(元)", "-5"),
    ("挽回损失(元)", "一些钱"),
    ("完善制度数", 2.5),
    ("是否销号", "说不好"),
    ("巡察轮次", "不存在的轮次"),
]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    count=st.integers(min_value=1, max_value=8),
    seed=st.integers(min_value=0, max_value=10_000),
    spoiled=st.integers(min_value=0, max_value=7),
    spoiler=st.sampled_from(SPOILERS),
    encoding=st.sampled_from(["xlsx", "utf-8", "utf-8-sig", "gbk"]),
)
def test_one_bad_cell_is_always_reported_on_its_row(
    parse: Parse,
    count: int,
    seed: int,
    spoiled: int,
    spoiler: tuple[str, object],
    encoding: str,
) -> None:
    records = problem_records(count, seed)
    clean = ledger_file(records, encoding)
    assert parse(clean, "clean").errors == []
    index = spoiled % count
    header, bad = spoiler
    records[index][header] = bad
    parsed = parse(ledger_file(records, encoding), "spoiled")
    excel_row = index + 2
    assert any(error.row == excel_row for error in parsed.errors), parsed.errors
    assert parsed.rejected_rows["problems"] == {excel_row}
    assert excel_row not in parsed.problems["_row"].tolist()
    assert len(parsed.problems) == count - 1


def ledger_file(records: list[dict[str, object]], encoding: str) -> bytes:
    """The problems sheet as xlsx, or as CSV in an encoding."""
    data = sheet(PROBLEMS.name, records)
    return xlsx_bytes(data) if encoding == "xlsx" else csv_bytes(data, encoding)


def test_a_file_named_for_another_format_is_refused(parse: Parse) -> None:
    with pytest.raises(FileRejectedError) as caught:
        parse(ledger_bytes(3), "其实是工作簿.csv")
    real = t("ingest.kind.xlsx")
    assert caught.value.message == t("ingest.file.wrong_extension", extension=".csv", real=real)


def test_without_an_extension_the_content_decides(parse: Parse) -> None:
    parsed = parse(ledger_bytes(3), "台账")
    assert parsed.errors == []
    assert len(parsed.problems) == 3


def test_sheets_absent_from_the_file_are_empty_frames_with_the_same_columns(parse: Parse) -> None:
    parsed = parse(xlsx_bytes(sheet(PROBLEMS.name, problem_records(2))))
    assert parsed.errors == []
    for ledger_table in LEDGER_TABLES:
        frame = getattr(parsed, ledger_table.sheet)
        assert list(frame.columns) == ["code", *ledger_table.fields, *MARK_COLUMNS, "_row"]
    assert parsed.accountability.empty and parsed.leads.empty
