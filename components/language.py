"""The language of this run: from the URL (`lang=en`), else DASHBOARD_LANG; and its switch."""

from __future__ import annotations

import streamlit as st

from data_access.settings import get_settings
from i18n import LANGUAGE_NAMES, LANGUAGES, normalise_language, set_language, t

LANG_PARAM = "lang"


def apply_language() -> str:
    """Set the language for everything rendered in this run; called first by the frame."""
    chosen = st.query_params.get(LANG_PARAM) or get_settings().default_language
    lang = normalise_language(chosen)
    set_language(lang)
    return lang


def show_language_switch(lang: str) -> None:
    """中文 / English in the sidebar; the choice lives in the URL so links keep it."""
    picked = st.sidebar.segmented_control(
        t("frame.language"),
        LANGUAGES,
        default=lang,
        format_func=LANGUAGE_NAMES.get,
        key=f"language_switch_{lang}",
    )
    if picked and picked != lang:
        if picked == get_settings().default_language:
            st.query_params.pop(LANG_PARAM, None)
        else:
            st.query_params[LANG_PARAM] = picked
        st.rerun()
