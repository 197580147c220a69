"""The KPI row: the cards of data_access/kpis.py as bordered metric cards with their changes."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.markdown import escape_markdown
from components.scope import show_scope_line
from data_access.kpis import Kpi
from i18n import t

KPIS_PER_ROW = 4


def render_kpi_row(
    kpis: Sequence[Kpi], per_row: int = KPIS_PER_ROW, *, notes_below: bool = True
) -> None:
    """Bordered cards, per_row to a row, value as text so tests and readers see it; under
    the value the first change with its arrow, then what it is against and the other
    changes; under the row the notes ("未计入整改完成：基本完成 12"), or in their card's
    tooltip when not notes_below (a projector screen has no line to spare).

    A township-limited account reads its scope right above the figures ("范围：藕山镇").
    """
    show_scope_line()
    for start in range(0, len(kpis), per_row):
        # A wrapping row: on a narrow screen a card moves down instead of cutting its value.
        with st.container(horizontal=True, gap="small"):
            for kpi in kpis[start : start + per_row]:
                show_card(kpi, note_in_help=not notes_below)
    notes = [note_line(kpi) for kpi in kpis if kpi.note]
    if notes and notes_below:
        st.caption(escape_markdown(" ".join(notes)))


def note_line(kpi: Kpi) -> str:
    """ "未计入整改完成：基本完成 12"."""
    return t("components.kpi.note_line", label=kpi.label, note=kpi.note)


def show_card(kpi: Kpi, *, note_in_help: bool = False) -> None:
    """One metric card; grey either way (a change is neither good nor bad by itself). Its
    tooltip: what it counts, what its changes are against, and its note if note_in_help."""
    first = kpi.changes[0] if kpi.changes else None
    note = note_line(kpi) if note_in_help and kpi.note else ""
    description = [first.basis] if first else []
    description += [change.text for change in kpi.changes[1:]]
    # A label may be a name from the data (a round's): shown literally.
    st.metric(
        escape_markdown(kpi.label),
        kpi.value,
        delta=first.amount if first else None,
        delta_color="off",
        delta_arrow="auto" if first and first.moves else "off",
        delta_description=t("components.kpi.note.separator").join(description) or None,
        help="\n\n".join(part for part in (kpi.help, kpi.compared, note) if part),
        border=True,
    )
