"""Messages of the regions upload (data_access/regions): row errors, notices, preview, undo."""

MESSAGES: dict[str, tuple[str, str]] = {
    # The regions sheet and its columns (the Chinese text is the template's header)
    "regions.sheet.title": ("行政区划", "Regions"),
    "regions.sheet.column.city": ("市", "City"),
    "regions.sheet.column.county": ("县（区）", "County/district"),
    "regions.sheet.column.township": ("乡镇", "Township"),
    "regions.sheet.column.kind": ("类型", "Type"),
    "regions.sheet.column.aliases": ("别名", "Aliases"),
    "regions.sheet.column.village": ("村", "Village"),
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
        "乡镇（街道）名称；一个乡镇有多个村时，每个村一行，乡镇各列重复填写",
        "Name of the township (or subdistrict); a township with several villages takes one "
        "row per village, repeating the township's columns",
    ),
    "regions.note.kind": (
        "镇、乡或街道；留空则按名称末字判断",
        "Town, township or subdistrict; when left blank, the end of the name decides",
    ),
    "regions.note.aliases": (
        "别名或旧名，多个用“、”分隔，如 欧山镇；台账中写别名也能识别",
        "Aliases or former names, several separated by commas, e.g. Oushan Town; ledgers may "
        "use an alias too",
    ),
    "regions.note.village": (
        "村（社区）名称；只登记乡镇时留空",
        "Name of the village (or community); leave blank to register only the township",
    ),
    "regions.note.is_poverty_village": (
        "是否贫困村：填“是”或“否”",
        "Whether it is a poverty village: yes or no",
    ),
    "regions.note.valid_from": ("乡镇设立日期，可留空", "Date the township was set up; optional"),
    "regions.note.valid_to": (
        "乡镇撤销或并入的日期；并入其他乡镇时必填",
        "Date the township was abolished or merged; required when it merged into another",
    ),
    "regions.note.merged_into": (
        "并入的乡镇（同一县区）；原乡镇的历史问题仍按原名显示，可选择按现行区划汇总",
        "The township it merged into (same county/district); its past problems still show "
        "under the old name and can be counted under current regions",
    ),
    # Whole-file errors
    "regions.file.no_sheet": (
        "文件中找不到行政区划表：没有一个工作表含有“市”“县（区）”“乡镇”等列名。"
        "请使用下载的行政区划模板填写。",
        "No regions table found in the file: no sheet has the regions column headers (city, "
        "county/district, township ...). Please fill in the downloaded regions template.",
    ),
    # Why a row is rejected
    "regions.reason.kind_missing": (
        "名称不以“镇”“乡”或“街道”结尾，请填写类型",
        "The name does not show whether it is a town, a township or a subdistrict; please "
        "fill in the type",
    ),
    "regions.reason.valid_to_before_from": (
        "停用日期早于启用日期",
        "The valid-to date is before the valid-from date",
    ),
    "regions.reason.merge_needs_date": (
        "填写了“并入”时，须同时填写停用日期（并入的日期）",
        "When “Merged into” is filled in, the valid-to date (the day of the merge) is required too",
    ),
    "regions.reason.self_merge": ("乡镇不能并入自己", "A township cannot merge into itself"),
    "regions.reason.self_merge_alias": (
        "乡镇不能并入自己（该名称是它自己的别名）",
        "A township cannot merge into itself (the name is its own alias)",
    ),
    "regions.reason.poverty_needs_village": (
        "“是否贫困村”只用于村，请同时填写“村”",
        "“Poverty village” applies to villages only; please fill in the village too",
    ),
    "regions.reason.conflict": (
        "与第 {row} 行填写的“{column}”（{value}）不一致",
        "Differs from the “{column}” written in row {row} ({value})",
    ),
    "regions.reason.duplicate_village": (
        "村“{village}”在本文件中重复出现（第 {row} 行）",
        "Village “{village}” appears more than once in this file (row {row})",
    ),
    "regions.reason.merge_unknown": (
        "并入的乡镇不存在：“{target}”（{county}），系统中没有这个名称。",
        "The township “{target}” to merge into ({county}) is not known: there is no such "
        "name in the system.",
    ),
    "regions.reason.merge_suggest": (
        "并入的乡镇不存在：“{target}”（{county}），是否为：{choices}？",
        "The township “{target}” to merge into ({county}) is not known; did you mean: {choices}?",
    ),
    "regions.reason.merge_cycle": ("并入关系形成循环：{chain}", "The merges form a cycle: {chain}"),
    "regions.reason.alias_is_township": (
        "别名“{alias}”与乡镇“{alias}”重名",
        "Alias “{alias}” is also the name of a township",
    ),
    "regions.reason.alias_twice": (
        "别名“{alias}”也写在乡镇“{other}”上",
        "Alias “{alias}” is also given for township “{other}”",
    ),
    "regions.reason.alias_taken": (
        "别名“{alias}”已是乡镇“{owner}”的别名",
        "Alias “{alias}” already belongs to township “{owner}”",
    ),
    "regions.notice.shadowed_alias": (
        "新乡镇“{name}”与乡镇“{owner}”的别名同名；台账中的“{name}”将归入新乡镇。",
        "New township “{name}” has the name of an alias of “{owner}”; “{name}” in ledgers "
        "will now mean the new township.",
    ),
    # Preview
    "regions.level.city": ("市", "City"),
    "regions.level.county": ("县（区）", "County/district"),
    "regions.level.township": ("乡镇", "Township"),
    "regions.level.alias": ("别名", "Alias"),
    "regions.level.village": ("村", "Village"),
    "regions.preview.level": ("层级", "Level"),
    "regions.preview.name": ("名称", "Name"),
    "regions.preview.alias": ("（别名：{alias}）", " (alias: {alias})"),
    "regions.report.error": (
        "错误 / error: {line}（值「{value}」）",
        "Error: {line} (value “{value}”)",
    ),
    # Undo
    "regions.table.city": ("市", "cities"),
    "regions.table.county": ("县（区）", "counties/districts"),
    "regions.table.township": ("乡镇", "townships"),
    "regions.table.township_alias": ("别名", "township aliases"),
    "regions.table.village": ("村", "villages"),
    "regions.table.problem": ("整改台账", "rectification ledger"),
    "regions.table.accountability_action": ("问责情况", "accountability records"),
    "regions.table.lead": ("移交线索", "leads transferred"),
    "regions.table.inspection_round": ("巡察轮次", "inspection rounds"),
    "regions.undo.in_use": (
        "不能撤销第 {batch} 批：本批新增的{added}已被其他数据使用（{user}）。"
        "请先撤销或修改使用它们的数据。",
        "Cannot undo batch {batch}: the {added} it added are used by other data ({user}). "
        "Undo or change that data first.",
    ),
}
