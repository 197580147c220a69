"""Messages of the frame around every page (dashboard.py and its components)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "frame.language": ("语言 / Language", "语言 / Language"),
    "frame.app_title": ("巡察整改看板", "Inspection rectification dashboard"),
    # The office's name in the title, when it has set one (本单位名称)
    "frame.app_title_of": ("{office}巡察整改看板", "{office} inspection rectification dashboard"),
    # Under the title: the app's title and the newest round's theme (as the office wrote it)
    "frame.sidebar_caption": ("{title} · {theme}", "{title} · {theme}"),
    "frame.list_separator": ("，", ", "),
    # Sidebar sections and page titles (components.navigation).
    "frame.section.view": ("看板", "Dashboard"),
    "frame.section.data": ("数据管理", "Data"),
    "frame.section.admin": ("系统管理", "Administration"),
    "frame.page.overview": ("总览", "Overview"),
    "frame.page.townships": ("{term_township}对比", "{term_Townships}"),
    "frame.page.problems": ("问题清单", "Problems"),
    "frame.page.funds": ("资金挽损", "Funds recovered"),
    "frame.page.accountability": ("问责情况", "Accountability"),
    "frame.page.leads": ("线索移交", "Leads"),
    "frame.page.rounds": ("轮次对比", "Round comparison"),
    "frame.page.problem": ("问题详情", "Problem details"),
    "frame.page.meeting": ("会议模式", "Meeting mode"),
    "frame.page.upload": ("台账上传", "Upload ledger"),
    "frame.page.imports": ("导入记录", "Import history"),
    "frame.page.admin_users": ("用户管理", "Users"),
    "frame.page.admin_audit": ("审计日志", "Audit log"),
    "frame.page.regions": ("行政区划", "Regions"),
    "frame.page.admin_rounds": ("巡察轮次", "Inspection rounds"),
    # Panels of components.frame; in Chinese the error panels stay bilingual.
    "frame.database_error": (
        "**无法连接数据库**\n"
        "\n"
        "请检查 `DATABASE_URL` 设置或确认数据库服务已启动，然后刷新页面。"
        "\n"
        "\n"
        "详情：{error}",
        "**The database is unavailable**\n"
        "\n"
        "Check the `DATABASE_URL` setting or start the database server, then reload.\n"
        "\n"
        "Detail: {error}",
    ),
    "frame.database_error_brief": (
        "**无法连接数据库**\n"
        "\n"
        "请稍后刷新页面；如仍无法使用，请联系管理员（详情已记入服务器日志）。",
        "**The database is unavailable**\n"
        "\n"
        "Reload the page later; if it stays unavailable, tell the administrator (the deta"
        "ils are in the server log).",
    ),
    "frame.page_error": (
        "**页面出错了**\n\n请刷新页面重试；如仍出错，请联系管理员（错误详情已记入服务器日志）。",
        "**Something went wrong**\n"
        "\n"
        "Reload the page; if it happens again, tell the administrator (details are in the"
        " server log).",
    ),
    "frame.demo_notice": (
        "演示数据：各项总数与公开通报的整改结果一致；乡镇、村和问题的分布为示意。",
        "Demo data: the totals match the published rectification results; the distribution "
        "over townships, villages and problems is illustrative.",
    ),
    # Notices about the link (components.filter_state, filter_bar).
    "frame.notice.ignored_params": (
        "已忽略无法识别的链接参数：{params}",
        "Ignored link parameters: {params}",
    ),
    "frame.notice.date_moved": (
        "链接中的日期 {param}={asked} 超出可选范围或起止颠倒，已改为 {used}",
        "The link's date {param}={asked} was outside the range that can be chosen, or the"
        " range was reversed; {used} is used instead",
    ),
    "frame.notice.unknown_values": (
        "已忽略不存在或不在所选范围内的筛选项：{values}",
        "Ignored filter values that do not exist or are outside the chosen range: {values}",
    ),
    # The filter bar (components.filter_bar); "frame.filter.<Filter field>" labels a widget.
    "frame.filter.title": ("筛选", "Filter"),
    "frame.filter.rounds": ("巡察轮次", "Inspection round"),
    "frame.filter.groups": ("巡察组", "Inspection group"),
    "frame.filter.cities": ("市", "City"),
    "frame.filter.counties": ("县区", "County/district"),
    "frame.filter.townships": ("{term_township}", "{term_Township}"),
    "frame.filter.villages": ("{term_village}", "{term_Village}"),
    "frame.filter.focus_areas": ("巡察重点", "Focus area"),
    "frame.filter.sub_categories": ("问题子类", "Sub-category"),
    "frame.filter.statuses": ("整改状态", "Rectification status"),
    "frame.filter.sources": ("问题来源", "Source"),
    "frame.filter.date_from": ("发现日期起", "Found from"),
    "frame.filter.date_to": ("发现日期止", "Found until"),
    "frame.filter.as_of": ("截至日期", "As of"),
    "frame.filter.all": ("全部", "All"),
    "frame.filter.more": ("更多筛选", "More filters"),
    "frame.scope": ("范围：{names}", "Scope: {names}"),
    "frame.filter.township_first": ("先选{term_township}", "Choose a {term_township} first"),
    "frame.filter.as_of_help": (
        "各项数字都按这一天结束时的情况：整改状态按状态变更记录回溯；挽回损失、完善制度按挽损日期、"
        "制度完善日期（未填的按完成日期）计入；问责、线索、立案按各自的日期",
        "Every figure as at the end of this day: statuses replayed from their history; money "
        "recovered and rules improved from their own dates (else the date rectified); "
        "accountability, leads and cases from their dates",
    ),
    "frame.filter.clear_all": ("清除全部筛选", "Clear all filters"),
    "frame.chip": ("{field}：{value}", "{field}: {value}"),
    "frame.chip.found": ("发现日期：{low} 至 {high}", "Found: {low} to {high}"),
    "frame.chip.as_of": ("截至：{day}", "As of: {day}"),
    "frame.chip.rectified": ("整改完成：{low} 至 {high}", "Rectified: {low} to {high}"),
    "frame.chips.caption": ("当前筛选：", "Filtered by:"),
    "frame.chips.remove_help": ("点击移除此筛选条件", "Click to remove this filter"),
    "frame.chips.clear": ("清除全部", "Clear all"),
    "frame.rollup.label": ("按现行区划汇总", "Count under current regions"),
    "frame.rollup.help": (
        "勾选后，已撤并{term_township}的问题归入现在所属的{term_township}；"
        "不勾选时按问题发生时的{term_township}名显示。",
        "When ticked, the problems of merged {term_townships} count "
        "under the {term_township} they belong to now; unticked, they show under the "
        "{term_township}'s name at the time.",
    ),
    # Live updates (components.live).
    "frame.live.toast": ("{when} 更新：{summary}", "Updated {when}: {summary}"),
    "frame.live.deferred": ("有新数据，翻页时更新", "New data: shown at the next step"),
    "frame.live.just_now": ("刚刚", "just now"),
    "frame.live.updated": ("数据已更新", "data updated"),
    "frame.live.demo_loaded": ("载入演示数据", "demo data loaded"),
    "frame.live.added": ("新增 {count} 条", "{count} added"),
    "frame.live.changed": ("变更 {count} 条", "{count} changed"),
    "frame.live.undone": ("撤销 {count} 批导入", "{count} import(s) undone"),
    "frame.live.rectified": ("整改完成 {delta}", "rectified {delta}"),
    "frame.live.updated_at": ("数据更新于 {when}", "Data updated {when}"),
    "frame.live.batch_link": ("第 {batch} 批", "Batch {batch}"),
    "frame.live.batch_missing": (
        "找不到链接中的导入批次。",
        "The import batch in the link was not found.",
    ),
    "frame.live.batch_title": ("第 {batch} 批导入", "Import batch {batch}"),
    # The setup guide of a new office (components.setup_guide).
    "frame.setup.title": ("开始使用：先完成三步初始设置", "Getting started: three setup steps"),
    "frame.setup.intro": (
        "系统中还没有本单位的数据。按下面的顺序完成设置后，各页面就会显示图表。",
        "There is no data of your office yet. Complete the steps below in order and the "
        "pages will show their charts.",
    ),
    "frame.setup.ask_admin": (
        "系统尚未完成初始设置，请联系管理员。设置完成后这里会显示图表。",
        "The system is not set up yet; please contact the administrator. Charts appear here "
        "once it is.",
    ),
    "frame.setup.step": ("第 {number} 步　{title}", "Step {number}: {title}"),
    "frame.setup.go": ("去{title}", "Go: {title}"),
    "frame.setup.regions": ("上传行政区划", "Upload the regions"),
    "frame.setup.regions_done": (
        "已登记 {townships} 个{term_township}、{villages} 个{term_village}",
        "Registered: {term_townships} {townships}, {term_villages} {villages}",
    ),
    "frame.setup.regions_todo": (
        "下载模板，填写本单位的市、县（区）、{term_township}和{term_village}，再上传",
        "Download the template, fill in your cities, counties/districts, {term_townships} and "
        "{term_villages}, then upload it",
    ),
    "frame.setup.rounds": ("新建巡察轮次和巡察组", "Create inspection rounds and groups"),
    "frame.setup.rounds_done": (
        "已有 {rounds} 个巡察轮次、{groups} 个巡察组",
        "Inspection rounds: {rounds}; inspection groups: {groups}",
    ),
    "frame.setup.rounds_todo": (
        "填写轮次名称、级别和日期，再添加第一、第二……巡察组",
        "Enter the round's name, level and dates, then add its first, second … inspection groups",
    ),
    "frame.setup.ledger": ("上传整改台账", "Upload the rectification ledger"),
    "frame.setup.ledger_done": ("已上传整改台账", "Rectification ledger uploaded"),
    "frame.setup.ledger_todo": (
        "下载台账模板填写后上传；上传时选择所属巡察轮次",
        "Download the ledger template, fill it in and upload it; choose its inspection round "
        "when uploading",
    ),
    "frame.setup.cli": (
        "也可以在服务器上用命令行完成：python -m data_access import-regions / rounds / import。",
        "This can also be done on the server from the command line: python -m data_access "
        "import-regions / rounds / import.",
    ),
}
