"""行政区划's map section: upload the townships' boundaries (GeoJSON), check, then save.

Names come from the user's file: they are shown only through st.dataframe and st.text,
never through Markdown. The check is kept across reruns while nothing else was committed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.auth import CurrentUser
from components.commit_step import checking, limited_uploader
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.ingest.errors import FileRejectedError, joined
from data_access.queries.shapes import fetch_shape_status
from data_access.regions.shapes import (
    ShapesError,
    ShapesPreview,
    preview_shapes,
    save_schematic_layout,
    save_shapes,
)
from data_access.version import read_data_version
from i18n import t

STATE_KEY = "boundaries_preview"
UPLOADS_KEY = "boundaries_uploads"  # bumped after a save: a new uploader key empties it
NOTICE_KEY = "boundaries_notice"
FILE_TYPES = ("geojson", "json")


@dataclass
class BoundariesCheck:
    """One uploaded boundaries file: checked (at a data version), or refused as a whole."""

    digest: str
    version: int
    preview: ShapesPreview | None
    refusal: str | None


def show_boundaries(user: CurrentUser) -> None:
    """The section: what is stored, the uploader, and the file's check and save."""
    st.subheader(t("map.admin.title"), anchor=False)
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice is not None:
        st.success(notice, icon=":material/check_circle:")
    with session_scope(cached_engine()) as session:
        status = fetch_shape_status(session=session)
    if status.townships == 0:
        st.caption(t("map.admin.none"))
    else:
        kind = "schematic" if status.schematic else "office"
        st.caption(t(f"map.admin.stored.{kind}", count=status.townships))
    st.caption(t("map.admin.intro"))
    uploaded = _uploader()
    if uploaded is None:
        if status.townships == 0:
            _schematic_button(user)
        return
    st.text(t("pages.file", name=uploaded.name))
    check = _check_for(uploaded.name, uploaded.getvalue(), user)
    if check.refusal is not None:
        st.error(t("map.admin.refused"), icon=":material/block:")
        st.text(check.refusal)
        return
    assert check.preview is not None
    _show_preview(check.preview)
    _save_step(check.preview, user)


def _uploader():
    """The GeoJSON uploader (up to UPLOAD_MAX_MB); None until a file is chosen."""
    key = f"boundaries_upload_{st.session_state.get(UPLOADS_KEY, 0)}"
    return limited_uploader("map.admin.uploader", FILE_TYPES, key, "map.admin.uploader_help")


def _check_for(file_name: str, data: bytes, user: CurrentUser) -> BoundariesCheck:
    """The check of this file, kept while the data version stays the same."""
    digest = hashlib.sha256(file_name.encode() + b"\0" + data).hexdigest()
    kept = st.session_state.get(STATE_KEY)
    with session_scope(cached_engine()) as session:
        version = read_data_version(session=session)
        if isinstance(kept, BoundariesCheck) and (kept.digest, kept.version) == (digest, version):
            return kept
        try:
            with checking():
                found = preview_shapes(
                    session=session, data=data, file_name=file_name, scope=user.scope
                )
            check = BoundariesCheck(digest, version, found, None)
        except FileRejectedError as refused:
            check = BoundariesCheck(digest, version, None, refused.message)
    st.session_state[STATE_KEY] = check
    return check


def _show_preview(preview: ShapesPreview) -> None:
    """Counts, the features that did not match, the townships left without a boundary."""
    counts = (
        ("matched", len(preview.shapes)),
        ("unmatched", len(preview.errors)),
        ("missing", len(preview.missing)),
    )
    for column, (key, count) in zip(st.columns(len(counts)), counts, strict=True):
        column.metric(t(f"map.admin.count.{key}"), f"{count:,}")
    if preview.errors:
        st.error(t("map.admin.unmatched"), icon=":material/error:")
        errors = pd.DataFrame({t("map.admin.column.problem"): preview.errors})
        st.dataframe(errors, hide_index=True, width="stretch", key="boundaries_errors")
    if preview.missing:
        st.warning(t("map.admin.missing"), icon=":material/warning:")
        st.text(joined(preview.missing))
    matched = pd.DataFrame(
        {
            t("map.admin.column.township"): [preview.townships[tid] for tid in preview.shapes],
            t("map.admin.column.in_file"): [joined(preview.names[tid]) for tid in preview.shapes],
        }
    )
    if not matched.empty:
        st.dataframe(matched, hide_index=True, width="stretch", key="boundaries_matched")


def _save_step(preview: ShapesPreview, user: CurrentUser) -> None:
    """The save button for a file whose every feature matched; saves and reruns."""
    if not preview.can_save:
        st.info(t("map.admin.fix_first"), icon=":material/info:")
        return
    label = t("map.admin.save", count=len(preview.shapes))
    if not st.button(label, type="primary", icon=":material/map:", key="boundaries_save"):
        return
    try:
        with session_scope(cached_engine(), write=True) as session:
            saved = save_shapes(session=session, preview=preview, actor=user.username,
                                scope=user.scope)  # fmt: skip
    except ShapesError as refused:
        st.error(str(refused), icon=":material/block:")
        return
    _finish(t("map.admin.saved", count=saved))


def _schematic_button(user: CurrentUser) -> None:
    """For an office without a boundaries file: a schematic layout (labelled 示意图)."""
    st.caption(t("map.admin.schematic_hint"))
    if st.button(t("map.admin.schematic"), icon=":material/hexagon:", key="boundaries_schematic"):
        with session_scope(cached_engine(), write=True) as session:
            saved = save_schematic_layout(session=session, actor=user.username, scope=user.scope)
        _finish(t("map.admin.schematic_saved", count=saved))


def _finish(notice: str) -> None:
    """Remember the outcome, empty the uploader and rerun (every page's map reads it anew)."""
    st.session_state[NOTICE_KEY] = notice
    st.session_state.pop(STATE_KEY, None)
    st.session_state[UPLOADS_KEY] = st.session_state.get(UPLOADS_KEY, 0) + 1
    st.rerun()
