"""巡察轮次 page parts: the rounds table, create and edit a round, its groups (all audited)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from numbers import Integral

import pandas as pd
import streamlit as st
from sqlmodel import Session

from components.auth import CurrentUser
from components.markdown import md
from components.saved_change import save_change, show_saved_notice
from data_access.cache import cached_engine
from data_access.codes import ROUND_LEVELS
from data_access.db import session_scope
from data_access.inspections import (
    RoundError,
    RoundValues,
    add_group,
    create_round,
    list_counties,
    list_groups,
    list_rounds,
    rename_group,
    round_date_label,
    suggested_group_name,
    update_round,
)
from i18n import t

NOTICE_KEY = "admin_rounds_notice"
FIRST_DAY, LAST_DAY = date(1990, 1, 1), date(2100, 12, 31)
DATE_FIELDS = ("started_on", "ended_on", "feedback_on")
# The rounds table's columns; each header is "admin.round.column.<column>".
ROUND_TABLE = ("name", "level_label", "county", "started_on", "ended_on", "feedback_on",
               "theme", "groups", "problems")  # fmt: skip
GROUP_TABLE = ("ordinal", "name", "problems")


def headers(prefix: str, columns: tuple[str, ...]) -> dict[str, str]:
    """Column -> its header "<prefix>.<column>" in the UI language."""
    return {column: t(f"{prefix}.{column}") for column in columns}


def load_rounds() -> pd.DataFrame:
    """Every round, read fresh (a change must show at once)."""
    with session_scope(cached_engine()) as session:
        return list_rounds(session=session)


def _save(done: str, change: Callable[[Session], object]) -> None:
    """Run change in a write transaction; rerun with a notice, or show why it was refused."""
    save_change(NOTICE_KEY, done, change, (RoundError,))


def show_notice() -> None:
    """The outcome of the last change, once."""
    show_saved_notice(NOTICE_KEY)


def show_rounds_table(rounds: pd.DataFrame) -> None:
    """The rounds, newest first."""
    if rounds.empty:
        st.caption(t("admin.round.empty"))
        return
    table = rounds[list(ROUND_TABLE)].rename(columns=headers("admin.round.column", ROUND_TABLE))
    st.dataframe(table, hide_index=True, width="stretch", key="rounds_table", placeholder="—")


def _stored_day(current: pd.Series | None, field: str) -> date | None:
    """A stored date of the round being edited (None for a new round or an empty cell)."""
    value = _stored(current, field)
    return value if isinstance(value, date) else None


def _stored(current: pd.Series | None, field: str) -> object:
    """A stored value of the round being edited (None for a new round or an empty cell)."""
    if current is None or pd.isna(current[field]):
        return None
    return current[field]


def _county_input(prefix: str, current: pd.Series | None) -> int | None:
    """The county of the round: one of the stored counties, or none."""
    with session_scope(cached_engine()) as session:
        counties = list_counties(session=session)
    labels = {int(r.county_id): f"{r.city} / {r.county}" for r in counties.itertuples()}
    choices: list[int | None] = [None, *labels]
    value = _stored(current, "county_id")
    stored = int(value) if isinstance(value, Integral) else None  # numpy's integers too
    if current is None and len(labels) == 1:
        stored = next(iter(labels))  # an office of one county: that county
    return st.selectbox(
        t("admin.round.county"),
        choices,
        index=choices.index(stored) if stored is not None and stored in labels else 0,
        format_func=lambda county: (
            t("admin.round.any_county") if county is None else labels[county]
        ),
        key=f"{prefix}_county",
    )


def _round_inputs(prefix: str, current: pd.Series | None) -> RoundValues:
    """The widgets of a round's values (empty, or filled from current)."""
    name = st.text_input(
        t("admin.round.name"),
        value=str(_stored(current, "name") or ""),
        placeholder=t("admin.round.name_placeholder"),
        key=f"{prefix}_name",
    )
    levels = list(ROUND_LEVELS)
    level = st.selectbox(
        t("admin.round.level"),
        levels,
        index=levels.index(current["level"]) if current is not None else levels.index("county"),
        format_func=ROUND_LEVELS.__getitem__,
        key=f"{prefix}_level",
    )
    county = _county_input(prefix, current)
    theme = st.text_input(
        t("admin.round.theme"),
        value=str(_stored(current, "theme") or ""),
        help=t("admin.round.theme_help"),
        key=f"{prefix}_theme",
    )
    days = {
        field: column.date_input(
            round_date_label(field),
            value=_stored_day(current, field),
            min_value=FIRST_DAY,
            max_value=LAST_DAY,
            format="YYYY-MM-DD",
            key=f"{prefix}_{field}",
        )
        for column, field in zip(st.columns(3), DATE_FIELDS, strict=True)
    }
    return RoundValues(name=name, level=level, county_id=county, theme=theme, **days)


def show_create_round(admin: CurrentUser) -> None:
    """A form that creates a round."""
    with st.form("new_round", clear_on_submit=True, enter_to_submit=False):
        values = _round_inputs("new_round", None)
        submitted = st.form_submit_button(t("admin.round.create"), type="primary")
    if submitted:
        _save(
            md("admin.round.created", name=values.name.strip()),
            lambda s: create_round(session=s, actor=admin.username, values=values),
        )


def pick_round(rounds: pd.DataFrame) -> pd.Series:
    """The round chosen to edit (rounds: not empty, newest first)."""
    names = dict(zip(rounds["round_id"].astype(int), rounds["name"], strict=True))
    chosen = st.selectbox(
        t("admin.round.pick"), list(names), format_func=names.__getitem__, key="edit_round_id"
    )
    return rounds[rounds["round_id"] == chosen].iloc[0]


def show_edit_round(admin: CurrentUser, current: pd.Series) -> None:
    """A form that changes the chosen round."""
    round_id = int(current["round_id"])
    with st.form(f"edit_round_{round_id}", enter_to_submit=False):
        values = _round_inputs(f"edit_round_{round_id}", current)
        submitted = st.form_submit_button(t("admin.round.save"))
    if submitted:
        _save(
            md("admin.round.saved", name=values.name.strip()),
            lambda s: update_round(
                session=s, actor=admin.username, round_id=round_id, values=values
            ),
        )


def show_groups(admin: CurrentUser, current: pd.Series) -> None:
    """The chosen round's groups, a form to add one and a rename."""
    round_id = int(current["round_id"])
    with session_scope(cached_engine()) as session:
        groups = list_groups(session=session, round_id=round_id)
    if groups.empty:
        st.caption(t("admin.group.empty"))
    else:
        table = groups[list(GROUP_TABLE)].rename(columns=headers("admin.group.column", GROUP_TABLE))
        st.dataframe(table, hide_index=True, key="groups_table", placeholder="—")
    with st.form(f"new_group_{round_id}", clear_on_submit=True, enter_to_submit=False):
        name = st.text_input(
            t("admin.group.name"),
            value=suggested_group_name(len(groups)),
            key=f"new_group_name_{round_id}_{len(groups)}",
        )
        if st.form_submit_button(t("admin.group.add")):
            _save(
                md("admin.group.added", name=name.strip()),
                lambda s: add_group(session=s, actor=admin.username, round_id=round_id, name=name),
            )
    if not groups.empty:
        _rename_group(admin, groups)


def _rename_group(admin: CurrentUser, groups: pd.DataFrame) -> None:
    """Pick a group and give it a new name."""
    names = dict(zip(groups["group_id"].astype(int), groups["name"], strict=True))
    left, right = st.columns(2, vertical_alignment="bottom")
    group_id = left.selectbox(
        t("admin.group.rename_pick"),
        list(names),
        format_func=names.__getitem__,
        key="rename_group_id",
    )
    new_name = right.text_input(
        t("admin.group.new_name"), value=names[group_id], key=f"rename_group_{group_id}"
    )
    unchanged = new_name.strip() == names[group_id]
    if st.button(t("admin.group.rename"), key="rename_group", disabled=unchanged):
        _save(
            md("admin.group.renamed", old=names[group_id], new=new_name.strip()),
            lambda s: rename_group(
                session=s, actor=admin.username, group_id=group_id, name=new_name
            ),
        )
