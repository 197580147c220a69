"""One problem in full: its ledger fields, status history, accountability records and leads."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

import pandas as pd
from sqlalchemy import and_, or_, select, true
from sqlmodel import Session

from data_access.categories import fetch_category_labels
from data_access.codes import (
    ACCOUNTABILITY_CATEGORIES,
    COMPLETED_STATUS,
    DEADLINE_KIND_LABELS,
    FORMS,
    LEAD_OUTCOMES,
    STATUSES,
)
from data_access.filters import Filter
from data_access.formatting import MISSING, format_int, format_yuan_in_full
from data_access.ingest.columns import PROBLEMS, ColumnSpec
from data_access.ingest.preview import column_title
from data_access.models import (
    AccountabilityAction,
    Case,
    City,
    County,
    InspectionGroup,
    InspectionRound,
    Lead,
    Problem,
    StatusEvent,
    Township,
    Village,
)
from data_access.queries.as_of import problem_status_as_of
from data_access.queries.conditions import (
    overdue_clause,
    overdue_deadline,
)
from data_access.queries.dated import recovered_as_of, rules_as_of
from data_access.queries.labels import label_codes
from data_access.queries.overview import to_frame
from data_access.roles import PERSON_NAME_FIELDS, display_name_for
from i18n import t

__all__ = [
    "ProblemDetail",
    "fetch_problem_accountability",
    "fetch_problem_detail",
    "fetch_problem_leads",
    "fetch_problem_timeline",
    "ledger_fields",
]

NAME_COLUMNS = {
    "round": InspectionRound.name,
    "group": InspectionGroup.name,
    "township": Township.name,
    "village": Village.name,
}
# Stored beside the ledger columns, read to show them (ProblemDetail.shown).
EXTRA_COLUMNS = {
    "problem_round_id": Problem.round_id,
    "found_on_inferred": Problem.found_on_inferred,
    "deadline_kind": Problem.deadline_kind,
}
REGION_COLUMNS = {
    "township_id": Township.id,
    "village_id": Village.id,
    "county_id": County.id,
    "county": County.name,
    "city_id": City.id,
    "city": City.name,
}


@dataclass(frozen=True)
class ProblemDetail:
    """A ledger row by field name (names for round/group/township/village), and its region."""

    values: dict[str, object]  # every PROBLEMS column's field (status as of the Filter's day)
    region: dict[str, object]  # REGION_COLUMNS: ids and names for the breadcrumb
    overdue: bool
    # The text of fields whose value alone does not say it all: the category as its round
    # names it, a date found that was inferred, a deadline that is 立行立改 or 长期坚持.
    shown: dict[str, str] = dataclass_field(default_factory=dict)


def _problem_query(flt: Filter, code: str):
    """The select of one problem's fields, names, region and as-of status."""
    status = problem_status_as_of(flt)
    fields = [c.field for c in PROBLEMS.columns if c.field not in ("seq", "status")]
    known = {"recovered_yuan": recovered_as_of(flt), "rules_improved": rules_as_of(flt)}
    columns = [
        known[f] if f in known else NAME_COLUMNS[f] if f in NAME_COLUMNS else getattr(Problem, f)
        for f in fields
    ]
    return fields, (
        select(
            *[column.label(field) for field, column in zip(fields, columns, strict=True)],
            status.label("status"),
            overdue_clause(status, overdue_deadline(), flt).label("overdue"),
            *[column.label(name) for name, column in REGION_COLUMNS.items()],
            *[column.label(name) for name, column in EXTRA_COLUMNS.items()],
        )
        .join(InspectionRound, InspectionRound.id == Problem.round_id)
        .outerjoin(InspectionGroup, InspectionGroup.id == Problem.group_id)
        .join(Township, Township.id == Problem.township_id)
        .join(County, County.id == Township.county_id)
        .join(City, City.id == County.city_id)
        .outerjoin(Village, Village.id == Problem.village_id)
        .where(*_visible(code, flt))
    )


def fetch_problem_detail(
    *, session: Session, flt: Filter, code: str, role: str | None = None
) -> ProblemDetail | None:
    """The problem with code (None when there is none); its status as of flt.as_of.

    People's names (牵头领导, 责任人) come as role may see them: masked without a role.
    """
    fields, query = _problem_query(flt, code)
    row = session.exec(query).first()
    if row is None:
        return None
    mapping = _as_of_dates(dict(row._mapping), flt)
    values = {name: mapping[name] for name in [*fields, "status"]}
    for name in PERSON_NAME_FIELDS:
        if values.get(name):
            values[name] = display_name_for(role, str(values[name]))
    region = {name: mapping[name] for name in REGION_COLUMNS}
    overdue = bool(mapping["overdue"])
    return ProblemDetail(values, region, overdue, _shown(session, mapping))


def _shown(session: Session, mapping: dict) -> dict[str, str]:
    """ProblemDetail.shown of one problem's row."""
    areas = fetch_category_labels(session=session, round_ids=(mapping["problem_round_id"],))
    shown = {"focus_area": areas.label(mapping["focus_area"])}
    if mapping["found_on_inferred"] and mapping["found_on"] is not None:
        day = mapping["found_on"].isoformat()
        shown["found_on"] = t("queries.problem.inferred", day=day)
    kind = mapping["deadline_kind"]
    if kind in DEADLINE_KIND_LABELS:
        deadline = mapping["deadline"]
        label = DEADLINE_KIND_LABELS[kind]
        shown["deadline"] = (
            t("queries.problem.dated_kind", kind=label, day=deadline.isoformat())
            if deadline is not None
            else label
        )
    return shown


def _as_of_dates(mapping: dict[str, object], flt: Filter) -> dict[str, object]:
    """The row's days as known on flt.as_of: no completion day while not rectified then,
    no recovery or rules day before it came (their amounts read 0 then, queries.dated)."""
    if flt.as_of is None:
        return mapping
    if mapping["status"] != COMPLETED_STATUS:
        mapping["rectified_on"] = None
    for field in ("recovered_on", "rules_improved_on"):
        day = mapping[field]
        if isinstance(day, date) and day > flt.as_of:
            mapping[field] = None
    return mapping


def _display(spec: ColumnSpec, value: object) -> str:
    """One field's text for reading: labels for codes, yes/no, thousands and 万元 for money."""
    if value is None or value == "":
        return MISSING
    if spec.kind == "code" and spec.codes:
        return str(spec.codes.get(value, value))
    if spec.kind == "bool":
        return t("queries.yes") if value else t("queries.no")
    if spec.kind == "yuan" and isinstance(value, int | float):
        return format_yuan_in_full(int(value))
    if spec.kind == "int" and isinstance(value, int | float):
        return format_int(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def ledger_fields(detail: ProblemDetail) -> list[tuple[str, str]]:
    """Every ledger column as (its title in the UI language, text), in the template's order."""
    return [
        (
            column_title(PROBLEMS.key, spec),
            detail.shown.get(spec.field) or _display(spec, detail.values.get(spec.field)),
        )
        for spec in PROBLEMS.columns
        if spec.field != "seq"
    ]


def fetch_problem_timeline(*, session: Session, flt: Filter, code: str) -> pd.DataFrame:
    """The problem's status changes up to flt.as_of (or all), oldest first."""
    query = (
        select(StatusEvent.changed_on, StatusEvent.status, StatusEvent.note)
        .join(Problem, Problem.id == StatusEvent.problem_id)
        .where(*_visible(code, flt))
        .order_by(StatusEvent.changed_on, StatusEvent.id)
    )
    if flt.as_of is not None:
        query = query.where(StatusEvent.changed_on <= flt.as_of)
    frame = to_frame(session.execute(query).all(), ["changed_on", "status", "note"], {})
    frame["status_label"] = label_codes(frame["status"], STATUSES)
    return frame[["changed_on", "status", "status_label", "note"]]


def _visible(code: str, flt: Filter) -> list:
    """The problem with code, if it lies in the account's township scope.

    Only the scope applies: a link to a problem opens it whatever else the Filter holds.
    """
    clauses = [Problem.code == code]
    if flt.scope is not None:
        clauses.append(Problem.township_id.in_(flt.scope))
    return clauses


def _known_by(day, flt: Filter):
    """Records dated on or before flt.as_of, or undated (pending) ones; all without as_of."""
    return true() if flt.as_of is None else or_(day.is_(None), day <= flt.as_of)


def fetch_problem_accountability(
    *, session: Session, flt: Filter, code: str, role: str | None
) -> pd.DataFrame:
    """People and organisations held accountable for the problem, names as role may see them."""
    action = AccountabilityAction
    query = (
        select(
            action.person_name,
            action.is_organisation,
            action.position,
            action.category,
            action.form,
            action.decided_on,
            action.is_leadership_responsibility,
        )
        .join(Problem, Problem.id == action.problem_id)
        .where(*_visible(code, flt), _known_by(action.decided_on, flt))
        .order_by(action.decided_on, action.id)
    )
    columns = ["name", "is_organisation", "position", "category", "form", "decided_on", "leader"]
    frame = to_frame(session.execute(query).all(), columns, {"form": "Int64"})
    frame["name"] = [
        display_name_for(role, name, is_organisation=bool(is_org))
        for name, is_org in zip(frame["name"], frame["is_organisation"], strict=True)
    ]
    frame["category_label"] = label_codes(frame["category"], ACCOUNTABILITY_CATEGORIES)
    frame["form_label"] = [FORMS.get(form, "") for form in frame["form"].fillna(0)]
    frame["leader"] = frame["leader"].astype(bool)
    return frame[["name", "position", "category_label", "form_label", "decided_on", "leader"]]


def fetch_problem_leads(*, session: Session, flt: Filter, code: str) -> pd.DataFrame:
    """Leads transferred from the problem, with the case opened from each (if any)."""
    case_known = and_(Case.lead_id == Lead.id, _known_by(Case.opened_on, flt))
    query = (
        select(
            Lead.code,
            Lead.subject_position,
            Lead.transferred_to,
            Lead.transferred_on,
            Lead.outcome,
            Case.opened_on,
            Case.people_involved,
            Case.people_sanctioned,
        )
        .join(Problem, Problem.id == Lead.problem_id)
        .outerjoin(Case, case_known)
        .where(*_visible(code, flt), _known_by(Lead.transferred_on, flt))
        .order_by(Lead.code)
    )
    columns = ["code", "subject_position", "transferred_to", "transferred_on", "outcome"]
    columns += ["case_opened_on", "people_involved", "people_sanctioned"]
    frame = to_frame(session.execute(query).all(), columns, {})
    frame["outcome_label"] = label_codes(frame["outcome"], LEAD_OUTCOMES)
    return frame.drop(columns="outcome")
