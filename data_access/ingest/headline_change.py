"""The headline figures an import moves: before (stored) and the new and changed rows' delta.

The "after" figures of a preview are the "before" figures plus the delta, so the preview
needs no write transaction (data_access.ingest.diff).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from operator import itemgetter
from typing import TYPE_CHECKING

from sqlmodel import Session

from data_access.codes import COMPLETED_STATUS, PERSON_CATEGORIES
from data_access.filters import Filter
from data_access.ingest.records import ACCOUNTABILITY_TABLE, LEADS_TABLE, PROBLEMS_TABLE
from data_access.queries.headline import fetch_headline

if TYPE_CHECKING:  # diff imports this module
    from data_access.ingest.diff import SheetDiff


@dataclass(frozen=True)
class HeadlineFigures:
    """The headline figures an import can move (all problems, every round)."""

    problems_total: int
    problems_rectified: int
    recovered_yuan: int
    rules_improved: int
    accountable_people: int
    leads_transferred: int

    @property
    def completion_rate(self) -> float:
        """Rectified ÷ total (0.0 when there are no problems)."""
        return self.problems_rectified / self.problems_total if self.problems_total else 0.0

    def plus(self, delta: dict[str, int]) -> HeadlineFigures:
        """These figures with delta added field by field."""
        return replace(self, **{k: getattr(self, k) + v for k, v in delta.items()})


def fetch_headline_figures(*, session: Session) -> HeadlineFigures:
    """The current headline figures over every stored row (no filter)."""
    headline = fetch_headline(session=session, flt=Filter())
    return HeadlineFigures(
        problems_total=headline.problems_total,
        problems_rectified=headline.problems_rectified,
        recovered_yuan=headline.recovered_yuan,
        rules_improved=headline.rules_improved,
        accountable_people=headline.accountable_people,
        leads_transferred=headline.leads_transferred,
    )


def headline_delta(sheets: dict[str, SheetDiff]) -> dict[str, int]:
    """How much the new and changed rows move each headline figure.

    Column by column over the row images (map and count run in C): a loop of Python
    calls per row was a noticeable part of a large preview (docs/performance.md).
    """
    problems, people = sheets[PROBLEMS_TABLE.sheet], sheets[ACCOUNTABILITY_TABLE.sheet]
    after, before = _images(problems)
    people_after, people_before = _images(people)
    return {
        "problems_total": len(problems.new),
        "problems_rectified": _count(after, "status", COMPLETED_STATUS)
        - _count(before, "status", COMPLETED_STATUS),
        "recovered_yuan": _total(after, "recovered_yuan") - _total(before, "recovered_yuan"),
        "rules_improved": _total(after, "rules_improved") - _total(before, "rules_improved"),
        "accountable_people": _people(people_after) - _people(people_before),
        "leads_transferred": len(sheets[LEADS_TABLE.sheet].new),
    }


def _images(sheet: SheetDiff) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The file values of the new and changed rows, and the stored values of the changed."""
    after = [row.values for row in sheet.new]
    after += [row.values for row in sheet.changed]
    return after, [row.stored for row in sheet.changed]


def _count(images: list[dict[str, object]], name: str, wanted: object) -> int:
    """How many images hold wanted in name."""
    return list(map(itemgetter(name), images)).count(wanted)


def _total(images: list[dict[str, object]], name: str) -> int:
    """The sum of name over images."""
    return sum(map(itemgetter(name), images))


def _people(images: list[dict[str, object]]) -> int:
    """How many accountability images count among the people held accountable."""
    return sum(map(PERSON_CATEGORIES.__contains__, map(itemgetter("category"), images)))
