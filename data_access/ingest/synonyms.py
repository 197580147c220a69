"""Words real ledgers use for coded values, mapped onto the codes of data_access.codes."""
# i18n-data-file: input vocabulary, the Chinese words real ledgers write for coded values

from __future__ import annotations

import re
import unicodedata

from data_access.ingest.columns import ColumnSpec
from i18n import LANGUAGES

_KEY_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》]+")

# field -> {synonym: code}; labels and the codes themselves are added by code_lookup().
CODE_SYNONYMS: dict[str, dict[str, object]] = {
    "focus_area": {
        "主体责任": "main_responsibility",
        "主体责任落实": "main_responsibility",
        "监督责任": "supervision_responsibility",
        "监督责任落实": "supervision_responsibility",
        "任务推进": "task_progress",
        "工作任务推进": "task_progress",
        "资金项目": "funds_projects",
        "资金项目落实": "funds_projects",
        "扶贫资金项目": "funds_projects",
        "四风": "work_style",
        "四风问题": "work_style",
        "扶贫领域四风": "work_style",
        "作风": "work_style",
    },
    "status": {
        "已完成": "rectified",
        "已整改": "rectified",
        "完成": "rectified",
        "整改完成": "rectified",
        "已销号": "rectified",
        "已整改到位": "rectified",
        "已办结": "rectified",
        "基本完成": "basically_done",
        "基本整改": "basically_done",
        "基本整改到位": "basically_done",
        "正在整改": "in_progress",
        "整改中": "in_progress",
        "推进中": "in_progress",
        "持续整改": "in_progress",  # rectification under way, not a standing task
        "正在推进": "in_progress",
        "序时推进": "in_progress",
        "按序时推进": "in_progress",
        "未启动": "not_started",
        "未整改": "not_started",
        "未开始": "not_started",
        "尚未启动": "not_started",
        "尚未完成": "not_started",
        "未完成": "not_started",
        "尚未整改": "not_started",
        "持续推进": "long_term",
        "长期坚持": "long_term",
        "长期推进": "long_term",
        "长期整改": "long_term",
        # a 是否完成 column read as the status
        "是": "rectified",
        "√": "rectified",
        "✓": "rectified",
        "✔": "rectified",
        "否": "not_started",
        "×": "not_started",
        "✗": "not_started",
        "✘": "not_started",
    },
    "source": {
        "反馈": "inspection_feedback",
        "巡察发现": "inspection_feedback",
        "巡察反馈问题": "inspection_feedback",
        "立查立改": "immediate_fix",
        "即知即改": "immediate_fix",
        "边巡边改": "immediate_fix",
        "线索": "transferred_lead",
        "线索移交": "transferred_lead",
        "问题线索": "transferred_lead",
    },
    "category": {
        "党纪处分": "disciplinary_sanction",
        "政务处分": "disciplinary_sanction",
        "党纪政务处分": "disciplinary_sanction",
        "党政纪处分": "disciplinary_sanction",
        "警告": "disciplinary_sanction",
        "党内警告": "disciplinary_sanction",
        "严重警告": "disciplinary_sanction",
        "撤销党内职务": "disciplinary_sanction",
        "留党察看": "disciplinary_sanction",
        "开除党籍": "disciplinary_sanction",
        "记过": "disciplinary_sanction",
        "记大过": "disciplinary_sanction",
        "降级": "disciplinary_sanction",
        "撤职": "disciplinary_sanction",
        "诫勉": "admonishment",
        "诫勉谈话": "admonishment",
        "警示谈话": "warning_talk",
        "警示约谈": "warning_talk",
        "提醒谈话": "reminder_talk",
        "谈话提醒": "reminder_talk",
        "批评教育": "criticism_education",
        "通报批评": "public_criticism",
        "通报": "public_criticism",
        "约谈": "formal_interview",
        "立案审查": "under_investigation",
        "正在立案审查": "under_investigation",
        "立案调查": "under_investigation",
        "审查调查": "under_investigation",
        "书面检查": "written_self_criticism",
        "作出书面检查": "written_self_criticism",
        "书面检讨": "written_self_criticism",
        "组织处理": "org_measure",
        "组织调整": "org_measure",
        "调整岗位": "org_measure",
        "停职检查": "org_measure",
        "免职": "org_measure",
    },
    "form": {
        "一": 1,
        "二": 2,
        "三": 3,
        "四": 4,
        "第一": 1,
        "第二": 2,
        "第三": 3,
        "第四": 4,
        "第一种": 1,
        "第二种": 2,
        "第三种": 3,
        "第四种": 4,
        "形态一": 1,
        "形态二": 2,
        "形态三": 3,
        "形态四": 4,
    },
    "outcome": {
        "办理中": "pending",
        "正在办理": "pending",
        "在办": "pending",
        "待办理": "pending",
        "未办结": "pending",
        "已立案": "case_opened",
        "立案": "case_opened",
        "已了结": "closed_no_case",
        "了结": "closed_no_case",
        "未立案": "closed_no_case",
        "不予立案": "closed_no_case",
        "已办结": "closed_no_case",
        "予以了结": "closed_no_case",
    },
}
YES, NO = "是", "否"  # a flag as the workbook writes it
TRUE_WORDS = frozenset(
    {"是", "√", "✓", "✔", "y", "yes", "true", "1", "对", "有", "已销号", "销号", "已", "是的"}
)
FALSE_WORDS = frozenset({"否", "×", "✗", "✘", "n", "no", "false", "0", "错", "无", "未销号", "未"})
BLANK_WORDS = frozenset({"", "无", "/", "-", "—", "——", "－", "\\", "空", "暂无", "nan", "none"})


def fold_key(value: object) -> str:
    """A cell folded for lookups: NFKC, lower case, no spaces or quotes."""
    text = unicodedata.normalize("NFKC", str(value)).lower()
    return _KEY_NOISE.sub("", text)


def code_lookup(spec: ColumnSpec) -> dict[str, object]:
    """Folded word -> code for a coded column: its codes, its labels (any language), synonyms."""
    lookup: dict[str, object] = {}
    for lang in LANGUAGES:
        for code, label in spec.labels_in(lang).items():
            lookup[fold_key(code)] = code
            lookup[fold_key(label)] = code
    for word, code in CODE_SYNONYMS.get(spec.field, {}).items():
        lookup[fold_key(word)] = code
    return lookup
