"""行政区划 page parts: the regions template, the uploader, the preview and the commit.

Names came from the user's file: they are shown only through st.dataframe and st.text,
never through Markdown or HTML. The commit is undone like a ledger import, on 导入记录.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import streamlit as st

from components.auth import CurrentUser
from components.commit_step import (
    COUNT_KEYS,
    CommitStep,
    checking,
    count_label,
    limited_uploader,
    show_outcome_tabs,
)
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.exports.ledger import write_regions_workbook
from data_access.ingest.command import ImportPreview, RegionsImport
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.preview import errors_frame
from data_access.ingest.safety import UPLOAD_TYPES
from data_access.regions.diff import RegionsDiff
from data_access.regions.parse import ParsedRegions
from data_access.regions.preview import changes_frame, counts_frame, places_frame
from data_access.version import read_data_version
from i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATE_KEY = "regions_preview"
UPLOADS_KEY = "regions_uploads"  # bumped after a commit: a new uploader key empties it
NOTICE_KEY = "regions_notice"


def show_regions_import(user: CurrentUser) -> None:
    """The whole regions step: template, uploader, then the file's preview and commit."""
    show_regions_notice()
    show_template_download(user)
    uploaded = regions_uploader()
    if uploaded is None:
        return
    st.text(t("pages.file", name=uploaded.name))
    upload = upload_for(uploaded.name, uploaded.getvalue())
    if upload.refusal is not None:
        st.error(t("pages.file_refused"), icon=":material/block:")
        st.text(upload.refusal)
        return
    show_regions_preview(upload)
    show_regions_commit(upload, user)


@dataclass
class RegionsUpload:
    """One uploaded regions file: parsed and compared, or refused as a whole."""

    digest: str
    parsed: ParsedRegions | None
    diff: RegionsDiff | None
    refusal: str | None


def show_template_download(user: CurrentUser) -> None:
    """The regions workbook: the 行政区划 sheet with every stored place, and how to fill it."""

    def workbook() -> bytes:
        """Built on click, from the store as it is then."""
        with session_scope(cached_engine()) as session:
            return write_regions_workbook(session=session, scope=user.scope)

    st.download_button(
        t("upload.regions.template"),
        data=workbook,
        file_name=t("upload.regions.template_file"),
        mime=XLSX_MIME,
        icon=":material/download:",
        key="download_regions",
    )


def regions_uploader():
    """The file uploader (any spreadsheet format, up to UPLOAD_MAX_MB); None until chosen."""
    key = f"regions_upload_{st.session_state.get(UPLOADS_KEY, 0)}"
    return limited_uploader("upload.regions.uploader", UPLOAD_TYPES, key, "upload.uploader_help")


def upload_for(file_name: str, data: bytes) -> RegionsUpload:
    """The preview of this file, kept across reruns while nothing else was committed."""
    digest = hashlib.sha256(file_name.encode() + b"\0" + data).hexdigest()
    kept = st.session_state.get(STATE_KEY)
    with session_scope(cached_engine()) as session:
        version = read_data_version(session=session)
        if (
            isinstance(kept, RegionsUpload)
            and kept.digest == digest
            and (kept.diff is None or kept.diff.data_version == version)
        ):
            return kept
        try:
            with checking():
                found = RegionsImport(data, file_name, "").preview_in(session)
            upload = RegionsUpload(digest, found.parsed, found.diff, None)
        except FileRejectedError as refused:
            upload = RegionsUpload(digest, None, None, refused.message)
    st.session_state[STATE_KEY] = upload
    return upload


def show_regions_preview(upload: RegionsUpload) -> None:
    """Counts by level, notices, then the places by outcome and every error."""
    diff, parsed = upload.diff, upload.parsed
    assert diff is not None and parsed is not None
    totals = diff.counts()
    for column, key in zip(st.columns(len(COUNT_KEYS)), COUNT_KEYS, strict=True):
        unit = "upload.count.rows" if key == "rejected" else "upload.count.places"
        column.metric(t(unit, label=count_label(key)), f"{totals[key]:,}")
    st.dataframe(
        counts_frame(diff), hide_index=True, width="stretch", key="regions_counts", placeholder="—"
    )
    for notice in parsed.notices:
        st.text(t("upload.notice", notice=notice))
    show_outcome_tabs(
        [
            ("rejected", len(diff.errors), errors_frame(diff.errors), "upload.no_errors"),
            ("changed", totals["changed"], changes_frame(diff), "upload.regions.no_changed"),
            ("new", totals["new"], places_frame(diff, "new"), "upload.regions.no_new"),
            (
                "unchanged",
                totals["unchanged"],
                places_frame(diff, "unchanged"),
                "upload.regions.no_unchanged",
            ),
        ]
    )


REGIONS_COMMIT = CommitStep(
    button="upload.regions.commit",
    key="commit_regions",
    same="upload.regions.same",
    raced="upload.regions.raced",
    done="upload.regions.done",
    notice_key=NOTICE_KEY,
    preview_key=STATE_KEY,
    uploads_key=UPLOADS_KEY,
)


def show_regions_commit(upload: RegionsUpload, user: CurrentUser) -> None:
    """The commit button for a clean file that changes something; the outcome after a rerun."""
    diff, parsed = upload.diff, upload.parsed
    assert diff is not None and parsed is not None
    if REGIONS_COMMIT.ready(len(diff.errors), diff.has_changes):
        command = RegionsImport(b"", parsed.file_name, user.username)
        with REGIONS_COMMIT.writing():
            result = command.commit(ImportPreview(parsed, diff), engine=cached_engine())
        REGIONS_COMMIT.finish(result.batch_id, result.diff.counts())


def show_regions_notice() -> None:
    """The outcome of the last commit, once."""
    REGIONS_COMMIT.show_outcome()
