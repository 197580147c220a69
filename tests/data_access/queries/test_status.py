"""Statuses reported beside the rectified ones (基本完成, 长期坚持); what makes one overdue."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from data_access.cli.summary import headline_rows
from data_access.codes import LONG_TERM_STATUS, OVERDUE, STATUSES
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.kpis import headline_kpis
from data_access.queries import fetch_headline, fetch_problem_ledger
from data_access.queries.facts import ledger_only
from data_access.queries.status import fetch_status_totals
from data_access.queries.townships import fetch_region_comparison
from i18n import use_language
from tests.support.district_office import FIGURES, write_district_office


@pytest.fixture
def office(empty_engine: Engine) -> Engine:
    """The district office with every status and deadline kind."""
    write_district_office(empty_engine)
    return empty_engine


@pytest.mark.parametrize("source", ["summaries", "ledger"])
def test_headline_counts_each_status_as_published_reports_do(office: Engine, source: str) -> None:
    """Completion = rectified / total; 基本完成 and 长期坚持 are reported beside it."""
    with session_scope(office) as session:
        if source == "ledger":
            with ledger_only():
                headline = fetch_headline(session=session, flt=Filter())
        else:
            headline = fetch_headline(session=session, flt=Filter())
    assert headline.problems_total == FIGURES.total
    assert headline.problems_rectified == FIGURES.rectified
    assert headline.problems_basically_done == FIGURES.basically_done
    assert headline.problems_long_term == FIGURES.long_term
    assert headline.completion_rate == pytest.approx(FIGURES.rectified / FIGURES.total)
    assert headline.overdue == FIGURES.overdue
    json = headline.to_json_dict()
    assert (json["problems_basically_done"], json["problems_long_term"]) == (1, 2)


@pytest.mark.parametrize("source", ["summaries", "ledger"])
def test_overdue_leaves_out_long_term_items_and_immediate_deadlines(
    office: Engine, source: str
) -> None:
    """Only a dated (or unknown-kind) deadline that has passed, on a problem neither
    rectified nor long-term, is overdue: the ledger's overdue rows are exactly those."""
    flt = Filter(statuses=(OVERDUE,))
    with session_scope(office) as session:
        if source == "ledger":
            with ledger_only():
                headline = fetch_headline(session=session, flt=flt)
        else:
            headline = fetch_headline(session=session, flt=flt)
        ledger = fetch_problem_ledger(session=session, flt=flt)
    assert headline.problems_total == FIGURES.overdue
    assert sorted(ledger["code"]) == ["CG2024-002", "CG2024-004", "CG2024-007"]
    assert ledger["overdue"].all()


def test_status_totals_list_long_term_as_its_own_status(office: Engine) -> None:
    with session_scope(office) as session:
        totals = fetch_status_totals(session=session, flt=Filter())
        long_term = fetch_headline(session=session, flt=Filter(statuses=(LONG_TERM_STATUS,)))
    counts = dict(zip(totals["status"], totals["problems"], strict=True))
    assert list(counts) == [*STATUSES, OVERDUE]
    assert counts[LONG_TERM_STATUS] == FIGURES.long_term == long_term.problems_total
    assert totals.set_index("status").loc[LONG_TERM_STATUS, "status_label"] == "长期坚持"
    assert counts[OVERDUE] == FIGURES.overdue
    assert sum(counts.values()) - counts[OVERDUE] == FIGURES.total


def test_the_township_table_counts_overdue_alike(office: Engine) -> None:
    with session_scope(office) as session:
        table = fetch_region_comparison(session=session, flt=Filter(), level="township")
    assert int(table["overdue"].sum()) == FIGURES.overdue


def test_cards_and_cli_report_them_beside_the_rectified(office: Engine) -> None:
    with session_scope(office) as session:
        headline = fetch_headline(session=session, flt=Filter())
    cards = {kpi.label: kpi for kpi in headline_kpis(headline)}
    assert cards["整改完成"].value == "3"
    assert cards["整改完成"].note == "基本完成 1 · 长期坚持 2"
    rows = dict(headline_rows(headline))
    assert (rows["基本完成"], rows["长期坚持"]) == ("1 个", "2 个")
    with use_language("en"):
        assert headline_kpis(headline)[1].note == "Basically done 1 · Long-term 2"


def test_the_demo_card_notes_only_its_basically_done(seeded_engine: Engine) -> None:
    """The demo has no long-term items: the note names only what there is."""
    with session_scope(seeded_engine) as session:
        headline = fetch_headline(session=session, flt=Filter())
    assert headline_kpis(headline)[1].note == "基本完成 12"
