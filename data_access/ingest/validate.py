"""pandera schemas over the normalised frames; every failure becomes a RowError (lazy: all of them).

Cells that could not be read arrive as cell_values.Invalid values carrying their own reason;
the schema's "valid" check finds them, so one report holds both kinds of problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from data_access.codes import ACCOUNTABILITY_CATEGORIES, ORG_CATEGORIES
from data_access.ingest.cell_values import Invalid, raw_text, shown
from data_access.ingest.distinct import check_distinct, map_distinct
from data_access.ingest.errors import RowError, joined
from data_access.ingest.normalise_sheet import OUTPUT_FIELDS, ROW, SOURCE_FIELDS, model_column
from data_access.ingest.read import RawSheet
from i18n import t

VALID = "valid"
NOT_NULLABLE, UNIQUE = "not_nullable", "field_uniqueness"
FORM_OPTIONAL = frozenset({"under_investigation", *ORG_CATEGORIES})


@dataclass(frozen=True)
class FrameRule:
    """A rule across columns of a row, reported on one column."""

    key: str
    field: str
    reason: Callable[[pd.Series], str]  # the failing row -> reason in the UI language
    passes: Callable[[pd.DataFrame], pd.Series]  # True where the row is fine


def required_reason() -> str:
    """The reason of an empty required cell."""
    return t("ingest.reason.required")


def _dates(series: pd.Series) -> pd.Series:
    """Real dates as datetime64 (blank or unreadable -> NaT) for comparisons."""
    days = map_distinct(series, lambda v: v if type(v) is date else None)
    return pd.to_datetime(pd.Series(days, index=series.index, dtype=object))


def _not_before_found(field: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows where field is not earlier than found_on (or either is missing, or found_on is
    inferred: 立行立改 problems are fixed during the inspection, before its feedback date)."""
    return lambda frame: (
        ~(_dates(frame[field]) < _dates(frame["found_on"])) | frame["found_on_inferred"].eq(True)
    )


def _known_problem(known: set[str]) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows whose problem_code is blank or names a known problem."""
    return lambda frame: frame["problem_code"].isna() | frame["problem_code"].isin(known)


def _form_given(frame: pd.DataFrame) -> pd.Series:
    """Rows with a form, or whose category may go without one."""
    return (
        frame["form"].notna()
        | frame["category"].isin(FORM_OPTIONAL)
        | frame["category"].map(lambda v: not isinstance(v, str))
    )


PROBLEM_RULES = (
    FrameRule(
        "rectified_order",
        "rectified_on",
        lambda row: t("ingest.reason.rectified_before_found"),
        _not_before_found("rectified_on"),
    ),
    FrameRule(
        "deadline_order",
        "deadline",
        lambda row: t("ingest.reason.deadline_before_found"),
        _not_before_found("deadline"),
    ),
)
FORM_RULE = FrameRule(
    "form_required",
    "form",
    lambda row: t(
        "ingest.reason.form_required", category=ACCOUNTABILITY_CATEGORIES[row["category"]]
    ),
    _form_given,
)


def frame_rules(sheet_key: str, known_problems: set[str]) -> list[FrameRule]:
    """The cross-column rules of one sheet (links are checked against known_problems)."""
    if sheet_key == "problems":
        return list(PROBLEM_RULES)
    known_problem = FrameRule(
        "problem_known",
        "problem_code",
        lambda row: t("ingest.reason.unknown_problem", code=row["problem_code"]),
        _known_problem(known_problems),
    )
    return [known_problem, FORM_RULE] if sheet_key == "accountability" else [known_problem]


def _is_required(raw: RawSheet, field: str) -> bool:
    """Required by the workbook spec, or a NOT NULL column without a default."""
    source = SOURCE_FIELDS.get(field, field)
    spec_fields = {spec.field: spec for spec in raw.spec.columns}
    if source in spec_fields and spec_fields[source].required:
        return True
    column = model_column(raw.spec.key, field)
    if field in ("code", "problem_code", "round_id") or column is None:
        # derived (accountability code), an optional link, or checked for the whole file
        return False
    return not column.nullable and column.default is None


@dataclass(frozen=True)
class CellLimits:
    """What one column's cells must be: readable, at most length characters, not negative."""

    length: int | None
    non_negative: bool

    def passes(self, value: object) -> bool:
        """True for a cell within the limits (blank cells are); reason() in short."""
        if isinstance(value, str):
            return not self.length or len(value) <= self.length
        if type(value) is int:
            return value >= 0 or not self.non_negative
        return not isinstance(value, Invalid)

    def reason(self, value: object) -> str | None:
        """Why a cell is not within the limits, in the UI language (None: it is)."""
        if isinstance(value, Invalid):  # text is unreadable too with a control character
            return value.reason
        if self.length and isinstance(value, str) and len(value) > self.length:
            return t("ingest.reason.too_long", max=self.length)
        if self.non_negative and type(value) is int and value < 0:
            return t("ingest.reason.negative")
        return None


def cell_limits(raw: RawSheet, field: str) -> CellLimits:
    """The limits of one column: its type's length, not negative for money and counts."""
    source = SOURCE_FIELDS.get(field, field)
    spec_fields = {spec.field: spec for spec in raw.spec.columns}
    kind = spec_fields[source].kind if source in spec_fields else "text"
    column = model_column(raw.spec.key, field)
    length = getattr(column.type, "length", None) if column is not None else None
    return CellLimits(length, kind in ("yuan", "int"))


def _column_checks(raw: RawSheet, field: str) -> list[pa.Check]:
    """One check of each cell: readable, not too long, not negative (one pass per column:
    each check is a pass over the column's distinct values)."""
    limits = cell_limits(raw, field)
    return [_check(lambda series: check_distinct(series, limits.passes), VALID)]


def _check(test: Callable[..., pd.Series], name: str, error: str | None = None) -> pa.Check:
    """A pandera check that sees blank cells too (every test here passes them itself).

    pandera's default (ignore_na) finds the blanks of each column again for every check,
    and of the whole frame for a cross-column rule: most of the validation time of a
    100,000-row sheet (docs/performance.md).
    """
    return pa.Check(test, name=name, error=error or name, ignore_na=False)


def build_schema(raw: RawSheet, rules: list[FrameRule]) -> pa.DataFrameSchema:
    """The pandera schema of one normalised sheet."""
    columns = {
        field: pa.Column(
            object,
            nullable=not _is_required(raw, field),
            unique=field == "code",
            report_duplicates="all",
            checks=_column_checks(raw, field),
        )
        for field in OUTPUT_FIELDS[raw.spec.key]
    }
    checks = [_check(rule.passes, rule.key) for rule in rules]
    return pa.DataFrameSchema(columns, checks=checks, coerce=False, strict=False)


def validate_sheet(raw: RawSheet, frame: pd.DataFrame, rules: list[FrameRule]) -> list[RowError]:
    """Every problem of one normalised sheet as RowErrors, in row then column order."""
    try:
        build_schema(raw, rules).validate(frame, lazy=True)
    except SchemaErrors as exc:
        return _row_errors(raw, frame, exc.failure_cases, {rule.key: rule for rule in rules})
    return []


def _row_errors(
    raw: RawSheet, frame: pd.DataFrame, cases: pd.DataFrame, rules: dict[str, FrameRule]
) -> list[RowError]:
    """pandera failure cases as RowErrors (a cross-column failure once per row, not per column)."""
    found: dict[tuple[int, str, str], RowError] = {}
    order = {field: n for n, field in enumerate(OUTPUT_FIELDS[raw.spec.key])}
    for check, column, index in zip(cases["check"], cases["column"], cases["index"], strict=True):
        if index is None or pd.isna(index):
            continue
        field = rules[check].field if check in rules else str(column)
        reason = _reason(raw, str(check), frame, int(index), field, rules)
        if reason is None:
            continue
        row = int(frame.at[index, ROW])
        header = raw.header_of(SOURCE_FIELDS.get(field, field))
        value = _cell_text(raw, frame, int(index), SOURCE_FIELDS.get(field, field))
        found.setdefault((row, field, reason), RowError(raw.name, row, header, value, reason))
    return sorted(found.values(), key=lambda e: (e.row, order.get(_field_of(raw, e), 99)))


def _reason(
    raw: RawSheet,
    check: str,
    frame: pd.DataFrame,
    index: int,
    field: str,
    rules: dict[str, FrameRule],
) -> str | None:
    """The reason of one failure (None for failures another error already covers)."""
    value = frame.at[index, field]
    if check in rules:
        return rules[check].reason(frame.loc[index])
    if check == VALID:
        return cell_limits(raw, field).reason(value)
    if check == NOT_NULLABLE:
        return required_reason()
    if check == UNIQUE and isinstance(value, str):
        rows = frame.loc[frame[field] == value, ROW].tolist()
        return t("ingest.reason.duplicate", value=value, rows=joined(rows))
    return None


def _field_of(raw: RawSheet, error: RowError) -> str:
    """The frame column an error was reported on (by its header), for sorting."""
    in_file = {spec.field for spec in raw.spec.columns}
    for field in OUTPUT_FIELDS[raw.spec.key]:
        source = SOURCE_FIELDS.get(field, field)
        if source in in_file and raw.header_of(source) == error.column:
            return field
    return ""


def _cell_text(raw: RawSheet, frame: pd.DataFrame, index: int, field: str) -> str:
    """The cell as written in the file (the normalised value when the column is absent),
    control characters shown as codes."""
    column = raw.columns.get(field)
    if column is None:
        return shown(raw_text(frame.at[index, field]))
    row = raw.rows[index]
    return shown(raw_text(row[column.index] if column.index < len(row) else None).strip())
