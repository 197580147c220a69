"""The import history page's parts: the batch table and undo with a confirm step.

File names and uploaders came from users: they are shown only through st.dataframe and
st.text, never through Markdown or HTML.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.auth import CurrentUser
from data_access.cache import cached_engine
from data_access.db import session_scope
from data_access.ingest.undo import UndoRefusedError, list_batches, revert_batch, undo_blocker
from data_access.roles import can

CONFIRM_KEY = "undo_confirm"  # the batch id waiting for confirmation
NOTICE_KEY = "undo_notice"
MAX_UNDO_ROWS = 20  # undo buttons for the newest committed batches
STATUS_LABELS = {"committed": "已提交", "reverted": "已撤销"}
KIND_LABELS = {"ledger": "台账导入", "seed": "演示数据", "regions": "行政区划"}
TABLE_COLUMNS = {
    "id": "批次",
    "file_name": "文件",
    "kind": "类型",
    "uploader": "上传人",
    "started_at": "导入时间",
    "status": "状态",
    "new": "新增",
    "changed": "变更",
    "unchanged": "未变",
    "rejected": "有误",
    "reverted_by": "撤销人",
    "reverted_at": "撤销时间",
}


def load_history() -> pd.DataFrame:
    """Every batch, read fresh (an undo must show at once)."""
    with session_scope(cached_engine()) as session:
        return list_batches(session=session)


def show_history_table(history: pd.DataFrame) -> None:
    """All batches, newest first, with their counts and who made or reverted them."""
    table = history.assign(
        status=history["status"].map(lambda s: STATUS_LABELS.get(s, s)),
        kind=history["kind"].map(lambda k: KIND_LABELS.get(k, k)),
    )
    st.dataframe(
        table[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS),
        hide_index=True,
        width="stretch",
        column_config={
            "导入时间": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
            "撤销时间": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
        },
    )


def show_undo(history: pd.DataFrame, user: CurrentUser) -> None:
    """One undo button per committed import (newest first); a confirm step before undoing."""
    if not can(user.role, "undo"):
        return
    # A regions batch is undone by those who may upload regions (admins).
    allowed = (history["kind"] != "regions") | can(user.role, "regions")
    undoable = history[history["undoable"] & allowed].head(MAX_UNDO_ROWS)
    if undoable.empty:
        st.caption("没有可以撤销的导入。")
        return
    st.subheader("撤销导入")
    st.caption("撤销会把该批写入的每一行恢复原状。需从最近的一批开始撤销。")
    waiting = st.session_state.get(CONFIRM_KEY)
    for batch in undoable.itertuples():
        label, button = st.columns([4, 1], vertical_alignment="center")
        label.text(f"第 {batch.id} 批  {batch.file_name}  （{batch.uploader}）")
        if button.button("撤销", key=f"undo_{batch.id}", icon=":material/undo:"):
            st.session_state[CONFIRM_KEY] = waiting = int(batch.id)
        if waiting == batch.id:
            _confirm(int(batch.id), user)


def _confirm(batch_id: int, user: CurrentUser) -> None:
    """The blocked reason, or the confirm and cancel buttons for batch_id."""
    with session_scope(cached_engine()) as session:
        reason = undo_blocker(batch_id, session=session)
    if reason:
        st.error(reason, icon=":material/block:")
        return
    st.warning(f"确认撤销第 {batch_id} 批？该批新增的行将删除，变更的行恢复为导入前的值。")
    yes, no = st.columns(2)
    if yes.button("确认撤销", type="primary", key=f"undo_yes_{batch_id}"):
        _revert(batch_id, user)
    if no.button("取消", key=f"undo_no_{batch_id}"):
        st.session_state.pop(CONFIRM_KEY, None)
        st.rerun()


def _revert(batch_id: int, user: CurrentUser) -> None:
    """Undo the batch; the outcome is shown after a rerun (or the refusal right here)."""
    try:
        revert_batch(batch_id, engine=cached_engine(), actor=user.username)
    except UndoRefusedError as refused:
        st.error(refused.message, icon=":material/block:")
        return
    st.session_state.pop(CONFIRM_KEY, None)
    st.session_state[NOTICE_KEY] = batch_id
    st.rerun()


def show_notice() -> None:
    """The last undo's outcome, once."""
    batch_id = st.session_state.pop(NOTICE_KEY, None)
    if batch_id is not None:
        st.success(
            f"已撤销第 {batch_id} 批导入，数据已恢复到导入前。", icon=":material/check_circle:"
        )
