"""Messages of the command line: `python -m data_access ...` and `python -m seed`.

The Chinese side keeps the bilingual "中文 / English" lines the office's scripts know;
the English side is plain English.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # shared pieces
    "cli.list_separator": ("、", ", "),
    "cli.field_separator": ("，", ", "),
    "cli.none": ("无", "none"),
    "cli.error": ("错误 / error: {message}", "error: {message}"),
    "cli.error.database": ("数据库错误 / database error: {reason}", "database error: {reason}"),
    "cli.error.cannot_read": (
        "无法读取文件 / cannot read {path}: {reason}",
        "cannot read {path}: {reason}",
    ),
    "cli.file_rejected": ("文件被拒绝 / file rejected: {message}", "file rejected: {message}"),
    "cli.file": ("文件 / file: {name}", "file: {name}"),
    "cli.outcome.rejected": (
        "未写入：文件有 {count} 处错误 / rejected, nothing written",
        "rejected: {count} error(s) in the file, nothing written",
    ),
    "cli.outcome.dry_run": ("预演：未写入 / dry run, nothing written", "dry run, nothing written"),
    "cli.outcome.unchanged": (
        "没有变化，未写入 / no changes, nothing written",
        "no changes, nothing written",
    ),
    "cli.outcome.applied": (
        "已导入，批次 {batch} / applied as batch {batch}",
        "applied as batch {batch}",
    ),
    # help texts of the parsers
    "cli.help.lang": (
        "界面语言 zh 或 en（默认：DASHBOARD_LANG）/ language",
        "output language, zh or en (default: DASHBOARD_LANG)",
    ),
    "cli.help.database_url": (
        "数据库地址 / database URL (default: DATABASE_URL)",
        "database URL (default: DATABASE_URL)",
    ),
    "cli.help.database_url_short": ("数据库地址 / database URL", "database URL"),
    "cli.help.dry_run": ("只校验和预览，不写入 / check and preview only", "check and preview only"),
    "cli.help.json": ("输出 JSON / print JSON", "print JSON"),
    "cli.help.as_of": (
        "数据截至该日，如 2018-08-08（默认：当前数据）/ figures as of this day",
        "figures as of the end of this day, e.g. 2018-08-08 (default: the current data)",
    ),
    "cli.error.bad_date": (
        "不是日期 / not a date: {value}（应如 2018-08-08）",
        "not a date: {value} (expected e.g. 2018-08-08)",
    ),
    "cli.help.uploader": (
        "上传人 / uploader (default: OS user)",
        "uploader (default: the operating-system user)",
    ),
    "cli.help.actor": (
        "操作人 / actor (default: OS user)",
        "who does it, for the audit log (default: the operating-system user)",
    ),
    "cli.command.summary": (
        "打印总体数据 / print the headline figures",
        "print the headline figures",
    ),
    "cli.command.import": (
        "导入整改台账 / import a ledger file",
        "import a rectification ledger file",
    ),
    "cli.command.users": ("管理用户 / manage user accounts", "manage user accounts"),
    "cli.command.init": (
        "建立或升级空库（不含演示数据）/ create an empty store",
        "create or upgrade an empty store (no demo data)",
    ),
    "cli.command.import_regions": ("导入行政区划 / import regions", "import a regions file"),
    "cli.command.rounds": (
        "管理巡察轮次和巡察组 / manage inspection rounds",
        "manage inspection rounds and inspection groups",
    ),
    "cli.command.remove_demo": ("删除演示数据 / remove the demo data", "remove the demo data"),
    "cli.command.notice": (
        "起草整改进展通报稿 / draft the progress paragraph",
        "draft the progress paragraph of a bulletin from the figures",
    ),
    # summary
    "cli.summary.help.township": (
        "只看该乡镇，可重复，可用别名 / only this township (repeatable, aliases accepted)",
        "only this township (repeatable, aliases accepted)",
    ),
    "cli.summary.unknown_township": (
        "未知乡镇 / unknown township: {names}。可选 / known: {choices}",
        "unknown township: {names}. Known townships: {choices}",
    ),
    "cli.summary.no_townships": (
        "（库中无乡镇 / none in the database）",
        "(none in the database)",
    ),
    "cli.summary.title": (
        "巡察整改总体数据 / headline figures",
        "Inspection rectification: headline figures",
    ),
    "cli.summary.scope": ("范围 / scope: {scope}", "Scope: {scope}"),
    "cli.summary.scope_as_of": ("{scope}，截至 {day}", "{scope}, as of {day}"),
    "cli.summary.all_townships": ("全部乡镇 / all townships", "all townships"),
    "cli.summary.demo_note": (
        "演示数据：合计与公开通报一致，分布为示意 / demo data: totals match the published report",
        "Demo data: the totals match the published report; the breakdown is illustrative",
    ),
    "cli.summary.problems_total": ("问题总数", "Problems found"),
    "cli.summary.rectified": ("整改完成", "Rectified"),
    "cli.summary.basically_done": ("基本完成", "Basically done"),
    "cli.summary.long_term": ("长期坚持", "Long-term"),
    "cli.summary.completion_rate": ("完成率", "Completion rate"),
    "cli.summary.recovered": ("挽回损失", "Losses recovered"),
    "cli.summary.rules_improved": ("完善制度", "Rules improved"),
    "cli.summary.accountable": ("问责追责", "People held accountable"),
    "cli.summary.written_self_criticism": ("书面检查", "Written self-criticism"),
    "cli.summary.leads": ("移交线索", "Leads transferred"),
    "cli.summary.cases": ("立案审查", "Cases opened"),
    "cli.summary.sanctioned": ("  其中党政纪处分", "  of whom given a party/government sanction"),
    "cli.summary.overdue": ("已逾期未完成", "Overdue, not rectified"),
    "cli.unit.problems": ("{n} 个", "{n}"),
    "cli.unit.people": ("{n} 人", "{n}"),
    "cli.unit.rules": ("{n} 项", "{n}"),
    "cli.unit.leads": ("{n} 条", "{n}"),
    "cli.unit.orgs": ("{n} 个党组织", "{n} party organisation(s)"),
    "cli.unit.cases": ("{cases} 件 {people} 人", "{cases} case(s), {people} person(s)"),
    "cli.unit.recovered": ("{wan} ({yuan} 元)", "{wan} ({yuan} yuan)"),
    # import (ledger)
    "cli.import.help.file": (
        "台账文件 xlsx/xls/xlsb/ods/csv / ledger file",
        "ledger file: xlsx, xls, xlsb, ods or csv",
    ),
    "cli.import.help.round": ("巡察轮次名称 / inspection round", "name of the inspection round"),
    "cli.import.unknown_round": (
        "未知巡察轮次「{name}」。可选：{known}",
        "unknown inspection round “{name}”. Known rounds: {known}",
    ),
    "cli.import.no_rounds": ("（无）", "(none)"),
    "cli.import.help.clear_blanks": (
        "文件中的空白单元格清空已有问题的原有内容（默认保留） / blank cells clear stored values",
        "blank cells clear the stored values of existing rows (default: kept)",
    ),
    "cli.import.blanks_kept": (
        "空白单元格：{count} 处保留了原有内容（要清空请加 --clear-blanks）",
        "Blank cells: {count} stored value(s) kept (add --clear-blanks to clear them)",
    ),
    "cli.import.blanks_cleared": (
        "空白单元格：清空 {count} 处原有内容",
        "Blank cells: {count} stored value(s) cleared",
    ),
    "cli.import.row_error": (
        "错误 / error: 工作表「{sheet}」 第 {row} 行 「{column}」 值「{value}」：{reason}",
        "error: sheet “{sheet}”, row {row}, column “{column}”, value “{value}”: {reason}",
    ),
    "cli.import.headline": ("{label}: {before} → {after}", "{label}: {before} → {after}"),
    "cli.import.help.accept_categories": (
        "添加本轮还没有的问题类别 / add the categories the round does not have yet",
        "add the categories the round does not have yet",
    ),
    "cli.import.map_metavar": ("文件中的名称=轮次中的名称", "FILE_NAME=ROUND_NAME"),
    "cli.import.help.map_category": (
        "把文件中的问题类别对应到本轮已有的类别（可重复）/ map a file's category onto the "
        "round's (repeatable)",
        "map a category of the file onto one of the round's (repeatable)",
    ),
    "cli.import.bad_map": (
        "--map-category「{pair}」应写成 文件中的名称=轮次中的名称",
        "--map-category “{pair}” should read FILE_NAME=ROUND_NAME",
    ),
    "cli.import.notice": ("提示 / note: {notice}", "note: {notice}"),
    "cli.import.consent": ("待确认 / needs consent: {message}", "needs consent: {message}"),
    "cli.import.consent_hint": (
        "加 --accept-new-categories 新增这些类别，或用 --map-category 文件中的名称=轮次中的名称 "
        "对应到已有类别",
        "add --accept-new-categories to add them, or map each with --map-category "
        "FILE_NAME=ROUND_NAME",
    ),
    # import-regions
    "cli.regions.help.file": (
        "行政区划文件 xlsx/xls/xlsb/ods/csv / regions file",
        "regions file: xlsx, xls, xlsb, ods or csv",
    ),
    # init
    "cli.init.ready": ("数据库已就绪 / store ready: {url}", "store ready: {url}"),
    "cli.init.holds": (
        "乡镇 {townships}，村 {villages}，巡察轮次 {rounds}，巡察组 {groups}，"
        "整改问题 {ledger}，账号 {users}",
        "townships {townships}, villages {villages}, inspection rounds {rounds}, "
        "inspection groups {groups}, ledger problems {ledger}, accounts {users}",
    ),
    "cli.init.yes": ("有", "yes"),
    "cli.init.no": ("无", "no"),
    "cli.init.demo": (
        "库中有演示数据；删除：python -m data_access remove-demo",
        "the store holds the demo data; remove it with: python -m data_access remove-demo",
    ),
    "cli.init.next_steps": ("下一步 / next steps:", "next steps:"),
    "cli.init.step.users": (
        "创建第一个管理员：python -m data_access users add 用户名 --role admin（或打开网页）",
        "create the first admin: python -m data_access users add USERNAME --role admin "
        "(or open the web page)",
    ),
    "cli.init.step.regions": (
        "上传行政区划：python -m data_access import-regions 行政区划.xlsx（或“行政区划”页）",
        "upload the regions: python -m data_access import-regions regions.xlsx "
        "(or the “Regions” page)",
    ),
    "cli.init.step.rounds": (
        "新建巡察轮次和巡察组：python -m data_access rounds add 名称 --level county ...",
        "add the inspection rounds and groups: python -m data_access rounds add NAME "
        "--level county ...",
    ),
    "cli.init.step.ledger": (
        "上传整改台账：python -m data_access import 台账.xlsx --round 名称（或“台账上传”页）",
        "upload the rectification ledger: python -m data_access import ledger.xlsx "
        "--round NAME (or the “Upload ledger” page)",
    ),
    # remove-demo
    "cli.remove_demo.help.keep_regions": (
        "保留演示的行政区划（市、县、乡镇、村）/ keep the demo's places",
        "keep the demo's regions (city, counties, townships, villages)",
    ),
    "cli.remove_demo.refused": ("未删除 / nothing removed: {reason}", "nothing removed: {reason}"),
    "cli.remove_demo.done": (
        "已删除演示数据 / demo data removed: {counts}",
        "demo data removed: {counts}",
    ),
    # rounds
    "cli.rounds.help.theme": (
        "巡察主题，如 脱贫攻坚专项巡察（最新一轮的主题显示在标题下）/ the round's theme",
        "the round's theme (the newest round's shows under the app's title)",
    ),
    "cli.rounds.help.office": (
        "查看或修改本单位名称及其对乡镇、村一级的称呼 / the office's name and words for its units",
        "show or change the office's name and its own words for its units",
    ),
    "cli.rounds.help.office_name": (
        "本单位名称，显示在标题中 / the office's name (in the title)",
        "the office's name, shown in the title",
    ),
    "cli.rounds.help.office_term_township": (
        "乡镇一级的称呼，如 街道；空字符串恢复按行政区划判断 / word for township-level units",
        "its word for township-level units (e.g. sub-district); an empty string: from the regions",
    ),
    "cli.rounds.help.office_term_village": (
        "村一级的称呼，如 社区；空字符串恢复按行政区划判断 / word for village-level units",
        "its word for village-level units (e.g. community); an empty string: from the regions",
    ),
    "cli.rounds.office_line": ("--{option}  {value}", "--{option}  {value}"),
    "cli.rounds.help.county": (
        "县（区）名称，同名时写 市/县 / county",
        "county/district name; write CITY/COUNTY when two share a name",
    ),
    "cli.rounds.help.list": ("列出巡察轮次 / list rounds", "list the inspection rounds"),
    "cli.rounds.help.add": ("新建巡察轮次 / add a round", "add an inspection round"),
    "cli.rounds.help.edit": ("修改巡察轮次 / edit a round", "edit an inspection round"),
    "cli.rounds.help.new_name": ("新名称 / new name", "new name"),
    "cli.rounds.help.groups": (
        "列出巡察组 / list a round's groups",
        "list a round's inspection groups",
    ),
    "cli.rounds.help.add_group": ("新建巡察组 / add groups", "add inspection groups"),
    "cli.rounds.help.rename_group": ("巡察组改名 / rename a group", "rename an inspection group"),
    "cli.rounds.refused": ("未修改 / refused: {reason}", "refused: {reason}"),
    "cli.rounds.none": ("还没有巡察轮次 / no rounds yet", "no inspection rounds yet"),
    "cli.rounds.line": (
        "{name}  {level}  {county}  开始 {start}  结束 {end}  反馈 {feedback}  "
        "巡察组 {groups}  问题 {problems}",
        "{name}  {level}  {county}  start {start}  end {end}  feedback {feedback}  "
        "groups {groups}  problems {problems}",
    ),
    "cli.rounds.added": ("已新建巡察轮次 / round added: {name}", "round added: {name}"),
    "cli.rounds.unchanged": ("没有变化 / nothing changed", "nothing changed"),
    "cli.rounds.changed": ("已修改 / changed: {changes}", "changed: {changes}"),
    "cli.rounds.no_groups": ("该轮次还没有巡察组 / no groups yet", "this round has no groups yet"),
    "cli.rounds.group_line": (
        "{ordinal}. {name}  问题 {problems}",
        "{ordinal}. {name}  problems {problems}",
    ),
    "cli.rounds.groups_added": ("已新建巡察组 / groups added: {names}", "groups added: {names}"),
    "cli.rounds.no_such_group": ("该轮次没有“{name}”", "this round has no group “{name}”"),
    "cli.rounds.renamed": ("已改名 / renamed: {old} → {new}", "renamed: {old} → {new}"),
    # users
    "cli.users.help.name": ("用户名 / username", "username"),
    "cli.users.help.password_stdin": (
        "从标准输入读一行密码（脚本用）/ read the password from stdin (one line)",
        "read the password from stdin (one line, for scripts)",
    ),
    "cli.users.help.township": (
        "限定乡镇，可重复；不填为全部 / limit to this township (repeatable; none: all)",
        "limit to this township (repeatable; none given: all)",
    ),
    "cli.users.help.add": ("新建用户 / add a user", "add a user"),
    "cli.users.help.role": ("角色 / role", "role"),
    "cli.users.help.display_name": ("显示名 / display name", "display name"),
    "cli.users.help.list": ("列出用户 / list users", "list the users"),
    "cli.users.help.set_role": ("修改角色 / change the role", "change the role"),
    "cli.users.help.set_scope": (
        "修改乡镇范围 / change the township scope",
        "change the township scope",
    ),
    "cli.users.help.disable": ("停用用户 / disable", "disable the user"),
    "cli.users.help.enable": ("启用用户 / enable", "enable the user"),
    "cli.users.help.unlock": ("解除锁定 / unlock", "unlock the user"),
    "cli.users.help.reset": ("重置密码 / reset the password", "reset the password"),
    "cli.users.new_password": ("新密码 / new password: ", "new password: "),
    "cli.users.repeat_password": ("再输入一次 / repeat: ", "repeat: "),
    "cli.users.passwords_differ": (
        "两次输入的密码不一致 / the two passwords differ",
        "the two passwords differ",
    ),
    "cli.users.created": (
        "已创建用户 / created user: {name} ({role})",
        "created user: {name} ({role})",
    ),
    "cli.users.role_changed": (
        "已修改角色 / role changed: {name} -> {role}",
        "role changed: {name} -> {role}",
    ),
    "cli.users.all_townships": ("全部 / all", "all"),
    "cli.users.scope_changed": (
        "已修改乡镇范围 / scope changed: {name} -> {scope}",
        "scope changed: {name} -> {scope}",
    ),
    "cli.users.password_reset": ("已重置密码 / password reset: {name}", "password reset: {name}"),
    "cli.users.none": ("还没有用户 / no users yet", "no users yet"),
    "cli.users.disabled": ("停用 disabled", "disabled"),
    "cli.users.enabled": ("启用 enabled", "enabled"),
    "cli.users.locked_until": ("锁定至 locked until {until} UTC", "locked until {until} UTC"),
    "cli.users.townships": ("乡镇 townships: {townships}", "townships: {townships}"),
    "cli.users.done.disable": ("已停用 / disabled: {name}", "disabled: {name}"),
    "cli.users.done.enable": ("已启用 / enabled: {name}", "enabled: {name}"),
    "cli.users.done.unlock": ("已解锁 / unlocked: {name}", "unlocked: {name}"),
    # python -m seed
    "cli.seed.description": ("写入演示数据 / load the demo data", "load the demo data"),
    "cli.seed.help.reset": (
        "先清空全部业务数据（保留账号与审计记录）/ delete all domain data first",
        "delete all domain data first (accounts and the audit log stay)",
    ),
    "cli.seed.help.if_empty": (
        "仅在数据库为空时写入，否则跳过 / seed only an empty store, else do nothing",
        "seed only an empty store, else do nothing",
    ),
    "cli.seed.help.scale": (
        "生成省级规模数据（N 个问题）代替演示数据 / generate N problems province-wide",
        "generate a province-sized dataset of N problems instead of the demo",
    ),
    "cli.seed.demo_removed": (
        "演示数据已被删除过，不再写入 / the demo data was removed once; not loaded again",
        "the demo data was removed once; not loaded again",
    ),
    "cli.seed.store_holds_data": (
        "数据库已有数据，跳过演示数据 / the store holds data; demo data not loaded",
        "the store holds data; demo data not loaded",
    ),
    "cli.seed.refused": ("未写入 / refused: {reason}", "refused: {reason}"),
    "cli.seed.loaded_demo": (
        "已写入演示数据 / demo data loaded: {counts}",
        "demo data loaded: {counts}",
    ),
    "cli.seed.loaded_scale": (
        "已写入规模数据 / scale data loaded: {counts}",
        "scale data loaded: {counts}",
    ),
}
