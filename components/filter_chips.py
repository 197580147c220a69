"""The row of active filters above every filtered page: a chip per value, a click removes it."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.filter_bar import (
    FIELDS,
    KEY_PREFIX,
    clear_all,
    field_label,
    filter_options,
    prune_dependent,
    value_format,
)
from components.filter_state import write_filter
from components.markdown import escape_markdown
from components.rollup_toggle import rollup_label
from data_access.filters import Filter
from data_access.formatting import format_date
from data_access.queries.options import FilterOptions
from i18n import t


@dataclass(frozen=True)
class Chip:
    """One active filter value: its label and the Filter without it."""

    label: str
    without: Filter


def filter_chips(flt: Filter, options: FilterOptions) -> list[Chip]:
    """A chip per chosen value, one for the date range and one for the as-of day."""
    chips = []
    for field in FIELDS:
        if not getattr(flt, field):
            continue  # _format builds a name lookup: 15,000 villages at a province's scale
        title = field_label(field)
        show = value_format(field, options)
        for value in getattr(flt, field):
            rest = tuple(v for v in getattr(flt, field) if v != value)
            without = prune_dependent(flt.with_(**{field: rest}), field, options)
            chips.append(Chip(t("frame.chip", field=title, value=show(value)), without))
    if flt.date_from or flt.date_to:
        low = format_date(flt.date_from) if flt.date_from else "…"
        high = format_date(flt.date_to) if flt.date_to else "…"
        label = t("frame.chip.found", low=low, high=high)
        chips.append(Chip(label, flt.with_(date_from=None, date_to=None)))
    if flt.rectified_from or flt.rectified_to:
        low = format_date(flt.rectified_from) if flt.rectified_from else "…"
        high = format_date(flt.rectified_to) if flt.rectified_to else "…"
        label = t("frame.chip.rectified", low=low, high=high)
        chips.append(Chip(label, flt.with_(rectified_from=None, rectified_to=None)))
    if flt.as_of:
        chips.append(Chip(t("frame.chip.as_of", day=format_date(flt.as_of)), flt.with_(as_of=None)))
    if flt.rollup:
        chips.append(Chip(rollup_label(), flt.with_(rollup=False)))
    return chips


def show_filter_chips(flt: Filter) -> None:
    """The row of active filters: a click on a chip removes it; "清除全部" removes all."""
    chips = filter_chips(flt, filter_options(flt))
    if not chips:
        return
    with st.container(horizontal=True, gap="small", key=KEY_PREFIX + "chips"):
        st.caption(t("frame.chips.caption"), width="content")
        for number, chip in enumerate(chips):
            st.button(
                escape_markdown(chip.label),  # names from the data
                key=f"{KEY_PREFIX}chip_{number}",
                icon=":material/close:",
                icon_position="right",
                on_click=write_filter,
                args=(chip.without,),
                help=t("frame.chips.remove_help"),
                type="secondary",
            )
        st.button(
            t("frame.chips.clear"),
            key=KEY_PREFIX + "chips_clear",
            icon=":material/filter_alt_off:",
            on_click=clear_all,
            type="tertiary",
        )
