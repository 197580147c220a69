"""The parts of 轮次对比: a card per compared round, the grouped bars and the table."""

from __future__ import annotations

from typing import Protocol

import pandas as pd
import streamlit as st

from charts.rounds import largest_townships, round_comparison_chart
from components.chart_notes import note_largest_townships
from components.chart_specs import cached_chart
from components.drill_tables import ColumnSpecs
from components.kpi import render_kpi_row
from components.ledger_tables import header, rate_column
from data_access.formatting import format_int, format_rate
from data_access.kpis import Kpi
from data_access.queries.facts import CHART_TOWNSHIPS
from i18n import t


def table_columns() -> ColumnSpecs:
    """The comparison table's columns: a row per township and round."""
    return {
        "township": st.column_config.TextColumn(header("township"), pinned=True),
        "round": header("round"),
        "problems_total": st.column_config.NumberColumn(
            header("problems_total"), format="localized"
        ),
        "problems_rectified": st.column_config.NumberColumn(
            header("problems_rectified"), format="localized"
        ),
        "completion_rate": rate_column(header("completion_rate")),
    }


class RoundRow(Protocol):
    """A row of the round comparison (DataFrame.itertuples)."""

    completion_rate: float
    problems_total: int
    problems_rectified: int


def round_help(row: RoundRow, previous: float | None) -> str:
    """A round card's tooltip: its problems, rectified, and the change from previous."""
    change = (
        ""
        if previous is None
        else t("components.rounds.change", points=(row.completion_rate - previous) * 100)
    )
    problems, rectified = format_int(row.problems_total), format_int(row.problems_rectified)
    return t("components.rounds.card_help", problems=problems, rectified=rectified) + change


def round_kpis(totals: pd.DataFrame) -> list[Kpi]:
    """A card per round: completion rate, and the change from the round before."""
    kpis: list[Kpi] = []
    previous: float | None = None
    for row in totals.itertuples():
        kpis.append(
            Kpi(str(row.round), format_rate(row.completion_rate), round_help(row, previous))
        )
        previous = row.completion_rate
    return kpis


def show_round_comparison(comparison: pd.DataFrame, totals: pd.DataFrame) -> None:
    """The cards, the chart and the table of the compared rounds."""
    render_kpi_row(round_kpis(totals))
    if len(totals) < 2:
        st.info(t("components.rounds.one_round"), icon=":material/info:")
    shown = largest_townships(comparison, CHART_TOWNSHIPS)
    chart = cached_chart(round_comparison_chart, shown)
    st.vega_lite_chart(chart.spec, width="stretch", key="round_chart")
    note_largest_townships(shown, measure=t("pages.measure.problems"))
    st.caption(t("components.rounds.rollup_hint"))
    columns = table_columns()
    st.dataframe(
        comparison[list(columns)],
        column_config=columns,
        hide_index=True,
        width="stretch",
        key="round_table",
        placeholder="—",
    )
