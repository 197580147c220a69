"""The signed-in user's township scope, said in words: "范围：藕山镇".

A township-limited account sees only its townships' figures; every place that shows or
hands out figures names that scope (filter bar, headline cards, exports, briefings), so
nobody quotes one township's 25 problems as the county's total.
"""

from __future__ import annotations

import streamlit as st

from components.auth import current_scope
from components.markdown import md
from data_access.cache import cached_query
from data_access.queries.options import fetch_filter_options
from i18n import t


def scope_names() -> list[str]:
    """The names of the townships the user is limited to; [] for an unlimited account."""
    scope = current_scope()
    if not scope:
        return []
    names = cached_query(fetch_filter_options, None, scope=scope).names("townships")
    return [str(names.get(township_id, township_id)) for township_id in scope]


def scope_line() -> str | None:
    """ "范围：藕山镇、义津镇" for a limited account, else None."""
    names = scope_names()
    if not names:
        return None
    return t("frame.scope", names=t("download.list_separator").join(names))


def show_scope_line() -> None:
    """The scope as a caption (beside the headline figures) when the account is limited."""
    names = scope_names()
    if names:  # names are data: escaped for Markdown
        st.caption(md("frame.scope", names=t("download.list_separator").join(names)))
