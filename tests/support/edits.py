"""Helpers: a ParsedLedger with the edits a weekly update typically brings."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

import pandas as pd

from data_access.ingest.parse import ParsedLedger

RECTIFIED_ON = date(2018, 8, 1)
NEW_CODE = "ZY2018-900"
NEW_AMOUNT = 123_456


@dataclass(frozen=True)
class WeeklyEdit:
    """What edit_weekly changed: the codes of the edited rows and the new one."""

    parsed: ParsedLedger
    rectified_code: str  # an open problem now rectified
    amount_code: str  # a problem whose recovered amount changed
    new_code: str  # a problem added by the file


def edit_weekly(parsed: ParsedLedger, *, file_name: str = "周报.xlsx") -> WeeklyEdit:
    """parsed with one problem rectified, one amount changed and one new problem."""
    problems = parsed.problems.copy()
    open_index = problems.index[problems["status"] != "rectified"][0]
    problems.loc[open_index, "status"] = "rectified"
    problems.at[open_index, "rectified_on"] = RECTIFIED_ON
    amount_index = problems.index[problems["status"] == "rectified"][0]
    problems.loc[amount_index, "recovered_yuan"] = NEW_AMOUNT
    new_row = problems.loc[[open_index]].assign(code=NEW_CODE, _row=len(problems) + 2)
    problems = pd.concat([problems, new_row], ignore_index=True)
    edited = dataclasses.replace(parsed, problems=problems, file_name=file_name, sha256="1" * 64)
    return WeeklyEdit(
        parsed=edited,
        rectified_code=str(problems.loc[open_index, "code"]),
        amount_code=str(problems.loc[amount_index, "code"]),
        new_code=NEW_CODE,
    )


def with_problem_changes(
    parsed: ParsedLedger, code: str, *, file_name: str, **values: object
) -> ParsedLedger:
    """parsed with some fields of one problem set (for a sequence of batches)."""
    problems = parsed.problems.copy()
    index = problems.index[problems["code"] == code][0]
    for name, value in values.items():
        problems.at[index, name] = value
    return dataclasses.replace(parsed, problems=problems, file_name=file_name)
