"""Demo data: every published figure counted straight from the tables, histories, places."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from data_access.models import (
    AccountabilityAction,
    Case,
    DataVersion,
    ImportBatch,
    InspectionGroup,
    InspectionRound,
    Lead,
    Problem,
    StatusEvent,
    Township,
    TownshipAlias,
    Village,
)
from seed import DEMO_BATCH_KIND
from tests.support.published_figures import PUBLISHED_AS_OF, PUBLISHED_JSON

FEEDBACK_ON = date(2018, 6, 8)
PEOPLE = PUBLISHED_JSON["accountable_by_category"]


def scalar(engine: Engine, statement):
    """Run one SELECT and return its single value."""
    with engine.connect() as conn:
        return conn.execute(statement).scalar_one()


def rows(engine: Engine, statement) -> list:
    """Run one SELECT and return all rows."""
    with engine.connect() as conn:
        return list(conn.execute(statement).all())


def count(engine: Engine, model, *where) -> int:
    """Rows of model matching where."""
    return scalar(engine, select(func.count()).select_from(model).where(*where))


def grouped(engine: Engine, key, value, *where) -> dict:
    """{key: value} of a GROUP BY key query (value is an aggregate)."""
    return dict(rows(engine, select(key, value).where(*where).group_by(key)))


# ---------------------------------------------------------------- published figures


def test_problems_rectified_and_rate(seeded_engine: Engine) -> None:
    """414 problems, 381 rectified, 92% (rounded); basically_done does not count as done."""
    total = count(seeded_engine, Problem)
    rectified = count(seeded_engine, Problem, Problem.status == "rectified")
    assert (total, rectified) == (414, PUBLISHED_JSON["problems_rectified"])
    assert round(100 * rectified / total) == 92
    by_status = grouped(seeded_engine, Problem.status, func.count())
    assert set(by_status) == {"rectified", "basically_done", "in_progress", "not_started"}
    assert sum(by_status.values()) == total


def test_recovered_money_and_rules(seeded_engine: Engine) -> None:
    """1,170,128 元 recovered (integer 元) and 117 rules improved."""
    assert scalar(seeded_engine, select(func.sum(Problem.recovered_yuan))) == 1_170_128
    assert scalar(seeded_engine, select(func.sum(Problem.rules_improved))) == 117
    assert count(seeded_engine, Problem, Problem.recovered_yuan < 0) == 0


def test_people_held_accountable(seeded_engine: Engine) -> None:
    """177 people with the exact 8-category breakdown; organisations are not among them."""
    person = AccountabilityAction.is_organisation.is_(False)
    by_category = grouped(seeded_engine, AccountabilityAction.category, func.count(), person)
    assert by_category == PEOPLE
    assert sum(by_category.values()) == PUBLISHED_JSON["accountable_people"] == 177


def test_written_self_criticism_organisations(seeded_engine: Engine) -> None:
    """Two village party organisations made written self-criticism."""
    orgs = rows(
        seeded_engine,
        select(AccountabilityAction.category, AccountabilityAction.person_name).where(
            AccountabilityAction.is_organisation.is_(True)
        ),
    )
    assert [category for category, _ in orgs] == ["written_self_criticism"] * 2
    assert all(name.endswith("党支部") for _, name in orgs)


def test_forms_and_decision_days(seeded_engine: Engine) -> None:
    """Forms fit the categories; decisions fall in the two months after feedback."""
    records = rows(
        seeded_engine,
        select(
            AccountabilityAction.category,
            AccountabilityAction.form,
            AccountabilityAction.decided_on,
        ).where(AccountabilityAction.is_organisation.is_(False)),
    )
    forms = Counter((category, form) for category, form, _ in records)
    assert forms[("disciplinary_sanction", 2)] + forms[("disciplinary_sanction", 3)] == 26
    assert forms[("disciplinary_sanction", 2)] > forms[("disciplinary_sanction", 3)] > 0
    assert forms[("under_investigation", None)] == 8
    for category, form, decided_on in records:
        if category == "under_investigation":
            assert decided_on is None
        else:
            assert FEEDBACK_ON < decided_on <= PUBLISHED_AS_OF
            assert form in ((2, 3) if category == "disciplinary_sanction" else (1,))


def test_leads_and_case(seeded_engine: Engine) -> None:
    """40 leads, exactly one became a case involving 2 people, 1 sanctioned."""
    assert count(seeded_engine, Lead) == 40
    outcomes = grouped(seeded_engine, Lead.outcome, func.count())
    assert outcomes["case_opened"] == 1
    assert set(outcomes) <= {"case_opened", "pending", "closed_no_case"}
    cases = rows(
        seeded_engine,
        select(Case.people_involved, Case.people_sanctioned, Lead.outcome).join(
            Lead, Lead.id == Case.lead_id
        ),
    )
    assert cases == [(2, 1, "case_opened")]
    receivers = Counter(r for (r,) in rows(seeded_engine, select(Lead.transferred_to)))
    assert receivers.most_common(1)[0] == ("县纪委监委", 34)


# ---------------------------------------------------------------- histories and dates


def test_latest_status_event_is_the_status(seeded_engine: Engine) -> None:
    """Each history is strictly dated, starts not_started and ends in the problem's status."""
    events = rows(
        seeded_engine,
        select(StatusEvent.problem_id, StatusEvent.changed_on, StatusEvent.status).order_by(
            StatusEvent.problem_id, StatusEvent.changed_on
        ),
    )
    history: dict[int, list[tuple[date, str]]] = {}
    for problem_id, changed_on, status in events:
        history.setdefault(problem_id, []).append((changed_on, status))
    problems = rows(
        seeded_engine, select(Problem.id, Problem.status, Problem.found_on, Problem.rectified_on)
    )
    assert len(history) == len(problems) == 414
    for problem_id, status, found_on, rectified_on in problems:
        days = [day for day, _ in history[problem_id]]
        assert days == sorted(set(days)), "one change per day, strictly later each time"
        assert history[problem_id][0] == (found_on, "not_started")
        assert history[problem_id][-1][1] == status
        assert days[-1] <= PUBLISHED_AS_OF
        if status == "rectified":
            assert history[problem_id][-1][0] == rectified_on


def test_dates_fit_the_round(seeded_engine: Engine) -> None:
    """Found during the inspection, rectified after that, deadlines 30/60/90 days after feedback."""
    round_row = rows(seeded_engine, select(InspectionRound.started_on, InspectionRound.ended_on))
    ((started_on, ended_on),) = round_row
    problems = rows(
        seeded_engine,
        select(Problem.status, Problem.found_on, Problem.rectified_on, Problem.deadline),
    )
    deadlines = {FEEDBACK_ON + timedelta(days=d) for d in (30, 60, 90)}
    for status, found_on, rectified_on, deadline in problems:
        assert started_on <= found_on <= ended_on
        assert deadline in deadlines
        if status == "rectified":
            assert found_on <= rectified_on <= PUBLISHED_AS_OF
        else:
            assert rectified_on is None


def test_weekly_rectification_rises_then_tails(seeded_engine: Engine) -> None:
    """Rectification looks like real work: slow first week, a peak mid-way, a tail."""
    days = [
        d
        for (d,) in rows(
            seeded_engine, select(Problem.rectified_on).where(Problem.rectified_on.is_not(None))
        )
    ]
    weeks = Counter((d - FEEDBACK_ON).days // 7 for d in days)
    series = [weeks[w] for w in range(max(weeks) + 1)]
    peak = series.index(max(series))
    assert series[0] < max(series) / 2
    assert 2 <= peak <= len(series) - 3
    assert series[-1] < max(series) / 2


# ---------------------------------------------------------------- places, round, distribution


def test_regions(seeded_engine: Engine) -> None:
    """22 townships of 2017 (17 镇, 5 乡) in DOMAIN order, aliases, merges, 6-12 villages each."""
    townships = rows(
        seeded_engine,
        select(
            Township.name, Township.kind, Township.valid_to, Township.merged_into_id, Township.id
        ).order_by(Township.sort_order),
    )
    names = [name for name, *_ in townships]
    assert len(names) == 22 and names[0] == "枞阳镇" and names[-1] == "雨坛乡"
    assert Counter(kind for _, kind, *_ in townships) == {"镇": 17, "乡": 5}
    by_id = {tid: name for name, _, _, _, tid in townships}
    merges = {name: by_id[into] for name, _, _, into, _ in townships if into is not None}
    assert merges == {"铁铜乡": "枞阳镇", "凤仪乡": "藕山镇", "长沙乡": "汤沟镇"}
    aliases = rows(seeded_engine, select(TownshipAlias.alias, Township.name).join(Township))
    assert set(aliases) == {("欧山镇", "藕山镇"), ("雨坛镇", "雨坛乡")}
    villages = Counter(tid for (tid,) in rows(seeded_engine, select(Village.township_id)))
    assert set(villages) == set(by_id) and all(6 <= n <= 12 for n in villages.values())
    poor = {
        name
        for (name,) in rows(seeded_engine, select(Village.name).where(Village.is_poverty_village))
    }
    assert {"罗墩村", "虾溪村"} <= poor


def test_round_groups_and_batch(seeded_engine: Engine) -> None:
    """One round, four groups each owning its townships' problems, one seed batch owning all."""
    assert rows(
        seeded_engine,
        select(InspectionRound.name, InspectionRound.level, InspectionRound.feedback_on),
    ) == [("2018年脱贫攻坚专项巡察", "city", FEEDBACK_ON)]
    assert count(seeded_engine, InspectionGroup) == 4
    pairs = rows(seeded_engine, select(Problem.township_id, Problem.group_id).distinct())
    assert len({g for _, g in pairs}) == 4
    assert len({t for t, _ in pairs}) == len(pairs) == 22
    batches = rows(
        seeded_engine,
        select(ImportBatch.id, ImportBatch.kind, ImportBatch.file_name, ImportBatch.status),
    )
    assert [b[1:] for b in batches] == [(DEMO_BATCH_KIND, "demo", "committed")]
    assert count(seeded_engine, Problem, Problem.import_batch_id == batches[0][0]) == 414
    assert scalar(seeded_engine, select(DataVersion.version)) >= 1


def test_distribution_is_uneven_and_plausible(seeded_engine: Engine) -> None:
    """Money sits on funds problems with a long tail; funds sub-categories follow CCDI's order."""
    money = rows(
        seeded_engine,
        select(Problem.focus_area, Problem.recovered_yuan).where(Problem.recovered_yuan > 0),
    )
    on_funds = sum(y for area, y in money if area == "funds_projects")
    assert on_funds > 0.8 * 1_170_128
    large = [y for _, y in money if y >= 50_000]
    assert 3 <= len(large) <= 8 and max(large) <= 200_000
    funds_only = Problem.focus_area == "funds_projects"
    funds = grouped(seeded_engine, Problem.sub_category, func.count(), funds_only)
    assert funds["截留挪用"] > funds["优亲厚友"] > funds["贪污侵占"] > funds["招投标违规"]
    rules = grouped(seeded_engine, Problem.focus_area, func.sum(Problem.rules_improved))
    assert rules["main_responsibility"] + rules["supervision_responsibility"] > 117 / 2
    assert count(seeded_engine, Problem, Problem.village_id.is_not(None)) > 414 / 2


def test_two_records_per_case(seeded_engine: Engine) -> None:
    """一案双查: many problems carry a direct and a leader record, in the problem's township."""
    records = rows(
        seeded_engine,
        select(
            AccountabilityAction.is_leadership_responsibility,
            Problem.id,
            AccountabilityAction.township_id,
            Problem.township_id,
        )
        .join(Problem, Problem.id == AccountabilityAction.problem_id)
        .where(AccountabilityAction.is_organisation.is_(False)),
    )
    assert all(mine == theirs for _, _, mine, theirs in records)
    by_problem: dict[int, set[bool]] = {}
    for leader, problem_id, _, _ in records:
        by_problem.setdefault(problem_id, set()).add(bool(leader))
    assert sum(1 for kinds in by_problem.values() if kinds == {True, False}) >= 50
    assert len(records) > 0.9 * 177
