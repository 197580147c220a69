"""The 通报稿: the demo's paragraph reproduces the published sentence; the office's wording
rules; an English rendering of the same facts; the paragraph's numbers are the summary's."""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.__main__ import main
from data_access.codes import PERSON_CATEGORIES
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.formatting import format_wan
from data_access.models import County, Township
from data_access.notice import NoticeFacts, completion_text, draft_notice, months_after
from data_access.queries import list_townships
from data_access.queries.headline import Headline
from data_access.queries.notice import fetch_notice, fetch_notice_facts
from i18n import use_language
from tests.support.cli import run_cli, run_process
from tests.support.notice_figures import normalised, numbers_in_order, paragraph_figures
from tests.support.office import (
    RECOVERED_YUAN,
    ROUND_1,
    ROUND_1_PROBLEMS,
    ROUND_1_TOTAL,
    add_round,
    ledger_xlsx,
    problem_records,
    region_records,
    regions_xlsx,
    upload_ledger,
    upload_regions,
)
from tests.support.published_figures import (
    ADDED_KEYS,
    PUBLISHED_AS_OF,
    PUBLISHED_JSON,
    PUBLISHED_SENTENCE,
)
from tests.support.query_support import headline

FEEDBACK = date(2018, 6, 8)
DEMO_TOWNSHIPS = ("枞阳镇", "藕山镇", "钱桥镇", "汤沟镇", "老洲镇", "白柳镇", "雨坛乡", "铁铜乡")


def notice(engine: Engine, **changes: object) -> str:
    """The paragraph for Filter().with_(**changes)."""
    with session_scope(engine) as session:
        return fetch_notice(session=session, flt=Filter().with_(**changes))


def test_the_demo_reproduces_the_published_sentence(seeded_engine: Engine) -> None:
    """As of the report day, every figure of the published sentence, in its order, and the
    same sentence once punctuation is folded to one form."""
    drafted = notice(seeded_engine, as_of=PUBLISHED_AS_OF)
    assert numbers_in_order(drafted) == numbers_in_order(PUBLISHED_SENTENCE)
    assert normalised(drafted) == normalised(PUBLISHED_SENTENCE)
    figures = paragraph_figures(drafted)
    assert figures["completion_rate"] == "92%"
    published = {key: value for key, value in PUBLISHED_JSON.items() if key not in ADDED_KEYS}
    assert figures | {"completion_rate": 0.9203, "problems_total": 414} == published


def test_an_earlier_day_is_dated_and_smaller(seeded_engine: Engine) -> None:
    """Between feedback and report the paragraph says 截至 the day, with that day's figures."""
    day = FEEDBACK + timedelta(days=40)
    drafted = notice(seeded_engine, as_of=day)
    assert drafted.startswith("截至7月18日，共整改完成")
    figures = headline(seeded_engine, as_of=day).to_json_dict()
    parsed = paragraph_figures(drafted)
    for key in ("problems_rectified", "recovered_yuan", "rules_improved", "accountable_people"):
        assert parsed[key] == figures[key] < PUBLISHED_JSON[key], key


def test_a_township_is_named(seeded_engine: Engine) -> None:
    """A township filter names the township; one month after feedback says so."""
    with session_scope(seeded_engine) as session:
        townships = list_townships(session=session)
    row = townships[townships["township"] == "钱桥镇"].iloc[0]
    drafted = notice(seeded_engine, townships=(int(row["township_id"]),), as_of=date(2018, 7, 8))
    assert drafted.startswith("巡察反馈一个月后，钱桥镇共整改完成")


def test_english_renders_the_same_facts(seeded_engine: Engine) -> None:
    """The English paragraph carries the same figures in the same order."""
    with use_language("en"):
        drafted = notice(seeded_engine, as_of=PUBLISHED_AS_OF)
    assert drafted.startswith("Two months after the inspection feedback, 381 problems rectified")
    assert "(completion rate 92%)" in drafted and "¥1,170,128 in losses recovered" in drafted
    assert "two village party organisations made written self-criticism" in drafted
    assert "1 case opened by discipline inspection and supervision bodies, involving 2 people" in (
        drafted
    )
    assert drafted.endswith("and 1 person disciplined by the party or government.")


# ---------------------------------------------------------------- the wording rules


def figures(**values: object) -> Headline:
    """A Headline with the published figures, some changed."""
    published = dict(PUBLISHED_JSON, overdue=0)
    published["accountable_by_category"] = dict(published["accountable_by_category"])
    return replace(Headline(**published), **values)


def facts(**values: object) -> NoticeFacts:
    """NoticeFacts of the published figures on the report day, some fields changed."""
    return replace(NoticeFacts(figures(), PUBLISHED_AS_OF, FEEDBACK), **values)


def test_measures_nobody_received_are_left_out() -> None:
    """Categories with zero people drop out of the list; their total stays the sum."""
    by_category = dict.fromkeys(PERSON_CATEGORIES, 0) | {"admonishment": 3, "formal_interview": 1}
    drafted = draft_notice(
        facts(figures=figures(accountable_people=4, accountable_by_category=by_category))
    )
    assert "问责追责4人（其中：诫勉谈话3人、约谈1人）" in drafted
    assert "党政纪处分26人" not in drafted and "正在立案审查" not in drafted


def test_zero_figures_are_left_out() -> None:
    """No money, rules, people, organisations or leads: only the rectification clause."""
    empty = figures(
        recovered_yuan=0,
        rules_improved=0,
        accountable_people=0,
        accountable_by_category=dict.fromkeys(PERSON_CATEGORIES, 0),
        written_self_criticism_orgs=0,
        leads_transferred=0,
        cases_opened=0,
        case_people=0,
        people_sanctioned=0,
    )
    drafted = draft_notice(facts(figures=empty))
    assert drafted == "巡察反馈两个月后，共整改完成381个问题，完成率92%。"


def test_counts_in_words_where_the_style_writes_them() -> None:
    """Organisations and months in words (一个, 两个 … 十个); digits beyond ten."""
    assert "另有一个村级党组织书面检查" in draft_notice(
        facts(figures=figures(written_self_criticism_orgs=1))
    )
    assert "另有12个党组织书面检查" in draft_notice(
        facts(figures=figures(written_self_criticism_orgs=12), village_orgs=False)
    )
    three_months = draft_notice(facts(day=date(2018, 9, 8)))
    assert three_months.startswith("巡察反馈三个月后，")


@pytest.mark.parametrize(
    ("day", "months"),
    [
        (date(2018, 8, 8), 2),
        (date(2018, 7, 8), 1),
        (date(2019, 6, 8), 12),
        (date(2018, 8, 9), 0),
        (date(2018, 6, 8), 0),
        (date(2018, 5, 8), 0),
    ],
)
def test_whole_months_after_feedback(day: date, months: int) -> None:
    assert months_after(FEEDBACK, day) == months


def test_end_of_month_feedback_counts_to_the_last_day() -> None:
    """31 January + 1 month is the last day of February."""
    assert months_after(date(2019, 1, 31), date(2019, 2, 28)) == 1
    assert months_after(date(2019, 1, 31), date(2019, 3, 31)) == 2


def test_other_days_say_as_of_with_the_year_when_it_differs() -> None:
    assert draft_notice(facts(day=date(2018, 8, 10))).startswith("截至8月10日，")
    assert draft_notice(facts(day=date(2019, 1, 5))).startswith("截至2019年1月5日，")
    assert draft_notice(facts(feedback_on=None)).startswith("截至2018年8月8日，")


def test_scope_names_places_and_focus_areas() -> None:
    """The chosen places (the first and a count when many) and focus areas lead the figures."""
    one = draft_notice(facts(places=("钱桥镇",), place_kind="township"))
    assert "，钱桥镇共整改完成381个问题" in one
    many = facts(places=("枞阳镇", "藕山镇", "汤沟镇", "钱桥镇"), place_kind="township")
    assert "，枞阳镇等4个乡镇共整改完成" in draft_notice(many)
    area = draft_notice(facts(focus_areas=("扶贫资金项目落实",)))
    assert "，扶贫资金项目落实方面共整改完成" in area


def test_rates_never_round_to_all_or_nothing() -> None:
    assert completion_text(381, 414) == "92%"
    assert completion_text(999, 1000) == "99.9%"
    assert completion_text(1, 1000) == "0.1%"
    assert completion_text(0, 5) == "0%"
    assert completion_text(5, 5) == "100%"


def test_no_problems_yet() -> None:
    empty = figures(problems_total=0, problems_rectified=0)
    assert draft_notice(facts(figures=empty, feedback_on=None, day=date(2018, 3, 1))) == (
        "截至2018年3月1日，尚无整改问题数据。"
    )


# ---------------------------------------------------------------- the paragraph = the summary


def cli_json(*args: str) -> dict:
    """`python -m data_access ARGS` run in-process; its JSON output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return json.loads(out.getvalue())


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    names=st.lists(st.sampled_from(DEMO_TOWNSHIPS), max_size=3, unique=True),
    day=st.one_of(st.none(), st.dates(date(2018, 3, 1), date(2018, 10, 31))),
)
def test_the_paragraph_states_the_summary_figures(
    seeded_engine: Engine, names: list[str], day: date | None
) -> None:
    """For any townships and day, the figures read back from `notice --json` are exactly
    those of `summary --json` (zeros where the paragraph leaves a figure out)."""
    url = seeded_engine.url.render_as_string(hide_password=False)
    args = ["--database-url", url, *(a for name in names for a in ("--township", name))]
    if day is not None:
        args += ["--as-of", day.isoformat()]
    summary = cli_json("--lang", "zh", "summary", "--json", *args)
    drafted = cli_json("--lang", "zh", "notice", "--json", *args)
    assert drafted["figures"] == summary
    if summary["problems_total"] == 0:
        assert "尚无整改问题数据" in drafted["text"]
        return
    stated = paragraph_figures(drafted["text"])
    expected = {key: value for key, value in summary.items() if key in stated}
    rectified, total = summary["problems_rectified"], summary["problems_total"]
    expected["completion_rate"] = completion_text(rectified, total)
    assert stated == expected


def test_facts_follow_the_filter(seeded_engine: Engine) -> None:
    """The facts' day is the as-of day (else today), the round's feedback day is found."""
    with session_scope(seeded_engine) as session:
        dated = fetch_notice_facts(session=session, flt=Filter(as_of=PUBLISHED_AS_OF))
        current = fetch_notice_facts(session=session, flt=Filter(), today=date(2030, 1, 1))
    assert (dated.day, dated.feedback_on) == (PUBLISHED_AS_OF, FEEDBACK)
    assert current.day == date(2030, 1, 1) and current.village_orgs


def test_a_new_office_gets_its_own_paragraph(empty_engine: Engine) -> None:
    """From an empty store: no figures yet, then after the first upload its own paragraph."""
    engine = empty_engine
    assert notice(engine, as_of=date(2018, 8, 1)) == "截至2018年8月1日，尚无整改问题数据。"
    upload_regions(engine, regions_xlsx(region_records()))
    with session_scope(engine) as session:
        county = int(session.scalar(select(County.id)))
    started = date(2018, 4, 9)  # the helper's round: feedback 60 days later, 2018-06-08
    round_id = add_round(engine, ROUND_1, "county", started, ("第一巡察组", "第二巡察组"), county)
    upload_ledger(engine, ledger_xlsx(problem_records("R1", ROUND_1_PROBLEMS, started)), round_id)
    rectified = ROUND_1_TOTAL.rectified
    recovered = format_wan(rectified * RECOVERED_YUAN)
    rate = completion_text(rectified, ROUND_1_TOTAL.total)
    assert notice(engine, as_of=date(2018, 8, 8)) == (
        f"巡察反馈两个月后，共整改完成{rectified}个问题，完成率{rate}，挽回损失{recovered}万元。"
    )
    township = notice(engine, townships=(township_id(engine, "铁铜乡"),), as_of=date(2018, 8, 9))
    assert township.startswith("截至8月9日，铁铜乡共整改完成3个问题，完成率75%，")


def township_id(engine: Engine, name: str) -> int:
    """The id of the township called name."""
    with session_scope(engine) as session:
        return int(session.scalar(select(Township.id).where(Township.name == name)))


def test_the_command_prints_the_paragraph(sqlite_seeded_url: str) -> None:
    """`python -m data_access notice` as users run it: the paragraph (from a real process);
    bad input, clear exits."""
    env = {"DATABASE_URL": sqlite_seeded_url, "DASHBOARD_LANG": "zh"}
    done = run_process("notice", "--as-of", "2018-08-08", env=env)
    assert done.returncode == 0, done.stderr
    assert normalised(done.stdout) == normalised(PUBLISHED_SENTENCE)
    unknown = run_cli("notice", "--township", "无此镇", env=env)
    assert unknown.returncode == 1 and "无此镇" in unknown.stderr
    bad_day = run_cli("notice", "--as-of", "8月8日", env=env)
    assert bad_day.returncode == 2 and "2018-08-08" in bad_day.stderr
