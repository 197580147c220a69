"""Messages of the 通报稿 (data_access.notice): the office's progress paragraph, piece by piece.

The Chinese pieces follow the wording of a published progress report (整改完成 … 个问题，完成率
…，挽回损失 … 万元、完善制度 … 项、问责追责 … 人（其中：…）…；移交问题线索 … 条 …); the English
ones render the same facts. Keys ending in ".one" are the English singular of the key
without it (Chinese has no plural: both read the same).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # The time phrase: whole months after the round's feedback, else the day.
    "notice.time.after_feedback": ("巡察反馈{months}后", "{months} after the inspection feedback"),
    "notice.time.as_of": ("截至{date}", "As of {date}"),
    "notice.date.month_day": ("{month}月{day}日", "{day} {month}"),
    "notice.date.full": ("{year}年{month}月{day}日", "{day} {month} {year}"),
    # Whom the figures cover, when the Filter narrows them.
    "notice.scope.places": ("{places}", "in {places}, "),
    "notice.scope.areas": ("{areas}方面", "for {areas}, "),
    "notice.scope.both": ("{places}{areas}方面", "for {areas} in {places}, "),
    "notice.places.more": ("{first}等{n}个{kind}", "{first} and others ({n} {kind})"),
    "notice.place_kind.city": ("市", "cities"),
    "notice.place_kind.county": ("县（区）", "counties"),
    "notice.place_kind.township": ("{term_township}", "{term_townships}"),
    "notice.place_kind.village": ("{term_village}", "{term_villages}"),
    # Counted nouns ({n} is a number, or a numeral in words where the style writes one).
    "notice.unit.problem": ("{n}个问题", "{n} problems"),
    "notice.unit.problem.one": ("{n}个问题", "{n} problem"),
    "notice.unit.rule": ("{n}项", "{n} rules"),
    "notice.unit.rule.one": ("{n}项", "{n} rule"),
    "notice.unit.person": ("{n}人", "{n} people"),
    "notice.unit.person.one": ("{n}人", "{n} person"),
    "notice.unit.lead": ("{n}条", "{n} problem leads"),
    "notice.unit.lead.one": ("{n}条", "{n} problem lead"),
    "notice.unit.case": ("{n}件", "{n} cases"),
    "notice.unit.case.one": ("{n}件", "{n} case"),
    "notice.unit.month": ("{n}个月", "{n} months"),
    "notice.unit.month.one": ("{n}个月", "{n} month"),
    "notice.unit.village_org": ("{n}个村级党组织", "{n} village party organisations"),
    "notice.unit.village_org.one": ("{n}个村级党组织", "{n} village party organisation"),
    "notice.unit.org": ("{n}个党组织", "{n} party organisations"),
    "notice.unit.org.one": ("{n}个党组织", "{n} party organisation"),
    "notice.amount": ("{amount}万元", "¥{amount}"),
    # The clauses.
    "notice.opening": (
        "{time}，{scope}共整改完成{problems}，完成率{rate}",
        "{time}, {scope}{problems} rectified (completion rate {rate})",
    ),
    "notice.recovered": ("挽回损失{amount}", "{amount} in losses recovered"),
    "notice.rules": ("完善制度{rules}", "{rules} improved"),
    "notice.accountable": (
        "问责追责{people}（其中：{breakdown}）",
        "{people} held accountable ({breakdown})",
    ),
    "notice.orgs": ("另有{organisations}书面检查", "{organisations} made written self-criticism"),
    "notice.leads": ("移交问题线索{leads}", "{leads} transferred"),
    "notice.cases": (
        "纪检监察机关立案审查{cases}涉及{people}",
        "{cases} opened by discipline inspection and supervision bodies, involving {people}",
    ),
    "notice.sanctioned": (
        "给予党政纪处分{people}",
        "{people} disciplined by the party or government",
    ),
    "notice.empty": (
        "{time}，{scope}尚无整改问题数据。",
        "{time}, {scope}no problems recorded yet.",
    ),
    # 问责追责 by measure, in the published order.
    "notice.category.disciplinary_sanction": (
        "党政纪处分{people}",
        "{people} disciplined by the party or government",
    ),
    "notice.category.admonishment": ("诫勉谈话{people}", "{people} admonished"),
    "notice.category.warning_talk": ("警示谈话{people}", "{people} given a warning talk"),
    "notice.category.reminder_talk": ("提醒谈话{people}", "{people} given a reminder talk"),
    "notice.category.criticism_education": ("批评教育{people}", "{people} criticised and educated"),
    "notice.category.public_criticism": ("通报批评{people}", "{people} publicly criticised"),
    "notice.category.formal_interview": ("约谈{people}", "{people} formally interviewed"),
    "notice.category.under_investigation": ("正在立案审查{people}", "{people} under investigation"),
    # Joining: items of a clause, the last item, clauses, the end.
    "notice.sep.item": ("、", ", "),
    "notice.sep.last_item": ("、", ", and "),
    "notice.sep.part": ("，", ", "),
    "notice.sep.last_part": ("，", ", and "),
    "notice.sep.clause": ("；", "; "),
    "notice.end": ("。", "."),
    # Numerals written in words (两个村级党组织, 巡察反馈两个月后).
    "notice.small_numbers": (
        "一 两 三 四 五 六 七 八 九 十",
        "one two three four five six seven eight nine ten",
    ),
}
