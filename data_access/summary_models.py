"""Summary tables: the ledger pre-aggregated, kept in step by every committed change.

Derived data only (data_access.summaries rebuilds them from the ledger tables inside the
transaction that bumps the data version); read by data_access.queries.facts when a Filter
asks only for what a summary can answer. Each has a region key, township or city, which
is also the unit it is refreshed by (summary_period_total has none: it is rebuilt whole).
No foreign keys: rows are deleted and rebuilt freely.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

PAST_DEADLINE = date(1900, 1, 1)  # summary_problem.open_deadline of deadlines already past


class ProblemSummary(SQLModel, table=True):
    """Problems per township, focus area, status and (while not rectified) deadline."""

    __tablename__ = "summary_problem"
    __table_args__ = (Index("ix_summary_problem_grain", "township_id", "focus_area", "status"),)
    id: int | None = Field(default=None, primary_key=True)
    township_id: int
    focus_area: str = Field(max_length=64)
    status: str = Field(max_length=16)
    # The deadline of problems not rectified, for overdue; 1900-01-01 when already past.
    open_deadline: date | None = None
    problems: int = 0
    recovered_yuan: int = 0
    rules_improved: int = 0
    with_recovery: int = 0  # problems with recovered_yuan > 0
    with_rules: int = 0  # problems with rules_improved > 0


class ProblemCitySummary(SQLModel, table=True):
    """summary_problem rolled up to cities: what a Filter without townships reads (a province's
    23,700 township rows are some 300 here; summing them was most of a default page)."""

    __tablename__ = "summary_problem_city"
    id: int | None = Field(default=None, primary_key=True)
    city_id: int = Field(index=True)
    focus_area: str = Field(max_length=64)
    status: str = Field(max_length=16)
    open_deadline: date | None = None
    problems: int = 0
    recovered_yuan: int = 0
    rules_improved: int = 0
    with_recovery: int = 0
    with_rules: int = 0


class ProblemStatusSummary(SQLModel, table=True):
    """summary_problem without the focus area: per township, status and open deadline, what
    the by-township figures read (a quarter of summary_problem's rows)."""

    __tablename__ = "summary_problem_status"
    id: int | None = Field(default=None, primary_key=True)
    township_id: int = Field(index=True)
    status: str = Field(max_length=16)
    open_deadline: date | None = None
    problems: int = 0
    recovered_yuan: int = 0
    rules_improved: int = 0
    with_recovery: int = 0
    with_rules: int = 0


class RoundSummary(SQLModel, table=True):
    """Problems per inspection round, township and status (轮次对比)."""

    __tablename__ = "summary_round"
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(index=True)
    township_id: int = Field(index=True)
    status: str = Field(max_length=16)
    problems: int = 0


class PeriodSummary(SQLModel, table=True):
    """Problems per city, focus area and period: the week found, the week rectified, the week
    and month money was recovered, the week rules were improved (queries.facts.PERIOD_KINDS)."""

    __tablename__ = "summary_period"
    __table_args__ = (Index("ix_summary_period_grain", "kind", "city_id", "focus_area"),)
    id: int | None = Field(default=None, primary_key=True)
    city_id: int
    focus_area: str = Field(max_length=64)
    kind: str = Field(max_length=16)  # one of queries.facts.PERIOD_KINDS
    period_start: date
    problems: int = 0
    recovered_yuan: int = 0
    with_recovery: int = 0
    rules_improved: int = 0


class PeriodTotalSummary(SQLModel, table=True):
    """summary_period for the whole province: per kind and period (the default Filter's
    weekly trend sums some 260 rows a kind here, 10,000 in summary_period)."""

    __tablename__ = "summary_period_total"
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16)
    period_start: date
    problems: int = 0
    recovered_yuan: int = 0
    with_recovery: int = 0
    rules_improved: int = 0


class SubCategorySummary(SQLModel, table=True):
    """Problems and money per city, focus area and sub-category."""

    __tablename__ = "summary_sub_category"
    id: int | None = Field(default=None, primary_key=True)
    city_id: int = Field(index=True)
    focus_area: str = Field(max_length=64)
    sub_category: str = Field(max_length=64)
    problems: int = 0
    recovered_yuan: int = 0
    with_recovery: int = 0


class ActionSummary(SQLModel, table=True):
    """Accountability records per township, category and 四种形态 form."""

    __tablename__ = "summary_action"
    id: int | None = Field(default=None, primary_key=True)
    township_id: int = Field(index=True)
    category: str = Field(max_length=32)
    form: int | None = None
    actions: int = 0


class ActionMonthSummary(SQLModel, table=True):
    """Accountability records per city, month decided (None while pending), category, form."""

    __tablename__ = "summary_action_month"
    id: int | None = Field(default=None, primary_key=True)
    city_id: int = Field(index=True)
    month: date | None = None
    category: str = Field(max_length=32)
    form: int | None = None
    actions: int = 0


class DualCheckSummary(SQLModel, table=True):
    """一案双查 per township: problems with both records there, and problems spanning townships."""

    __tablename__ = "summary_dual_check"
    id: int | None = Field(default=None, primary_key=True)
    township_id: int = Field(index=True)
    problems: int = 0  # a direct and a leadership record of a person, both in this township
    split_problems: int = 0  # problems with people's records here and in another township


class LeadSummary(SQLModel, table=True):
    """Leads per township, outcome (pending until a case exists) and receiving body."""

    __tablename__ = "summary_lead"
    id: int | None = Field(default=None, primary_key=True)
    township_id: int = Field(index=True)
    outcome: str = Field(max_length=16)
    transferred_to: str = Field(max_length=128)
    leads: int = 0
    cases: int = 0
    case_people: int = 0
    people_sanctioned: int = 0


SummaryModel = (
    type[ProblemSummary]
    | type[RoundSummary]
    | type[PeriodSummary]
    | type[SubCategorySummary]
    | type[ActionSummary]
    | type[ActionMonthSummary]
    | type[DualCheckSummary]
    | type[LeadSummary]
    | type[ProblemCitySummary]
    | type[ProblemStatusSummary]
    | type[PeriodTotalSummary]
)
SUMMARY_MODELS: tuple[SummaryModel, ...] = (
    ProblemSummary,
    RoundSummary,
    PeriodSummary,
    SubCategorySummary,
    ActionSummary,
    ActionMonthSummary,
    DualCheckSummary,
    LeadSummary,
    ProblemCitySummary,  # these two are built from summary_problem, so after it
    ProblemStatusSummary,
    PeriodTotalSummary,  # from summary_period; no region key: always rebuilt whole
)
