"""Tables whose rows open the problem page, and the ledger's search box, sort and pager."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from math import ceil
from typing import Literal

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler
from streamlit.elements.lib.column_types import ColumnConfig

from components.filter_state import current_filter, drawn_for_current_filter, keyed_by_filter
from components.language import with_language
from components.page_switch import queue_page
from data_access.formatting import format_int
from i18n import t

PROBLEM_PAGE = "pages/problem.py"
SEARCH_PARAM = "q"  # the search term lives in the URL, so a shared link searches too
SEARCH_KEY = "ledger_search"
MAX_SEARCH_CHARS = 100
# column name -> how st.dataframe shows it (a ColumnConfig, or just a header)
ColumnSpecs = Mapping[str, ColumnConfig | str | None]


def problem_params(code: str) -> dict[str, str]:
    """The problem page's URL parameters for code: the current filter kept."""
    return {**current_filter().to_params(), "code": code}


def open_problem(code: str) -> None:
    """Go to the problem detail page for code, keeping the current filter in the URL."""
    st.switch_page(PROBLEM_PAGE, query_params=with_language(problem_params(code)))


def selected_rows(event: object) -> list[int]:
    """Row positions selected in a dataframe event (Streamlit's object or AppTest's dict)."""
    if not isinstance(event, Mapping):
        return []
    selection = event.get("selection") or {}
    rows = selection.get("rows") if isinstance(selection, Mapping) else None
    return [int(row) for row in rows or []]


def _on_pick(key: str, widget: str, pick: Callable[[list[int]], None]) -> None:
    """Selection callback: hand the picked rows to pick before the run.

    Only for the table of the Filter as it stands (filter_state.drawn_for_current_filter).
    """
    if not drawn_for_current_filter(key, widget):
        return
    rows = selected_rows(st.session_state.get(widget))
    if rows:
        pick(rows)


def selectable_table(
    data: pd.DataFrame | Styler,
    *,
    key: str,
    column_config: ColumnSpecs,
    height: int | Literal["auto", "stretch", "content"] = "auto",
    pick: Callable[[list[int]], None] | None = None,
) -> list[int]:
    """A sortable table of the columns in column_config; returns the picked row positions.

    pick, when given, gets a click's rows in the selection callback, before the run.
    The widget key carries the Filter's digest so a new filter starts without a selection.
    """
    widget = keyed_by_filter(key, current_filter())
    event = st.dataframe(
        data,
        key=widget,
        hide_index=True,
        column_order=list(column_config),
        column_config=dict(column_config),
        on_select="rerun" if pick is None else partial(_on_pick, key, widget, pick),
        selection_mode="single-row",
        width="stretch",
        height=height,
        placeholder="—",  # an empty date or unlinked problem, instead of "None"
    )
    return selected_rows(event)


def _picked_code(frame: pd.DataFrame, code_column: str, rows: list[int]) -> str | None:
    """The problem code in the first picked row, if it has one."""
    for row in rows:
        if 0 <= row < len(frame) and frame.iloc[row][code_column]:
            return str(frame.iloc[row][code_column])
    return None


def show_drill_table(
    data: pd.DataFrame | Styler,
    *,
    key: str,
    column_config: ColumnSpecs,
    code_column: str = "code",
    height: int | Literal["auto", "stretch", "content"] = "auto",
) -> None:
    """A selectable_table whose picked row opens the problem named in code_column."""
    frame = data.data if isinstance(data, Styler) else data

    def queue_problem(rows: list[int]) -> None:
        """Open the picked row's problem before this page runs again."""
        if code := _picked_code(frame, code_column, rows):
            queue_page(PROBLEM_PAGE, problem_params(code))

    rows = selectable_table(
        data, key=key, column_config=column_config, height=height, pick=queue_problem
    )
    # A selection set without the browser (a test's session state) runs no callback.
    if code := _picked_code(frame, code_column, rows):
        open_problem(code)


def _sync_search_to_url() -> None:
    """Write the search box's text to the URL parameter q (removed when empty)."""
    text = st.session_state.get(SEARCH_KEY, "").strip()
    if text:
        st.query_params[SEARCH_PARAM] = text
    elif SEARCH_PARAM in st.query_params:
        del st.query_params[SEARCH_PARAM]


def search_box() -> str:
    """The ledger's full-text search box, started from the URL's q; returns the term."""
    if SEARCH_KEY not in st.session_state:
        st.session_state[SEARCH_KEY] = st.query_params.get(SEARCH_PARAM, "")[:MAX_SEARCH_CHARS]
    st.text_input(
        t("components.drill_tables.search"),
        key=SEARCH_KEY,
        max_chars=MAX_SEARCH_CHARS,
        placeholder=t("components.drill_tables.search_placeholder"),
        icon=":material/search:",
        on_change=_sync_search_to_url,
    )
    return st.session_state[SEARCH_KEY].strip()


def sort_choice(options: Mapping[str, str], *, key: str) -> str:
    """A select box of server-side orders (code -> label); returns the chosen code."""
    chosen = st.selectbox(
        t("components.drill_tables.sort"), list(options), format_func=options.__getitem__, key=key
    )
    return chosen if chosen is not None else next(iter(options))


def pager(total: int, *, page_size: int, key: str) -> int:
    """The row offset of the page the reader picks; a caption says which rows are shown."""
    if total <= page_size:
        st.caption(t("components.drill_tables.total", total=format_int(total)))
        return 0
    pages = ceil(total / page_size)
    page = st.number_input(
        t("components.drill_tables.page", pages=format_int(pages), size=format_int(page_size)),
        min_value=1,
        max_value=pages,
        value=1,
        step=1,
        key=f"{key}-{total}",  # a new total (filter, search) starts again at page 1
    )
    offset = (int(page) - 1) * page_size
    last = min(offset + page_size, total)
    shown = f"{format_int(offset + 1)}–{format_int(last)}"
    st.caption(t("components.drill_tables.shown", total=format_int(total), shown=shown))
    return offset
