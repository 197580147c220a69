"""The KPI row: headline figures as labelled, formatted metric cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from data_access.formatting import format_int, format_rate, format_yuan, format_yuan_wan
from data_access.queries import Headline
from i18n import t

KPIS_PER_ROW = 4


@dataclass(frozen=True)
class Kpi:
    """One card: its label (browser tests find the Chinese one), its text value, a tooltip."""

    label: str
    value: str
    help: str


def card(name: str, value: str, help_text: str) -> Kpi:
    """A card labelled by the catalogue key "components.kpi.<name>" (current language)."""
    return Kpi(t(f"components.kpi.{name}"), value, help_text)


def headline_kpis(headline: Headline) -> list[Kpi]:
    """The eight published headline figures as cards, in the current language."""
    h = headline
    overdue = format_int(h.overdue)
    organisations = format_int(h.written_self_criticism_orgs)
    cases = format_int(h.cases_opened)
    case_people, sanctioned = format_int(h.case_people), format_int(h.people_sanctioned)
    return [
        card("problems_total", format_int(h.problems_total), t("components.kpi.total_help")),
        card(
            "rectified",
            format_int(h.problems_rectified),
            t("components.kpi.rectified_help", overdue=overdue),
        ),
        card("completion_rate", format_rate(h.completion_rate), rate_help()),
        card("recovered", format_yuan_wan(h.recovered_yuan), yuan_help(h.recovered_yuan)),
        card("rules_improved", format_int(h.rules_improved), t("components.kpi.rules_help")),
        card(
            "accountable",
            format_int(h.accountable_people),
            t("components.kpi.accountable_help", organisations=organisations),
        ),
        card("leads", format_int(h.leads_transferred), t("components.kpi.leads_help")),
        card(
            "cases",
            cases,
            t("components.kpi.cases_help", cases=cases, people=case_people, sanctioned=sanctioned),
        ),
    ]


def rate_help() -> str:
    """The completion rate's tooltip: how it is computed."""
    return t("components.kpi.rate_help")


def yuan_help(yuan: int) -> str:
    """The money card's tooltip: the exact amount in yuan."""
    return format_yuan(yuan)


def render_kpi_row(kpis: Sequence[Kpi], per_row: int = KPIS_PER_ROW) -> None:
    """Bordered cards, per_row to a row, value as text so tests and readers see it."""
    for start in range(0, len(kpis), per_row):
        # A wrapping row: on a narrow screen a card moves down instead of cutting its value.
        with st.container(horizontal=True, gap="small"):
            for kpi in kpis[start : start + per_row]:
                st.metric(kpi.label, kpi.value, help=kpi.help, border=True)
