"""DOMAIN.md's published results, written out once for the tests (independent of seed/)."""

from __future__ import annotations

from datetime import date

# The report's day: two months after feedback.
PUBLISHED_AS_OF = date(2018, 8, 8)

# Exactly what `python -m data_access summary --json` prints on the demo data, key order
# included. The demo's total is 414 (381 / 414 = 92.0%; any total 412-416 rounds to 92%).
PUBLISHED_JSON = {
    "problems_total": 414,
    "problems_rectified": 381,
    "completion_rate": 0.9203,
    "recovered_yuan": 1_170_128,
    "rules_improved": 117,
    "accountable_people": 177,
    "accountable_by_category": {
        "disciplinary_sanction": 26,
        "admonishment": 29,
        "warning_talk": 19,
        "reminder_talk": 53,
        "criticism_education": 8,
        "public_criticism": 14,
        "formal_interview": 20,
        "under_investigation": 8,
    },
    "written_self_criticism_orgs": 2,
    "leads_transferred": 40,
    "cases_opened": 1,
    "case_people": 2,
    "people_sanctioned": 1,
}
