"""The parts of 轮次对比: a card per compared round, the grouped bars and the table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.rounds import round_comparison_chart
from components.kpi import Kpi, render_kpi_row
from data_access.formatting import format_int, format_rate

TABLE_COLUMNS = {
    "township": st.column_config.TextColumn("乡镇", pinned=True),
    "round": "巡察轮次",
    "problems_total": st.column_config.NumberColumn("问题数", format="localized"),
    "problems_rectified": st.column_config.NumberColumn("整改完成", format="localized"),
    "completion_rate": st.column_config.ProgressColumn(
        "完成率", format="percent", min_value=0.0, max_value=1.0
    ),
}
ROLLUP_HINT = (
    "已撤并的乡镇在往轮中按原名显示；在左侧筛选栏勾选“按现行区划汇总”，"
    "可把它们的问题归入现在所属的乡镇，两轮按同一区划对比。"
)


def round_kpis(totals: pd.DataFrame) -> list[Kpi]:
    """A card per round: completion rate, and the change from the round before."""
    kpis: list[Kpi] = []
    previous: float | None = None
    for row in totals.itertuples():
        change = (
            ""
            if previous is None
            else f"；比上一轮 {(row.completion_rate - previous) * 100:+.1f} 个百分点"
        )
        kpis.append(
            Kpi(
                str(row.round),
                format_rate(row.completion_rate),
                f"问题 {format_int(row.problems_total)} 个，整改完成 "
                f"{format_int(row.problems_rectified)} 个{change}",
            )
        )
        previous = row.completion_rate
    return kpis


def show_round_comparison(comparison: pd.DataFrame, totals: pd.DataFrame) -> None:
    """The cards, the chart and the table of the compared rounds."""
    render_kpi_row(round_kpis(totals))
    if len(totals) < 2:
        st.info(
            "当前筛选范围内只有一轮巡察的问题；新建下一轮并上传台账后，这里并排对比两轮。",
            icon=":material/info:",
        )
    st.altair_chart(round_comparison_chart(comparison), width="stretch", key="round_chart")
    st.caption(ROLLUP_HINT)
    st.dataframe(
        comparison[list(TABLE_COLUMNS)],
        column_config=TABLE_COLUMNS,
        hide_index=True,
        width="stretch",
        key="round_table",
    )
