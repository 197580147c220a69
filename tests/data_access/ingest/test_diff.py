"""compute_diff and its preview tables: new / changed / unchanged, headline before → after."""

from __future__ import annotations

import dataclasses

from sqlalchemy.engine import Engine

from data_access.codes import STATUSES
from data_access.db import session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.diff import LedgerDiff, compute_diff
from data_access.ingest.errors import RowError
from data_access.ingest.headline_change import fetch_headline_figures
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.preview import (
    changes_frame,
    counts_frame,
    errors_frame,
    headline_frame,
    rows_frame,
)
from tests.support.edits import NEW_AMOUNT, RECTIFIED_ON, edit_weekly


def diff_of(engine: Engine, parsed: ParsedLedger) -> LedgerDiff:
    """compute_diff of parsed against engine's store."""
    with session_scope(engine) as session:
        return compute_diff(parsed, session=session)


def test_the_stored_ledger_diffs_as_all_unchanged(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    diff = diff_of(writable_seeded_engine, demo_parsed)
    assert not diff.has_changes
    assert diff.counts_by_sheet()["problems"] == {
        "new": 0,
        "changed": 0,
        "unchanged": len(demo_parsed.problems),
        "rejected": 0,
    }
    assert diff.before == diff.after


def test_changed_rows_name_each_field_with_old_and_new(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    edit = edit_weekly(demo_parsed)
    diff = diff_of(writable_seeded_engine, edit.parsed)
    problems = diff.sheets["problems"]
    assert [row.code for row in problems.new] == [edit.new_code]
    changed = {row.code: row.fields for row in problems.changed}
    old_status = changed[edit.rectified_code]["status"][0]
    assert changed[edit.rectified_code] == {
        "status": (old_status, "rectified"),
        "rectified_on": (None, RECTIFIED_ON),
    }
    assert changed[edit.amount_code]["recovered_yuan"][1] == NEW_AMOUNT
    assert set(changed[edit.amount_code]) == {"recovered_yuan"}
    assert diff.counts() == {
        "new": 1,
        "changed": 2,
        "unchanged": len(demo_parsed.problems)
        - 2
        + len(demo_parsed.accountability)
        + len(demo_parsed.leads),
        "rejected": 0,
    }


def test_preview_tables_show_labels_not_codes(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    edit = edit_weekly(demo_parsed)
    diff = diff_of(writable_seeded_engine, edit.parsed)
    with session_scope(writable_seeded_engine) as session:
        changes = changes_frame(diff, session=session)
    status_line = changes[(changes["编号"] == edit.rectified_code) & (changes["列"] == "整改状态")]
    assert status_line["新值"].tolist() == [STATUSES["rectified"]]
    date_line = changes[(changes["编号"] == edit.rectified_code) & (changes["列"] == "完成日期")]
    assert date_line[["原值", "新值"]].values.tolist() == [["", RECTIFIED_ON.isoformat()]]
    assert rows_frame(diff, "new")["编号"].tolist() == [edit.new_code]
    assert len(rows_frame(diff, "unchanged")) == diff.counts()["unchanged"]
    totals = counts_frame(diff).set_index("工作表").loc["合计"]
    assert (totals["新增"], totals["变更"]) == (1, 2)
    headline = headline_frame(diff).set_index("指标")
    assert headline.loc["问题总数", "导入后"] == f"{diff.after.problems_total:,}"


def test_a_changed_category_reads_as_its_rounds_name(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    """The preview names categories as the round does, never by their codes."""
    problems = demo_parsed.problems.copy()
    index = problems.index[problems["focus_area"] == "funds_projects"][0]
    problems.loc[index, "focus_area"] = "work_style"
    diff = diff_of(writable_seeded_engine, dataclasses.replace(demo_parsed, problems=problems))
    with session_scope(writable_seeded_engine) as session:
        changes = changes_frame(diff, session=session)
    line = changes[changes["列"] == "问题类别"]
    assert line[["原值", "新值"]].values.tolist() == [["扶贫资金项目落实", "扶贫领域“四风”"]]


def test_moving_a_person_to_an_organisation_measure_lowers_people_held_accountable(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    people = demo_parsed.accountability.copy()
    index = people.index[people["category"] == "reminder_talk"][0]
    people.loc[index, "category"] = "written_self_criticism"
    people.loc[index, "is_organisation"] = True
    people.loc[index, "form"] = None
    parsed = dataclasses.replace(demo_parsed, accountability=people)
    diff = diff_of(writable_seeded_engine, parsed)
    assert diff.after.accountable_people == diff.before.accountable_people - 1
    apply_ledger(parsed, engine=writable_seeded_engine, uploader="张录入")
    with session_scope(writable_seeded_engine) as session:
        assert fetch_headline_figures(session=session) == diff.after


def test_rejected_rows_are_counted_and_listed(
    writable_seeded_engine: Engine, demo_parsed: ParsedLedger
) -> None:
    errors = [
        RowError("整改台账", 7, "整改状态", "差不多", "无法识别的整改状态"),
        RowError("整改台账", 7, "完成日期", "明天", "无法识别的日期"),
        RowError("问责情况", 3, "姓名", "", "必填"),
    ]
    parsed = dataclasses.replace(
        demo_parsed, errors=errors, rejected_rows={"problems": {7}, "accountability": {3}}
    )
    diff = diff_of(writable_seeded_engine, parsed)
    assert diff.counts()["rejected"] == 2
    assert diff.counts_by_sheet()["accountability"]["rejected"] == 1
    table = errors_frame(diff.errors)
    assert table.columns.tolist() == ["工作表", "行号", "列", "值", "原因"]
    assert table.iloc[1].tolist() == ["整改台账", 7, "完成日期", "明天", "无法识别的日期"]
