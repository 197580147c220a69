"""The KPI row: headline figures as labelled, formatted metric cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from data_access.formatting import format_int, format_rate, format_yuan_wan
from data_access.queries import Headline

KPIS_PER_ROW = 4


@dataclass(frozen=True)
class Kpi:
    """One card: a stable Chinese label (browser tests find it), its text value, a tooltip."""

    label: str
    value: str
    help: str


def headline_kpis(headline: Headline) -> list[Kpi]:
    """The eight published headline figures as cards, formatted for Chinese readers."""
    h = headline
    return [
        Kpi("问题总数", format_int(h.problems_total), "巡察发现的问题（当前筛选范围，单位：个）"),
        Kpi(
            "整改完成",
            format_int(h.problems_rectified),
            f"整改状态为“已完成”的问题（个）；另有 {format_int(h.overdue)} 个已过整改时限仍未完成",
        ),
        Kpi("完成率", format_rate(h.completion_rate), "整改完成 ÷ 问题总数；“基本完成”不计入"),
        Kpi("挽回损失", format_yuan_wan(h.recovered_yuan), f"{format_int(h.recovered_yuan)} 元"),
        Kpi("完善制度", format_int(h.rules_improved), "整改中建立或完善的制度（项）"),
        Kpi(
            "问责追责",
            format_int(h.accountable_people),
            "8 类处理方式合计（人）；另有 "
            f"{format_int(h.written_self_criticism_orgs)} 个村党组织作书面检查，不计入人数",
        ),
        Kpi("移交线索", format_int(h.leads_transferred), "移交纪检监察机关的问题线索（条）"),
        Kpi(
            "立案审查",
            format_int(h.cases_opened),
            f"立案 {format_int(h.cases_opened)} 件，涉及 {format_int(h.case_people)} 人，"
            f"已给予党纪政务处分 {format_int(h.people_sanctioned)} 人",
        ),
    ]


def render_kpi_row(kpis: Sequence[Kpi], per_row: int = KPIS_PER_ROW) -> None:
    """Bordered cards, per_row to a row, value as text so tests and readers see it."""
    for start in range(0, len(kpis), per_row):
        # A wrapping row: on a narrow screen a card moves down instead of cutting its value.
        with st.container(horizontal=True, gap="small"):
            for kpi in kpis[start : start + per_row]:
                st.metric(kpi.label, kpi.value, help=kpi.help, border=True)
