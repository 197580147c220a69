"""The drill-down path: a breadcrumb that jumps back to any level, and tables that drill down."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from components.drill_tables import ColumnSpecs, selectable_table
from components.filter_bar import filter_options
from components.filter_state import LAST_FILTER_KEY, apply_filter, current_filter, write_filter
from components.markdown import escape_markdown
from components.page_switch import queue_page
from data_access.filters import Filter
from data_access.queries.drill import Crumb, DrillNode, drill_into, drill_node

TOWNSHIPS_PAGE = "pages/townships.py"
KEY_PREFIX = "crumb_"


def current_drill_node(flt: Filter) -> DrillNode:
    """Where flt stands on the path city → county → township → village → problem."""
    options = filter_options(flt)
    return drill_node(flt, options.regions, options.villages)


def open_level(flt: Filter) -> None:
    """Button callback: open 乡镇对比 at the level flt describes (the Filter in the URL)."""
    st.session_state[LAST_FILTER_KEY] = flt  # an emptied URL must not bring the old one back
    queue_page(TOWNSHIPS_PAGE, flt.to_params())


def show_breadcrumb(crumbs: Sequence[Crumb], *, current: str | None = None) -> None:
    """The path as a row of links (buttons); the last step, or current, is plain text."""
    steps = list(crumbs)
    last = steps.pop() if steps and current is None else None
    with st.container(horizontal=True, gap="small", key=KEY_PREFIX + "row"):
        st.markdown(":material/account_tree:")
        for number, crumb in enumerate(steps):
            st.button(
                escape_markdown(crumb.label),
                key=f"{KEY_PREFIX}{number}",
                type="tertiary",
                on_click=open_level,
                args=(crumb.flt,),
            )
            st.markdown("›")
        st.markdown(f"**{escape_markdown(current or (last.label if last else ''))}**")


def show_member_table(
    frame: pd.DataFrame,
    *,
    key: str,
    level: str,
    column_config: ColumnSpecs,
) -> None:
    """A sortable table of region members; picking a row drills into that member."""

    def drill(rows: list[int]) -> Filter | None:
        """The Filter one level below the first picked member, if it has a level below."""
        for row in rows:
            member_id = int(frame.iloc[row]["member_id"]) if 0 <= row < len(frame) else 0
            if member_id > 0:  # 0 is the township-level row (no village): nothing below it
                return drill_into(current_filter(), level, member_id)
        return None

    def write_drill(rows: list[int]) -> None:
        """Selection callback: the drilled Filter goes to the URL before the run."""
        if (deeper := drill(rows)) is not None:
            write_filter(deeper)

    rows = selectable_table(frame, key=key, column_config=column_config, pick=write_drill)
    # A selection set without the browser (a test's session state) runs no callback.
    if (deeper := drill(rows)) is not None:
        apply_filter(deeper)
