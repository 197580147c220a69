"""Problems per (as-of) status, with the derived overdue ones as a fifth row (overview chart)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.codes import OVERDUE, STATUSES, STATUSES_WITH_OVERDUE
from data_access.filters import Filter
from data_access.queries.conditions import overdue_clause
from data_access.queries.facts import problem_facts, weighted

__all__ = ["STATUS_CHOICES", "fetch_status_totals"]

STATUS_CHOICES = STATUSES_WITH_OVERDUE


def fetch_status_totals(*, session: Session, flt: Filter) -> pd.DataFrame:
    """status, status_label, problems: every status (zeros included), then 已逾期.

    Overdue problems also count in their own status; the overdue row is not part of a sum.
    """
    facts = problem_facts(flt, by_township=False, by_focus_area=False)
    by_status = dict(
        session.execute(
            select(facts.c.status, weighted(facts.c.problems)).group_by(facts.c.status)
        ).all()
    )
    overdue = session.execute(
        select(weighted(facts.c.problems, overdue_clause(facts.c.status, facts.c.deadline, flt)))
    ).scalar_one()
    counts = {code: int(by_status.get(code, 0)) for code in STATUSES}
    counts[OVERDUE] = int(overdue)
    return pd.DataFrame(
        {
            "status": list(STATUS_CHOICES),
            "status_label": list(STATUS_CHOICES.values()),
            "problems": [counts[code] for code in STATUS_CHOICES],
        }
    ).astype({"problems": "int64"})
