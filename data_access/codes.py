"""Domain codes and their labels (the published vocabulary of DOMAIN.md).

Each *_LABELS-style mapping below is a LabelMap: code -> label in the current UI language
(i18n), read when accessed. Code that must produce Chinese whatever the UI language (the
ledger template, parsing a Chinese spreadsheet) calls `.in_language("zh")`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping

from i18n import t, t_in


class LabelMap(Mapping):
    """Codes in a fixed order, labelled from the catalogue key "<area>.<kind>.<code>".

    area is "code" for the domain codes here; other modules label their own codes from
    their own catalogue area (e.g. the audit actions, "admin.audit_action.<code>").
    """

    def __init__(self, kind: str, codes: tuple[Hashable, ...], *, area: str = "code") -> None:
        self._kind = kind
        self._codes = codes
        self._area = area

    def _key(self, code: Hashable) -> str:
        """The catalogue key of code's label."""
        return f"{self._area}.{self._kind}.{code}"

    def __getitem__(self, code: Hashable) -> str:
        if code not in self._codes:
            raise KeyError(code)
        return t(self._key(code))

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def __reversed__(self) -> Iterator[Hashable]:
        return reversed(self._codes)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def in_language(self, lang: str) -> dict[Hashable, str]:
        """A plain dict of the labels in lang."""
        return {code: t_in(lang, self._key(code)) for code in self._codes}

    def __or__(self, other: LabelMap) -> LabelMap:
        """Two maps of the same kind joined (e.g. statuses plus the derived overdue)."""
        assert (other._area, other._kind) == (self._area, self._kind)
        return LabelMap(self._kind, self._codes + other._codes, area=self._area)


# 巡察重点: the five focus areas, top-level problem category.
FOCUS_AREAS = LabelMap(
    "focus_area",
    (
        "main_responsibility",
        "supervision_responsibility",
        "task_progress",
        "funds_projects",
        "work_style",
    ),
)

# 整改状态; only "rectified" counts as completed in the completion rate.
STATUSES = LabelMap("status", ("not_started", "in_progress", "basically_done", "rectified"))
COMPLETED_STATUS = "rectified"
# Derived, never stored: deadline passed and not rectified.
OVERDUE = "overdue"
# Workflow order, the derived one last (filter choices, status charts).
STATUSES_WITH_OVERDUE = STATUSES | LabelMap("status", (OVERDUE,))


def overdue_label() -> str:
    """The label of the derived overdue state in the current language."""
    return STATUSES_WITH_OVERDUE[OVERDUE]


# 问题来源
SOURCES = LabelMap("source", ("inspection_feedback", "immediate_fix", "transferred_lead"))

# 问责处理方式: the eight published categories (these make up the 177 people).
PERSON_CATEGORIES = LabelMap(
    "category",
    (
        "disciplinary_sanction",
        "admonishment",
        "warning_talk",
        "reminder_talk",
        "criticism_education",
        "public_criticism",
        "formal_interview",
        "under_investigation",
    ),
)
# Measures taken against organisations, outside the count of people.
ORG_CATEGORIES = LabelMap("category", ("written_self_criticism", "org_measure"))
ACCOUNTABILITY_CATEGORIES = PERSON_CATEGORIES | ORG_CATEGORIES

# 四种形态 (the "four forms" of supervision and discipline).
FORMS = LabelMap("form", (1, 2, 3, 4))

# 移交线索办理结果
LEAD_OUTCOMES = LabelMap("outcome", ("pending", "case_opened", "closed_no_case"))

ROUND_LEVELS = LabelMap("level", ("city", "county"))
TOWNSHIP_KINDS = ("镇", "乡")  # i18n-data: stored values, as written in the region lists
ROLES = LabelMap("role", ("viewer", "uploader", "admin"))
