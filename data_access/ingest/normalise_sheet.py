"""Normalising a sheet: raw cells -> a normalised frame (names resolved to ids) -> typed rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import repeat
from operator import is_

import numpy as np
import pandas as pd
from sqlalchemy import Column

from data_access.bulk.insert import column_default
from data_access.codes import ORG_CATEGORIES
from data_access.ingest.distinct import map_distinct, map_distinct_rows
from data_access.ingest.marks import MARK_COLUMNS
from data_access.ingest.normalise import Invalid, parser_for
from data_access.ingest.read import RawSheet
from data_access.ingest.records import LedgerModel
from data_access.ingest.resolve import NameBook
from data_access.models import AccountabilityAction, Lead, Problem
from i18n import t

ROW = "_row"
MODELS: dict[str, LedgerModel] = {
    "problems": Problem,
    "accountability": AccountabilityAction,
    "leads": Lead,
}
# Table columns a ledger file never sets: bookkeeping, and the round of a lead.
NOT_IN_FILE = {"id", "import_batch_id", "updated_at"}
# deadline_kind and found_on_inferred are no columns of a file either: the reader derives them
# (from 整改时限 as written, from a missing 发现日期; inferred.py). A lead's round is the batch's.
NOT_IN_FILE_BY_SHEET = {"leads": {"round_id"}}


def _output_fields(sheet_key: str) -> tuple[str, ...]:
    """The contract's frame columns: the table's own fields, problem_id named problem_code."""
    skipped = NOT_IN_FILE | NOT_IN_FILE_BY_SHEET.get(sheet_key, set())
    return tuple(
        "problem_code" if column.name == "problem_id" else column.name
        for column in MODELS[sheet_key].__table__.c
        if column.name not in skipped
    )


# The columns of ParsedLedger's frames, besides _row (in table order).
OUTPUT_FIELDS: dict[str, tuple[str, ...]] = {key: _output_fields(key) for key in MODELS}
# Output columns filled from a workbook column of another name (for headers in errors).
SOURCE_FIELDS = {
    "township_id": "township",
    "village_id": "village",
    "group_id": "group",
    "round_id": "round",
}


def model_column(sheet_key: str, field: str) -> Column | None:
    """The table column a frame column is stored in (problem_code -> problem.code)."""
    if field == "problem_code":
        return Problem.__table__.c["code"]
    return MODELS[sheet_key].__table__.c.get(field)


def normalise_sheet(raw: RawSheet) -> pd.DataFrame:
    """Every column of the sheet's spec, normalised (absent columns are all None), plus _row."""
    data: dict[str, list[object]] = {}
    for spec in raw.spec.columns:
        if spec.field == "seq":
            continue
        column = raw.columns.get(spec.field)
        if column is None:
            data[spec.field] = [None] * len(raw.rows)
        else:
            data[spec.field] = map_distinct(raw.values(spec.field), parser_for(spec, column.unit))
    frame = pd.DataFrame(data, dtype=object)
    frame[ROW] = raw.row_numbers
    return frame


def set_column(frame: pd.DataFrame, name: str, values: list[object]) -> None:
    """Store values as an object column (pandas would turn ints with None into floats)."""
    frame[name] = pd.Series(values, index=frame.index, dtype=object)


def coalesce(values: Iterable[object], fallbacks: Iterable[object]) -> list[object]:
    """values with each None replaced by the fallback at the same position."""
    return [f if v is None else v for v, f in zip(values, fallbacks, strict=True)]


def _ids(frame: pd.DataFrame, columns: list[str], lookup: Callable[..., object]) -> list[object]:
    """lookup(*values) per row when every value is usable, else None (once per distinct row)."""

    def resolve(*values: object) -> object:
        """lookup, unless a value is blank or unreadable (an unreadable name, the last
        value, is the row's error itself)."""
        if isinstance(values[-1], Invalid):
            return values[-1]
        if any(v is None or isinstance(v, Invalid) for v in values):
            return None
        return lookup(*values)

    return map_distinct_rows([frame[c] for c in columns], resolve)


def resolve_names(
    frame: pd.DataFrame, sheet_key: str, *, names: NameBook, round_id: int | None
) -> None:
    """Add township_id (and village_id, group_id, round_id for problems) to frame in place."""
    set_column(frame, "township_id", _ids(frame, ["township"], names.township_id))
    if sheet_key != "problems":
        return
    by_name = map_distinct(
        frame["round"],
        lambda n: names.round_id(n) if isinstance(n, str) else n,  # None, Invalid
    )
    default = names.newest_round_id if round_id is None else round_id
    rounds = [default if r is None else r for r in by_name]
    if round_id is not None:  # a row naming another round than the chosen one is an error
        rounds = map_distinct_rows([frame["round"], rounds], _same_round(names, round_id))
    set_column(frame, "round_id", rounds)
    set_column(frame, "village_id", _ids(frame, ["township_id", "village"], names.village_id))
    set_column(frame, "group_id", _ids(frame, ["round_id", "group"], names.group_id))


def _same_round(names: NameBook, chosen: int) -> Callable[[object, object], object]:
    """A check of (written name, resolved id): the id when it is the chosen round, else Invalid."""
    chosen_name = names.rounds[chosen].name if chosen in names.rounds else str(chosen)

    def check(written: object, resolved: object) -> object:
        """resolved, or Invalid when the row names another known round."""
        if isinstance(resolved, int) and resolved != chosen:
            reason = t("ingest.reason.other_round", written=written, chosen=chosen_name)
            return Invalid(str(written), reason)
        return resolved

    return check


def derive_accountability(frame: pd.DataFrame) -> None:
    """Accountability defaults: a stable code when absent; organisation by category."""
    derived = [
        _derived_code(problem, township, person)
        for problem, township, person in zip(
            frame["problem_code"], frame["township"], frame["person_name"], strict=True
        )
    ]
    set_column(frame, "code", coalesce(frame["code"], derived))
    by_category = [category in ORG_CATEGORIES for category in frame["category"]]
    set_column(frame, "is_organisation", coalesce(frame["is_organisation"], by_category))


def _derived_code(problem: object, township: object, person: object) -> str | None:
    """问题编号/姓名 (or 乡镇/姓名): the same row of a re-upload gets the same code."""
    if person is None or isinstance(person, Invalid):
        return None
    anchor = problem if isinstance(problem, str) else township
    return f"{anchor}/{person}" if isinstance(anchor, str) else None


def ensure_output_columns(frame: pd.DataFrame, sheet_key: str) -> None:
    """Add any contract column the sheet does not fill as blanks (its default applies)."""
    for field in OUTPUT_FIELDS[sheet_key]:
        if field not in frame.columns:
            set_column(frame, field, [None] * len(frame))


def output_frame(frame: pd.DataFrame, sheet_key: str) -> pd.DataFrame:
    """The valid rows with the contract's columns: defaults filled, Python types."""
    columns: dict[str, object] = {}
    for field in OUTPUT_FIELDS[sheet_key]:
        values = frame[field].tolist()
        column = model_column(sheet_key, field)
        default = _default(column)
        if default is not None:
            values = [default if v is None else v for v in values]
        columns[field] = _typed(values, column)
    for name in MARK_COLUMNS:  # which cells may change a stored row (marks.py)
        marks = frame[name].tolist() if name in frame.columns else [0] * len(frame)
        columns[name] = np.array(marks, dtype=np.int64)
    columns[ROW] = np.array(frame[ROW].tolist(), dtype=np.int64)
    return pd.DataFrame(columns, index=pd.RangeIndex(len(frame)))


def _default(column: Column | None) -> object:
    """The value a blank cell takes: the column default of a NOT NULL column."""
    if column is None or column.nullable:
        return None
    return column_default(column)


def _typed(values: list[object], column: Column | None) -> object:
    """A column of Python values: bool/int64 when never null, object otherwise (dates, ids)."""
    python_type = column.type.python_type if column is not None else str
    has_null = any(map(is_, values, repeat(None)))  # C-speed: no generator per cell
    if python_type is bool and not has_null:
        return np.array(values, dtype=bool)
    if python_type is int and not has_null:
        return np.array(values, dtype=np.int64)
    # Object columns, text included: pandas would copy text into Arrow strings, and every
    # reader of these frames wants the Python values back.
    return pd.Series(values, dtype=object)
