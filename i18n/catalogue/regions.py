"""Messages of the regions upload (data_access/regions): row errors, notices, preview, undo."""

MESSAGES: dict[str, tuple[str, str]] = {
    # The regions sheet and its columns (the Chinese text is the template's header)
    "regions.sheet.title": ("行政区划", "Regions"),
    "regions.sheet.column.city": ("市", "City"),
    "regions.sheet.column.county": ("县（区）", "County/district"),
    "regions.sheet.column.township": ("{term_township}", "{term_Township}"),
    "regions.sheet.column.kind": ("类型", "Type"),
    "regions.sheet.column.aliases": ("别名", "Aliases"),
    "regions.sheet.column.village": ("{term_village}", "{term_Village}"),
    "regions.sheet.column.is_poverty_village": ("是否贫困村", "Poverty village"),
    "regions.sheet.column.valid_from": ("启用日期", "Valid from"),
    "regions.sheet.column.valid_to": ("停用日期", "Valid to"),
    "regions.sheet.column.merged_into": ("并入", "Merged into"),
    # What to write in each column (the template's 填写说明)
    "regions.note.city": ("地级市名称，如 铜陵市", "Name of the city, e.g. Tongling"),
    "regions.note.county": (
        "县（区）名称，如 枞阳县",
        "Name of the county or district, e.g. Zongyang County",
    ),
    "regions.note.township": (
        "{term_township}名称；一个{term_township}有多个{term_village}时，每个{term_village}一行，"
        "{term_township}各列重复填写",
        "Name of the {term_township} (or subdistrict); a {term_township} with several "
        "{term_villages} takes one row per {term_village}, repeating the {term_township}'s columns",
    ),
    "regions.note.kind": (
        "镇、乡、街道或部门（作为被巡察单位的县直部门等）；留空则按名称末字判断",
        "Town, township, subdistrict or department (a department inspected as a unit); when "
        "left blank, the end of the name decides",
    ),
    "regions.note.aliases": (
        "别名或旧名，多个用“、”分隔；台账中写别名也能识别",
        "Aliases or former names, several separated by commas; ledgers may use an alias too",
    ),
    "regions.note.village": (
        "{term_village}名称；只登记{term_township}时留空",
        "Name of the {term_village} (or community); leave blank to register only the "
        "{term_township}",
    ),
    "regions.note.is_poverty_village": (
        "是否贫困村：填“是”或“否”",
        "Whether it is a poverty village: yes or no",
    ),
    "regions.note.valid_from": (
        "{term_township}设立日期，可留空",
        "Date the {term_township} was set up; optional",
    ),
    "regions.note.valid_to": (
        "{term_township}撤销或并入的日期；并入其他{term_township}时必填",
        "Date the {term_township} was abolished or merged; required when it merged into another",
    ),
    "regions.note.merged_into": (
        "并入的{term_township}（同一县区）；原{term_township}的历史问题仍按原名显示，可选择按现行"
        "区划汇总",
        "The {term_township} it merged into (same county/district); its past problems still show "
        "under the old name and can be counted under current regions",
    ),
    # Whole-file errors
    "regions.file.no_sheet": (
        "文件中找不到行政区划表：没有一个工作表含有“市”“县（区）”“乡镇”等列名。"
        "请使用下载的行政区划模板填写。",
        "No regions table found in the file: no sheet has the regions column headers (city, "
        "county/district, {term_township} ...). Please fill in the downloaded regions template.",
    ),
    # Why a row is rejected
    "regions.reason.kind_missing": (
        "名称不以“镇”“乡”“街道”或“局”“委”“办”等结尾，请填写类型（镇、乡、街道或部门）",
        "The name does not show whether it is a town, a township, a subdistrict or a "
        "department; please fill in the type",
    ),
    "regions.reason.valid_to_before_from": (
        "停用日期早于启用日期",
        "The valid-to date is before the valid-from date",
    ),
    "regions.reason.merge_needs_date": (
        "填写了“并入”时，须同时填写停用日期（并入的日期）",
        "When “Merged into” is filled in, the valid-to date (the day of the merge) is required too",
    ),
    "regions.reason.self_merge": (
        "{term_township}不能并入自己",
        "A {term_township} cannot merge into itself",
    ),
    "regions.reason.self_merge_alias": (
        "{term_township}不能并入自己（该名称是它自己的别名）",
        "A {term_township} cannot merge into itself (the name is its own alias)",
    ),
    "regions.reason.poverty_needs_village": (
        "“是否贫困村”只用于{term_village}，请同时填写“村”",
        "“Poverty village” applies to {term_villages} only; please fill in the {term_village} too",
    ),
    "regions.reason.conflict": (
        "与第 {row} 行填写的“{column}”（{value}）不一致",
        "Differs from the “{column}” written in row {row} ({value})",
    ),
    "regions.reason.duplicate_village": (
        "{term_village}“{village}”在本文件中重复出现（第 {row} 行）",
        "{term_Village} “{village}” appears more than once in this file (row {row})",
    ),
    "regions.reason.merge_unknown": (
        "并入的{term_township}不存在：“{target}”（{county}），系统中没有这个名称。",
        "The {term_township} “{target}” to merge into ({county}) is not known: there is no such "
        "name in the system.",
    ),
    "regions.reason.merge_suggest": (
        "并入的{term_township}不存在：“{target}”（{county}），是否为：{choices}？",
        "The {term_township} “{target}” to merge into ({county}) is not known; did you mean: "
        "{choices}?",
    ),
    "regions.reason.merge_cycle": ("并入关系形成循环：{chain}", "The merges form a cycle: {chain}"),
    "regions.reason.alias_is_township": (
        "别名“{alias}”与{term_township}“{alias}”重名",
        "Alias “{alias}” is also the name of a {term_township}",
    ),
    "regions.reason.alias_twice": (
        "别名“{alias}”也写在{term_township}“{other}”上",
        "Alias “{alias}” is also given for {term_township} “{other}”",
    ),
    "regions.reason.alias_taken": (
        "别名“{alias}”已是{term_township}“{owner}”的别名",
        "Alias “{alias}” already belongs to {term_township} “{owner}”",
    ),
    "regions.notice.shadowed_alias": (
        "新{term_township}“{name}”与{term_township}“{owner}”的别名同名；台账中的“{name}”将归入新"
        "{term_township}。",
        "New {term_township} “{name}” has the name of an alias of “{owner}”; “{name}” in ledgers "
        "will now mean the new {term_township}.",
    ),
    # Preview
    "regions.level.city": ("市", "City"),
    "regions.level.county": ("县（区）", "County/district"),
    "regions.level.township": ("{term_township}", "{term_Township}"),
    "regions.level.alias": ("别名", "Alias"),
    "regions.level.village": ("{term_village}", "{term_Village}"),
    "regions.preview.level": ("层级", "Level"),
    "regions.preview.name": ("名称", "Name"),
    "regions.preview.alias": ("（别名：{alias}）", " (alias: {alias})"),
    "regions.report.error": ("错误：{line}（值「{value}」）", "Error: {line} (value “{value}”)"),
    # Undo
    "regions.table.city": ("市", "cities"),
    "regions.table.county": ("县（区）", "counties/districts"),
    "regions.table.township": ("{term_township}", "{term_townships}"),
    "regions.table.township_alias": ("别名", "{term_township} aliases"),
    "regions.table.village": ("{term_village}", "{term_villages}"),
    "regions.table.problem": ("整改台账", "rectification ledger"),
    "regions.table.accountability_action": ("问责情况", "accountability records"),
    "regions.table.lead": ("移交线索", "leads transferred"),
    "regions.table.inspection_round": ("巡察轮次", "inspection rounds"),
    "regions.table.township_shape": ("{term_township}边界（地图）", "boundaries (map)"),
    "regions.undo.in_use": (
        "不能撤销第 {batch} 批：本批新增的{added}已被其他数据使用（{user}）。"
        "请先撤销或修改使用它们的数据。",
        "Cannot undo batch {batch}: the {added} it added are used by other data ({user}). "
        "Undo or change that data first.",
    ),
}
