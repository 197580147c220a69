"""The naive baseline: the overview's numbers the way a typical Streamlit dashboard gets them.

Read whole tables with pandas.read_sql on every rerun, then filter and group in pandas.
`overview_numbers` puts both this and the query layer's overview into one comparable form,
so the benchmark can assert they agree before it compares their times.
"""

from __future__ import annotations

import numbers

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.codes import COMPLETED_STATUS, OVERDUE, PERSON_CATEGORIES
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.models import AccountabilityAction, Case, Lead, Problem, StatusEvent
from data_access.queries import (
    fetch_accountability_breakdown,
    fetch_completion_by_township,
    fetch_headline,
    fetch_problems_by_focus_area,
    fetch_weekly_trend,
)
from data_access.queries.facts import CHART_TOWNSHIPS
from data_access.queries.headline import WRITTEN_SELF_CRITICISM
from data_access.queries.status import fetch_status_totals

TABLES = {
    "problems": Problem,
    "events": StatusEvent,
    "actions": AccountabilityAction,
    "leads": Lead,
    "cases": Case,
}
HEADLINE_KEYS = (
    "problems_total",
    "problems_rectified",
    "recovered_yuan",
    "rules_improved",
    "overdue",
    "accountable_people",
    "written_self_criticism_orgs",
    "leads_transferred",
    "cases_opened",
    "case_people",
    "people_sanctioned",
)


def read_tables(engine: Engine) -> dict[str, pd.DataFrame]:
    """Every row of the ledger tables, as the naive dashboard reads them on each rerun."""
    with engine.connect() as conn:
        frames = {name: pd.read_sql(select(model), conn) for name, model in TABLES.items()}
    for frame in frames.values():
        for column in ("found_on", "deadline", "rectified_on", "changed_on"):
            if column in frame:
                frame[column] = pd.to_datetime(frame[column])
    return frames


def _mondays(days: pd.Series) -> pd.Series:
    """The Monday of each day's week, as a date."""
    return (days - pd.to_timedelta(days.dt.weekday, unit="D")).dt.date


def _counts(frame: pd.DataFrame, keys: list[str]) -> dict:
    """Rows per key combination (forms as plain ints, NULL as None)."""
    grouped = frame.groupby(keys, dropna=False).size()
    return {tuple(_plain(k) for k in _tuple(key)): int(n) for key, n in grouped.items()}


def _tuple(key: object) -> tuple:
    """A groupby key as a tuple."""
    return key if isinstance(key, tuple) else (key,)


def _plain(value: object) -> object:
    """NaN/NA as None, numbers as int, everything else as is."""
    if pd.isna(value):
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value
    return int(value) if isinstance(value, numbers.Integral) else int(float(value))


def _weekly(problems: pd.DataFrame, events: pd.DataFrame) -> dict:
    """Rectified per week (by the last rectified event) and problems found per week."""
    rectified = problems[problems["status"] == COMPLETED_STATUS]
    done_events = events[events["status"] == COMPLETED_STATUS]
    last_done = done_events.groupby("problem_id")["changed_on"].max()
    day = rectified["id"].map(last_done).fillna(rectified["rectified_on"]).dropna()
    done = _mondays(day).value_counts()
    found = _mondays(problems["found_on"]).value_counts()
    return {"rectified_in_week": _by_week(done), "found_in_week": _by_week(found)}


def _by_week(counts: pd.Series) -> dict:
    """week -> count, weeks with a count only."""
    return {week: int(n) for week, n in counts.items() if n}


def _largest_townships(problems: pd.DataFrame) -> pd.DataFrame:
    """The problems of the CHART_TOWNSHIPS townships with the most (ties: lower id)."""
    sizes = problems.groupby("township_id").size().reset_index(name="problems")
    largest = sizes.sort_values(["problems", "township_id"], ascending=[False, True])
    chosen = largest["township_id"].head(CHART_TOWNSHIPS)
    return problems[problems["township_id"].isin(chosen)]


def naive_overview(tables: dict[str, pd.DataFrame], township_id: int | None) -> dict:
    """The overview's numbers for all townships or one, computed in pandas."""
    all_problems = tables["problems"]
    problems, actions, leads = all_problems, tables["actions"], tables["leads"]
    if township_id is not None:
        problems = problems[problems["township_id"] == township_id]
        actions = actions[actions["township_id"] == township_id]
        leads = leads[leads["township_id"] == township_id]
    today = pd.Timestamp(local_today())
    is_done = problems["status"] == COMPLETED_STATUS
    overdue = problems["deadline"].notna() & (problems["deadline"] < today) & ~is_done
    people = actions[actions["category"].isin(list(PERSON_CATEGORIES))]
    cases = leads.merge(tables["cases"], left_on="id", right_on="lead_id", how="inner")
    headline = {
        "problems_total": len(problems),
        "problems_rectified": int(is_done.sum()),
        "recovered_yuan": int(problems["recovered_yuan"].sum()),
        "rules_improved": int(problems["rules_improved"].sum()),
        "overdue": int(overdue.sum()),
        "accountable_people": len(people),
        "written_self_criticism_orgs": int((actions["category"] == WRITTEN_SELF_CRITICISM).sum()),
        "leads_transferred": len(leads),
        "cases_opened": len(cases),
        "case_people": int(cases["people_involved"].sum()),
        "people_sanctioned": int(cases["people_sanctioned"].sum()),
    }
    statuses = _counts(problems, ["status"])
    statuses[(OVERDUE,)] = headline["overdue"]
    return {
        "headline": headline,
        "by_township": _counts(_largest_townships(all_problems), ["township_id", "status"]),
        "by_focus_area": _counts(problems, ["focus_area", "status"]),
        "by_status": {key: n for key, n in statuses.items() if n},
        "people": _counts(people, ["category", "form"]),
        **_weekly(problems, tables["events"]),
    }


def layer_overview(engine: Engine, township_id: int | None) -> dict:
    """The same numbers from the query layer (the functions the overview page runs)."""
    flt = Filter() if township_id is None else Filter(townships=(township_id,))
    with session_scope(engine) as session:
        headline = fetch_headline(session=session, flt=flt)
        townships = fetch_completion_by_township(session=session, flt=flt.with_(townships=()))
        areas = fetch_problems_by_focus_area(session=session, flt=flt)
        statuses = fetch_status_totals(session=session, flt=flt)
        people = fetch_accountability_breakdown(session=session, flt=flt)
        trend = fetch_weekly_trend(session=session, flt=flt)
    found = trend["problems_total"].diff().fillna(trend["problems_total"])
    return {
        "headline": {key: getattr(headline, key) for key in HEADLINE_KEYS},
        "by_township": _rows(townships, ["township_id", "status"], "problems"),
        "by_focus_area": _rows(areas, ["focus_area", "status"], "problems"),
        "by_status": {k: n for k, n in _rows(statuses, ["status"], "problems").items() if n},
        "people": _rows(people, ["category", "form"], "people"),
        "rectified_in_week": _by_week(trend.set_index("week_start")["rectified_in_week"]),
        "found_in_week": _by_week(found.set_axis(trend["week_start"])),
    }


def _rows(frame: pd.DataFrame, keys: list[str], value: str) -> dict:
    """key tuple -> count from a query result."""
    return {tuple(_plain(row[k]) for k in keys): int(row[value]) for _, row in frame.iterrows()}
