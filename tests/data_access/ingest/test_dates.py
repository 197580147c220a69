"""Dates as offices write them: deadline forms and kinds, 已完成 without a date, no 发现日期."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.ingest.cell_dates import YearLess, deadline_kind, parse_deadline
from data_access.ingest.cell_values import Invalid
from i18n import t
from seed.published import FEEDBACK_ON
from tests.support.ledger_files import PROBLEMS, Parse, problem_records, sheet, xlsx_bytes

UPLOADED = date(2025, 4, 1)  # the upload's date: no title gives a 截至 date here
SHEET = PROBLEMS.name


@pytest.mark.parametrize(
    ("cell", "deadline", "kind"),
    [
        ("2025年3月底前", date(2025, 3, 31), "date"),
        ("2025年5月", date(2025, 5, 31), "date"),
        ("2024年2月", date(2024, 2, 29), "date"),
        ("今年年底前", date(2025, 12, 31), "date"),
        ("年底前", date(2025, 12, 31), "date"),
        ("2025.4.15", date(2025, 4, 15), "date"),
        ("2025年6月30日前", date(2025, 6, 30), "date"),
        ("6月底前", date(2025, 6, 30), "date"),
        ("9月15日前", date(2025, 9, 15), "date"),
        ("立行立改", None, "immediate"),
        ("长期坚持", None, "long_term"),
        ("持续推进", None, "long_term"),
        (None, None, ""),
    ],
)
def test_deadlines_as_written_and_their_kinds(
    parse: Parse, cell: object, deadline: date | None, kind: str
) -> None:
    records = problem_records(1)
    records[0].update({"整改时限": cell, "整改状态": "正在整改", "完成日期": None})
    parsed = parse(xlsx_bytes(sheet(SHEET, records)), today=UPLOADED)
    assert parsed.errors == []
    row = parsed.problems.iloc[0]
    assert (row["deadline"], row["deadline_kind"]) == (deadline, kind)


def test_a_deadline_without_its_year_waits_for_the_reference_year() -> None:
    assert parse_deadline("6月底前") == YearLess("6月底前", 6)
    assert parse_deadline("今年年底前").in_year(2026) == date(2026, 12, 31)
    assert isinstance(parse_deadline("2月30日前").in_year(2025), Invalid)
    assert isinstance(parse_deadline("2025年13月"), Invalid)
    assert deadline_kind("2025年13月") == ""


def test_rectified_without_a_date_takes_the_upload_date_with_one_notice(parse: Parse) -> None:
    records = problem_records(4)
    for record in records:
        record.update({"整改状态": "正在整改", "完成日期": None})
    for record in (records[0], records[2]):
        record.update({"整改状态": "已完成", "完成日期": None})
    records[3].update({"整改状态": "已完成", "完成日期": date(2018, 7, 1)})
    parsed = parse(xlsx_bytes(sheet(SHEET, records)), today=UPLOADED)
    assert parsed.errors == [] and parsed.is_valid
    dated = parsed.problems.set_index("_row")["rectified_on"].to_dict()
    assert dated == {2: UPLOADED, 3: None, 4: UPLOADED, 5: date(2018, 7, 1)}
    notice = t(
        "ingest.notice.rectified_dated",
        sheet=SHEET,
        rows="2、4",
        basis=t("ingest.notice.basis_upload"),
        day="2025-04-01",
    )
    assert [n for n in parsed.notices if "完成日期" in n] == [notice]


def test_without_a_found_date_column_the_round_feedback_date_is_inferred(parse: Parse) -> None:
    records = problem_records(3)
    # 立行立改: fixed during the inspection, before the feedback date; still a valid row.
    records[0].update({"整改状态": "已完成", "完成日期": date(2018, 5, 2), "整改时限": "立行立改"})
    headers = [h for h in PROBLEMS.headers if h != "发现日期"]
    parsed = parse(xlsx_bytes(sheet(SHEET, records, headers)), today=UPLOADED)
    assert parsed.errors == []
    assert set(parsed.problems["found_on"]) == {FEEDBACK_ON}
    assert parsed.problems["found_on_inferred"].tolist() == [True, True, True]
    assert parsed.problems.iloc[0]["rectified_on"] == date(2018, 5, 2) < FEEDBACK_ON


def test_a_blank_found_date_is_inferred_and_a_written_one_is_not(parse: Parse) -> None:
    records = problem_records(2)
    records[0]["发现日期"] = None
    parsed = parse(xlsx_bytes(sheet(SHEET, records)), today=UPLOADED)
    assert parsed.errors == []
    assert parsed.problems["found_on_inferred"].tolist() == [True, False]
    assert parsed.problems.iloc[0]["found_on"] == FEEDBACK_ON


def test_a_written_found_date_still_orders_the_completion(parse: Parse) -> None:
    records = problem_records(1)
    records[0].update({"整改状态": "已完成", "完成日期": date(2018, 5, 2), "发现日期": FEEDBACK_ON})
    errors = parse(xlsx_bytes(sheet(SHEET, records)), today=UPLOADED).errors
    assert [e.reason for e in errors] == [t("ingest.reason.rectified_before_found")]
