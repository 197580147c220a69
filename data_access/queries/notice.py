"""The facts of the 通报稿 (data_access.notice) for a Filter: figures, day, round, scope."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.categories import fetch_category_labels
from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.models import (
    AccountabilityAction,
    City,
    County,
    InspectionRound,
    Problem,
    Township,
    Village,
)
from data_access.notice import NoticeFacts, draft_notice
from data_access.queries.conditions import accountability_conditions
from data_access.queries.facts import round_facts
from data_access.queries.headline import WRITTEN_SELF_CRITICISM, fetch_headline

__all__ = ["fetch_notice", "fetch_notice_facts"]


def fetch_notice_facts(*, session: Session, flt: Filter, today: date | None = None) -> NoticeFacts:
    """The paragraph's facts for flt: its figures as of flt.as_of (else today's data)."""
    places, kind = _places(session, flt)
    return NoticeFacts(
        figures=fetch_headline(session=session, flt=flt),
        day=flt.as_of or today or local_today(),
        feedback_on=_feedback_on(session, flt),
        places=places,
        place_kind=kind,
        focus_areas=_focus_areas(session, flt),
        village_orgs=_village_orgs(session, flt),
    )


def fetch_notice(*, session: Session, flt: Filter, today: date | None = None) -> str:
    """The 通报稿 for flt in the current language."""
    return draft_notice(fetch_notice_facts(session=session, flt=flt, today=today))


def _focus_areas(session: Session, flt: Filter) -> tuple[str, ...]:
    """The labels of the focus areas flt chose, in their rounds' order."""
    areas = fetch_category_labels(session=session, round_ids=flt.rounds)
    return tuple(areas.label(code) for code in sorted(flt.focus_areas, key=areas.rank))


def _feedback_on(session: Session, flt: Filter) -> date | None:
    """The feedback day of the one round the figures cover (None for several or none)."""
    if len(flt.rounds) == 1:
        round_ids = list(flt.rounds)
    else:
        facts = round_facts(flt)
        round_ids = list(session.scalars(select(facts.c.round_id).distinct().limit(2)))
    if len(round_ids) != 1:
        return None
    return session.scalar(
        select(InspectionRound.feedback_on).where(InspectionRound.id == round_ids[0])
    )


def _places(session: Session, flt: Filter) -> tuple[tuple[str, ...], str]:
    """The names of the most specific regions flt chose (or the account's townships)."""
    # A township outside the account's scope, chosen in the filter, covers nothing.
    townships = tuple(t for t in flt.townships if flt.scope is None or t in flt.scope)
    choices: list[tuple[str, Select]] = [
        ("village", _names(Village.name, Village.id, flt.villages, Village.name)),
        ("township", _names(Township.name, Township.id, townships, Township.sort_order)),
        ("county", _names(County.name, County.id, flt.counties, County.id)),
        ("city", _names(City.name, City.id, flt.cities, City.id)),
    ]
    if flt.scope is not None:
        scope = _names(Township.name, Township.id, flt.scope, Township.sort_order)
        choices.append(("township", scope))
    for kind, query in choices:
        names = tuple(session.scalars(query))
        if names:
            return names, kind
    return (), ""


def _names(name, key, ids: tuple[int, ...], order) -> Select:
    """The names of the rows with ids, in display order (no row for no ids)."""
    return select(name).where(key.in_(ids)).order_by(order, key)


def _village_orgs(session: Session, flt: Filter) -> bool:
    """True when every organisation that made written self-criticism is a village's (its
    problem has a village); the paragraph then says 村级党组织."""
    action = AccountabilityAction
    linked = aliased(Problem)  # the Filter's conditions hold sub-selects on Problem of their own
    query = (
        select(func.count())
        .select_from(action)
        .outerjoin(linked, linked.id == action.problem_id)
        .where(
            action.category == WRITTEN_SELF_CRITICISM,
            linked.village_id.is_(None),
            *accountability_conditions(flt),
        )
    )
    return not session.scalar(query)
