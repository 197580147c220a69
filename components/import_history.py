"""The import history page's parts: the batch table and undo with a confirm step.

File names and uploaders came from users: they are shown through st.dataframe and st.text,
and an undo's refusal (which may name a file) through components.markdown, escaped.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.auth import CurrentUser
from components.markdown import escape_markdown
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.formatting import MISSING, format_time
from data_access.ingest.undo import UndoRefusedError, list_batches, revert_batch, undo_blocker
from data_access.roles import can
from i18n import t

CONFIRM_KEY = "undo_confirm"  # the batch id waiting for confirmation
NOTICE_KEY = "undo_notice"
MAX_UNDO_ROWS = 20  # undo buttons for the newest committed batches
# Batch statuses and kinds with a label ("admin.batch.status.<code>", ".kind.<code>").
STATUSES = ("committed", "reverted")
KINDS = ("ledger", "seed", "regions")
# The table's columns; each header is "admin.batch.column.<column>".
TABLE_COLUMNS = ("id", "file_name", "kind", "uploader", "started_at", "status", "new",
                 "changed", "unchanged", "rejected", "reverted_by", "reverted_at")  # fmt: skip
TIME_COLUMNS = ("started_at", "reverted_at")


def _label(kind: str, codes: tuple[str, ...], code: str) -> str:
    """The label of a batch status or kind code; an unknown code as it is."""
    return t(f"admin.batch.{kind}.{code}") if code in codes else code


def load_history(user: CurrentUser) -> pd.DataFrame:
    """The batches the user may see (a scoped one: those of their townships), read fresh."""
    with session_scope(cached_engine()) as session:
        return list_batches(session=session, scope=user.scope)


def show_history_table(history: pd.DataFrame) -> None:
    """All batches, newest first, with their counts and who made or reverted them."""
    table = history.assign(
        status=history["status"].map(lambda code: _label("status", STATUSES, code)),
        kind=history["kind"].map(lambda code: _label("kind", KINDS, code)),
        # The office's clock, the one time format, "—" when not reverted (not UTC, not None).
        **{column: [format_time(moment) for moment in history[column]] for column in TIME_COLUMNS},
    )
    headers = {column: t(f"admin.batch.column.{column}") for column in TABLE_COLUMNS}
    shown = table[list(TABLE_COLUMNS)].rename(columns=headers)
    # object first: a count column with gaps is float, and pandas refuses text in a float column.
    st.dataframe(shown.astype(object).fillna(MISSING), hide_index=True, width="stretch")


def show_undo(history: pd.DataFrame, user: CurrentUser) -> None:
    """One undo button per committed import (newest first); a confirm step before undoing."""
    if not can(user.role, "undo"):
        return
    # A regions batch is undone by those who may upload regions (admins).
    allowed = (history["kind"] != "regions") | can(user.role, "regions")
    undoable = history[history["undoable"] & allowed].head(MAX_UNDO_ROWS)
    if undoable.empty:
        st.caption(t("admin.undo.none"))
        return
    st.subheader(t("admin.undo.title"))
    st.caption(t("admin.undo.caption"))
    waiting = st.session_state.get(CONFIRM_KEY)
    for batch in undoable.itertuples():
        label, button = st.columns([4, 1], vertical_alignment="center")
        label.text(
            t(
                "admin.undo.row",
                batch_id=batch.id,
                file_name=batch.file_name,
                uploader=batch.uploader,
            )
        )
        if button.button(t("admin.undo.button"), key=f"undo_{batch.id}", icon=":material/undo:"):
            st.session_state[CONFIRM_KEY] = waiting = int(batch.id)
        if waiting == batch.id:
            _confirm(int(batch.id), user)


def _confirm(batch_id: int, user: CurrentUser) -> None:
    """The blocked reason, or the confirm and cancel buttons for batch_id."""
    with session_scope(cached_engine()) as session:
        reason = undo_blocker(batch_id, session=session, scope=user.scope)
    if reason:
        st.error(escape_markdown(reason), icon=":material/block:")
        return
    st.warning(t("admin.undo.confirm_question", batch_id=batch_id))
    yes, no = st.columns(2)
    if yes.button(t("admin.undo.confirm"), type="primary", key=f"undo_yes_{batch_id}"):
        _revert(batch_id, user)
    if no.button(t("admin.cancel"), key=f"undo_no_{batch_id}"):
        st.session_state.pop(CONFIRM_KEY, None)
        st.rerun()


def _revert(batch_id: int, user: CurrentUser) -> None:
    """Undo the batch; the outcome is shown after a rerun (or the refusal right here)."""
    try:
        revert_batch(batch_id, engine=cached_engine(), actor=user.username, scope=user.scope)
    except UndoRefusedError as refused:
        st.error(escape_markdown(refused.message), icon=":material/block:")
        return
    st.session_state.pop(CONFIRM_KEY, None)
    st.session_state[NOTICE_KEY] = batch_id
    st.rerun()


def show_notice() -> None:
    """The last undo's outcome, once."""
    batch_id = st.session_state.pop(NOTICE_KEY, None)
    if batch_id is not None:
        st.success(t("admin.undo.done", batch_id=batch_id), icon=":material/check_circle:")
