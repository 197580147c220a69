"""Domain codes and their Chinese labels (the published vocabulary of DOMAIN.md)."""

from __future__ import annotations

# 巡察重点: the five focus areas, top-level problem category.
FOCUS_AREAS: dict[str, str] = {
    "main_responsibility": "扶贫工作主体责任落实",
    "supervision_responsibility": "扶贫工作监督责任落实",
    "task_progress": "扶贫工作任务推进",
    "funds_projects": "扶贫资金项目落实",
    "work_style": "扶贫领域“四风”",
}

# 整改状态; only "rectified" counts as completed in the completion rate.
STATUSES: dict[str, str] = {
    "not_started": "未启动",
    "in_progress": "正在整改",
    "basically_done": "基本完成",
    "rectified": "已完成",
}
COMPLETED_STATUS = "rectified"
# Derived, never stored: deadline passed and not rectified.
OVERDUE = "overdue"
OVERDUE_LABEL = "已逾期"

# 问题来源
SOURCES: dict[str, str] = {
    "inspection_feedback": "巡察反馈",
    "immediate_fix": "立行立改",
    "transferred_lead": "移交线索",
}

# 问责处理方式: the eight published categories (these make up the 177 people).
PERSON_CATEGORIES: dict[str, str] = {
    "disciplinary_sanction": "党政纪处分",
    "admonishment": "诫勉谈话",
    "warning_talk": "警示谈话",
    "reminder_talk": "提醒谈话",
    "criticism_education": "批评教育",
    "public_criticism": "通报批评",
    "formal_interview": "约谈",
    "under_investigation": "正在立案审查",
}
# Measures taken against organisations, outside the count of people.
ORG_CATEGORIES: dict[str, str] = {
    "written_self_criticism": "书面检查",
    "org_measure": "组织处理",
}
ACCOUNTABILITY_CATEGORIES: dict[str, str] = {**PERSON_CATEGORIES, **ORG_CATEGORIES}

# 四种形态 (the "four forms" of supervision and discipline).
FORMS: dict[int, str] = {
    1: "第一种形态",
    2: "第二种形态",
    3: "第三种形态",
    4: "第四种形态",
}

# 移交线索办理结果
LEAD_OUTCOMES: dict[str, str] = {
    "pending": "办理中",
    "case_opened": "已立案",
    "closed_no_case": "已了结(未立案)",
}

ROUND_LEVELS: dict[str, str] = {"city": "市委巡察", "county": "县委巡察"}
TOWNSHIP_KINDS = ("镇", "乡")
ROLES: dict[str, str] = {"viewer": "查看", "uploader": "录入", "admin": "管理员"}
