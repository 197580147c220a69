"""Each KPI card's change: the comparisons (queries/changes.py) on a small office whose figures
are worked out by hand, on SQLite and PostgreSQL.

The office (tests/office.py): round 1 starts 2018-04-02; its ledger (uploaded 2018-06-10)
has 10 problems found 2018-05-02, 6 rectified on 06-02, 06-03, 06-04, 06-06, 06-07 and
06-09 (1,200 元 recovered each). On 2018-06-20 an upload marks problem R1-004 rectified
on 06-18. Round 2 starts 2018-09-01; its ledger has 7 problems found 09-10, 4 rectified
on 10-11, 10-12, 10-15 and 10-16.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.ingest.apply import apply_ledger
from data_access.ingest.options import ImportOptions
from data_access.ingest.parse import parse_ledger
from data_access.kpis import headline_kpis, with_changes
from data_access.models import County, ImportBatch
from data_access.queries import fetch_headline
from data_access.queries.changes import (
    ROUND,
    THIS_ROUND,
    UPLOAD,
    WEEK,
    Comparison,
    fetch_comparisons,
)
from tests.support.office import (
    ROUND_1,
    ROUND_1_PROBLEMS,
    ROUND_2,
    ROUND_2_PROBLEMS,
    add_round,
    ledger_xlsx,
    problem_records,
    region_records,
    regions_xlsx,
    upload_regions,
)

FOUND_1, FOUND_2 = date(2018, 5, 2), date(2018, 9, 10)
STARTED_1, STARTED_2 = date(2018, 4, 2), date(2018, 9, 1)
UPLOADED_1, UPLOADED_CHANGE = date(2018, 6, 10), date(2018, 6, 20)
CHANGED_ON = date(2018, 6, 18)  # R1-004 becomes rectified
GROUPS = ("第一巡察组", "第二巡察组")


def upload(engine: Engine, records: list[dict], round_id: int, day: date) -> int:
    """Import a clean ledger into round_id as if uploaded on day (its status changes' date);
    the batch starts at 04:00 that day on the office's clock: 20:00 UTC the day before."""
    with session_scope(engine) as session:
        options = ImportOptions(round_id=round_id, today=day)
        parsed = parse_ledger(ledger_xlsx(records), "台账.xlsx", session=session, options=options)
    assert parsed.errors == [], parsed.errors
    batch_id = apply_ledger(parsed, engine=engine, uploader="uploader").batch_id
    started = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=4)
    with session_scope(engine, write=True) as session:
        session.execute(
            update(ImportBatch).where(ImportBatch.id == batch_id).values(started_at=started)
        )
    return batch_id


def build_office(engine: Engine) -> dict[str, int]:
    """The office of the module docstring on an empty store; its round ids by name."""
    upload_regions(engine, regions_xlsx(region_records()))
    with session_scope(engine) as session:
        county = int(session.scalar(select(County.id)))
    first = add_round(engine, ROUND_1, "county", STARTED_1, GROUPS, county)
    records = problem_records("R1", ROUND_1_PROBLEMS, FOUND_1)
    upload(engine, records, first, UPLOADED_1)
    changed = records[3]  # R1-004, 正在整改 in the first upload
    changed.update({"整改状态": "已完成", "完成日期": CHANGED_ON, "挽回损失(元)": 1_200})
    upload(engine, records, first, UPLOADED_CHANGE)
    second = add_round(engine, ROUND_2, "county", STARTED_2, GROUPS, county)
    upload(engine, problem_records("R2", ROUND_2_PROBLEMS, FOUND_2), second, date(2018, 10, 20))
    return {ROUND_1: first, ROUND_2: second}


@pytest.fixture
def office(built_engine) -> dict[str, int]:
    """A fresh copy of the office (built once per worker and backend); its round ids by name."""
    engine, rounds = built_engine("changes-office", build_office)
    return {**rounds, "engine": engine}  # type: ignore[dict-item]


def comparisons(office: dict, flt: Filter, **kwargs) -> tuple[Comparison, ...]:
    """fetch_comparisons on the office."""
    with session_scope(office["engine"]) as session:
        return fetch_comparisons(session=session, flt=flt, **kwargs)


def changes(office: dict, flt: Filter, **kwargs) -> dict[str, str]:
    """Each headline card's change texts for flt, as the overview shows them."""
    with session_scope(office["engine"]) as session:
        now = headline_kpis(fetch_headline(session=session, flt=flt))
        compared = [
            (
                comparison,
                headline_kpis(fetch_headline(session=session, flt=comparison.now)),
                headline_kpis(fetch_headline(session=session, flt=comparison.then)),
            )
            for comparison in fetch_comparisons(session=session, flt=flt, **kwargs)
        ]
    return {kpi.label: kpi.change_texts() for kpi in with_changes(now, compared)}


def test_the_week_before_replays_the_status_history(office: dict) -> None:
    """As of 06-10 six are rectified, as of 06-03 two (06-02, 06-03): +4, +40 points."""
    flt = Filter(rounds=(office[ROUND_1],), as_of=date(2018, 6, 10))
    (week,) = [c for c in comparisons(office, flt) if c.kind == WEEK]
    assert (week.day, week.then, week.now) == (date(2018, 6, 3), flt.with_(as_of=week.day), flt)
    shown = changes(office, flt)
    assert shown["问题总数"] == "较上周 持平"
    assert shown["整改完成"] == "较上周 +4"
    assert shown["完成率"] == "较上周 +40.0 个百分点"
    assert shown["挽回损失"] == "较上周 +0.48 万元"  # 4 × 1,200 元


def test_a_status_changed_later_moves_only_the_days_after_it(office: dict) -> None:
    """R1-004 is rectified on 06-18 (uploaded 06-20): in the week to 06-24 it is the one
    change, in the week to 06-17 there is none; today's ledger already holds it."""
    first = Filter(rounds=(office[ROUND_1],))
    assert changes(office, first, today=date(2018, 6, 24))["整改完成"] == "较上周 +1"
    assert changes(office, first, today=date(2018, 6, 24))["完成率"] == "较上周 +10.0 个百分点"
    before = first.with_(as_of=date(2018, 6, 17))
    assert changes(office, before)["整改完成"] == "较上周 持平"  # 06-10 and 06-17: six
    week_of_change = first.with_(as_of=date(2018, 6, 18))
    assert changes(office, week_of_change)["整改完成"] == "较上周 +1"


def test_the_previous_upload_is_the_one_before_the_newest(office: dict) -> None:
    """Uploads on 06-10 and 06-20 (round 1): from 06-24 the change is since 06-10; as of
    06-19 only one upload had come (the office's clock: 06-20 began at 16:00 UTC on 06-19),
    so there is no change since an upload."""
    first = Filter(rounds=(office[ROUND_1],))
    (since_upload,) = comparisons(office, first, since=UPLOAD, today=date(2018, 6, 24))
    assert (since_upload.kind, since_upload.day) == (UPLOAD, UPLOADED_1)
    shown = changes(office, first, since=UPLOAD, today=date(2018, 6, 24))
    assert shown["整改完成"] == "较上次上传 +1"
    early = comparisons(office, first.with_(as_of=date(2018, 6, 19)), since=UPLOAD)
    assert [c.kind for c in early] == []


def test_the_same_point_of_the_previous_round(office: dict) -> None:
    """As of 10-13, 42 days into round 2 (2 of 7 rectified), against round 1 on 05-14, 42
    days into it (0 of 10): −3 problems, +2 rectified, +28.6 points."""
    second = Filter(rounds=(office[ROUND_2],), as_of=date(2018, 10, 13))
    found = {c.kind: c for c in comparisons(office, second)}
    assert found[ROUND].day == date(2018, 5, 14)
    assert found[ROUND].then == second.with_(rounds=(office[ROUND_1],), as_of=date(2018, 5, 14))
    assert found[ROUND].round_name == ROUND_1
    shown = changes(office, second)
    assert shown["问题总数"] == "较上周 持平；较上轮同期 -3"
    assert shown["整改完成"] == "较上周 +2；较上轮同期 +2"
    assert shown["完成率"].endswith("较上轮同期 +28.6 个百分点")


def test_without_a_chosen_round_this_round_is_compared(office: dict) -> None:
    """No round chosen: the cards hold both rounds (17 problems), the round change is round
    2's own figures against round 1's, and says so."""
    flt = Filter(as_of=date(2018, 10, 13))
    (this_round,) = [c for c in comparisons(office, flt) if c.kind == THIS_ROUND]
    assert this_round.now == flt.with_(rounds=(office[ROUND_2],))
    assert changes(office, flt)["问题总数"] == "较上周 持平；本轮较上轮同期 -3"


def test_no_round_comparison_where_there_is_none(office: dict) -> None:
    """Round 1 has no round before it; a day before round 2 began has none; two rounds or a
    round's own group chosen have none; a point past the next round's start has none."""
    first = Filter(rounds=(office[ROUND_1],), as_of=date(2018, 6, 10))
    assert [c.kind for c in comparisons(office, first)] == [WEEK]
    both = Filter(rounds=(office[ROUND_1], office[ROUND_2]), as_of=date(2018, 10, 13))
    assert [c.kind for c in comparisons(office, both)] == [WEEK]
    late = Filter(rounds=(office[ROUND_2],), as_of=STARTED_2 + (STARTED_2 - STARTED_1))
    assert [c.kind for c in comparisons(office, late)] == [WEEK]
    grouped = Filter(rounds=(office[ROUND_2],), groups=(1,), as_of=date(2018, 10, 13))
    assert [c.kind for c in comparisons(office, grouped)] == [WEEK]


def test_each_comparison_day_is_named_once(office: dict) -> None:
    """A changed card says what each change is against (the day, the previous round)."""
    second = Filter(rounds=(office[ROUND_2],), as_of=date(2018, 10, 13))
    with session_scope(office["engine"]) as session:
        found = fetch_comparisons(session=session, flt=second)
        now = headline_kpis(fetch_headline(session=session, flt=second))
        compared = [
            (c, now, headline_kpis(fetch_headline(session=session, flt=c.then))) for c in found
        ]
    (first, *_) = with_changes(now, compared)
    assert "2018-10-06" in first.compared and "2018-05-14" in first.compared
    assert ROUND_1 in first.compared
    assert first.compared.count("2018-10-06") == 1
