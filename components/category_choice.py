"""The upload preview's category step: the categories a file defines, and for those its round
lacks, a checkbox to add them and, per name, a choice of one of the round's to map it onto.

The widgets' keys hold the file's digest, so a choice made for one file never carries over
to the next. Names from the file are shown only through st.text and the select's options.
"""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from data_access.ingest.category_match import CategoryOutcome, NewCategory
from i18n import t

NAMES_KEY = "upload_category_names"  # file key -> {widget key: the file's name}
ADD = ""  # the select's value for "add it as a new category"


def _file_key(data: bytes) -> str:
    """A short digest of the file's bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def accept_key(data: bytes) -> str:
    """The key of the accept checkbox of this file."""
    return f"upload_categories_accept_{_file_key(data)}"


def map_key(data: bytes, category: NewCategory) -> str:
    """The key of the mapping select of one of this file's names."""
    name = f"{category.round_id}\0{category.parent_code}\0{category.name}"
    return f"upload_category_map_{_file_key(data)}_{hashlib.sha256(name.encode()).hexdigest()[:12]}"


def category_options(data: bytes) -> dict[str, Any]:
    """ImportOptions keywords from the choices made on this file so far."""
    names = st.session_state.get(NAMES_KEY, {}).get(_file_key(data), {})
    mapping = {
        name: st.session_state[key]
        for key, name in names.items()
        if st.session_state.get(key, ADD) != ADD
    }
    return {
        "accept_new_categories": bool(st.session_state.get(accept_key(data), False)),
        "category_map": mapping,
    }


def show_category_choices(outcome: CategoryOutcome, data: bytes) -> None:
    """The accept box and a select per name the round lacks (the names it defines are among
    the preview's notices)."""
    choosable = outcome.choosable
    if not choosable:
        return
    st.subheader(t("upload.categories.title"))
    st.caption(t("upload.categories.help"))
    keys = {}
    for category in choosable:
        key = map_key(data, category)
        keys[key] = category.name
        st.text(_label(category))  # the file's words: text, never Markdown
        st.selectbox(
            t("upload.categories.map_to"),
            [ADD, *category.choices],
            format_func=lambda value: t("upload.categories.add") if value == ADD else value,
            key=key,
            label_visibility="collapsed",
        )
    st.session_state.setdefault(NAMES_KEY, {})[_file_key(data)] = keys
    st.checkbox(t("upload.categories.accept"), key=accept_key(data))


def _label(category: NewCategory) -> str:
    """The select's label: the file's name (under its category), and its rows."""
    name = category.name
    if category.parent_code:
        name = t("ingest.consent.sub_category", parent=category.parent_name, name=name)
    return t("upload.categories.choice", name=name, rows=len(category.rows))
