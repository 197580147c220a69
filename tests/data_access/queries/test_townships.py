"""Query layer of 乡镇对比, the drill-down, the filter choices and the problem page.

Each per-member row must equal fetch_headline for the same Filter narrowed to that member
(what `python -m data_access summary --township NAME` prints), under every Filter field
and as-of day, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from sqlalchemy.engine import Engine

from data_access.codes import COMPLETED_STATUS, OVERDUE
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.ingest.columns import PROBLEMS
from data_access.models import AccountabilityAction, Lead, Problem, StatusEvent, Village
from data_access.queries import options as options_module
from data_access.queries.options import fetch_filter_options, fetch_villages
from data_access.queries.problem_detail import (
    fetch_problem_accountability,
    fetch_problem_detail,
    fetch_problem_leads,
    fetch_problem_timeline,
    ledger_fields,
)
from data_access.queries.status import fetch_status_totals
from data_access.queries.townships import (
    NO_VILLAGE_ID,
    fetch_region_comparison,
    fetch_township_weekly,
)
from data_access.roles import ADMIN, MASK_CHAR, VIEWER
from tests.support.cli import summary
from tests.support.query_support import DEMO_PROBLEMS_TOTAL, all_rows, busiest_township, headline

# One Filter per field (values present in the demo data), and as-of days.
FILTERS = {
    "none": {},
    "rounds": {"rounds": (1,)},
    "groups": {"groups": (2,)},
    "focus_areas": {"focus_areas": ("funds_projects",)},
    "sub_categories": {"sub_categories": ("截留挪用",)},
    "statuses": {"statuses": ("in_progress", "basically_done")},
    "overdue": {"statuses": (OVERDUE,)},
    "sources": {"sources": ("immediate_fix",)},
    "date_range": {"date_from": date(2018, 4, 9), "date_to": date(2018, 4, 30)},
    "as_of_early": {"as_of": date(2018, 6, 20)},
    "as_of_late": {"as_of": date(2018, 8, 1)},
    "as_of_overdue": {"as_of": date(2018, 7, 20), "statuses": (OVERDUE,)},
}
# fetch_region_comparison column -> Headline attribute.
HEADLINE_OF = {
    "problems_total": "problems_total",
    "problems_rectified": "problems_rectified",
    "overdue": "overdue",
    "recovered_yuan": "recovered_yuan",
    "rules_improved": "rules_improved",
    "accountable_people": "accountable_people",
    "leads_transferred": "leads_transferred",
}


def comparison(engine: Engine, level: str, **changes) -> pd.DataFrame:
    """fetch_region_comparison at level for Filter().with_(**changes)."""
    with session_scope(engine) as session:
        return fetch_region_comparison(session=session, flt=Filter().with_(**changes), level=level)


def assert_row_is_headline(row: pd.Series, engine: Engine, **changes) -> None:
    """Every figure of a comparison row equals fetch_headline for that member's Filter."""
    expected = headline(engine, **changes)
    shown = {column: int(row[column]) for column in HEADLINE_OF}
    assert shown == {column: getattr(expected, name) for column, name in HEADLINE_OF.items()}
    assert row["completion_rate"] == pytest.approx(expected.completion_rate)
    assert row["recovered_wan"] == pytest.approx(expected.recovered_yuan / 10_000)


@pytest.mark.parametrize("case", sorted(FILTERS))
def test_township_rows_equal_the_headline_of_each_township(seeded_engine: Engine, case: str):
    """Per township, for each Filter field and as-of day: the same figures as the headline."""
    changes = FILTERS[case]
    frame = comparison(seeded_engine, "township", **changes)
    assert len(frame) == 22 and frame["member_id"].is_unique
    for _, row in frame.iterrows():
        assert_row_is_headline(row, seeded_engine, **changes, townships=(row["member_id"],))
    whole = headline(seeded_engine, **changes)
    assert frame["problems_total"].sum() == whole.problems_total
    assert frame["accountable_people"].sum() == whole.accountable_people
    assert frame["leads_transferred"].sum() == whole.leads_transferred


@pytest.mark.parametrize("level", ["city", "county"])
def test_single_city_and_county_rows_are_the_whole(seeded_engine: Engine, level: str):
    """Today's one city and one county: a single row holding the published totals."""
    frame = comparison(seeded_engine, level)
    assert list(frame["member"]) == [{"city": "铜陵市", "county": "枞阳县"}[level]]
    assert_row_is_headline(frame.iloc[0], seeded_engine)
    assert frame["problems_total"].iloc[0] == DEMO_PROBLEMS_TOTAL


@pytest.mark.parametrize("case", ["none", "focus_areas", "as_of_early", "overdue"])
def test_village_rows_equal_the_headline_of_each_village(seeded_engine: Engine, case: str):
    """Per village: problems and the people and leads linked to them, as the headline counts."""
    township = busiest_township(seeded_engine)
    changes = {**FILTERS[case], "townships": (township,)}
    frame = comparison(seeded_engine, "village", **changes)
    villages = [v for v in all_rows(seeded_engine, Village) if v.township_id == township]
    assert set(frame["member_id"]) - {NO_VILLAGE_ID} == {v.id for v in villages}
    for _, row in frame[frame["member_id"] != NO_VILLAGE_ID].iterrows():
        assert_row_is_headline(row, seeded_engine, **changes, villages=(row["member_id"],))
    whole = headline(seeded_engine, **changes)
    assert frame["problems_total"].sum() == whole.problems_total
    assert frame["problems_rectified"].sum() == whole.problems_rectified


def test_chosen_villages_only(seeded_engine: Engine) -> None:
    """With villages chosen, the village level lists just those villages."""
    township = busiest_township(seeded_engine)
    village = next(v for v in all_rows(seeded_engine, Village) if v.township_id == township)
    frame = comparison(seeded_engine, "village", townships=(township,), villages=(village.id,))
    assert list(frame["member_id"]) == [village.id]


def test_summary_command_prints_the_township_row(sqlite_seeded_url: str, seeded_engine) -> None:
    """`python -m data_access summary --township 钱桥镇` agrees with the page's row."""
    if seeded_engine.dialect.name != "sqlite":
        pytest.skip("the command runs once, against the seeded SQLite file")
    printed = json.loads(
        summary("--township", "钱桥镇", "--json", database_url=sqlite_seeded_url).stdout
    )
    frame = comparison(seeded_engine, "township")
    row = frame[frame["member"] == "钱桥镇"].iloc[0]
    assert {column: int(row[column]) for column in HEADLINE_OF if column != "overdue"} == {
        column: printed[name] for column, name in HEADLINE_OF.items() if column != "overdue"
    }
    assert round(row["completion_rate"], 4) == printed["completion_rate"]


@pytest.mark.parametrize("case", ["none", "as_of_early", "focus_areas"])
def test_weekly_small_multiples_end_at_each_completion_rate(seeded_engine: Engine, case: str):
    """Per township the cumulative count never falls and ends at its rectified count."""
    changes = FILTERS[case]
    with session_scope(seeded_engine) as session:
        weeks = fetch_township_weekly(session=session, flt=Filter().with_(**changes))
    frame = comparison(seeded_engine, "township", **changes)
    rows = frame.set_index("member_id")
    for township_id, series in weeks.groupby("township_id"):
        assert series["rectified_cumulative"].is_monotonic_increasing
        assert (
            series["rectified_cumulative"].iloc[-1] == rows.loc[township_id, "problems_rectified"]
        )
        assert series["completion_rate"].iloc[-1] == pytest.approx(
            rows.loc[township_id, "completion_rate"]
        )
    assert set(weeks["township_id"]) == set(frame.loc[frame["problems_total"] > 0, "member_id"])
    if "as_of" in changes:
        assert max(weeks["week_start"]) <= changes["as_of"]


def test_weekly_small_multiples_of_nothing(seeded_engine: Engine) -> None:
    """A Filter matching nothing gives an empty frame with the columns."""
    with session_scope(seeded_engine) as session:
        weeks = fetch_township_weekly(session=session, flt=Filter(townships=(10**9,)))
    assert weeks.empty and "completion_rate" in weeks.columns


@pytest.mark.parametrize("case", sorted(FILTERS))
def test_status_totals_add_up_to_the_headline(seeded_engine: Engine, case: str) -> None:
    """The four statuses sum to the problems; 已逾期 equals the headline's overdue."""
    changes = FILTERS[case]
    with session_scope(seeded_engine) as session:
        totals = fetch_status_totals(session=session, flt=Filter().with_(**changes))
    counts = dict(zip(totals["status"], totals["problems"], strict=True))
    expected = headline(seeded_engine, **changes)
    assert counts.pop(OVERDUE) == expected.overdue
    assert sum(counts.values()) == expected.problems_total
    assert counts[COMPLETED_STATUS] == expected.problems_rectified
    assert list(totals["status_label"])[-1] == "已逾期"


def test_filter_options_list_the_demo_choices(seeded_engine: Engine) -> None:
    """22 townships of one county, their villages, 4 groups, the sub-categories in use."""
    with session_scope(seeded_engine) as session:
        options = fetch_filter_options(session=session)
        scoped = fetch_filter_options(session=session, scope=(1,))
    problems = all_rows(seeded_engine, Problem)
    assert len(options.regions) == 22 and options.regions["county"].nunique() == 1
    assert len(options.villages) == len(all_rows(seeded_engine, Village))
    assert list(options.groups["group"]) == ["第一巡察组", "第二巡察组", "第三巡察组", "第四巡察组"]
    assert set(options.sub_categories["sub_category"]) == {p.sub_category for p in problems}
    assert options.first_found == min(p.found_on for p in problems)
    assert options.names("townships")[1] == options.regions["township"].iloc[0]
    assert list(scoped.regions["township_id"]) == [1]
    assert set(scoped.villages["township_id"]) == {1}


def test_beyond_the_village_limit_the_options_read_only_the_villages_asked_for(
    seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A province's villages are not read with the options; a township's and chosen ones are."""
    monkeypatch.setattr(options_module, "VILLAGE_LIST_LIMIT", 3)
    villages = pd.DataFrame(
        [(v.id, v.name, v.township_id) for v in all_rows(seeded_engine, Village)],
        columns=["village_id", "village", "township_id"],
    )
    elsewhere = int(villages.loc[villages["township_id"] != 1, "village_id"].iloc[0])
    with session_scope(seeded_engine) as session:
        options = fetch_filter_options(session=session)
        asked = fetch_villages(session=session, townships=(1,), ids=(elsewhere,))
        scoped = fetch_filter_options(session=session, scope=(1,))
        outside = fetch_villages(session=session, townships=(), ids=(elsewhere,), scope=(1,))
    assert not options.all_villages and options.villages.empty
    assert list(options.villages.columns) == ["village_id", "village", "township_id"]
    in_one = set(villages.loc[villages["township_id"] == 1, "village_id"])
    assert set(asked["village_id"]) == in_one | {elsewhere}
    assert str(asked["village_id"].dtype) == "int64"
    assert scoped.all_villages == (len(in_one) <= 3)
    assert outside.empty  # scope holds for chosen ids too


def linked_problem(engine: Engine) -> Problem:
    """A problem with status events, accountability records and a lead."""
    acted = {a.problem_id for a in all_rows(engine, AccountabilityAction)}
    led = {lead.problem_id for lead in all_rows(engine, Lead)}
    return next(
        p for p in sorted(all_rows(engine, Problem), key=lambda p: p.code) if p.id in acted & led
    )


def test_problem_detail_shows_every_ledger_field(seeded_engine: Engine) -> None:
    """Every ledger column with its Chinese header, the region for the breadcrumb."""
    problem = linked_problem(seeded_engine)
    with session_scope(seeded_engine) as session:
        detail = fetch_problem_detail(session=session, flt=Filter(), code=problem.code)
        missing = fetch_problem_detail(session=session, flt=Filter(), code="没有这个编号")
    assert missing is None
    fields = dict(ledger_fields(detail))
    assert list(fields) == [spec.header for spec in PROBLEMS.columns if spec.field != "seq"]
    assert fields["问题编号"] == problem.code
    assert fields["问题描述"] == problem.description
    assert fields["整改时限"] == problem.deadline.isoformat()
    assert fields["挽回损失(元)"].startswith(f"{problem.recovered_yuan:,} 元")
    assert fields["是否销号"] == ("是" if problem.closed else "否")
    assert detail.region["township_id"] == problem.township_id
    assert detail.region["county"] == "枞阳县"


def test_problem_timeline_and_as_of(seeded_engine: Engine) -> None:
    """The status events in order; as of an early day, only those up to it, status then."""
    problem = linked_problem(seeded_engine)
    events = sorted(
        (e for e in all_rows(seeded_engine, StatusEvent) if e.problem_id == problem.id),
        key=lambda e: (e.changed_on, e.id),
    )
    early = events[0].changed_on
    with session_scope(seeded_engine) as session:
        timeline = fetch_problem_timeline(session=session, flt=Filter(), code=problem.code)
        before = fetch_problem_timeline(session=session, flt=Filter(as_of=early), code=problem.code)
        then = fetch_problem_detail(session=session, flt=Filter(as_of=early), code=problem.code)
    assert list(timeline["status"]) == [e.status for e in events]
    assert list(timeline["changed_on"]) == [e.changed_on for e in events]
    assert list(before["status"]) == [e.status for e in events if e.changed_on <= early]
    assert then.values["status"] == before["status"].iloc[-1]
    if then.values["status"] != COMPLETED_STATUS:
        assert then.values["rectified_on"] is None


@pytest.mark.parametrize("role", [VIEWER, ADMIN])
def test_problem_accountability_masks_names_for_viewers(seeded_engine: Engine, role: str):
    """Linked people: names masked for a viewer, in full for an admin; leads listed."""
    problem = linked_problem(seeded_engine)
    actions = [
        a for a in all_rows(seeded_engine, AccountabilityAction) if a.problem_id == problem.id
    ]
    with session_scope(seeded_engine) as session:
        people = fetch_problem_accountability(
            session=session, flt=Filter(), code=problem.code, role=role
        )
        leads = fetch_problem_leads(session=session, flt=Filter(), code=problem.code)
    assert len(people) == len(actions)
    full = sorted(a.person_name for a in actions)
    if role == ADMIN:
        assert sorted(people["name"]) == full
    else:
        assert all(name[1:] == MASK_CHAR * (len(name) - 1) for name in people["name"])
        assert sorted(name[0] for name in people["name"]) == sorted(n[0] for n in full)
    expected_leads = sorted(
        lead.code for lead in all_rows(seeded_engine, Lead) if lead.problem_id == problem.id
    )
    assert sorted(leads["code"]) == expected_leads
    assert leads["outcome_label"].notna().all()
