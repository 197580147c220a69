"""The shared page parts in English: KPI cards, table headers, table controls, notices."""

from __future__ import annotations

import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from components import ledger_tables
from components.ledger_tables import (
    lead_columns,
    ledger_columns,
    organisation_columns,
    pair_columns,
    recovery_columns,
)
from components.page_kpis import accountability_kpis, funds_kpis, leads_kpis, problems_kpis
from components.round_comparison import round_kpis, table_columns
from components.view_parts import column_labels, member_headers
from data_access.kpis import headline_kpis
from data_access.queries import AccountabilityTotals, FundsTotals, Headline
from i18n import t, use_language

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
HEADLINE = Headline(
    problems_total=414,
    problems_rectified=381,
    problems_basically_done=12,
    problems_long_term=0,
    completion_rate=381 / 414,
    recovered_yuan=1_170_128,
    rules_improved=117,
    accountable_people=177,
    accountable_by_category={},
    written_self_criticism_orgs=3,
    leads_transferred=40,
    cases_opened=1,
    case_people=2,
    people_sanctioned=1,
    overdue=12,
)
TABLES = [ledger_columns, recovery_columns, pair_columns, organisation_columns, lead_columns]


def no_chinese(texts: list[str]) -> list[str]:
    """The texts that still hold Chinese characters."""
    return [text for text in texts if CJK.search(text)]


def test_headline_cards_in_english() -> None:
    with use_language("en"):
        cards = {kpi.label: kpi for kpi in headline_kpis(HEADLINE)}
    assert list(cards) == [
        "Problems",
        "Rectified",
        "Completion rate",
        "Losses recovered",
        "Rules improved",
        "Accountability",
        "Leads transferred",
        "Cases opened",
    ]
    assert cards["Rectified"].help.startswith(
        "Problems with the status “Rectified”; overdue (past the deadline, not rectified): 12"
    )
    assert cards["Losses recovered"].value == "¥1,170,128"
    assert cards["Losses recovered"].help == "¥1,170,128"
    assert "self-criticism (3) are not counted as people" in cards["Accountability"].help
    assert cards["Cases opened"].help.startswith(
        "Cases opened: 1; people involved: 2; given a Party/government sanction: 1"
    )
    assert not no_chinese([text for kpi in cards.values() for text in (kpi.label, kpi.help)])


def test_page_cards_in_english() -> None:
    funds = FundsTotals(
        recovered_yuan=25_000, rules_improved=5, problems_with_recovery=4, problems_with_rules=6
    )
    people = AccountabilityTotals(
        people=10,
        sanctioned=2,
        first_form=7,
        under_investigation=1,
        organisations=3,
        dual_check_problems=1,
    )
    funnel = pd.DataFrame({"stage_label": ["Leads transferred"], "count": [40], "unit": ["leads"]})
    with use_language("en"):
        cards = [*problems_kpis(HEADLINE), *funds_kpis(funds), *accountability_kpis(people)]
        cards += leads_kpis(funnel)
    helps = {kpi.label: kpi.help for kpi in cards}
    assert helps["Overdue"] == "Problems past their deadline and not rectified"
    assert helps["Rules improved"].endswith("problems involved: 6")
    assert helps["Share of form 1"].startswith(
        "People given talks, criticism, admonishment and the like (7)"
    )
    assert helps["Leads transferred"] == "Unit: leads"
    assert not no_chinese([text for kpi in cards for text in (kpi.label, kpi.value, kpi.help)])


def test_table_headers_in_english_and_chinese() -> None:
    with use_language("en"):
        ledger = column_labels(ledger_columns())
        english = [text for table in TABLES for text in column_labels(table()).values()]
        english += [*member_headers().values(), *column_labels(table_columns()).values()]
        status_help = ledger_columns()["status_label"]["help"]
    assert ledger["code"] == "Problem code" and ledger["township"] == "Township"
    assert ledger["recovered_yuan"] == "Losses recovered (yuan)"
    assert column_labels(lead_columns())["code"] == "线索编号"  # Chinese by default
    assert status_help == "Problems past their deadline and not rectified are marked “Overdue”"
    assert not no_chinese(english)


def test_former_column_constants_follow_the_language() -> None:
    """The transitional *_COLUMNS names are built in the language of the importing run."""
    with use_language("en"):
        assert column_labels(ledger_tables.ledger_columns())["village"] == "Village"
    assert column_labels(ledger_tables.ledger_columns())["village"] == "村"


def test_round_cards_in_english() -> None:
    totals = pd.DataFrame(
        {
            "round": ["Round 1", "Round 2"],
            "completion_rate": [0.5, 0.625],
            "problems_total": [1_000, 8],
            "problems_rectified": [500, 5],
        }
    )
    with use_language("en"):
        first, second = round_kpis(totals)
    assert first.help == "Problems: 1,000, rectified: 500"
    assert second.help == "Problems: 8, rectified: 5; +12.5 percentage points on the previous round"


def english_parts() -> None:
    """A script showing KPI cards, the empty state and the pager in English."""
    from components.drill_tables import pager
    from components.empty import show_empty_state
    from components.kpi import render_kpi_row
    from data_access.kpis import Kpi
    from i18n import set_language

    set_language("en")
    render_kpi_row([Kpi("Problems", "414", "Problems within the current filter")])
    show_empty_state()
    pager(120, page_size=50, key="pager")


def test_parts_render_in_english() -> None:
    app = AppTest.from_function(english_parts).run()
    assert not app.exception
    assert app.metric[0].label == "Problems" and app.metric[0].value == "414"
    assert "No records match the current filter." in app.info[0].value
    assert "“Clear all”" in app.info[0].value
    assert app.number_input[0].label == "Page (3 pages, 50 rows each)"
    assert app.caption[0].value == "120 rows, showing rows 1–50"
    shown = [app.metric[0].label, app.info[0].value, app.number_input[0].label]
    assert not no_chinese([*shown, app.caption[0].value])


def test_chinese_stays_the_default() -> None:
    assert t("components.drill_tables.total", total="1,000") == "共 1,000 条"
    assert [kpi.label for kpi in problems_kpis(HEADLINE)][-1] == "完成率"
