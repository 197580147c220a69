"""Messages of the page scripts (pages/): section titles, captions, notices, table headers."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Shared by the upload pages (台账上传, 行政区划)
    "pages.file": ("文件：{name}", "File: {name}"),
    "pages.file_refused": (
        "文件被拒绝，未写入任何数据。",
        "The file was refused; nothing was written.",
    ),
    # What a by-township chart counts, inside the note on its largest townships
    "pages.measure.problems": ("问题", "problems"),
    "pages.measure.accountable_people": ("问责人数", "people held accountable"),
    "pages.measure.recovered": ("挽回损失", "losses recovered"),
    "pages.measure.rules_improved": ("完善制度", "rules improved"),
    "pages.measure.leads": ("移交线索", "leads transferred"),
    # 总览
    "pages.overview.empty": ("当前范围内没有问题记录。", "No problems in the current scope."),
    "pages.overview.click_hint": (
        "点击图表中的{term_township}、巡察重点、整改状态或某一周即可筛选；按住 Shift 点击可多选。",
        "Click a {term_township}, focus area, status or week in a chart to filter; Shift-click to "
        "pick several.",
    ),
    "pages.overview.accountability_hint": (
        "点击处理方式查看“问责情况”页（问责类别不是问题的筛选条件）。",
        "Click a measure to open the “Accountability” page (the measure is not a filter on "
        "problems).",
    ),
    "pages.overview.week_hint": (
        "点击某一周的柱形：只看该周整改完成的问题（与柱形上的数目相同）。",
        "Click a week's bar to see only the problems rectified in that week (its count).",
    ),
    # 乡镇对比: the levels as nouns inside a sentence, the ranking controls, the tables
    "pages.level.city": ("市", "city"),
    "pages.level.county": ("县区", "county/district"),
    "pages.level.township": ("{term_township}", "{term_township}"),
    "pages.level.village": ("{term_village}", "{term_village}"),
    "pages.levels.city": ("市", "cities"),
    "pages.levels.county": ("县区", "counties/districts"),
    "pages.levels.township": ("{term_township}", "{term_townships}"),
    "pages.levels.village": ("{term_village}", "{term_villages}"),
    "pages.townships.metric": ("排名指标", "Rank by"),
    "pages.townships.laggards_first": ("落后的在前", "Laggards first"),
    "pages.townships.top_only_toggle": ("只看前 {count} 个", "Only the first {count}"),
    "pages.townships.bar_hint": ("点击条形进入该{member}", "Click a bar to open that {member}"),
    "pages.townships.top_only": ("；仅显示前 {count} 个", "; only the top {count} shown"),
    "pages.townships.comparison": ("各{members}对比", "Comparison of {members}"),
    "pages.townships.comparison_hint": (
        "点击一行进入下一级；表头可排序。",
        "Click a row to go one level down; click a header to sort.",
    ),
    "pages.townships.problems_hint": ("点击一行查看问题详情。", "Click a row to see the problem."),
    "pages.townships.column.member": ("名称", "Name"),
    # 问题清单
    "pages.problems.no_match": (
        "没有找到包含“{search}”的问题。",
        "No problem contains “{search}”.",
    ),
    "pages.problems.no_match_hint": (
        "请换一个关键词，或清空搜索框。",
        "Try another keyword, or clear the search box.",
    ),
    "pages.problems.table_hint": (
        "全部结果都在本页，点击表头即对全部结果排序；选中一行查看问题详情。逾期问题的整改状态以红色标出。",
        "Every result is on this page: a click on a header sorts them all; select a row to "
        "see the problem. The status of an overdue problem is in red.",
    ),
    "pages.problems.table_hint_paged": (
        "“排序”框在数据库中对全部结果排序后再分页；点击表头只排本页。选中一行查看问题详情。",
        "The 'Sort' box sorts every result in the database before paging; a click on a "
        "header sorts this page only. Select a row to see the problem.",
    ),
    # 资金挽损
    "pages.funds.empty": (
        "当前筛选范围内没有挽回损失或完善制度的记录。",
        "No losses recovered and no rules improved in the current filter.",
    ),
    "pages.funds.no_recoveries": (
        "当前筛选范围内没有挽回损失的记录。",
        "No losses recovered in the current filter.",
    ),
    "pages.funds.largest": ("挽回损失最多的问题", "Problems with the most losses recovered"),
    # 问责情况
    "pages.accountability.empty": (
        "当前筛选范围内没有问责追责记录。",
        "No accountability records in the current filter.",
    ),
    "pages.accountability.masked": ("姓名已脱敏。", "Names are masked. "),
    "pages.accountability.dual_check": ("一案双查", "Dual accountability"),
    "pages.accountability.dual_check_caption": (
        "同一问题既追究直接责任、又追究领导责任的共 {count} 个问题；{masked}选中一行查看问题详情。",
        "Problems where both direct and leadership responsibility were pursued: {count}. "
        "{masked}Select a row to see the problem.",
    ),
    "pages.accountability.first_rows": (
        "仅列出前 {rows:,} 行；可用筛选缩小范围。",
        "Only the first {rows:,} rows are listed; narrow the filter to see others.",
    ),
    "pages.accountability.no_dual_check": (
        "当前筛选范围内没有一案双查的问题。",
        "No problems with dual accountability in the current filter.",
    ),
    "pages.accountability.organisations": (
        "书面检查（组织）",
        "Written self-criticism (organisations)",
    ),
    "pages.accountability.organisations_caption": (
        "作出书面检查的{term_village}党组织，不计入问责追责人数。",
        "{term_Village} Party organisations that made a written self-criticism; they are not "
        "counted among the people held accountable.",
    ),
    # 线索移交
    "pages.leads.empty": (
        "当前筛选范围内没有移交的问题线索。",
        "No leads transferred in the current filter.",
    ),
    "pages.leads.outcomes": ("线索办理情况", "Lead outcomes"),
    "pages.leads.table_hint": (
        "选中一行查看线索所涉问题的详情。",
        "Select a row to see the problem the lead concerns.",
    ),
    "pages.leads.first_rows": (
        "仅列出按线索编号排在前面的 {rows:,} 条；可用筛选缩小范围。",
        "Only the first {rows:,} leads by lead code are listed; narrow the filter to see others.",
    ),
    # 问题详情
    "pages.problem.no_code": ("未指定问题编号。", "No problem code was given."),
    "pages.problem.no_code_hint": (
        "请在“问题清单”或“{term_township}对比”中点击一个问题。",
        "Click a problem on the “Problems” or “{term_Townships}” page.",
    ),
    "pages.problem.not_found": ("没有编号为 {code} 的问题。", "There is no problem {code}."),
    "pages.problem.not_found_hint": (
        "编号可能已更改，请在“问题清单”中查找。",
        "Its code may have changed; look for it on the “Problems” page.",
    ),
    "pages.problem.crumb": ("问题 {code}", "Problem {code}"),
    "pages.problem.as_of": ("{status}（截至 {day}）", "{status} (as of {day})"),
    "pages.problem.field": ("字段", "Field"),
    "pages.problem.value": ("内容", "Value"),
    "pages.problem.no_history": ("暂无状态变更记录。", "No status changes recorded yet."),
    "pages.problem.no_people": (
        "本问题暂无问责记录。",
        "No one has been held accountable for this problem yet.",
    ),
    "pages.problem.masked": (
        "牵头领导、责任人和问责人员的姓名已脱敏（只显示第一个字，如 张*）。",
        "Names of the leading official, the person responsible and the people held "
        "accountable are masked (first character only, e.g. Z*).",
    ),
    "pages.problem.names_full": (
        "姓名完整显示（工作人员和管理员可见）；查看角色看到的是脱敏姓名（如 张*）。",
        "Names are shown in full (staff and admins); viewers see them masked (e.g. Z*).",
    ),
    "pages.problem.people_title": ("问题{code}问责情况", "Problem {code}: accountability"),
    "pages.problem.no_leads": (
        "本问题未移交问题线索。",
        "No leads were transferred for this problem.",
    ),
    "pages.problem.leads_title": ("问题{code}移交线索", "Problem {code}: leads transferred"),
    "pages.problem.column.leader": (
        "领导责任（一案双查）",
        "Leadership responsibility (dual accountability)",
    ),
    "pages.problem.column.case_opened_on": ("立案日期", "Case opened on"),
    "pages.problem.column.people_involved": ("涉及人数", "People involved"),
    "pages.problem.column.people_sanctioned": ("处分人数", "People sanctioned"),
    # 轮次对比
    "pages.rounds.empty": (
        "当前筛选范围内没有任何巡察轮次的问题。",
        "No problems of any inspection round in the current filter.",
    ),
    # 台账上传, 行政区划
    "pages.upload.intro": (
        "先下载模板（或当前台账）填写，再上传。提交前会列出每一处新增、变更和错误；"
        "提交后可在“导入记录”页撤销。",
        "Download the template (or the current ledger), fill it in, then upload it. Every "
        "addition, change and error is listed before you commit; afterwards you can undo the "
        "import on the “Import history” page.",
    ),
    "pages.regions.intro": (
        "每个{term_village}一行（{term_township}各列重复），只登记{term_township}时“村”留空。上传"
        "只新增和修改，不删除；{term_township}撤并时填写停用日期和“并入”，原{term_township}的历史"
        "问题仍按原名显示。",
        "One row per {term_village} (repeating the {term_township} columns); to register only a "
        "{term_township}, leave “Village” empty. An upload adds and changes, never deletes. When "
        "{term_townships} merge, fill in “Valid to” and “Merged into”; the old {term_township}'s "
        "past problems keep its name.",
    ),
    # 巡察轮次, 用户管理
    "pages.admin_rounds.office": ("本单位设置（名称、称呼）", "The office: name, words for units"),
    "pages.admin_rounds.create": ("新建巡察轮次", "New inspection round"),
    "pages.admin_rounds.edit": ("修改巡察轮次、管理巡察组", "Edit a round and its groups"),
    "pages.admin_rounds.groups": ("巡察组", "Inspection groups"),
    "pages.admin_users.edit": ("修改用户", "Edit a user"),
    "pages.admin_users.create": ("新建用户", "New user"),
}
