"""The admin's one-step removal of the demo data (shown only while demo data is present)."""

from __future__ import annotations

import streamlit as st

from components.auth import CurrentUser
from data_access.cache import cached_engine, cached_query
from data_access.db import session_scope
from data_access.demo_data import DemoDataError, remove_demo_data
from data_access.queries.setup import fetch_setup_status

CONFIRM_KEY = "demo_remove_confirm"
NOTICE_KEY = "demo_remove_notice"


def show_demo_removal(admin: CurrentUser) -> None:
    """A bordered box with the remove button and a confirm step, while the demo is stored."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    if not cached_query(fetch_setup_status, None).demo:
        return
    with st.container(border=True, key="demo_removal"):
        st.markdown("**演示数据**")
        st.caption(
            "库中有演示数据（枞阳县 2018 年脱贫攻坚专项巡察）。录入本单位数据前可一键删除："
            "只删除演示写入的数据，账号、审计日志和自己上传的数据都保留。"
        )
        keep = st.checkbox(
            "保留演示的行政区划（本单位就是铜陵市枞阳县时勾选）", key="demo_keep_regions"
        )
        if st.button("删除演示数据", key="remove_demo", icon=":material/delete:"):
            st.session_state[CONFIRM_KEY] = True
        if st.session_state.get(CONFIRM_KEY):
            _confirm(admin, keep_regions=keep)


def _confirm(admin: CurrentUser, *, keep_regions: bool) -> None:
    """The confirm and cancel buttons; removing reruns with a notice."""
    st.warning("确认删除全部演示数据？此操作不能撤销（会记入审计日志）。")
    yes, no = st.columns(2)
    if yes.button("确认删除", type="primary", key="remove_demo_yes"):
        try:
            with session_scope(cached_engine(), write=True) as session:
                counts = remove_demo_data(
                    session=session, actor=admin.username, keep_regions=keep_regions
                )
        except DemoDataError as missing:
            st.error(str(missing))
            return
        st.session_state.pop(CONFIRM_KEY, None)
        st.session_state[NOTICE_KEY] = f"已删除演示数据（共 {sum(counts.values()):,} 行）。"
        st.rerun()
    if no.button("取消", key="remove_demo_no"):
        st.session_state.pop(CONFIRM_KEY, None)
        st.rerun()
