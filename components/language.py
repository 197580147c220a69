"""The language of this run: from the URL (`lang=en`), else DASHBOARD_LANG; and its switch.

The URL holds the choice, so a shared link keeps its language. Streamlit empties the query
parameters when the user picks another page in the sidebar; the session remembers the
choice and puts it back (as components.filter_state does for the Filter).
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from data_access.settings import get_settings
from i18n import LANGUAGE_NAMES, LANGUAGES, normalise_language, set_language, t

LANG_PARAM = "lang"
LANG_KEY = "_language"  # the language this session last rendered in


def apply_language() -> str:
    """Set the language for everything rendered in this run; called first by the frame."""
    default = get_settings().default_language
    chosen = st.query_params.get(LANG_PARAM)
    remembered = st.session_state.get(LANG_KEY)
    if chosen is None and remembered not in (None, default):
        st.query_params[LANG_PARAM] = chosen = remembered  # page navigation emptied the URL
    lang = normalise_language(chosen or default)
    st.session_state[LANG_KEY] = lang
    set_language(lang)
    return lang


def with_language(params: Mapping[str, str]) -> dict[str, str]:
    """params plus the URL's language, for st.switch_page / st.page_link query parameters."""
    lang = st.query_params.get(LANG_PARAM)
    return {**params, LANG_PARAM: lang} if lang else dict(params)


def show_language_switch(lang: str) -> None:
    """中文 / English in the sidebar; the choice lives in the URL so links keep it."""
    picked = st.sidebar.segmented_control(
        t("frame.language"),
        LANGUAGES,
        default=lang,
        format_func=LANGUAGE_NAMES.__getitem__,
        key=f"language_switch_{lang}",
    )
    if picked and picked != lang:
        st.session_state[LANG_KEY] = picked
        if picked == get_settings().default_language:
            st.query_params.pop(LANG_PARAM, None)
        else:
            st.query_params[LANG_PARAM] = picked
        st.rerun()
