"""A ledger's 问题类别/问题子类 cells -> the codes of its round's categories (categories.py).

A cell matches a category of the row's round by name, code, English name or (the demo's)
short name, whatever its numbering ("一、", "（二）", "2.") and whether it ends in 方面/问题.
A blank cell is 未分类. A name the round lacks is new: the first ledger of a round without
categories defines them (a notice); later ones wait on the uploader's yes (a Consent of kind
"categories") unless options.category_map maps the name onto one the round has. New
categories get category_code(name) and are written by apply, in its write transaction.
Sub-categories work the same way under their row's category.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.categories import UNCATEGORISED, category_code
from data_access.ingest.category_words import SYNONYMS, category_key, category_name
from data_access.ingest.cell_values import Invalid
from data_access.ingest.errors import joined
from data_access.ingest.normalise_sheet import ROW, set_column
from data_access.ingest.options import Consent, ImportOptions
from data_access.models import ProblemCategory
from i18n import t

ROWS_SHOWN = 10  # rows named per category in a message


@dataclass
class NewCategory:
    """A category (or sub-category, under parent_code) a file names that its round lacks."""

    round_id: int
    parent_code: str  # "" for a top-level category
    parent_name: str  # the parent category's name ("" for a top-level one)
    name: str  # as the round will store it (numbering stripped)
    code: str
    needs_consent: bool  # the round already has categories (at this level)
    choices: tuple[str, ...]  # the round's names the uploader may map it onto
    rows: list[int] = field(default_factory=list)  # Excel rows naming it
    mapped_to: str | None = None  # the round's name options.category_map chose


@dataclass
class _Level:
    """The categories of one round under one parent: folded key -> code, and their names."""

    keys: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)


@dataclass
class CategoryOutcome:
    """What a file's categories come to: the new ones (defined or waiting) and the mapped."""

    found: dict[tuple[int, str, str], NewCategory] = field(default_factory=dict)

    @property
    def new(self) -> list[NewCategory]:
        """The categories apply will add (mapped ones excluded), in the order first seen."""
        return [c for c in self.found.values() if c.mapped_to is None]

    @property
    def defined(self) -> list[NewCategory]:
        """New categories of rounds (levels) that had none: the file defines them."""
        return [c for c in self.new if not c.needs_consent]

    @property
    def waiting(self) -> list[NewCategory]:
        """New categories the round has none like: added only with the uploader's yes."""
        return [c for c in self.new if c.needs_consent]

    @property
    def choosable(self) -> list[NewCategory]:
        """Names the uploader may accept or map (waiting or already mapped), first seen first."""
        return [c for c in self.found.values() if c.needs_consent or c.mapped_to is not None]

    def notices(self) -> list[str]:
        """A notice per level the file defines (the names, in order)."""
        groups: dict[tuple[int, str], list[str]] = defaultdict(list)
        for category in self.defined:
            groups[category.round_id, category.parent_name].append(category.name)
        return [
            t("ingest.notice.categories_defined", names=joined(names))
            if not parent
            else t("ingest.notice.sub_categories_defined", parent=parent, names=joined(names))
            for (_round, parent), names in groups.items()
        ]

    def consents(self) -> list[Consent]:
        """One Consent naming every waiting category and its rows (none when there are none)."""
        if not self.waiting:
            return []
        listed = joined(_with_rows(c) for c in self.waiting)
        return [Consent("categories", t("ingest.consent.categories", names=listed))]


def _with_rows(category: NewCategory) -> str:
    """名称（第 3、5 行） with at most ROWS_SHOWN rows; a sub-category under its parent."""
    rows = joined(str(r) for r in category.rows[:ROWS_SHOWN])
    if len(category.rows) > ROWS_SHOWN:
        rows = t("ingest.consent.more_rows", rows=rows, count=len(category.rows))
    name = category.name
    if category.parent_code:
        name = t("ingest.consent.sub_category", parent=category.parent_name, name=name)
    return t("ingest.consent.category_rows", name=name, rows=rows)


class _Vocabulary:
    """The stored categories of the file's rounds, and the new ones met while matching."""

    def __init__(self, session: Session, round_ids: list[int], options: ImportOptions) -> None:
        """Load the rounds' categories (every level) and the uploader's mapping."""
        self.levels: dict[tuple[int, str], _Level] = defaultdict(_Level)
        self.top_names: dict[tuple[int, str], str] = {}  # (round, code) -> name
        self.has_subs: set[int] = set()
        query = select(
            ProblemCategory.round_id,
            ProblemCategory.parent_code,
            ProblemCategory.code,
            ProblemCategory.name,
            ProblemCategory.name_en,
        ).where(ProblemCategory.round_id.in_(round_ids))
        for round_id, parent, code, name, name_en in session.execute(
            query.order_by(ProblemCategory.ordinal, ProblemCategory.id)
        ):
            level = self.levels[round_id, parent]
            level.names.append(name)
            if not parent:
                self.top_names[round_id, code] = name
            for key in (name_en, code, name):  # later keys win, as in define_categories
                if key:
                    level.keys[category_key(key)] = code
            self.has_subs.update([round_id] if parent else [])
        for (_round, parent), level in list(self.levels.items()):
            codes = set(level.keys.values())
            for word, code in SYNONYMS.items():  # the demo's short names of its areas
                if not parent and code in codes:
                    level.keys.setdefault(category_key(word), code)
        self.mapping = {category_key(k): v for k, v in options.category_map.items()}
        self.outcome = CategoryOutcome()
        self.memo: dict[tuple[int, str, str], tuple[object, NewCategory | None]] = {}

    def code(self, round_id: object, parent: object, text: object, row: int) -> object:
        """The code text names in round_id under parent (see the module's docstring)."""
        if text is None or isinstance(text, Invalid):
            return text
        if not isinstance(round_id, int) or not isinstance(parent, str):
            return text  # the row has an error of its own (its round)
        memo_key = (round_id, parent, str(text))
        if memo_key not in self.memo:
            self.memo[memo_key] = self._lookup(round_id, parent, str(text))
        result, new = self.memo[memo_key]
        if new is not None:
            new.rows.append(row)
        return result

    def _lookup(self, round_id: int, parent: str, text: str) -> tuple[object, NewCategory | None]:
        """(code or Invalid, the NewCategory it is when the round lacks it)."""
        key = category_key(text)
        level = self.levels[round_id, parent]
        if key in level.keys:
            return level.keys[key], None
        found = self.outcome.found.get((round_id, parent, key))
        if found is not None:
            return found.code, found
        target = self.mapping.get(key)
        mapped = None if target is None else level.keys.get(category_key(target))
        if target is not None and mapped is None:
            return Invalid(text, t("ingest.reason.category_map", target=target)), None
        name = category_name(text)
        parent_name = self.top_names.get((round_id, parent), parent)
        found = NewCategory(
            round_id, parent, parent_name, name, mapped or category_code(name),
            needs_consent=self._has_level(round_id, parent), choices=tuple(level.names),
            mapped_to=target,
        )  # fmt: skip
        self.outcome.found[round_id, parent, key] = found
        if not parent and mapped is None:
            self.top_names[round_id, found.code] = name
        return found.code, found

    def _has_level(self, round_id: int, parent: str) -> bool:
        """True when the round already has categories at this level."""
        if parent:
            return round_id in self.has_subs
        return bool(self.levels.get((round_id, ""), _Level()).names)


def match_categories(
    frame: pd.DataFrame, *, session: Session, options: ImportOptions
) -> CategoryOutcome:
    """Replace focus_area and sub_category of a normalised problems frame by codes, in place."""
    round_ids = sorted({r for r in frame["round_id"] if isinstance(r, int)})
    vocabulary = _Vocabulary(session, round_ids, options)
    rows = frame[ROW].tolist()
    areas = [
        vocabulary.code(r, UNCATEGORISED, text, row)
        for r, text, row in zip(frame["round_id"], frame["focus_area"], rows, strict=True)
    ]
    set_column(frame, "focus_area", areas)
    subs = [
        _sub_code(vocabulary, r, area, text, row)
        for r, area, text, row in zip(
            frame["round_id"], areas, frame["sub_category"], rows, strict=True
        )
    ]
    set_column(frame, "sub_category", subs)
    return vocabulary.outcome


def _sub_code(
    vocabulary: _Vocabulary, round_id: object, area: object, text: object, row: int
) -> object:
    """A sub-category's code under its row's category; under 未分类 it stays as written."""
    if area is None or area == UNCATEGORISED or isinstance(area, Invalid):
        return text
    return vocabulary.code(round_id, area, text, row)
