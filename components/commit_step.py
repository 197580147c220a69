"""The steps an upload page shares: the preview's outcome tabs, the commit, its outcome."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from data_access.settings import get_settings
from i18n import t

# The outcomes a preview counts, in the order of its metrics.
COUNT_KEYS = ("new", "changed", "unchanged", "rejected")


def count_label(key: str) -> str:
    """The name of an outcome (new, changed, unchanged, rejected) in the UI language."""
    return t(f"upload.count.{key}")


def limited_uploader(label: str, types: Sequence[str], key: str, help_key: str):
    """A file uploader limited to UPLOAD_MAX_MB (the label and help messages may name it as
    {limit}); None until a file is chosen."""
    limit = get_settings().upload_max_mb
    return st.file_uploader(
        t(label, limit=limit),
        type=list(types),
        max_upload_size=limit,
        key=key,
        help=t(help_key, limit=limit),
    )


def checking():
    """A spinner while a file is read, checked and compared (seconds for a large ledger).

    The file's name is not in it: spinner text is Markdown, and the page shows the name as
    plain text already.
    """
    return st.spinner(t("upload.checking"), show_time=True)


def show_outcome_tabs(sections: Sequence[tuple[str, int, pd.DataFrame | None, str]]) -> None:
    """A tab per (outcome, count, its rows, the key of the note shown when there are none)."""
    labels = [t("upload.tab", label=count_label(key), count=count) for key, count, _, _ in sections]
    for tab, (_key, _count, table, empty_note) in zip(st.tabs(labels), sections, strict=True):
        with tab:
            if table is None or table.empty:
                st.caption(t(empty_note))
            else:
                st.dataframe(table, hide_index=True, width="stretch", placeholder="—")


@dataclass(frozen=True)
class CommitStep:
    """The message keys and session-state keys of one upload page's commit.

    The texts are catalogue keys, translated when shown (so each run's language applies).
    """

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
            st.error(t("upload.commit.has_errors", errors=errors))
            return False
        if not has_changes:
            st.info(t(self.same), icon=":material/check:")
            return False
        return st.button(
            t(self.button), type="primary", icon=":material/cloud_upload:", key=self.key
        )

    def writing(self):
        """A spinner while the one write transaction runs."""
        return st.spinner(t("upload.commit.writing"), show_time=True)

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
            st.info(t(self.raced), icon=":material/info:")
            return
        st.success(
            t(self.done, batch_id=batch_id, new=counts["new"], changed=counts["changed"]),
            icon=":material/check_circle:",
        )
