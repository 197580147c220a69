"""The filter bar's 按现行区划汇总 switch: count merged townships under their successor."""

from __future__ import annotations

import streamlit as st

from components.filter_state import current_filter, write_filter
from data_access.cache import cached_query
from data_access.filters import Filter
from data_access.queries.merges import has_merged_townships
from i18n import t

ROLLUP_KEY = "filter_rollup"


def rollup_label() -> str:
    """The switch's label (also its chip) in the current language."""
    return t("frame.rollup.label")


def _on_change() -> None:
    """Checkbox callback: write the choice to the URL's Filter (rollup=1)."""
    write_filter(current_filter().with_(rollup=bool(st.session_state[ROLLUP_KEY])))


def show_rollup_toggle(flt: Filter) -> None:
    """The checkbox, when some township was merged (or the link already asks for rollup)."""
    if not (flt.rollup or cached_query(has_merged_townships, None)):
        return
    st.session_state[ROLLUP_KEY] = flt.rollup
    st.checkbox(rollup_label(), key=ROLLUP_KEY, on_change=_on_change, help=t("frame.rollup.help"))
