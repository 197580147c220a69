"""Messages of the shared page parts (components/): KPI cards, empty states, table controls."""

MESSAGES: dict[str, tuple[str, str]] = {
    # The 通报稿 (components.notice)
    "components.notice.title": ("通报稿", "Progress paragraph"),
    "components.notice.help": (
        "按当前筛选条件和截至日期自动起草，用右上角按钮复制后粘贴到文件中修改。",
        "Drafted from the figures for the current filters and day; copy it with the button at "
        "its top right and paste it into your document.",
    ),
    # KPI card labels (data_access.kpis.card(name, ...) reads "components.kpi.<name>")
    "components.kpi.problems_total": ("问题总数", "Problems"),
    "components.kpi.rectified": ("整改完成", "Rectified"),
    "components.kpi.completion_rate": ("完成率", "Completion rate"),
    "components.kpi.recovered": ("挽回损失", "Losses recovered"),
    "components.kpi.rules_improved": ("完善制度", "Rules improved"),
    "components.kpi.accountable": ("问责追责", "Accountability"),
    "components.kpi.leads": ("移交线索", "Leads transferred"),
    "components.kpi.cases": ("立案审查", "Cases opened"),
    "components.kpi.overdue": ("已逾期", "Overdue"),
    "components.kpi.problems_recovered": ("涉及问题数", "Problems involved"),
    "components.kpi.sanctioned": ("党政纪处分", "Party/government sanctions"),
    "components.kpi.first_form_share": ("第一种形态占比", "Share of form 1"),
    "components.kpi.under_investigation": ("正在立案审查", "Under investigation"),
    # KPI card tooltips: the headline (总览)
    "components.kpi.total_help": (
        "巡察发现的问题（当前筛选范围，单位：个）",
        "Problems found by the inspection (current filter)",
    ),
    # Under the rectified count: the problems reported beside it, not counted in it
    "components.kpi.note.basically_done": ("基本完成 {n}", "Basically done {n}"),
    "components.kpi.note.long_term": ("长期坚持 {n}", "Long-term {n}"),
    "components.kpi.note.separator": (" · ", " · "),
    # Under the row: the note of a card, saying what is not counted in it
    "components.kpi.note_line": ("未计入{label}：{note}", "Not counted as {label}: {note}"),
    # A card's change (data_access.kpis.KpiChange): "较上周 +12"; what it is against
    "components.change.text": ("{basis} {amount}", "{amount} {basis}"),
    "components.change.week": ("较上周", "vs last week"),
    "components.change.upload": ("较上次上传", "vs previous upload"),
    "components.change.round": ("较上轮同期", "vs same point last round"),
    "components.change.this_round": ("本轮较上轮同期", "this round vs same point last round"),
    "components.change.help.week": (
        "较上周：与 {day} 日终的数字相比。",
        "vs last week: against the figures at the end of {day}.",
    ),
    "components.change.help.upload": (
        "较上次上传：与上一次上传台账当天（{day}）日终的数字相比。",
        "vs previous upload: against the figures at the end of {day}, the day of the upload "
        "before the latest.",
    ),
    "components.change.help.round": (
        "较上轮同期：与上一轮（{round}）开始后同样天数（{day} 日终）的数字相比。",
        "vs same point last round: against the previous round ({round}) the same number of "
        "days after its start (the end of {day}).",
    ),
    "components.change.help.this_round": (
        "本轮较上轮同期：本轮的数字与上一轮（{round}）开始后同样天数（{day} 日终）的数字相比。",
        "this round vs same point last round: this round's own figures against the previous "
        "round ({round}) the same number of days after its start (the end of {day}).",
    ),
    "components.change.help.how": (
        "当日的数字按状态历史还原。",
        "The figures of that day are replayed from the status history.",
    ),
    "components.kpi.rectified_help": (
        "整改状态为“已完成”的问题（个）；另有 {overdue} 个已过整改时限仍未完成",
        "Problems with the status “Rectified”; overdue (past the deadline, not rectified):"
        " {overdue}",
    ),
    "components.kpi.rate_help": (
        "整改完成 ÷ 问题总数；“基本完成”不计入",
        "Rectified ÷ problems; “Basically done” does not count",
    ),
    "components.kpi.rules_help": (
        "整改中建立或完善的制度（项）",
        "Rules made or improved during rectification",
    ),
    "components.kpi.accountable_help": (
        "8 类处理方式合计（人）；另有 {organisations} 个{term_village}党组织作书面检查，不计入人数",
        "People, all 8 measures together; {term_village} Party organisations that made a written "
        "self-criticism ({organisations}) are not counted as people",
    ),
    "components.kpi.leads_help": (
        "移交纪检监察机关的问题线索（条）",
        "Problem leads transferred to the discipline inspection and supervision bodies",
    ),
    "components.kpi.cases_help": (
        "立案 {cases} 件，涉及 {people} 人，已给予党纪政务处分 {sanctioned} 人",
        "Cases opened: {cases}; people involved: {people}; given a Party/government"
        " sanction: {sanctioned}",
    ),
    # KPI card tooltips: the pages (问题清单, 资金挽损, 问责情况, 线索移交)
    "components.kpi.problems_help": (
        "当前筛选范围内的问题（个）",
        "Problems within the current filter",
    ),
    "components.kpi.done_help": (
        "整改状态为“已完成”的问题（个）",
        "Problems with the status “Rectified”",
    ),
    "components.kpi.overdue_help": (
        "已过整改时限仍未完成的问题（个）",
        "Problems past their deadline and not rectified",
    ),
    "components.kpi.rules_problems_help": (
        "整改中建立或完善的制度（项），涉及 {problems} 个问题",
        "Rules made or improved during rectification; problems involved: {problems}",
    ),
    "components.kpi.problems_recovered_help": (
        "挽回了损失的问题（个）",
        "Problems whose losses were recovered",
    ),
    "components.kpi.organisations_help": (
        "8 类处理方式合计（人）；另有 {organisations} 个组织作书面检查，不计入",
        "People, all 8 measures together; organisations that made a written"
        " self-criticism ({organisations}) are not counted",
    ),
    "components.kpi.sanctioned_help": (
        "给予党纪政务处分的人数（第二、三种形态）",
        "People given a Party/government sanction (forms 2 and 3)",
    ),
    "components.kpi.first_form_help": (
        "谈话、批评教育、诫勉等 {people} 人 ÷ 问责追责人数",
        "People given talks, criticism, admonishment and the like ({people})"
        " ÷ people held accountable",
    ),
    "components.kpi.investigation_help": (
        "尚未作出处理决定的人数",
        "People with no decision yet",
    ),
    "components.kpi.unit": ("单位：{unit}", "Unit: {unit}"),
    # Notes, empty states
    "components.chart_notes.largest": (
        "仅显示{measure}最多的 {count} 个{term_township}；按市、县区筛选可查看其余{term_township}"
        "。",
        "Only the {count} {term_townships} with the most {measure} are shown; filter by city or "
        "county to see the others.",
    ),
    "components.empty.no_match": (
        "当前筛选条件下没有匹配的记录。",
        "No records match the current filter.",
    ),
    "components.empty.hint": (
        "可在左侧筛选栏调整条件，或点击“清除全部”查看全部数据。",
        "Change the filter in the sidebar on the left, or click “Clear all” to see all data.",
    ),
    # Table controls (components.drill_tables)
    "components.drill_tables.search": ("全文搜索", "Full-text search"),
    "components.drill_tables.search_placeholder": (
        "在问题描述、整改措施和问题编号中查找，多个词用空格分开",
        "Searches problem descriptions, rectification measures and problem codes;"
        " separate words with spaces",
    ),
    "components.drill_tables.sort": ("排序", "Sort by"),
    "components.drill_tables.total": ("共 {total} 条", "Rows: {total}"),
    "components.drill_tables.page": (
        "页码（共 {pages} 页，每页 {size} 条）",
        "Page ({pages} pages, {size} rows each)",
    ),
    "components.drill_tables.shown": (
        "共 {total} 条，当前显示第 {shown} 条",
        "{total} rows, showing rows {shown}",
    ),
    # 轮次对比 (components.round_comparison)
    "components.rounds.card_help": (
        "问题 {problems} 个，整改完成 {rectified} 个",
        "Problems: {problems}, rectified: {rectified}",
    ),
    "components.rounds.change": (
        "；比上一轮 {points:+.1f} 个百分点",
        "; {points:+.1f} percentage points on the previous round",
    ),
    "components.rounds.one_round": (
        "当前筛选范围内只有一轮巡察的问题；新建下一轮并上传台账后，这里并排对比两轮。",
        "The current filter holds problems of one inspection round only; once the next round"
        " is created and its ledger uploaded, the two rounds are compared here side by side.",
    ),
    "components.rounds.rollup_hint": (
        "已撤并的{term_township}在往轮中按原名显示；在左侧筛选栏勾选“按现行区划汇总”，可把它们的问"
        "题归入现在所属的{term_township}，两轮按同一区划对比。",
        "Merged {term_townships} appear under their former names in past rounds; tick “Count "
        "under current regions” in the sidebar on the left to count their problems under the "
        "{term_townships} they belong to now and compare both rounds on the same regions.",
    ),
    # 轮次对比, 会议模式 and briefing table titles (components.view_parts)
    "components.view.townships": ("各{term_township}对比", "{term_Townships} compared"),
    "components.view.problems": ("问题清单", "Problem list"),
    "components.view.overdue": ("逾期问题清单", "Overdue problems"),
    "components.view.pairs": (
        "一案双查（直接责任与领导责任）",
        "Dual accountability (direct and leadership responsibility)",
    ),
    "components.view.leads": ("线索办理情况", "Lead handling"),
    # Table column headers (components.ledger_tables.header; fields that a chart also names
    # use the chart's message, see SHARED_HEADERS there)
    "components.column.code": ("问题编号", "Problem code"),
    "components.column.code_help": ("选中一行查看问题详情", "Select a row to see the problem"),
    "components.column.related_problem": ("关联问题", "Related problem"),
    "components.column.village": ("{term_village}", "{term_Village}"),
    "components.column.status_help": (
        "超过整改时限仍未完成的标为“已逾期”",
        "Problems past their deadline and not rectified are marked “Overdue”",
    ),
    "components.column.deadline": ("整改时限", "Deadline"),
    "components.column.rectified_on": ("完成日期", "Date rectified"),
    "components.column.sub_category": ("问题子类", "Sub-category"),
    "components.column.description": ("问题描述", "Problem description"),
    "components.column.source_label": ("问题来源", "Source"),
    "components.column.responsible_unit": ("责任单位", "Responsible unit"),
    "components.column.direct_name": ("直接责任人", "Directly responsible"),
    "components.column.direct_position": ("直接责任人职务", "Position (direct)"),
    "components.column.direct_category_label": ("处理方式（直接）", "Measure (direct)"),
    "components.column.leader_name": ("领导责任人", "Leader responsible"),
    "components.column.leader_position": ("领导责任人职务", "Position (leader)"),
    "components.column.leader_category_label": ("处理方式（领导）", "Measure (leader)"),
    "components.column.decided_on": ("决定日期", "Date decided"),
    "components.column.organisation": ("组织", "Organisation"),
    "components.column.lead_code": ("线索编号", "Lead code"),
    "components.column.subject_position": ("被反映人职务", "Position of the person reported"),
    "components.column.transferred_to": ("移交单位", "Transferred to"),
    "components.column.transferred_on": ("移交日期", "Date transferred"),
    "components.column.case_opened_on": ("立案日期", "Date case opened"),
    "components.column.people_involved": ("涉及人员", "People involved"),
    "components.column.people_sanctioned": ("给予处分", "People sanctioned"),
    # The overdue early warning and the completion projection (components/deadlines.py)
    "components.deadlines.title": ("逾期预警", "Overdue warning"),
    "components.deadlines.rule": (
        "按 {day} 计：已过整改时限仍未完成为逾期（红），{days} 天内到期为临期（黄），"
        "其余为正常（绿）；长期坚持和立行立改不按日期判断，计为正常。",
        "As of {day}: past the deadline and not rectified is overdue (red), due within {days}"
        " days is due soon (amber), the rest on track (green); long-term and immediate"
        " items have no dated deadline and count as on track.",
    ),
    "components.deadlines.click_hint": (
        "点击红色段筛选该{term_township}的逾期问题，点击黄、绿段筛选该{term_township}",
        "Click a red segment for that {term_township}'s overdue problems, amber or green for"
        " the {term_township}",
    ),
    "components.deadlines.measure": ("逾期问题", "overdue problems"),
    "components.deadlines.none_open": (
        "当前范围内的问题都已整改完成。",
        "Every problem in the current scope is rectified.",
    ),
    "components.deadlines.list_title": ("逾期清单", "Overdue problems"),
    "components.deadlines.no_overdue": (
        "当前范围内没有逾期问题。",
        "No overdue problems in the current scope.",
    ),
    "components.deadlines.first_rows": (
        "逾期最久的前 {rows} 个",
        "The {rows} longest overdue",
    ),
    "components.deadlines.days_overdue": ("逾期天数", "Days overdue"),
    "components.deadlines.projection_title": ("预计完成时间", "Projected completion"),
    "components.deadlines.method": (
        "测算方法：按 {day} 前 {window} 天（四周）整改完成数的净增加计算进度，"
        "剩余未完成问题按此进度完成所需天数（向上取整）加到 {day}；"
        "四周内没有进展的显示“按当前进度无法完成”。",
        "Method: the pace is the net increase in rectified problems over the {window} days"
        " (four weeks) to {day}; the problems still open are finished at that pace, the days"
        " rounded up, counted from {day}; no progress in four weeks reads “cannot finish at"
        " the current pace”.",
    ),
    "components.deadlines.open": ("未完成", "Not rectified"),
    "components.deadlines.last_4_weeks": ("近四周完成", "Rectified, last 4 weeks"),
    "components.deadlines.weekly_pace": ("每周进度", "Per week"),
    "components.deadlines.outlook": ("预计完成", "Projected"),
}
