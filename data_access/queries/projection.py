"""When will it be done: each township's (and the whole scope's) completion date at its pace.

Method (docs/domain.md): the pace is the net number of problems that became rectified in
the last four weeks — rectified on the reference day minus rectified four weeks before,
both from the status history, so a problem reopened in between counts back. The problems
still open are finished at that pace: reference day + ceil(open × 28 / pace) days. With no
net progress in the four weeks there is no date: 按当前进度无法完成.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.codes import COMPLETED_STATUS
from data_access.filters import Filter
from data_access.models import Township
from data_access.queries.conditions import reference_day
from data_access.queries.facts import problem_facts, weighted
from data_access.queries.overview import to_frame
from i18n import t

__all__ = [
    "PROJECTION_COLUMNS",
    "WINDOW_DAYS",
    "fetch_completion_projection",
    "projected_day",
    "projection_filter",
]

WINDOW_DAYS = 28  # the pace is measured over the last four weeks
TOTAL_ID = 0  # township_id of the row for the whole scope
OUTLOOKS = ("done", "projected", "stalled")
PROJECTION_COLUMNS = [
    "township_id",
    "township",
    "problems_total",
    "problems_rectified",
    "open_problems",
    "rectified_last_4_weeks",
    "weekly_pace",
    "projected_on",
    "outlook",
    "outlook_label",
]


def projected_day(open_problems: int, rectified_in_window: int, day: date) -> date | None:
    """The day open_problems are done at rectified_in_window per WINDOW_DAYS from day;
    day itself when none is open, None when the pace is not positive."""
    if open_problems <= 0:
        return day
    if rectified_in_window <= 0:
        return None
    return day + timedelta(days=math.ceil(open_problems * WINDOW_DAYS / rectified_in_window))


def projection_filter(flt: Filter) -> Filter:
    """flt without the status and rectified-week choices: the work left is every problem."""
    return flt.with_(statuses=(), rectified_from=None, rectified_to=None)


def _rectified_by_township(session: Session, flt: Filter) -> pd.DataFrame:
    """township_id, township, sort_order, problems_total, problems_rectified under flt."""
    facts = problem_facts(flt, by_focus_area=False)
    query = (
        select(
            facts.c.township_id,
            Township.name,
            Township.sort_order,
            weighted(facts.c.problems),
            weighted(facts.c.problems, facts.c.status == COMPLETED_STATUS),
        )
        .join(Township, Township.id == facts.c.township_id)
        .group_by(facts.c.township_id, Township.name, Township.sort_order)
    )
    columns = ["township_id", "township", "sort_order", "problems_total", "problems_rectified"]
    dtypes = dict.fromkeys(["township_id", "sort_order", *columns[3:]], "int64")
    return to_frame(session.execute(query).all(), columns, dtypes)


def fetch_completion_projection(*, session: Session, flt: Filter) -> pd.DataFrame:
    """PROJECTION_COLUMNS: the whole scope first (township_id 0), then each township with
    problems in the Filter's order of townships; outlook is one of OUTLOOKS."""
    flt = projection_filter(flt)
    day = reference_day(flt)
    now = _rectified_by_township(session, flt)
    before = _rectified_by_township(session, flt.with_(as_of=day - timedelta(days=WINDOW_DAYS)))
    earlier = dict(zip(before["township_id"], before["problems_rectified"], strict=True))
    now["rectified_last_4_weeks"] = [
        rectified - earlier.get(key, 0)
        for key, rectified in zip(now["township_id"], now["problems_rectified"], strict=True)
    ]
    now = now.sort_values(["sort_order", "township_id"], kind="stable")
    counts = ["problems_total", "problems_rectified", "rectified_last_4_weeks"]
    total = {"township_id": TOTAL_ID, "township": t("queries.projection.total")}
    total |= {name: int(now[name].sum()) for name in counts}
    frame = pd.concat([pd.DataFrame([total]), now[["township_id", "township", *counts]]])
    frame = frame.astype(dict.fromkeys(["township_id", *counts], "int64"))
    return _with_outlook(frame.reset_index(drop=True), day)


def _with_outlook(frame: pd.DataFrame, day: date) -> pd.DataFrame:
    """Open problems, the weekly pace, the projected day and its label per row."""
    frame["open_problems"] = frame["problems_total"] - frame["problems_rectified"]
    frame["weekly_pace"] = frame["rectified_last_4_weeks"].clip(lower=0) / (WINDOW_DAYS / 7)
    pairs = zip(frame["open_problems"], frame["rectified_last_4_weeks"], strict=True)
    frame["projected_on"] = [projected_day(left, pace, day) for left, pace in pairs]
    frame["outlook"] = [
        "done" if left <= 0 else "stalled" if projected is None else "projected"
        for left, projected in zip(frame["open_problems"], frame["projected_on"], strict=True)
    ]
    frame.loc[frame["outlook"] == "done", "projected_on"] = None
    frame["outlook_label"] = [
        projected.isoformat() if outlook == "projected" else t(f"queries.projection.{outlook}")
        for outlook, projected in zip(frame["outlook"], frame["projected_on"], strict=True)
    ]
    return frame[PROJECTION_COLUMNS]
