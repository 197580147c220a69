"""The role × page × link walk of tests/pages/test_access.py: who walks, and what lies outside.

Seven identities walk every page in one AppTest session each: signed out, viewer, scoped
viewer, uploader, scoped uploader, admin, and an account disabled while signed in. For each
the store says what lies outside what it may see (Outside): every other township's names
(aliases included), its villages' names, its problem, accountability and lead codes, and
the whole store's headline figures where the scope's differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access import auth
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.formatting import format_int, format_rate, format_yuan_wan
from data_access.models import (
    AccountabilityAction,
    ImportBatch,
    Lead,
    Problem,
    Township,
    TownshipAlias,
    Village,
)
from data_access.queries import fetch_headline
from tests.support.app_content import file_text
from tests.support.signin import SCOPED_USER, add_account, first_township_id

SCOPED_UPLOADER = "scoped_uploader"
DISABLED = "disabled_uploader"
# identity -> account (None: nobody signed in).
IDENTITIES: dict[str, str | None] = {
    "signed_out": None,
    "viewer": "viewer",
    "scoped_viewer": SCOPED_USER,
    "uploader": "uploader",
    "scoped_uploader": SCOPED_UPLOADER,
    "admin": "admin",
    "disabled": DISABLED,
}
DATE_PARAMS = ("asof", "from", "to")
# The admin's link: dates before the data and a reversed range (moved, with notices).
DATES_LINK = {"asof": "1900-01-01", "from": "2020-01-01", "to": "2010-01-01"}
READ_SUFFIXES = (".csv", ".xlsx", ".docx")  # PDF, PNG and SVG draw what these hold
SIGNED_OUT = ("signed_out", "disabled")  # the frame shows them the sign-in form only
SCOPED = ("scoped_viewer", "scoped_uploader")


def add_matrix_accounts(engine: Engine) -> None:
    """The scoped uploader (first township) and the account the walk disables."""
    add_account(engine, SCOPED_UPLOADER, "uploader", (first_township_id(engine),))
    add_account(engine, DISABLED, "uploader")


def disable(engine: Engine, username: str) -> None:
    """Disable username as an admin would (its sessions end with it)."""
    with session_scope(engine, write=True) as session:
        auth.disable_user(session=session, actor="admin", username=username)


def role_of(engine: Engine, username: str) -> str:
    """The account's role."""
    with session_scope(engine) as session:
        return auth.require_user(session=session, username=username).role


def matrix_link(engine: Engine, identity: str) -> dict[str, str]:
    """The link identity opens every page with: the admin's moves dates; the others' asks
    for another township, its village, problem and the demo's import batch, beyond the dates."""
    if identity == "admin":
        return dict(DATES_LINK)
    first = first_township_id(engine)
    with session_scope(engine) as session:
        current = select(Township.id).where(Township.id != first, Township.merged_into_id.is_(None))
        other = session.scalars(current.order_by(Township.sort_order)).first()
        village = session.scalars(select(Village.id).where(Village.township_id == other)).first()
        code = session.scalars(select(Problem.code).where(Problem.township_id == other)).first()
        batch = session.scalars(select(ImportBatch.id)).first()
    return {
        "township": str(other),
        "village": str(village),
        "code": str(code),
        "batch": str(batch),
        "level": "village",
        "asof": "9999-12-31",
    }


def download_texts(files: dict, outside: Outside, read: set[str]) -> list[str]:
    """The text of the run's files, for someone with an outside; one briefing per walk."""
    if not outside.names:
        return []
    texts = []
    for name, make in files.items():
        if not name.endswith(READ_SUFFIXES):
            continue
        if name.endswith(".docx") and any(seen.endswith(".docx") for seen in read):
            continue  # the briefing takes seconds (its charts), and is one writer for all
        read.add(name)
        texts.append(file_text(name, make()))
    return texts


def scope_of(engine: Engine, identity: str) -> tuple[int, ...] | None:
    """The townships identity may see: None for all, () for none."""
    if identity in SIGNED_OUT:
        return ()
    return (first_township_id(engine),) if identity in SCOPED else None


@dataclass(frozen=True)
class Outside:
    """What someone limited to a scope must never be shown."""

    names: frozenset[str]
    codes: re.Pattern[str] | None
    figures: frozenset[str]

    def found_in(self, texts: Iterable[str]) -> list[str]:
        """The names and codes of the outside that texts hold."""
        blob = "\n".join(texts)
        found = sorted(name for name in self.names if name in blob)
        return found + (sorted(set(self.codes.findall(blob))) if self.codes else [])

    def figures_in(self, values: Iterable[str]) -> list[str]:
        """The whole store's headline figures among the values of metric cards."""
        return sorted(set(values) & self.figures)


def outside_of(engine: Engine, scope: tuple[int, ...] | None) -> Outside:
    """The names, codes and figures of everything outside scope (None: nothing is outside)."""
    if scope is None:
        return Outside(frozenset(), None, frozenset())
    with session_scope(engine) as session:
        towns = select(Township.id).where(Township.id.not_in(scope))
        names = set(session.scalars(select(Township.name).where(Township.id.in_(towns))))
        names |= set(session.scalars(select(TownshipAlias.alias).where(_in(TownshipAlias, towns))))
        own = set(session.scalars(select(Village.name).where(Village.township_id.in_(scope))))
        names |= set(session.scalars(select(Village.name).where(_in(Village, towns)))) - own
        codes = {
            code
            for model in (Problem, AccountabilityAction, Lead)
            for code in session.scalars(select(model.code).where(_in(model, towns)))
        }
        figures = headline_figures(session, Filter()) - headline_figures(
            session, Filter(scope=scope)
        )
    by_length = sorted(codes, key=len, reverse=True)  # the longest first: no code cut short
    pattern = re.compile(f"(?:{'|'.join(map(re.escape, by_length))})(?![0-9])") if codes else None
    return Outside(frozenset(names), pattern, frozenset(f for f in figures if len(f) > 1))


def _in(model, towns):
    """model's rows in the townships of the sub-select towns."""
    return model.township_id.in_(towns)


def headline_figures(session, flt: Filter) -> set[str]:
    """The headline's figures as the metric cards show them."""
    head = fetch_headline(session=session, flt=flt)
    counts = (
        head.problems_total,
        head.problems_rectified,
        head.rules_improved,
        head.accountable_people,
        head.leads_transferred,
    )
    return {
        *map(format_int, counts),
        format_rate(head.completion_rate),
        format_yuan_wan(head.recovered_yuan),
    }
