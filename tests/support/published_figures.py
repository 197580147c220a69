"""The published results (docs/domain.md), written out once for the tests (not from seed/)."""

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
    # Added later (issue 17), after the published keys: reported beside the rectified ones.
    # The demo's 12 basically done are its illustrative split of the 33 not rectified.
    "problems_basically_done": 12,
    "problems_long_term": 0,
}
# The keys added after the published ones (figures the published sentence does not state).
ADDED_KEYS = ("problems_basically_done", "problems_long_term")

# The published progress sentence these figures come from (the 通报's own words, quoted as
# the fidelity test's reference for the drafted paragraph; its figures are the ones above).
PUBLISHED_SENTENCE = (
    "巡察反馈两个月后，共整改完成381个问题，完成率92%，挽回损失117.0128万元、完善制度117项、"
    "问责追责177人（其中：党政纪处分26人、诫勉谈话29人、警示谈话19人、提醒谈话53人、批评教育8人、"
    "通报批评14人、约谈20人、正在立案审查8人）、另有两个村级党组织书面检查；移交问题线索40条，"
    "纪检监察机关立案审查1件涉及2人，给予党政纪处分1人。"
)


# The overview's KPI cards on the demo data: label -> value text.
# The published results (docs/domain.md) as the overview must show them.
PUBLISHED_KPIS = {
    "问题总数": "414",
    "整改完成": "381",
    "完成率": "92.0%",
    "挽回损失": "117.0128 万元",
    "完善制度": "117",
    "问责追责": "177",
    "移交线索": "40",
    "立案审查": "1",
}
