"""KPI cards of 问题清单, 资金挽损, 问责情况 and 线索移交 for the current filter (pure)."""

from __future__ import annotations

import pandas as pd

from data_access.formatting import RATE, format_int, format_rate
from data_access.kpis import Kpi, card, count_card, money_card, not_completed_note, rate_card
from data_access.queries import AccountabilityTotals, FundsTotals, Headline
from i18n import t


def problems_kpis(headline: Headline) -> list[Kpi]:
    """Problems, rectified, overdue and the completion rate."""
    h = headline
    return [
        count_card("problems_total", h.problems_total, t("components.kpi.problems_help")),
        count_card(
            "rectified",
            h.problems_rectified,
            t("components.kpi.done_help"),
            not_completed_note(h),
        ),
        count_card("overdue", h.overdue, t("components.kpi.overdue_help")),
        rate_card(h.completion_rate),
    ]


def funds_kpis(totals: FundsTotals) -> list[Kpi]:
    """Money recovered (万元), rules improved, and the problems with recovered money."""
    f = totals
    rules_help = t("components.kpi.rules_problems_help", problems=format_int(f.problems_with_rules))
    return [
        money_card(f.recovered_yuan),
        count_card("rules_improved", f.rules_improved, rules_help),
        count_card(
            "problems_recovered",
            f.problems_with_recovery,
            t("components.kpi.problems_recovered_help"),
        ),
    ]


def accountability_kpis(totals: AccountabilityTotals) -> list[Kpi]:
    """People held accountable, sanctions, the share of 第一种形态, pending cases."""
    a = totals
    organisations, first_form = format_int(a.organisations), format_int(a.first_form)
    return [
        count_card(
            "accountable",
            a.people,
            t("components.kpi.organisations_help", organisations=organisations),
        ),
        count_card("sanctioned", a.sanctioned, t("components.kpi.sanctioned_help")),
        card(
            "first_form_share",
            format_rate(a.first_form_share),
            t("components.kpi.first_form_help", people=first_form),
            amount=a.first_form_share,
            measure=RATE,
        ),
        count_card(
            "under_investigation", a.under_investigation, t("components.kpi.investigation_help")
        ),
    ]


def leads_kpis(funnel: pd.DataFrame) -> list[Kpi]:
    """The four funnel stages as cards (label, count with its unit)."""
    return [
        Kpi(
            row.stage_label,
            format_int(row.count),
            t("components.kpi.unit", unit=row.unit),
            amount=int(row.count),
        )
        for row in funnel.itertuples(index=False)
    ]
