"""The demo's problem categories as rows of its rounds: five focus areas and their sub-categories.

Their names come from the catalogue's labels of the demo codes (Chinese, and English as
name_en); the sub-categories are the demo's own (seed.text), Chinese only.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session

from data_access.codes import FOCUS_AREAS
from data_access.models import ProblemCategory
from seed.store import insert_returning_ids
from seed.text import SUB_CATEGORIES


def demo_category_rows(round_id: int) -> list[dict]:
    """The rows of one round: the five focus areas in order, then each one's sub-categories."""
    names, names_en = FOCUS_AREAS.in_language("zh"), FOCUS_AREAS.in_language("en")
    rows = [
        {"round_id": round_id, "code": code, "name": names[code], "name_en": names_en[code],
         "ordinal": ordinal, "parent_code": ""}
        for ordinal, code in enumerate(FOCUS_AREAS)
    ]  # fmt: skip
    for area in FOCUS_AREAS:
        rows += [
            {"round_id": round_id, "code": sub, "name": sub, "name_en": "",
             "ordinal": ordinal, "parent_code": area}
            for ordinal, (sub, _weight, _templates) in enumerate(SUB_CATEGORIES[area])
        ]  # fmt: skip
    return rows


def insert_demo_categories(session: Session, round_ids: Iterable[int]) -> int:
    """Store the demo's categories for each round; returns the rows written."""
    rows = [row for round_id in round_ids for row in demo_category_rows(round_id)]
    return len(insert_returning_ids(session, ProblemCategory, rows))
