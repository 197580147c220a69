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
from components.commit_step import CommitStep
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
    COUNT_LABELS,
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

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_KEY = "upload_preview"  # the UploadPreview of the file in the uploader
ROUND_KEY = "upload_round"  # part of the uploader's key: a new value empties the uploader
NOTICE_KEY = "upload_notice"  # (batch id, counts) of the last commit, shown once
ROUND_CHOICE_KEY = "upload_round_choice"  # the round rows without 巡察轮次 go to
BY_FILE_LABEL = "按文件中的“巡察轮次”列（空白的行归入最近一轮）"
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
            "下载空白模板",
            data=lambda: _workbook(empty=True, scope=user.scope),
            file_name="整改台账模板.xlsx",
            mime=XLSX_MIME,
            icon=":material/download:",
            key="download_template",
        )
    if can(user.role, "see_full_names"):
        with right:
            st.download_button(
                "下载当前台账（可修改后重新上传）",
                data=lambda: _audited_export(user.username, user.scope),
                file_name="整改台账.xlsx",
                mime=XLSX_MIME,
                icon=":material/table_view:",
                key="download_ledger",
            )


def _workbook(*, empty: bool, scope: tuple[int, ...] | None) -> bytes:
    """The ledger workbook (template or data) from the database, within scope."""
    with session_scope(cached_engine()) as session:
        return write_ledger_workbook(session=session, flt=Filter(scope=scope), empty=empty)


def _audited_export(username: str, scope: tuple[int, ...] | None) -> bytes:
    """The full ledger (with names) as xlsx; the download is recorded in the audit trail."""
    data = _workbook(empty=False, scope=scope)
    with session_scope(cached_engine(), write=True) as session:
        record_event(session=session, actor=username, action="export", target="整改台账.xlsx")
    return data


def upload_widget():
    """The file uploader, limited to UPLOAD_MAX_MB; None until a file is chosen."""
    limit = get_settings().upload_max_mb
    return st.file_uploader(
        f"选择整改台账文件（xlsx 或 csv，不超过 {limit} MB）",
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
        st.warning("还没有巡察轮次：请管理员先在“巡察轮次”页新建轮次和巡察组，再上传台账。")
    choices: list[int | None] = [*names, None]  # newest first, so the default is the newest
    return st.selectbox(
        "台账所属巡察轮次",
        choices,
        format_func=lambda round_id: BY_FILE_LABEL if round_id is None else names[round_id],
        key=ROUND_CHOICE_KEY,
        help="文件中“巡察轮次”列为空的行归入所选轮次；写了其他轮次的行会报错。",
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
    columns = st.columns(len(COUNT_LABELS))
    for column, (key, label) in zip(columns, COUNT_LABELS.items(), strict=True):
        column.metric(f"{label}（行）", f"{totals[key]:,}")
    st.subheader("对总体数据的影响")
    st.dataframe(headline_frame(diff), hide_index=True, width="stretch")
    st.dataframe(counts_frame(diff), hide_index=True, width="stretch")
    for notice in parsed.notices:
        st.text(f"提示：{notice}")
    tabs = st.tabs([f"有误 {totals['rejected']}", f"变更 {totals['changed']}",
                    f"新增 {totals['new']}", f"未变 {totals['unchanged']}"])  # fmt: skip
    tables = (errors_frame(diff.errors), preview.changes,
              rows_frame(diff, "new"), rows_frame(diff, "unchanged"))  # fmt: skip
    empty_notes = ("文件中没有错误。", "没有变更的行。", "没有新增的行。", "没有未变的行。")
    for tab, table, note in zip(tabs, tables, empty_notes, strict=True):
        with tab:
            if table is None or table.empty:
                st.caption(note)
            else:
                st.dataframe(table, hide_index=True, width="stretch")


LEDGER_COMMIT = CommitStep(
    button="确认导入",
    key="commit_upload",
    same="文件与系统中的数据完全一致，无需导入。",
    raced="导入时数据已与文件一致，未写入。",
    done="已导入（第 {batch_id} 批）：新增 {new} 行，变更 {changed} 行。"
    "各页面数据已更新；如有误可在“导入记录”页撤销。",
    notice_key=NOTICE_KEY,
    preview_key=PREVIEW_KEY,
    uploads_key=ROUND_KEY,
)


def show_commit(preview: UploadPreview, user: CurrentUser) -> None:
    """The commit button (only for a clean file that changes something), then the outcome."""
    diff, parsed = preview.diff, preview.parsed
    assert diff is not None and parsed is not None
    if LEDGER_COMMIT.ready(len(diff.errors), diff.has_changes):
        result = apply_ledger(parsed, engine=cached_engine(), uploader=user.username, preview=diff)
        LEDGER_COMMIT.finish(result.batch_id, result.diff.counts())


def show_notice() -> None:
    """The outcome of the last commit, once."""
    LEDGER_COMMIT.show_outcome()
