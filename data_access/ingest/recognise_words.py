"""Key words that point a header at a field, words that point it away, and units.

A header's score for a field is the total length of its key words found in the header,
less twice the length of the field's avoid words found there (recognise.py). Single characters
(镇, 村) weigh 1: they decide only together with a second word (所在镇, 村居).
"""
# i18n-data-file: input vocabulary, the words offices write in their ledgers' headers

from __future__ import annotations

_DATES = ("日期", "时间")
KEY_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "problems": {
        "code": ("问题编号", "编号", "编码", "代码"),
        "seq": ("序号",),
        "group": ("巡察组", "组别", "小组"),
        "township": ("乡镇", "街道", "镇", "乡", "被巡察", "巡察对象", "党组织", "所在", "单位"),
        "village": ("村", "社区", "村居", "居委", "所在"),
        "focus_area": ("类型", "类别", "方面", "领域", "重点", "分类", "所属"),
        "sub_category": ("子类", "小类", "细类", "具体类型"),
        "description": ("问题", "具体问题", "内容", "描述", "表现", "反馈问题", "存在问题"),
        "source": ("来源",),
        "lead_leader": ("领导", "包保"),
        "responsible_unit": ("责任单位", "责任主体", "牵头单位", "责任部门", "整改单位", "主体"),
        "responsible_person": ("责任人", "负责人", "具体责任"),
        "measures": ("措施", "举措", "整改方案"),
        "progress": ("进展", "推进情况"),
        "found_on": ("发现", "反馈"),
        "deadline": ("时限", "期限", "限期"),
        "status": ("状态", "完成情况", "整改结果", "是否完成", "结果", "情况"),
        "rectified_on": ("完成时间", "完成日期", "办结", "销号时间", "销号日期"),
        "closed": ("销号",),
        "recovered_yuan": ("挽回", "追缴", "挽损", "资金", "损失", "金额", "收缴", "退赔", "清退"),
        "rules_improved": ("制度", "建章立制"),
        "evidence": ("佐证", "证明", "材料"),
        "remarks": ("备注", "说明"),
        "round": ("轮次", "批次"),
    },
    "accountability": {
        "person_name": ("姓名", "被问责", "问责对象"),
        "position": ("职务",),
        "category": ("处理方式", "问责方式", "处分", "处理"),
        "decided_on": ("决定", *_DATES),
        "problem_code": ("问题编号",),
    },
    "leads": {
        "code": ("线索编号", "编号"),
        "transferred_to": ("移交单位", "接收"),
        "transferred_on": ("移交日期", "移交时间"),
        "outcome": ("办理", "处置", "结果"),
        "subject_position": ("被反映人", "职务"),
    },
    "regions": {
        "city": ("地市", "市州", "市名", "所属市", "市级"),
        "county": ("县区", "区县", "县名", "区名", "所属县", "所属区", "县级"),
        "township": ("乡镇", "街道", "镇", "乡", "苏木"),
        "village": ("村", "社区", "村居", "居委", "嘎查"),
        "kind": ("类型", "类别"),
        "aliases": ("别名", "曾用名"),
    },
}

_PLACE_WORDS = ("村", "社区", "村居", "居委")
_TOWN_WORDS = ("乡镇", "街道", "镇", "乡")
AVOID: dict[tuple[str, str], tuple[str, ...]] = {
    ("problems", "code"): ("序", "线索", "问责"),
    ("problems", "township"): ("责任", "整改", "牵头", *_PLACE_WORDS),
    ("problems", "village"): (*_TOWN_WORDS, "责任"),
    ("problems", "focus_area"): ("子类", "小类", "细类", "来源", "乡镇", "单位"),
    ("problems", "description"): ("编号", "类型", "类别", "方面", "来源", "序号", "数", "线索"),
    ("problems", "status"): (*_DATES, "率", "措施", "进展", "推进", "整改情况"),
    ("problems", "rectified_on"): ("时限", "期限"),
    ("problems", "closed"): _DATES,
    ("problems", "recovered_yuan"): _DATES,
    ("problems", "rules_improved"): _DATES,
    ("problems", "responsible_person"): ("领导",),
    ("problems", "found_on"): ("问题",),
    ("regions", "township"): _PLACE_WORDS,
    ("regions", "village"): _TOWN_WORDS,
}

# A unit in a header's trailing brackets names the only fields that can be counted in it.
UNIT_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("problems", "元"): ("recovered_yuan",),
    ("problems", "万元"): ("recovered_yuan",),
    ("problems", "项"): ("rules_improved",),
    ("problems", "个"): ("rules_improved",),
}
