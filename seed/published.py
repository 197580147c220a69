"""The published record the demo reproduces (docs/domain.md) and the dates of the 2018 round."""

from __future__ import annotations

from datetime import date, timedelta

# The round: inspection on site, feedback to the townships, report two months later.
STARTED_ON = date(2018, 4, 9)
ENDED_ON = date(2018, 5, 18)
FEEDBACK_ON = date(2018, 6, 8)
REPORT_ON = date(2018, 8, 8)  # "two months after feedback": the published figures' date
DEADLINE_DAYS = (30, 60, 90)  # 整改时限 after feedback

PROBLEMS_TOTAL = 414
RECTIFIED = 381
# The 33 not yet rectified on REPORT_ON (the split is illustrative, not published).
UNRECTIFIED: tuple[tuple[str, int], ...] = (
    ("basically_done", 12),
    ("in_progress", 15),
    ("not_started", 6),
)
RECOVERED_YUAN = 1_170_128
RULES_IMPROVED = 117
PEOPLE_BY_CATEGORY: tuple[tuple[str, int], ...] = (
    ("disciplinary_sanction", 26),
    ("admonishment", 29),
    ("warning_talk", 19),
    ("reminder_talk", 53),
    ("criticism_education", 8),
    ("public_criticism", 14),
    ("formal_interview", 20),
    ("under_investigation", 8),
)
SELF_CRITICISM_ORGS = 2
LEADS = 40
CASE_PEOPLE_INVOLVED = 2
CASE_PEOPLE_SANCTIONED = 1


def days_after_feedback(days: int) -> date:
    """The date a number of days after the feedback meeting."""
    return FEEDBACK_ON + timedelta(days=days)
