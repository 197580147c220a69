"""An honest placeholder for a page that a later issue builds."""

from __future__ import annotations

import streamlit as st


def planned_page(issue: int, scope: str) -> None:
    """What the page will hold and which issue delivers it; no invented content."""
    st.info(
        f"此页面尚未建设，将在第 {issue} 号任务（issue {issue}）中实现：{scope}",
        icon=":material/construction:",
    )
