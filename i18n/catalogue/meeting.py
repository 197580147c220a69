"""Messages of 会议模式 (meeting mode) and of the briefing built from its views."""

MESSAGES: dict[str, tuple[str, str]] = {
    # The views a meeting step can show (data_access.meeting.paths.VIEW_KINDS).
    "meeting.view.overview": ("整改总览", "Rectification overview"),
    "meeting.view.townships": ("{term_township}排名", "{term_Township} ranking"),
    "meeting.view.township_problems": ("{term_township}问题", "{term_Township} problems"),
    "meeting.view.overdue": ("逾期问题", "Overdue problems"),
    "meeting.view.accountability": ("问责情况", "Accountability"),
    "meeting.view.leads": ("线索移交", "Leads"),
    # The default path's step titles.
    "meeting.step.lowest_townships": (
        "完成率最低的 {count} 个{term_township}",
        "{term_Townships} with the lowest completion rate (bottom {count})",
    ),
    "meeting.step.their_overdue": (
        "这 {count} 个{term_township}的逾期问题",
        "Overdue problems of these {term_townships} (bottom {count})",
    ),
    "meeting.step.their_accountability": (
        "这 {count} 个{term_township}的问责情况",
        "Accountability in these {term_townships} (bottom {count})",
    ),
    # Saved paths refused (MeetingPathError).
    "meeting.error.not_owner": (
        "路径“{name}”由 {owner} 保存，只有保存人或管理员可以覆盖或删除；请换一个名称另存一份",
        "The path “{name}” was saved by {owner}; only they or an admin may overwrite or "
        "delete it. Save a copy under another name",
    ),
    "meeting.unknown_owner": ("未知用户", "an unknown user"),
    "meeting.error.unreadable": ("路径数据无法读取：{reason}", "The path cannot be read: {reason}"),
    "meeting.error.not_a_list": (
        "路径数据格式不正确：应为步骤列表。",
        "The path is malformed: it should be a list of steps.",
    ),
    "meeting.error.unknown_view": (
        "第 {number} 步的视图无法识别。",
        "The view of step {number} is not recognised.",
    ),
    "meeting.error.bad_filter": (
        "第 {number} 步的筛选条件无法识别：{fields}",
        "The filter of step {number} is not recognised: {fields}",
    ),
    "meeting.list_separator": ("，", ", "),
    "meeting.error.no_name": ("请填写路径名称。", "Please give the path a name."),
    "meeting.error.name_too_long": (
        "路径名称不能超过 {count} 个字。",
        "The path name must not exceed {count} characters.",
    ),
    "meeting.error.name_control": (
        "路径名称不能包含换行或控制字符。",
        "The path name must not contain line breaks or control characters.",
    ),
    "meeting.error.step_count": (
        "路径应有 1 到 {count} 个步骤。",
        "A path has 1 to {count} steps.",
    ),
    "meeting.error.path_unknown_view": (
        "路径中有无法识别的视图。",
        "The path has a view that is not recognised.",
    ),
    # The presenter (components.meeting).
    "meeting.default_choice": (
        "（默认路径：总览 → 完成率最低的{term_township} → 逾期问题 → 问责）",
        "(Default path: overview → lowest-completion {term_townships} → overdue problems → "
        "accountability)",
    ),
    "meeting.previous": ("上一步", "Previous"),
    "meeting.previous.help": ("上一屏（PageUp）", "Previous screen (PageUp)"),
    "meeting.step_of": ("**第 {number} / {total} 步**", "**Step {number} / {total}**"),
    "meeting.next": ("下一步", "Next"),
    "meeting.next.help": ("下一屏（PageDown）", "Next screen (PageDown)"),
    "meeting.exit": ("退出会议模式", "Leave meeting mode"),
    "meeting.info_line": ("数据截至：{as_of}　｜　{filters}", "Data as of: {as_of}  |  {filters}"),
    "meeting.table_title": ("{title}（共 {count} 条）", "{title} (rows: {count})"),
    "meeting.table_more": (
        "屏幕上显示前 {shown} 条，全部 {count} 条见简报",
        "The first {shown} rows on screen; all {count} are in the briefing",
    ),
    "meeting.path_unreadable": (
        "会议路径“{name}”无法读取（{reason}），已显示默认路径。",
        "The meeting path “{name}” cannot be read ({reason}); showing the default path.",
    ),
    "meeting.path_missing": (
        "没有名为“{name}”的会议路径，已显示默认路径。",
        "There is no meeting path called “{name}”; showing the default path.",
    ),
    "meeting.open_path": ("打开会议路径", "Open a meeting path"),
    "meeting.path_link": (
        "本路径的链接（可发给参会人员）：",
        "Link to this path (to send to the participants):",
    ),
    "meeting.path_name": ("路径名称", "Path name"),
    "meeting.save": ("保存当前路径", "Save this path"),
    "meeting.menu": ("路径与简报", "Paths and briefings"),
    "meeting.briefing_whole": ("简报：整条路径", "Briefing: the whole path"),
    "meeting.briefing_step": ("简报：仅当前这一步", "Briefing: this step only"),
    "meeting.titled": ("{title}（{name}）", "{title} ({name})"),
    # The briefing (components.briefing).
    "meeting.briefing.title": ("巡察整改情况简报", "Inspection rectification briefing"),
    "meeting.briefing.generated_at": ("生成时间：{time}", "Generated: {time}"),
    "meeting.briefing.key_figures": ("主要指标", "Key figures"),
    "meeting.briefing.numbered": ("{number}、{heading}", "{number}. {heading}"),
    "meeting.briefing.kpi_label": ("指标", "Indicator"),
    "meeting.briefing.kpi_value": ("数值", "Value"),
    "meeting.briefing.kpi_change": ("变化", "Change"),
    "meeting.briefing.kpi_note": ("说明", "Note"),
    "meeting.briefing.figure_change": ("{label} {value}（{change}）", "{label} {value} ({change})"),
    "meeting.briefing.no_rows": ("无。", "None."),
    "meeting.briefing.page": ("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}"),
}
