"""A round's problem categories (巡察重点/问题类别) and sub-categories, as rows of the store.

Every office names its own categories, so they are data of each round (ProblemCategory),
never constants: queries label and order focus areas from here, the filter bar offers
them, the ledger template lists them, and a ledger import defines new ones in its own
write transaction (define_categories). Problems keep the code; the code of a category is
its name when that fits (≤ 64 characters, no ASCII comma: Filter values are joined with
commas in URLs), else a stable derivation. A blank category is "未分类" (code "").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import func, select
from sqlmodel import Session

from data_access.models import InspectionRound, ProblemCategory
from i18n import get_language, t

__all__ = [
    "CODE_MAX",
    "NAME_MAX",
    "UNCATEGORISED",
    "CategoryError",
    "CategoryLabels",
    "category_code",
    "define_categories",
    "fetch_categories",
    "fetch_category_labels",
    "fetch_category_names",
]

UNCATEGORISED = ""  # the code of a problem without a category
CODE_MAX, NAME_MAX = 64, 128
_DIGEST_CHARS = 8
_SEPARATOR = "~"
CATEGORY_COLUMNS = ["round_id", "code", "label", "ordinal", "parent_code"]


class CategoryError(ValueError):
    """A category name the store cannot take; the message is in the UI language."""


def category_code(name: str) -> str:
    """The code of a category called name: the trimmed name itself, or a stable derivation.

    A name longer than CODE_MAX characters (or holding an ASCII comma) becomes its start,
    "~" and 8 hex digits of its SHA-256, so the same name always gets the same code.
    """
    clean = name.strip()
    if len(clean) <= CODE_MAX and "," not in clean:
        return clean
    digest = hashlib.sha256(clean.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]
    stem = clean[: CODE_MAX - _DIGEST_CHARS - len(_SEPARATOR)].replace(",", "，")  # i18n-data
    return f"{stem}{_SEPARATOR}{digest}"


def _label(name: str, name_en: str) -> str:
    """A category's label in the current language: its English name when English and given."""
    return name_en if get_language() == "en" and name_en else name


def uncategorised_label() -> str:
    """The label of a problem without a category (code "")."""
    return t("queries.category.uncategorised")


def _ordered_rows(session: Session, round_ids: Iterable[int] | None) -> list:
    """Category rows of the rounds (all rounds for None), rounds oldest first, then ordinal."""
    query = (
        select(
            ProblemCategory.round_id,
            ProblemCategory.code,
            ProblemCategory.name,
            ProblemCategory.name_en,
            ProblemCategory.ordinal,
            ProblemCategory.parent_code,
        )
        .join(InspectionRound, InspectionRound.id == ProblemCategory.round_id)
        .order_by(
            InspectionRound.started_on.nulls_last(),
            InspectionRound.id,
            ProblemCategory.ordinal,
            ProblemCategory.id,
        )
    )
    if round_ids is not None:
        query = query.where(ProblemCategory.round_id.in_(list(round_ids)))
    return list(session.execute(query).all())


def fetch_categories(*, session: Session, round_ids: Iterable[int] | None = None) -> pd.DataFrame:
    """round_id, code, label (current language), ordinal, parent_code of the rounds' categories
    and sub-categories (every round for None), rounds oldest first, then in their order."""
    rows = [
        (round_id, code, _label(name, name_en), ordinal, parent)
        for round_id, code, name, name_en, ordinal, parent in _ordered_rows(session, round_ids)
    ]
    frame = pd.DataFrame.from_records(rows, columns=CATEGORY_COLUMNS)
    for column in ("round_id", "ordinal"):  # int64 already unless there are no rows
        if frame[column].dtype != "int64":
            frame[column] = frame[column].astype("int64")
    return frame


def fetch_category_names(
    *, session: Session, round_ids: Iterable[int] | None = None
) -> dict[str, str]:
    """Top-level code → name as the office writes it (the ledger workbook's words)."""
    names: dict[str, str] = {}
    for _round, code, name, _en, _ordinal, parent in _ordered_rows(session, round_ids):
        if parent == "":
            names.setdefault(code, name)
    return names


@dataclass(frozen=True)
class CategoryLabels:
    """Labels and display order of the top-level categories of some rounds.

    A code that no round defines keeps its own text and sorts after the defined ones;
    the blank code reads "未分类" and sorts last.
    """

    labels: dict[str, str]  # code -> label, in display order
    uncategorised: str = ""  # the label of the blank code, in the language of the labels

    def label(self, code: str) -> str:
        """The label of code."""
        if code == UNCATEGORISED:
            return self.uncategorised or uncategorised_label()
        return self.labels.get(code, code)

    def rank(self, code: str) -> int:
        """The display position of code (unknown codes after the known, the blank code last)."""
        order = list(self.labels)
        if code in self.labels:
            return order.index(code)
        return len(order) + (1 if code == UNCATEGORISED else 0)

    def label_series(self, codes: pd.Series) -> pd.Series:
        """Each code's label."""
        return codes.map(self.label).astype("object")

    def rank_series(self, codes: pd.Series) -> pd.Series:
        """Each code's display position (a stable sort key)."""
        ranks = {code: self.rank(code) for code in codes.unique()}
        return codes.map(ranks).astype("int64")

    def add_to(self, frame: pd.DataFrame, column: str = "focus_area") -> pd.DataFrame:
        """frame with <column>_label and area_rank (the order charts sort and colour by)."""
        frame[f"{column}_label"] = self.label_series(frame[column])
        frame["area_rank"] = self.rank_series(frame[column])
        return frame


def fetch_category_labels(
    *, session: Session, round_ids: Iterable[int] | None = None
) -> CategoryLabels:
    """The top-level categories of the rounds (every round for None or no rounds): a code
    defined by several rounds takes its first round's label and place."""
    chosen = list(round_ids) if round_ids else None
    labels: dict[str, str] = {}
    for _round, code, name, name_en, _ordinal, parent in _ordered_rows(session, chosen):
        if parent == "" and code not in labels:
            labels[code] = _label(name, name_en)
    return CategoryLabels(labels, uncategorised_label())


def define_categories(
    session: Session, round_id: int, names: Iterable[str], parent_code: str = ""
) -> dict[str, str]:
    """{name: code} for names in the round (under parent_code), adding the new ones.

    A name matches a stored category by its name, its code or its English name; a new one
    gets category_code(name) and the next ordinal, in the order given. Blank names map to
    the blank code (未分类) and are not stored. Runs in the caller's transaction (the
    ledger import's); CategoryError for a name longer than NAME_MAX characters.
    """
    stored = session.execute(
        select(ProblemCategory.code, ProblemCategory.name, ProblemCategory.name_en).where(
            ProblemCategory.round_id == round_id, ProblemCategory.parent_code == parent_code
        )
    ).all()
    known: dict[str, str] = {}
    for code, name, name_en in stored:
        for key in (name_en, code, name):  # later keys win: a name over a code over English
            if key:
                known[key] = code
    next_ordinal = _next_ordinal(session, round_id, parent_code)
    result: dict[str, str] = {}
    for raw in names:
        clean = raw.strip()
        if clean in known or not clean:
            result[raw] = known.get(clean, UNCATEGORISED)
            continue
        if len(clean) > NAME_MAX:
            raise CategoryError(t("queries.category.too_long", count=NAME_MAX, name=clean[:20]))
        code = category_code(clean)
        session.add(
            ProblemCategory(
                round_id=round_id, code=code, name=clean, ordinal=next_ordinal,
                parent_code=parent_code,
            )
        )  # fmt: skip
        next_ordinal += 1
        known[clean] = known[code] = code
        result[raw] = code
    session.flush()
    return result


def _next_ordinal(session: Session, round_id: int, parent_code: str) -> int:
    """One more than the highest ordinal among the round's categories under parent_code."""
    query = select(func.max(ProblemCategory.ordinal)).where(
        ProblemCategory.round_id == round_id, ProblemCategory.parent_code == parent_code
    )
    highest = session.scalar(query)
    return 0 if highest is None else int(highest) + 1
