"""The upload page's parts: template downloads, the uploader, the preview and the commit.

Text that came in the file (names, values, sheet names, the file name) is shown only through
st.dataframe and st.text, never through Markdown or HTML.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.auth import CurrentUser
from components.commit_step import (
    COUNT_KEYS,
    CommitStep,
    checking,
    count_label,
    show_outcome_tabs,
)
from data_access.audit import record_event
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.export import write_ledger_workbook
from data_access.filters import Filter
from data_access.ingest.apply import apply_ledger
from data_access.ingest.diff import LedgerDiff, compute_diff
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.parse import ParsedLedger, parse_ledger
from data_access.ingest.preview import (
    changes_frame,
    counts_frame,
    errors_frame,
    headline_frame,
    rows_frame,
)
from data_access.inspections import list_rounds
from data_access.roles import can
from data_access.settings import get_settings
from data_access.version import read_data_version
from i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_KEY = "upload_preview"  # the UploadPreview of the file in the uploader
ROUND_KEY = "upload_round"  # part of the uploader's key: a new value empties the uploader
NOTICE_KEY = "upload_notice"  # (batch id, counts) of the last commit, shown once
ROUND_CHOICE_KEY = "upload_round_choice"  # the round rows without 巡察轮次 go to
ACCEPTED_TYPES = ["xlsx", "csv"]


@dataclass
class UploadPreview:
    """One uploaded file: parsed and diffed, or refused as a whole."""

    digest: str  # sha256 of the bytes plus the file name
    parsed: ParsedLedger | None
    diff: LedgerDiff | None
    changes: pd.DataFrame | None
    refusal: str | None  # FileRejectedError message


def show_downloads(user: CurrentUser) -> None:
    """The empty template for everyone here; the filled ledger for those who see full names.

    Both follow the account's township scope (the ledger rows and the regions sheet).
    """
    left, right = st.columns(2)
    with left:
        st.download_button(
            t("upload.ledger.template"),
            data=lambda: _workbook(empty=True, scope=user.scope),
            file_name=t("upload.ledger.template_file"),
            mime=XLSX_MIME,
            icon=":material/download:",
            key="download_template",
        )
    if can(user.role, "see_full_names"):
        with right:
            file_name = t("upload.ledger.current_file")
            st.download_button(
                t("upload.ledger.current"),
                data=lambda: _audited_export(user.username, user.scope, file_name),
                file_name=file_name,
                mime=XLSX_MIME,
                icon=":material/table_view:",
                key="download_ledger",
            )


def _workbook(*, empty: bool, scope: tuple[int, ...] | None) -> bytes:
    """The ledger workbook (template or data) from the database, within scope."""
    with session_scope(cached_engine()) as session:
        return write_ledger_workbook(session=session, flt=Filter(scope=scope), empty=empty)


def _audited_export(username: str, scope: tuple[int, ...] | None, file_name: str) -> bytes:
    """The full ledger (with names) as xlsx; the download is recorded in the audit trail."""
    data = _workbook(empty=False, scope=scope)
    with session_scope(cached_engine(), write=True) as session:
        record_event(session=session, actor=username, action="export", target=file_name)
    return data


def upload_widget():
    """The file uploader, limited to UPLOAD_MAX_MB; None until a file is chosen."""
    limit = get_settings().upload_max_mb
    return st.file_uploader(
        t("upload.ledger.uploader", limit=limit),
        type=ACCEPTED_TYPES,
        max_upload_size=limit,
        key=f"ledger_upload_{st.session_state.get(ROUND_KEY, 0)}",
    )


def round_choice() -> int | None:
    """The round for rows without 巡察轮次: a round (default the newest), or by the file."""
    with session_scope(cached_engine()) as session:  # fresh: a round made a moment ago shows
        rounds = list_rounds(session=session)
    names = dict(zip(rounds["round_id"].astype(int), rounds["name"], strict=True))
    if not names:
        st.warning(t("upload.ledger.no_rounds"))
    choices: list[int | None] = [*names, None]  # newest first, so the default is the newest
    by_file = t("upload.ledger.by_file")
    return st.selectbox(
        t("upload.ledger.round"),
        choices,
        format_func=lambda round_id: by_file if round_id is None else names[round_id],
        key=ROUND_CHOICE_KEY,
        help=t("upload.ledger.round_help"),
    )


def preview_for(
    file_name: str,
    data: bytes,
    *,
    round_id: int | None = None,
    scope: tuple[int, ...] | None = None,
) -> UploadPreview:
    """The preview of this file, reused across reruns while nothing else was committed.

    round_id: the round chosen on the page (None: by the file's 巡察轮次 column); scope: the
    uploader's townships (None: all), rows outside it are errors.
    """
    key = f"{file_name}\0{round_id}\0{scope}".encode()
    digest = hashlib.sha256(key + b"\0" + data).hexdigest()
    kept = st.session_state.get(PREVIEW_KEY)
    with session_scope(cached_engine()) as session:
        if isinstance(kept, UploadPreview) and kept.digest == digest and _fresh(kept, session):
            return kept
        options = {"round_id": round_id, "scope": scope}
        with checking():
            preview = _build_preview(file_name, data, digest, session, options)
    st.session_state[PREVIEW_KEY] = preview
    return preview


def _fresh(preview: UploadPreview, session) -> bool:
    """True when the preview still describes the store (refusals never go stale)."""
    if preview.diff is None:
        return True
    return preview.diff.data_version == read_data_version(session=session)


def _build_preview(
    file_name: str, data: bytes, digest: str, session, options: dict
) -> UploadPreview:
    """Parse and diff the file (options: round_id, scope), or keep the reason it was refused."""
    try:
        parsed = parse_ledger(data, file_name, session=session, **options)
    except FileRejectedError as refused:
        return UploadPreview(digest, None, None, None, refused.message)
    diff = compute_diff(parsed, session=session)
    return UploadPreview(digest, parsed, diff, changes_frame(diff, session=session), None)


def show_preview(preview: UploadPreview) -> None:
    """Counts, headline before → after, and the rows by outcome (sheet, row, values)."""
    diff, parsed = preview.diff, preview.parsed
    assert diff is not None and parsed is not None
    totals = diff.counts()
    for column, key in zip(st.columns(len(COUNT_KEYS)), COUNT_KEYS, strict=True):
        column.metric(t("upload.count.rows", label=count_label(key)), f"{totals[key]:,}")
    st.subheader(t("upload.ledger.impact"))
    st.dataframe(headline_frame(diff), hide_index=True, width="stretch")
    st.dataframe(counts_frame(diff), hide_index=True, width="stretch")
    for notice in parsed.notices:
        st.text(t("upload.notice", notice=notice))
    show_outcome_tabs(
        [
            ("rejected", totals["rejected"], errors_frame(diff.errors), "upload.no_errors"),
            ("changed", totals["changed"], preview.changes, "upload.ledger.no_changed"),
            ("new", totals["new"], rows_frame(diff, "new"), "upload.ledger.no_new"),
            (
                "unchanged",
                totals["unchanged"],
                rows_frame(diff, "unchanged"),
                "upload.ledger.no_unchanged",
            ),
        ]
    )


LEDGER_COMMIT = CommitStep(
    button="upload.ledger.commit",
    key="commit_upload",
    same="upload.ledger.same",
    raced="upload.ledger.raced",
    done="upload.ledger.done",
    notice_key=NOTICE_KEY,
    preview_key=PREVIEW_KEY,
    uploads_key=ROUND_KEY,
)


def show_commit(preview: UploadPreview, user: CurrentUser) -> None:
    """The commit button (only for a clean file that changes something), then the outcome."""
    diff, parsed = preview.diff, preview.parsed
    assert diff is not None and parsed is not None
    if LEDGER_COMMIT.ready(len(diff.errors), diff.has_changes):
        engine, uploader = cached_engine(), user.username
        with LEDGER_COMMIT.writing():
            result = apply_ledger(parsed, engine=engine, uploader=uploader, preview=diff)
        LEDGER_COMMIT.finish(result.batch_id, result.diff.counts())


def show_notice() -> None:
    """The outcome of the last commit, once."""
    LEDGER_COMMIT.show_outcome()
