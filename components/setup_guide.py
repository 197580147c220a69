"""The setup guide: until places, rounds and a ledger exist, read pages show the steps instead.

An empty store (`make run EMPTY=1`, `python -m data_access init`, or after removing the
demo data) would otherwise show empty charts. The guide says which steps are done and
links each open step to the page that does it, for roles that may open that page.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.auth import CurrentUser
from components.navigation import PAGES, SECTION_VIEW
from data_access.cache import cached_query
from data_access.queries.setup import SetupStatus, fetch_setup_status
from data_access.roles import can

GUIDED_PAGES = frozenset(spec.url_path for spec in PAGES if spec.section == SECTION_VIEW)
PAGE_PATHS = {spec.url_path: spec.path for spec in PAGES}
DONE_ICON, OPEN_ICON = ":material/check_circle:", ":material/radio_button_unchecked:"


@dataclass(frozen=True)
class Step:
    """One setup step: its title, the page that does it, and how far it is."""

    number: int
    title: str
    page: str
    done: bool
    state: str  # what is there now, or what to do


def setup_steps(status: SetupStatus) -> list[Step]:
    """The three steps of a new office, in order."""
    return [
        Step(1, "上传行政区划", "regions", status.regions_done,
             f"已登记 {status.townships} 个乡镇、{status.villages} 个村" if status.regions_done
             else "下载模板，填写本单位的市、县（区）、乡镇和村，再上传"),
        Step(2, "新建巡察轮次和巡察组", "admin_rounds", status.rounds_done,
             f"已有 {status.rounds} 个巡察轮次、{status.groups} 个巡察组" if status.rounds_done
             else "填写轮次名称、级别和日期，再添加第一、第二……巡察组"),
        Step(3, "上传整改台账", "upload", status.ledger_done,
             "已上传整改台账" if status.ledger_done
             else "下载台账模板填写后上传；上传时选择所属巡察轮次"),
    ]  # fmt: skip


def _show_step(step: Step, user: CurrentUser) -> None:
    """One bordered step: its state, and a link when it is open and the role may do it."""
    with st.container(border=True, key=f"setup_step_{step.number}"):
        icon = DONE_ICON if step.done else OPEN_ICON
        st.markdown(f"{icon} **第 {step.number} 步　{step.title}**")
        st.caption(step.state)
        if not step.done and can(user.role, step.page):
            st.page_link(
                PAGE_PATHS[step.page], label=f"去{step.title}", icon=":material/arrow_forward:"
            )


def show_setup_guide(page_key: str, user: CurrentUser) -> bool:
    """On a read page of a store not yet set up, show the guide (True: skip the page)."""
    if page_key not in GUIDED_PAGES:
        return False
    status = cached_query(fetch_setup_status, None)
    if status.complete:
        return False
    st.subheader("开始使用：先完成三步初始设置", anchor=False)
    if can(user.role, "admin_rounds"):
        st.write("系统中还没有本单位的数据。按下面的顺序完成设置后，各页面就会显示图表。")
    else:
        st.info(
            "系统尚未完成初始设置，请联系管理员。设置完成后这里会显示图表。", icon=":material/info:"
        )
    for step in setup_steps(status):
        _show_step(step, user)
    st.caption(
        "也可以在服务器上用命令行完成：python -m data_access import-regions / rounds / import。"
    )
    return True
