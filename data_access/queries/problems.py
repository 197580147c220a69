"""Read functions behind 问题清单: the ledger page by page, its search, and status by area."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlmodel import Session

from data_access.categories import CategoryLabels, fetch_category_labels
from data_access.codes import (
    COMPLETED_STATUS,
    OVERDUE,
    SOURCES,
    STATUSES,
    STATUSES_WITH_OVERDUE,
    LabelMap,
    overdue_label,
)
from data_access.filters import Filter
from data_access.models import Problem, Township, Village
from data_access.queries.aggregates import SqlValue
from data_access.queries.as_of import problem_status_as_of, rectified_day_as_of
from data_access.queries.conditions import (
    overdue_clause,
    overdue_deadline,
    problem_conditions,
)
from data_access.queries.dated import recovered_as_of
from data_access.queries.facts import problem_facts, weighted
from data_access.queries.labels import code_rank, label_codes
from data_access.queries.overview import to_frame
from data_access.queries.shaped import by_shape, execute
from i18n import t

__all__ = [
    "LEDGER_COLUMNS",
    "LEDGER_SORTS",
    "PAGE_SIZE",
    "count_problem_ledger",
    "fetch_problem_ledger",
    "fetch_status_by_focus_area",
    "rectified_day_shown",
    "search_clause",
]

PAGE_SIZE = 1000  # rows per page of the ledger; beyond that the page offers more pages
DESCRIPTION_CHARS = 60  # the table shows this much; the detail page shows all
ELLIPSIS = "…"
STATUS_LABELS = STATUSES_WITH_OVERDUE
MAX_SEARCH_TERMS = 5  # a pasted paragraph must not become fifty LIKEs

# Server-side orders the page offers (st.dataframe then sorts within one page), labelled.
LEDGER_SORTS = LabelMap(
    "sort", ("code", "found", "deadline", "recovered", "township"), area="queries"
)
LEDGER_COLUMNS = [
    "code",
    "township_id",
    "township",
    "village",
    "focus_area",
    "focus_area_label",
    "sub_category",
    "description",
    "source_label",
    "status",
    "status_label",
    "overdue",
    "deadline",
    "rectified_on",
    "recovered_yuan",
    "responsible_unit",
]
# What the ledger query selects, in its order (the labels are added in Python).
LEDGER_QUERY_COLUMNS = [
    "code",
    "township_id",
    "township",
    "village",
    "focus_area",
    "sub_category",
    "description",
    "source",
    "status",
    "overdue",
    "deadline",
    "rectified_on",
    "recovered_yuan",
    "responsible_unit",
]


def search_clause(search: str) -> ColumnElement[bool] | None:
    """Every whitespace-separated term in the description, measures or code (LIKE, escaped).

    autoescape makes % and _ in the term literal characters; the term is a bound parameter.
    """
    terms = search.split()[:MAX_SEARCH_TERMS]
    if not terms:
        return None
    columns = (Problem.description, Problem.measures, Problem.code)
    return and_(
        *(or_(*(column.icontains(term, autoescape=True) for column in columns)) for term in terms)
    )


def rectified_day_shown(status: SqlValue[str], flt: Filter) -> ColumnElement:
    """The day a problem was rectified, only while its (as-of) status is rectified."""
    return case((status == COMPLETED_STATUS, rectified_day_as_of(flt)), else_=None)


def _ledger_conditions(flt: Filter, search: str) -> list[ColumnElement[bool]]:
    """The Filter's conditions on Problem plus the search terms."""
    clauses = problem_conditions(flt)
    searched = search_clause(search)
    if searched is not None:
        clauses.append(searched)
    return clauses


def count_problem_ledger(*, session: Session, flt: Filter, search: str = "") -> int:
    """How many ledger rows flt and the search select (for paging)."""
    return int(execute(session, _count_query(flt, search), flt).scalar_one())


@by_shape
def _count_query(flt: Filter, search: str) -> Select:
    """count_problem_ledger's statement for flt's shape (and the search terms)."""
    if search.split():
        return select(func.count(Problem.id)).where(*_ledger_conditions(flt, search))
    facts = problem_facts(flt, by_township=False, by_focus_area=False)  # the summaries may know
    return select(weighted(facts.c.problems))


def _order_by(sort: str, status: SqlValue[str], flt: Filter) -> list:
    """ORDER BY for one of LEDGER_SORTS; the code last keeps pages stable."""
    orders: dict[str, list[object]] = {
        "deadline": [Problem.deadline.is_(None), Problem.deadline, status == COMPLETED_STATUS],
        "recovered": [recovered_as_of(flt).desc()],
        "found": [Problem.found_on.desc()],
        "township": [Township.sort_order, Township.id],
    }
    return [*orders.get(sort, []), Problem.code]


def fetch_problem_ledger(
    *,
    session: Session,
    flt: Filter,
    search: str = "",
    sort: str = "code",
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> pd.DataFrame:
    """One page of the ledger for flt and the search, with the as-of status and overdue flag."""
    dtypes = {"township_id": "int64", "overdue": "bool", "recovered_yuan": "int64"}
    rows = execute(session, _ledger_query(flt, search, sort, limit, offset), flt).all()
    frame = to_frame(rows, LEDGER_QUERY_COLUMNS, dtypes)
    areas = fetch_category_labels(session=session, round_ids=flt.rounds)
    return _labelled(frame, areas)[LEDGER_COLUMNS]


@by_shape
def _ledger_query(flt: Filter, search: str, sort: str, limit: int, offset: int) -> Select:
    """fetch_problem_ledger's statement for flt's shape (and the search, order and page)."""
    status = problem_status_as_of(flt)
    return (
        select(
            Problem.code,
            Problem.township_id,
            Township.name,
            Village.name,
            Problem.focus_area,
            Problem.sub_category,
            Problem.description,
            Problem.source,
            status,
            overdue_clause(status, overdue_deadline(), flt),
            Problem.deadline,
            rectified_day_shown(status, flt),
            recovered_as_of(flt),
            Problem.responsible_unit,
        )
        .join(Township, Township.id == Problem.township_id)
        .outerjoin(Village, Village.id == Problem.village_id)
        .where(*_ledger_conditions(flt, search))
        .order_by(*_order_by(sort, status, flt))
        .limit(limit)
        .offset(offset)
    )


def _labelled(frame: pd.DataFrame, areas: CategoryLabels) -> pd.DataFrame:
    """Labels for the codes, a short description and the overdue status shown."""
    frame["village"] = frame["village"].fillna("")
    frame["focus_area_label"] = areas.label_series(frame["focus_area"])
    frame["source_label"] = label_codes(frame["source"], SOURCES)
    labels = label_codes(frame["status"], STATUSES)
    overdue = overdue_label()
    shown = {
        label: t("queries.status_overdue", status=label, overdue=overdue) for label in set(labels)
    }
    frame["status_label"] = labels.where(~frame["overdue"], labels.map(shown))
    frame["description"] = [_shortened(text) for text in frame["description"]]
    return frame


def _shortened(text: str) -> str:
    """The first DESCRIPTION_CHARS characters, with an ellipsis when cut."""
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[:DESCRIPTION_CHARS] + ELLIPSIS


def fetch_status_by_focus_area(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Problems per focus area × as-of status, and the overdue ones as status "overdue".

    Overdue problems also count in their own status: the "overdue" rows are an extra
    column of the matrix, not a part of a total.
    """
    rows = execute(session, _matrix_query(flt), flt).all()
    frame = to_frame(rows, ["focus_area", "status", "problems"], {"problems": "int64"})
    return _matrix_labels(frame, fetch_category_labels(session=session, round_ids=flt.rounds))


@by_shape
def _matrix_query(flt: Filter) -> CompoundSelect:
    """fetch_status_by_focus_area's statement (per status; overdue) for flt's shape."""
    facts = problem_facts(flt, by_township=False)
    by_status = select(facts.c.focus_area, facts.c.status, weighted(facts.c.problems)).group_by(
        facts.c.focus_area, facts.c.status
    )
    overdue = (
        select(facts.c.focus_area, literal(OVERDUE), weighted(facts.c.problems))
        .where(overdue_clause(facts.c.status, facts.c.deadline, flt))
        .group_by(facts.c.focus_area)
    )
    return union_all(by_status, overdue)


def _matrix_labels(frame: pd.DataFrame, areas: CategoryLabels) -> pd.DataFrame:
    """Labels and the domain order (areas in the round's order, statuses by workflow,
    overdue last)."""
    areas.add_to(frame)
    frame["status_label"] = label_codes(frame["status"], STATUS_LABELS)
    frame["status_rank"] = code_rank(frame["status"], STATUS_LABELS)
    frame = frame.sort_values(["area_rank", "focus_area", "status_rank"], kind="stable")
    columns = ["focus_area", "focus_area_label", "area_rank", "status", "status_label"]
    return frame[[*columns, "problems"]].reset_index(drop=True)
