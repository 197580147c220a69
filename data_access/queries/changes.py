"""What each KPI card's change compares against: earlier days, replayed from the status history.

The reference day is the Filter's as-of day, else today. A card's figure is compared with
the same figure as of the end of an earlier day (Filter.as_of, so the status history and
the dated results decide it; nothing is snapshotted):

- WEEK: 7 days before the reference day (CHANGE_SINCE=week, the default), or
- UPLOAD: the day of the previous upload (CHANGE_SINCE=upload): of the upload days of the
  briefing archive (data_access/upload_days.py) up to the reference day, the one before
  the newest; none with fewer;
- ROUND: the same number of days after the start of the previous round as the reference
  day is after the start of the current one (the single chosen round, else the newest with
  problems in the Filter), only when both rounds have a start day, the previous one has
  problems in the Filter, and that day came before the current round began. Groups and
  date ranges are a round's own, so a Filter with them gets no round comparison. With no
  round chosen the current side is the current round's own figures (THIS_ROUND).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlmodel import Session

from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.models import InspectionRound
from data_access.queries.facts import round_facts
from data_access.upload_days import fetch_upload_days

WEEK, UPLOAD, ROUND, THIS_ROUND = "week", "upload", "round", "this_round"
WEEK_DAYS = 7
# Fields that name a round's own groups or days: the previous round has none of them.
ROUND_OWN_FIELDS = ("groups", "date_from", "date_to", "rectified_from", "rectified_to")
_NEWEST_FIRST = (InspectionRound.started_on.desc().nulls_last(), InspectionRound.id.desc())


@dataclass(frozen=True)
class Comparison:
    """One change a card shows: kind, the day compared with, and the two Filters compared."""

    kind: str  # WEEK, UPLOAD, ROUND or THIS_ROUND
    day: date  # the compared figures are those at the end of this day
    then: Filter  # the Filter of the compared (earlier) figures
    now: Filter  # the Filter of the current figures: the one shown, or its current round's
    round_name: str = ""  # ROUND / THIS_ROUND: the previous round's name


def fetch_comparisons(
    *, session: Session, flt: Filter, since: str = WEEK, today: date | None = None
) -> tuple[Comparison, ...]:
    """The comparisons of flt's cards: the previous week or upload first, then the round."""
    reference = flt.as_of or today or local_today()
    found = (
        _previous_upload(session, flt, reference)
        if since == UPLOAD
        else _previous_week(flt, reference),
        _previous_round(session, flt, reference),
    )
    return tuple(comparison for comparison in found if comparison is not None)


def _previous_week(flt: Filter, reference: date) -> Comparison:
    """The figures 7 days before the reference day."""
    day = reference - timedelta(days=WEEK_DAYS)
    return Comparison(WEEK, day, flt.with_(as_of=day), flt)


def _previous_upload(session: Session, flt: Filter, reference: date) -> Comparison | None:
    """The figures at the end of the day of the upload before the newest one, if any."""
    uploads = fetch_upload_days(session=session, scope=flt.scope)
    days = [upload.day for upload in uploads if upload.day <= reference]
    if len(days) < 2:
        return None
    return Comparison(UPLOAD, days[1], flt.with_(as_of=days[1]), flt)


def _previous_round(session: Session, flt: Filter, reference: date) -> Comparison | None:
    """The previous round at the same point, when there is one (module docstring)."""
    if len(flt.rounds) > 1 or any(getattr(flt, name) for name in ROUND_OWN_FIELDS):
        return None
    current = _current_round(session, flt)
    if current is None or current.started_on is None or reference < current.started_on:
        return None
    rounds_with_problems = select(round_facts(flt.with_(rounds=())).c.round_id)
    previous = session.scalars(
        select(InspectionRound)
        .where(
            InspectionRound.started_on < current.started_on,
            InspectionRound.id.in_(rounds_with_problems),
        )
        .order_by(*_NEWEST_FIRST)
        .limit(1)
    ).first()
    if previous is None or previous.started_on is None:  # started_on < …: never None here
        return None
    day = previous.started_on + (reference - current.started_on)
    if day >= current.started_on:
        return None
    kind = ROUND if flt.rounds else THIS_ROUND
    then = flt.with_(rounds=(previous.id,), as_of=day)
    return Comparison(kind, day, then, flt.with_(rounds=(current.id,)), previous.name)


def _current_round(session: Session, flt: Filter) -> InspectionRound | None:
    """The chosen round, else the newest (by start day) with problems in flt."""
    query = select(InspectionRound).order_by(*_NEWEST_FIRST).limit(1)
    if flt.rounds:
        return session.scalars(query.where(InspectionRound.id == flt.rounds[0])).first()
    with_problems = select(round_facts(flt).c.round_id)
    return session.scalars(query.where(InspectionRound.id.in_(with_problems))).first()
