"""The last step of an upload page: the commit button for a clean file, then the outcome once."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st


@dataclass(frozen=True)
class CommitStep:
    """The texts and session-state keys of one upload page's commit."""

    button: str  # the commit button's label
    key: str  # its widget key
    same: str  # said when the file changes nothing
    raced: str  # said when, at commit time, the store already matched the file
    done: str  # the success text: {batch_id}, {new} and {changed} are filled in
    notice_key: str  # (batch id, counts) of the last commit, shown once
    preview_key: str  # the kept preview, dropped after a commit
    uploads_key: str  # part of the uploader's key: bumping it empties the uploader

    def ready(self, errors: int, has_changes: bool) -> bool:
        """Say why nothing can be written, or show the button; True when it was clicked."""
        if errors:
            st.error(f"文件有 {errors} 处错误，未写入任何数据。请按“有误”表修改后重新上传。")
            return False
        if not has_changes:
            st.info(self.same, icon=":material/check:")
            return False
        return st.button(self.button, type="primary", icon=":material/cloud_upload:", key=self.key)

    def finish(self, batch_id: int | None, counts: dict[str, int]) -> None:
        """Remember the outcome, empty the uploader and rerun so every figure refreshes."""
        st.session_state[self.notice_key] = (batch_id, counts)
        st.session_state.pop(self.preview_key, None)
        st.session_state[self.uploads_key] = st.session_state.get(self.uploads_key, 0) + 1
        st.rerun()

    def show_outcome(self) -> None:
        """The outcome of the last commit, once."""
        notice = st.session_state.pop(self.notice_key, None)
        if notice is None:
            return
        batch_id, counts = notice
        if batch_id is None:
            st.info(self.raced, icon=":material/info:")
            return
        st.success(
            self.done.format(batch_id=batch_id, new=counts["new"], changed=counts["changed"]),
            icon=":material/check_circle:",
        )
