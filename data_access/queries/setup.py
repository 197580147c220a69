"""How far a store is set up: places, rounds, groups, ledger rows, accounts, demo data."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from data_access.models import (
    ImportBatch,
    InspectionGroup,
    InspectionRound,
    Problem,
    Township,
    User,
    Village,
)


@dataclass(frozen=True)
class SetupStatus:
    """Row counts that say which setup steps are done."""

    townships: int
    villages: int
    rounds: int
    groups: int
    problems: int
    users: int
    demo: bool  # the seed's demo data is present

    @property
    def regions_done(self) -> bool:
        """Step 1: places are loaded."""
        return self.townships > 0

    @property
    def rounds_done(self) -> bool:
        """Step 2: at least one round with at least one group."""
        return self.rounds > 0 and self.groups > 0

    @property
    def ledger_done(self) -> bool:
        """Step 3: a ledger was uploaded."""
        return self.problems > 0

    @property
    def complete(self) -> bool:
        """Every step done: the read pages have something to show."""
        return self.regions_done and self.rounds_done and self.ledger_done


def fetch_setup_status(*, session: Session) -> SetupStatus:
    """The counts behind the setup guide (a handful of COUNTs on small tables, plus one EXISTS)."""

    def count(model) -> int:
        """Rows of one table."""
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    demo = select(ImportBatch.id).where(
        ImportBatch.kind == "seed", ImportBatch.status == "committed"
    )
    has_problem = select(Problem.id).limit(1)
    return SetupStatus(
        townships=count(Township),
        villages=count(Village),
        rounds=count(InspectionRound),
        groups=count(InspectionGroup),
        problems=1 if session.execute(has_problem).first() else 0,
        users=count(User),
        demo=session.execute(demo.limit(1)).first() is not None,
    )
