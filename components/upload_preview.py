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
    limited_uploader,
    show_outcome_tabs,
)
from data_access.audit import record_event
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.exports.ledger import write_ledger_workbook
from data_access.filters import Filter
from data_access.ingest.command import ImportPreview, LedgerImport
from data_access.ingest.diff import LedgerDiff
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.options import ImportOptions
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.preview import (
    blank_cells_frame,
    changes_frame,
    counts_frame,
    errors_frame,
    headline_frame,
    rows_frame,
)
from data_access.ingest.safety import UPLOAD_TYPES
from data_access.inspections import list_rounds
from data_access.roles import can
from data_access.version import read_data_version
from i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_KEY = "upload_preview"  # the UploadPreview of the file in the uploader
ROUND_KEY = "upload_round"  # part of the uploader's key: a new value empties the uploader
NOTICE_KEY = "upload_notice"  # (batch id, counts) of the last commit, shown once
ROUND_CHOICE_KEY = "upload_round_choice"  # the round rows without 巡察轮次 go to
CLEAR_BLANKS_KEY = "upload_clear_blanks"  # blank cells clear stored values (the checkbox)
ACCEPTED_TYPES = list(UPLOAD_TYPES)


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
    key = f"ledger_upload_{st.session_state.get(ROUND_KEY, 0)}"
    return limited_uploader("upload.ledger.uploader", ACCEPTED_TYPES, key, "upload.uploader_help")


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
    **choices,
) -> UploadPreview:
    """The preview of this file, reused across reruns while nothing else was committed.

    round_id: the round chosen on the page (None: by the file's 巡察轮次 column); scope: the
    uploader's townships (None: all), rows outside it are errors; choices: the other
    ImportOptions fields the uploader set (mapping, consents).
    """
    clear_blanks = bool(st.session_state.get(CLEAR_BLANKS_KEY, False))
    options = ImportOptions(round_id=round_id, scope=scope, clear_blanks=clear_blanks, **choices)
    key = f"{file_name}\0{options!r}".encode()
    digest = hashlib.sha256(key + b"\0" + data).hexdigest()
    kept = st.session_state.get(PREVIEW_KEY)
    with session_scope(cached_engine()) as session:
        if isinstance(kept, UploadPreview) and kept.digest == digest and _fresh(kept, session):
            return kept
        with checking():
            preview = _build_preview(file_name, data, digest, session, options)
    st.session_state[PREVIEW_KEY] = preview
    return preview


def file_digest(file_name: str, data: bytes) -> str:
    """The file's identity on the page (name and bytes), for choices kept per file."""
    return hashlib.sha256(file_name.encode() + b"\0" + data).hexdigest()


def _fresh(preview: UploadPreview, session) -> bool:
    """True when the preview still describes the store (refusals never go stale)."""
    if preview.diff is None:
        return True
    return preview.diff.data_version == read_data_version(session=session)


def _build_preview(
    file_name: str, data: bytes, digest: str, session, options: ImportOptions
) -> UploadPreview:
    """Parse and diff the file with the uploader's options, or keep why it was refused."""
    try:  # who uploads matters only to the commit (the uploader of its batch)
        found = LedgerImport(data, file_name, "", options).preview_in(session)
    except FileRejectedError as refused:
        return UploadPreview(digest, None, None, None, refused.message)
    diff = found.diff
    return UploadPreview(digest, found.parsed, diff, changes_frame(diff, session=session), None)


def show_preview(preview: UploadPreview) -> None:
    """Counts, headline before → after, and the rows by outcome (sheet, row, values)."""
    diff, parsed = preview.diff, preview.parsed
    assert diff is not None and parsed is not None
    totals = diff.counts()
    for column, key in zip(st.columns(len(COUNT_KEYS)), COUNT_KEYS, strict=True):
        column.metric(t("upload.count.rows", label=count_label(key)), f"{totals[key]:,}")
    st.subheader(t("upload.ledger.impact"))
    st.dataframe(headline_frame(diff), hide_index=True, width="stretch", placeholder="—")
    st.dataframe(counts_frame(diff), hide_index=True, width="stretch", placeholder="—")
    for notice in parsed.notices:
        st.text(t("upload.notice", notice=notice))
    _show_blank_cells(diff)
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


def _show_blank_cells(diff: LedgerDiff) -> None:
    """How many stored values blank cells keep (or clear), and the box that clears them."""
    count = len(diff.blank_cells)
    if not count and not st.session_state.get(CLEAR_BLANKS_KEY):
        return
    if count:
        message = (
            "upload.ledger.blanks_cleared" if diff.clear_blanks else "upload.ledger.blanks_kept"
        )
        st.info(t(message, count=count), icon=":material/info:")
    label, help_text = t("upload.ledger.clear_blanks"), t("upload.ledger.clear_blanks_help")
    st.checkbox(label, key=CLEAR_BLANKS_KEY, help=help_text)
    if count:
        with st.expander(t("upload.ledger.blank_cells", count=count)):
            with session_scope(cached_engine()) as session:
                cells = blank_cells_frame(diff, session=session)
            st.dataframe(cells, hide_index=True, width="stretch", placeholder="—")


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
    waiting = len(parsed.pending_consents)  # a file waiting on a yes is not committed
    if LEDGER_COMMIT.ready(len(diff.errors) + waiting, diff.has_changes):
        command = LedgerImport(b"", parsed.file_name, user.username, parsed.options)
        with LEDGER_COMMIT.writing():
            result = command.commit(ImportPreview(parsed, diff), engine=cached_engine())
        LEDGER_COMMIT.finish(result.batch_id, result.diff.counts())


def show_notice() -> None:
    """The outcome of the last commit, once."""
    LEDGER_COMMIT.show_outcome()
