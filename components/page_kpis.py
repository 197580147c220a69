"""KPI cards of 问题清单, 资金挽损, 问责情况 and 线索移交 for the current filter (pure)."""

from __future__ import annotations

import pandas as pd

from components.kpi import Kpi
from data_access.formatting import format_int, format_rate, format_yuan_wan
from data_access.queries import AccountabilityTotals, FundsTotals, Headline


def problems_kpis(headline: Headline) -> list[Kpi]:
    """Problems, rectified, overdue and the completion rate."""
    h = headline
    return [
        Kpi("问题总数", format_int(h.problems_total), "当前筛选范围内的问题（个）"),
        Kpi("整改完成", format_int(h.problems_rectified), "整改状态为“已完成”的问题（个）"),
        Kpi("已逾期", format_int(h.overdue), "已过整改时限仍未完成的问题（个）"),
        Kpi("完成率", format_rate(h.completion_rate), "整改完成 ÷ 问题总数；“基本完成”不计入"),
    ]


def funds_kpis(totals: FundsTotals) -> list[Kpi]:
    """Money recovered (万元), rules improved, and the problems with recovered money."""
    t = totals
    return [
        Kpi("挽回损失", format_yuan_wan(t.recovered_yuan), f"{format_int(t.recovered_yuan)} 元"),
        Kpi(
            "完善制度",
            format_int(t.rules_improved),
            f"整改中建立或完善的制度（项），涉及 {format_int(t.problems_with_rules)} 个问题",
        ),
        Kpi("涉及问题数", format_int(t.problems_with_recovery), "挽回了损失的问题（个）"),
    ]


def accountability_kpis(totals: AccountabilityTotals) -> list[Kpi]:
    """People held accountable, sanctions, the share of 第一种形态, pending cases."""
    t = totals
    return [
        Kpi(
            "问责追责",
            format_int(t.people),
            f"8 类处理方式合计（人）；另有 {format_int(t.organisations)} 个组织作书面检查，不计入",
        ),
        Kpi("党政纪处分", format_int(t.sanctioned), "给予党纪政务处分的人数（第二、三种形态）"),
        Kpi(
            "第一种形态占比",
            format_rate(t.first_form_share),
            f"谈话、批评教育、诫勉等 {format_int(t.first_form)} 人 ÷ 问责追责人数",
        ),
        Kpi("正在立案审查", format_int(t.under_investigation), "尚未作出处理决定的人数"),
    ]


def leads_kpis(funnel: pd.DataFrame) -> list[Kpi]:
    """The four funnel stages as cards (label, count with its unit)."""
    return [
        Kpi(row.stage_label, format_int(row.count), f"单位：{row.unit}")
        for row in funnel.itertuples(index=False)
    ]
