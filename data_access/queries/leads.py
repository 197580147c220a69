"""Read functions behind 线索移交: the lead → case → people → sanction funnel, each lead's outcome.

Leads follow conditions.lead_conditions (the rules of the headline); a case counts once it
is opened by flt.as_of, and until then its lead's outcome reads as still being handled.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.codes import LEAD_OUTCOMES, LabelMap
from data_access.filters import Filter
from data_access.models import Case, Lead, Problem, Township
from data_access.queries.conditions import case_known_clause, lead_conditions, lead_outcome_as_of
from data_access.queries.facts import largest_townships, weighted
from data_access.queries.headline import fetch_lead_totals
from data_access.queries.labels import code_rank, label_codes
from data_access.queries.overview import to_frame
from data_access.queries.record_facts import lead_facts
from data_access.queries.shaped import by_shape, execute
from i18n import t

__all__ = [
    "FUNNEL_STAGES",
    "fetch_lead_funnel",
    "fetch_lead_outcomes",
    "fetch_leads_by_receiver",
    "fetch_leads_by_township",
]

TABLE_ROWS = 1000  # rows a page table gets at most (a province has 100,000 leads)
# Funnel stages (keys of fetch_lead_totals) in funnel order; labels and units by stage.
FUNNEL_STAGES: tuple[str, ...] = ("leads", "cases", "case_people", "people_sanctioned")
STAGE_LABELS = LabelMap("funnel", FUNNEL_STAGES, area="queries")
STAGE_UNITS = LabelMap("funnel_unit", FUNNEL_STAGES, area="queries")
OUTCOME_COLUMNS = [
    "code",
    "township_id",
    "township",
    "problem_code",
    "sub_category",
    "subject_position",
    "transferred_to",
    "transferred_on",
    "outcome",
    "case_opened_on",
    "people_involved",
    "people_sanctioned",
]


def fetch_lead_funnel(*, session: Session, flt: Filter) -> pd.DataFrame:
    """The funnel as rows: stage, label, unit and count (leads, cases, people, sanctioned)."""
    totals = fetch_lead_totals(session=session, flt=flt)
    rows = [(key, STAGE_LABELS[key], STAGE_UNITS[key], totals[key]) for key in FUNNEL_STAGES]
    return to_frame(rows, ["stage", "stage_label", "unit", "count"], {"count": "int64"})


def _with_outcome_labels(frame: pd.DataFrame, sort_by: list[str]) -> pd.DataFrame:
    """outcome_label added, rows in sort_by order then outcomes in their code-table order."""
    frame["outcome_label"] = label_codes(frame["outcome"], LEAD_OUTCOMES)
    frame["outcome_rank"] = code_rank(frame["outcome"], LEAD_OUTCOMES)
    frame = frame.sort_values([*sort_by, "outcome_rank"], kind="stable")
    return frame.drop(columns="outcome_rank").reset_index(drop=True)


def fetch_lead_outcomes(*, session: Session, flt: Filter, limit: int = TABLE_ROWS) -> pd.DataFrame:
    """The leads flt selects (the first limit by code) with problem, receiver, as-of outcome
    and case figures; the funnel counts them all."""
    dtypes = {"township_id": "int64", "people_involved": "int64", "people_sanctioned": "int64"}
    rows = execute(session, _outcomes_query(flt, limit), flt).all()
    frame = to_frame(rows, OUTCOME_COLUMNS, dtypes)
    frame[["problem_code", "sub_category"]] = frame[["problem_code", "sub_category"]].fillna("")
    frame.insert(9, "outcome_label", label_codes(frame["outcome"], LEAD_OUTCOMES))
    return frame


@by_shape
def _outcomes_query(flt: Filter, limit: int) -> Select:
    """fetch_lead_outcomes' statement for flt's shape."""
    # An alias: lead_conditions dates an undated lead by a sub-select on Problem, which would
    # otherwise correlate to the joined Problem instead of reading its own.
    linked = aliased(Problem, name="linked_problem")
    return (
        select(
            Lead.code,
            Lead.township_id,
            Township.name,
            linked.code,
            linked.sub_category,
            Lead.subject_position,
            Lead.transferred_to,
            Lead.transferred_on,
            lead_outcome_as_of(),
            Case.opened_on,
            func.coalesce(Case.people_involved, 0),
            func.coalesce(Case.people_sanctioned, 0),
        )
        .join(Township, Township.id == Lead.township_id)
        .outerjoin(linked, linked.id == Lead.problem_id)
        .outerjoin(Case, case_known_clause(flt))
        .where(*lead_conditions(flt))
        .order_by(Lead.code)
        .limit(limit)
    )


def fetch_leads_by_township(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Leads per township and as-of outcome (the facts.CHART_TOWNSHIPS townships with most)."""
    columns = ["township_id", "township", "sort_order", "outcome", "leads"]
    dtypes = {"township_id": "int64", "sort_order": "int64", "leads": "int64"}
    frame = to_frame(execute(session, _by_township_query(flt), flt).all(), columns, dtypes)
    frame = _with_outcome_labels(frame, ["sort_order", "township_id"])
    return frame.drop(columns="sort_order")


@by_shape
def _by_township_query(flt: Filter) -> Select:
    """fetch_leads_by_township's statement for flt's shape."""
    facts = lead_facts(flt)
    keys = (facts.c.township_id, Township.name, Township.sort_order, facts.c.outcome)
    return (
        select(*keys, weighted(facts.c.leads))
        .join(Township, Township.id == facts.c.township_id)
        .where(facts.c.township_id.in_(largest_townships(facts, facts.c.leads)))
        .group_by(*keys)
    )


def fetch_leads_by_receiver(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Leads per receiving body (移交单位) and as-of outcome."""
    columns = ["transferred_to", "outcome", "leads"]
    rows = execute(session, _by_receiver_query(flt), flt).all()
    frame = to_frame(rows, columns, {"leads": "int64"})
    frame["transferred_to"] = frame["transferred_to"].replace("", t("queries.leads.no_receiver"))
    return _with_outcome_labels(frame, ["transferred_to"])


@by_shape
def _by_receiver_query(flt: Filter) -> Select:
    """fetch_leads_by_receiver's statement for flt's shape."""
    facts = lead_facts(flt)
    return select(facts.c.transferred_to, facts.c.outcome, weighted(facts.c.leads)).group_by(
        facts.c.transferred_to, facts.c.outcome
    )
