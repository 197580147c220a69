"""Problems per (as-of) status, with the derived overdue ones as a fifth row (overview chart)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Select, select
from sqlmodel import Session

from data_access.codes import OVERDUE, STATUSES, STATUSES_WITH_OVERDUE
from data_access.filters import Filter
from data_access.queries.conditions import overdue_clause
from data_access.queries.facts import problem_facts, weighted
from data_access.queries.shaped import by_shape, execute

__all__ = ["STATUS_CHOICES", "fetch_status_totals"]

STATUS_CHOICES = STATUSES_WITH_OVERDUE


def fetch_status_totals(*, session: Session, flt: Filter) -> pd.DataFrame:
    """status, status_label, problems: every status (zeros included), then 已逾期.

    Overdue problems also count in their own status; the overdue row is not part of a sum.
    """
    by_status_query, overdue_query = _status_queries(flt)
    by_status = dict(execute(session, by_status_query, flt).all())
    overdue = execute(session, overdue_query, flt).scalar_one()
    counts = {code: int(by_status.get(code, 0)) for code in STATUSES}
    counts[OVERDUE] = int(overdue)
    return pd.DataFrame(
        {
            "status": list(STATUS_CHOICES),
            "status_label": list(STATUS_CHOICES.values()),
            "problems": [counts[code] for code in STATUS_CHOICES],
        }
    ).astype({"problems": "int64"})


@by_shape
def _status_queries(flt: Filter) -> tuple[Select, Select]:
    """fetch_status_totals' two statements (per status; overdue) for flt's shape."""
    facts = problem_facts(flt, by_township=False, by_focus_area=False)
    by_status = select(facts.c.status, weighted(facts.c.problems)).group_by(facts.c.status)
    overdue = select(
        weighted(facts.c.problems, overdue_clause(facts.c.status, facts.c.deadline, flt))
    )
    return by_status, overdue
