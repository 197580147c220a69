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
    show_outcome_tabs,
)
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.export import write_regions_workbook
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.preview import errors_frame
from data_access.regions.apply import apply_regions
from data_access.regions.diff import RegionsDiff, compute_regions_diff
from data_access.regions.parse import ParsedRegions, parse_regions
from data_access.regions.preview import changes_frame, counts_frame, places_frame
from data_access.settings import get_settings
from data_access.version import read_data_version
from i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATE_KEY = "regions_preview"
UPLOADS_KEY = "regions_uploads"  # bumped after a commit: a new uploader key empties it
NOTICE_KEY = "regions_notice"


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
    """The file uploader (xlsx or csv, up to UPLOAD_MAX_MB); None until a file is chosen."""
    limit = get_settings().upload_max_mb
    return st.file_uploader(
        t("upload.regions.uploader", limit=limit),
        type=["xlsx", "csv"],
        max_upload_size=limit,
        key=f"regions_upload_{st.session_state.get(UPLOADS_KEY, 0)}",
    )


def upload_for(file_name: str, data: bytes) -> RegionsUpload:
    """The preview of this file, kept across reruns while nothing else was committed."""
    digest = hashlib.sha256(file_name.encode() + b"\0" + data).hexdigest()
    kept = st.session_state.get(STATE_KEY)
    with session_scope(cached_engine()) as session:
        version = read_data_version(session=session)
        same_file = isinstance(kept, RegionsUpload) and kept.digest == digest
        if same_file and (kept.diff is None or kept.diff.data_version == version):
            return kept
        try:
            with checking():
                parsed = parse_regions(data, file_name, session=session)
                diff = compute_regions_diff(parsed, session=session)
            upload = RegionsUpload(digest, parsed, diff, None)
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
    st.dataframe(counts_frame(diff), hide_index=True, width="stretch", key="regions_counts")
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
        engine, uploader = cached_engine(), user.username
        with REGIONS_COMMIT.writing():
            result = apply_regions(parsed, engine=engine, uploader=uploader, preview=diff)
        REGIONS_COMMIT.finish(result.batch_id, result.diff.counts())


def show_regions_notice() -> None:
    """The outcome of the last commit, once."""
    REGIONS_COMMIT.show_outcome()
