"""KPI cards of 问题清单, 资金挽损, 问责情况 and 线索移交 for the current filter (pure)."""

from __future__ import annotations

import pandas as pd

from components.kpi import Kpi, card, rate_help, yuan_help
from data_access.formatting import format_int, format_rate, format_yuan_wan
from data_access.queries import AccountabilityTotals, FundsTotals, Headline
from i18n import t


def problems_kpis(headline: Headline) -> list[Kpi]:
    """Problems, rectified, overdue and the completion rate."""
    h = headline
    return [
        card("problems_total", format_int(h.problems_total), t("components.kpi.problems_help")),
        card("rectified", format_int(h.problems_rectified), t("components.kpi.done_help")),
        card("overdue", format_int(h.overdue), t("components.kpi.overdue_help")),
        card("completion_rate", format_rate(h.completion_rate), rate_help()),
    ]


def funds_kpis(totals: FundsTotals) -> list[Kpi]:
    """Money recovered (万元), rules improved, and the problems with recovered money."""
    f = totals
    rules_help = t("components.kpi.rules_problems_help", problems=format_int(f.problems_with_rules))
    return [
        card("recovered", format_yuan_wan(f.recovered_yuan), yuan_help(f.recovered_yuan)),
        card("rules_improved", format_int(f.rules_improved), rules_help),
        card(
            "problems_recovered",
            format_int(f.problems_with_recovery),
            t("components.kpi.problems_recovered_help"),
        ),
    ]


def accountability_kpis(totals: AccountabilityTotals) -> list[Kpi]:
    """People held accountable, sanctions, the share of 第一种形态, pending cases."""
    a = totals
    organisations, first_form = format_int(a.organisations), format_int(a.first_form)
    return [
        card(
            "accountable",
            format_int(a.people),
            t("components.kpi.organisations_help", organisations=organisations),
        ),
        card("sanctioned", format_int(a.sanctioned), t("components.kpi.sanctioned_help")),
        card(
            "first_form_share",
            format_rate(a.first_form_share),
            t("components.kpi.first_form_help", people=first_form),
        ),
        card(
            "under_investigation",
            format_int(a.under_investigation),
            t("components.kpi.investigation_help"),
        ),
    ]


def leads_kpis(funnel: pd.DataFrame) -> list[Kpi]:
    """The four funnel stages as cards (label, count with its unit)."""
    return [
        Kpi(row.stage_label, format_int(row.count), t("components.kpi.unit", unit=row.unit))
        for row in funnel.itertuples(index=False)
    ]
