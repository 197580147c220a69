"""The setup guide: until places, rounds and a ledger exist, read pages show the steps instead.

An empty store (`make run EMPTY=1`, `python -m data_access init`, or after removing the
demo data) would otherwise show empty charts. The guide says which steps are done and
links each open step to the page that does it, for roles that may open that page.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.auth import CurrentUser
from components.language import with_language
from components.navigation import PAGES, SECTION_VIEW
from data_access.cache import cached_query
from data_access.queries.setup import SetupStatus, fetch_setup_status
from data_access.roles import can
from i18n import t

GUIDED_PAGES = frozenset(spec.url_path for spec in PAGES if spec.section == SECTION_VIEW)
PAGE_PATHS = {spec.url_path: spec.path for spec in PAGES}
DONE_ICON, OPEN_ICON = ":material/check_circle:", ":material/radio_button_unchecked:"


@dataclass(frozen=True)
class Step:
    """One setup step: its title, the page that does it, and how far it is (current language)."""

    number: int
    title: str
    page: str
    done: bool
    state: str  # what is there now, or what to do


def setup_steps(status: SetupStatus) -> list[Step]:
    """The three steps of a new office, in order."""
    return [
        Step(1, t("frame.setup.regions"), "regions", status.regions_done,
             t("frame.setup.regions_done", townships=status.townships, villages=status.villages)
             if status.regions_done else t("frame.setup.regions_todo")),
        Step(2, t("frame.setup.rounds"), "admin_rounds", status.rounds_done,
             t("frame.setup.rounds_done", rounds=status.rounds, groups=status.groups)
             if status.rounds_done else t("frame.setup.rounds_todo")),
        Step(3, t("frame.setup.ledger"), "upload", status.ledger_done,
             t("frame.setup.ledger_done") if status.ledger_done
             else t("frame.setup.ledger_todo")),
    ]  # fmt: skip


def _show_step(step: Step, user: CurrentUser) -> None:
    """One bordered step: its state, and a link when it is open and the role may do it."""
    with st.container(border=True, key=f"setup_step_{step.number}"):
        icon = DONE_ICON if step.done else OPEN_ICON
        heading = t("frame.setup.step", number=step.number, title=step.title)
        st.markdown(f"{icon} **{heading}**")
        st.caption(step.state)
        if not step.done and can(user.role, step.page):
            st.page_link(
                PAGE_PATHS[step.page],
                label=t("frame.setup.go", title=step.title),
                icon=":material/arrow_forward:",
                query_params=with_language({}),
            )


def show_setup_guide(page_key: str, user: CurrentUser) -> bool:
    """On a read page of a store not yet set up, show the guide (True: skip the page)."""
    if page_key not in GUIDED_PAGES:
        return False
    status = cached_query(fetch_setup_status, None)
    if status.complete:
        return False
    st.subheader(t("frame.setup.title"), anchor=False)
    if can(user.role, "admin_rounds"):
        st.write(t("frame.setup.intro"))
    else:
        st.info(t("frame.setup.ask_admin"), icon=":material/info:")
    for step in setup_steps(status):
        _show_step(step, user)
    st.caption(t("frame.setup.cli"))
    return True
