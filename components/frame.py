"""Parts of the frame around every page: database error panel, demo-data banner."""

from __future__ import annotations

import streamlit as st

from data_access.cache import cached_query
from data_access.queries import is_demo_data

DEMO_NOTICE = "演示数据：各项总数与公开通报的整改结果一致；乡镇、村和问题的分布为示意。"


def show_database_error(error: Exception) -> None:
    """A clear bilingual panel instead of a traceback; the detail names the cause."""
    st.error(
        "**无法连接数据库 / The database is unavailable**\n\n"
        "请检查 `DATABASE_URL` 设置或确认数据库服务已启动，然后刷新页面。  \n"
        "Check the `DATABASE_URL` setting or start the database server, then reload.\n\n"
        f"详情 / detail: {error}",
        icon=":material/error:",
    )


def show_page_error() -> None:
    """A friendly notice for an unexpected error; Streamlit logs the traceback on the server.

    client.showErrorDetails = "none" keeps the details out of the browser.
    """
    st.error(
        "**页面出错了 / Something went wrong**\n\n"
        "请刷新页面重试；如仍出错，请联系管理员（错误详情已记入服务器日志）。  \n"
        "Reload the page; if it happens again, tell the administrator (details are in the "
        "server log).",
        icon=":material/error:",
    )


def show_demo_banner() -> None:
    """Mark demo data as such on every page (totals real, distribution illustrative)."""
    if cached_query(is_demo_data, None):
        st.info(DEMO_NOTICE, icon=":material/info:")
