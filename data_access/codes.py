"""Domain codes and their labels (the published vocabulary, explained in docs/domain.md).

Each *_LABELS-style mapping below is a LabelMap: code -> label in the current UI language
(i18n), read when accessed. Code that must produce Chinese whatever the UI language (the
ledger template, parsing a Chinese spreadsheet) calls `.in_language("zh")`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from typing import TypeVar

from i18n import t, t_in

K = TypeVar("K", bound=Hashable)  # a code: text, or a number / flag for a few maps


class LabelMap(Mapping[K, str]):
    """Codes in a fixed order, labelled from the catalogue key "<area>.<kind>.<code>".

    area is "code" for the domain codes here; other modules label their own codes from
    their own catalogue area (e.g. the audit actions, "admin.audit_action.<code>").
    """

    def __init__(self, kind: str, codes: tuple[K, ...], *, area: str = "code") -> None:
        self._kind = kind
        self._codes = codes
        self._area = area

    def _key(self, code: K) -> str:
        """The catalogue key of code's label."""
        return f"{self._area}.{self._kind}.{code}"

    def __getitem__(self, code: K) -> str:
        if code not in self._codes:
            raise KeyError(code)
        return t(self._key(code))

    def __iter__(self) -> Iterator[K]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def __reversed__(self) -> Iterator[K]:
        return reversed(self._codes)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def in_language(self, lang: str) -> dict[K, str]:
        """A plain dict of the labels in lang."""
        return {code: t_in(lang, self._key(code)) for code in self._codes}

    def __or__(self, other: LabelMap) -> LabelMap:
        """Two maps of the same kind joined (e.g. statuses plus the derived overdue)."""
        assert (other._area, other._kind) == (self._area, self._kind)
        return LabelMap(self._kind, self._codes + other._codes, area=self._area)


# 巡察重点 of the demo data only: its five focus areas. Every round's categories are rows of
# the store (data_access.categories); only the demo seed and the ingest's demo synonyms
# read these.
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

# 整改状态 in workflow order; only "rectified" counts as completed in the completion rate
# (published: "697 problems, 688 done, 4 basically done, 5 not done → 98.71%").
# long_term (长期坚持/持续推进) is not completed and never overdue.
STATUSES = LabelMap(
    "status", ("not_started", "in_progress", "long_term", "basically_done", "rectified")
)
COMPLETED_STATUS = "rectified"
BASICALLY_DONE_STATUS = "basically_done"
LONG_TERM_STATUS = "long_term"
# Derived, never stored: a dated deadline passed and neither rectified nor long-term.
OVERDUE = "overdue"
NEVER_OVERDUE_STATUSES = (COMPLETED_STATUS, LONG_TERM_STATUS)
# Workflow order, the derived one last (filter choices, status charts).
STATUSES_WITH_OVERDUE = STATUSES | LabelMap("status", (OVERDUE,))


# 红黄绿 early warning of a problem not rectified (derived, never stored): 逾期 as OVERDUE,
# 临期 when its dated deadline is within the due-soon days (settings.due_soon_days), else
# 正常 — which is also where 长期坚持 and 立行立改 fall, as they are never judged by a date.
DUE_SOON, ON_TRACK = "due_soon", "on_track"
WARNING_LEVELS = LabelMap("warning", (OVERDUE, DUE_SOON, ON_TRACK))


def overdue_label() -> str:
    """The label of the derived overdue state in the current language."""
    return STATUSES_WITH_OVERDUE[OVERDUE]


# 整改时限 as written: "" (none or unknown), a date, 立行立改, 长期坚持. Only a problem whose
# deadline is a date (or of unknown kind, with a date) can be overdue.
DEADLINE_KINDS = ("", "date", "immediate", "long_term")
DATED_DEADLINE_KINDS = ("", "date")
# The labels of the kinds a problem page names (a date shows as itself).
DEADLINE_KIND_LABELS = LabelMap("deadline_kind", ("immediate", "long_term"))

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

ROUND_LEVELS = LabelMap("level", ("city", "county", "district"))
# Township-level units as the region lists write them; a department (县民政局) inspected as
# a unit of its own is counted like a township in every figure.
# i18n-data: stored values, as written in the region lists
TOWNSHIP_KINDS = ("镇", "乡", "街道", "部门")  # i18n-data
DEPARTMENT_KIND = "部门"  # i18n-data: the stored kind of a department
ROLES = LabelMap("role", ("viewer", "uploader", "admin"))
