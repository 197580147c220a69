"""Messages of reading an office's own ledger: layout, recognised headers, context, keys."""

MESSAGES: dict[str, tuple[str, str]] = {
    "ingest.mapped_pair": ("「{header}」→{field}", "“{header}” → {field}"),
    "ingest.none_seen": ("（没有）", "(none)"),
    "ingest.notice.recognised": (
        "工作表「{sheet}」按列名中的关键词识别：{pairs}。请核对；如不对，请在列对应中修改。",
        "Sheet “{sheet}”: columns recognised by their words: {pairs}. Please check them; "
        "change the column mapping if one is wrong.",
    ),
    "ingest.notice.chosen_out": (
        "工作表「{sheet}」按列对应不导入的列：{names}。",
        "Sheet “{sheet}”: columns not imported, as mapped: {names}.",
    ),
    "ingest.notice.footnotes": (
        "工作表「{sheet}」第 {rows} 行是表尾说明（填报人、审核人等），未导入。",
        "Sheet “{sheet}”: footnote row(s) {rows} (filled in by, checked by …) not imported.",
    ),
    "ingest.notice.summary_sheet": (
        "工作表「{name}」是汇总表（问题数、完成率等），不作为台账导入。",
        "Sheet “{name}” is a summary table (counts, rates); it is not imported as ledger rows.",
    ),
    "ingest.notice.context": (
        "工作表「{sheet}」没有这一列，按{header}填入。",
        "Sheet “{sheet}” has no such column; filled {header}.",
    ),
    "ingest.context.from_sections": (
        "「{field}」（取自分组标题行）",
        "“{field}” (from the section headings)",
    ),
    "ingest.context.from_sheet": (
        "「{field}」（取自工作表名）",
        "“{field}” (from the sheet's name)",
    ),
    "ingest.context.derived_code": ("问题编号（按规则生成）", "Problem code (by the rule)"),
    "ingest.notice.derived_codes": (
        "工作表「{sheet}」没有问题编号列：按“R轮次-工作表名-序号”生成编号（序号逐节重排时加节号，"
        "无序号时按行的次序），如 {example}。下次上传同一台账时，同一序号的问题会被更新。",
        "Sheet “{sheet}” has no problem code column: codes are made as R<round>-<sheet>-<No.> "
        "(with the section's number when numbers restart, by row order when there is no No.), "
        "e.g. {example}. Next time the same ledger is uploaded, the problem with the same "
        "number is updated.",
    ),
    "ingest.notice.unused_headings": (
        "工作表「{sheet}」第 {rows} 行是分组标题行，未用作任何字段。",
        "Sheet “{sheet}”: heading row(s) {rows} fill no field.",
    ),
    "ingest.consent.sheets": (
        "工作表{names}有数据，但认不出是台账（未导入）。确认不导入后才能提交。",
        "Sheets {names} hold data but are not recognised as a ledger (not imported). "
        "Confirm leaving them out to commit.",
    ),
    "ingest.consent.columns": (
        "工作表「{sheet}」的列{names}有数据，但不对应任何字段（未导入）。"
        "可在列对应中指定字段，或确认不导入。",
        "Sheet “{sheet}”: columns {names} hold data but match no field (not imported). "
        "Map them to a field, or confirm leaving them out.",
    ),
    "ingest.reason.ambiguous_header": (
        "这一列既可能是「{first}」也可能是「{second}」，请在列对应中选定",
        "This column could be “{first}” or “{second}”; choose one in the column mapping",
    ),
    "ingest.file.missing_column_near": (
        "缺少必填列「{header}」；最接近的是「{nearest}」。本表的列名：{seen}。可在列对应中指定。",
        "Required column “{header}” is missing; the nearest header is “{nearest}”. "
        "Headers of this sheet: {seen}. Map it in the column mapping.",
    ),
    "ingest.file.missing_column_seen": (
        "缺少必填列「{header}」。本表的列名：{seen}。可在列对应中指定。",
        "Required column “{header}” is missing. Headers of this sheet: {seen}. "
        "Map it in the column mapping.",
    ),
    "ingest.reason.moved": (
        "按序号生成的编号是 {code}，但同样的问题描述上次在 {other}：台账的行被调换或重新编号了。"
        "请恢复原序号，或在台账中加上问题编号列",
        "The code made from the number is {code}, but this description was stored under "
        "{other} last time: the rows were moved or renumbered. Restore the numbers, or add "
        "a problem code column",
    ),
    "ingest.reason.code_on_sheets": (
        "同一问题编号出现在多个工作表：{places}",
        "The same problem code appears on several sheets: {places}",
    ),
}

MESSAGES |= {
    "cli.command.mappings": (
        "已保存的列对应 / saved column mappings",
        "saved column mappings of offices' ledgers",
    ),
    "cli.import.help.mapping": (
        "列对应：已保存的名称，或 JSON 文件（mappings export 导出的）",
        "column mapping: a saved name, or a JSON file (as mappings export writes)",
    ),
    "cli.import.help.save_mapping": (
        "导入成功后把列对应保存为此名称（默认用文件名）",
        "save the column mapping under this name when the import commits (default: file name)",
    ),
    "cli.import.help.accept_skips": (
        "确认不导入认不出的有数据的工作表和列",
        "confirm leaving out sheets and columns that hold data but match nothing",
    ),
    "cli.import.mapped": (
        "列对应 「{sheet}」「{header}」→ {field}",
        "Mapping “{sheet}” “{header}” → {field}",
    ),
    "cli.import.not_imported": ("（不导入）", "(not imported)"),
    "cli.mapping.unknown": (
        "没有名为「{name}」的列对应（python -m data_access mappings list 可查看）。",
        "No saved column mapping named “{name}” (see: python -m data_access mappings list).",
    ),
    "cli.mapping.bad_file": (
        "读不了列对应文件 {path}：{reason}",
        "Cannot read the mapping file {path}: {reason}",
    ),
    "cli.mappings.help": (
        "列对应名称，或要导入的 JSON 文件",
        "mapping name, or JSON file to import",
    ),
    "cli.mappings.help_name": ("导入时使用的名称", "name to save an imported mapping under"),
    "cli.mappings.target_needed": ("请给出列对应名称或文件。", "Name a mapping or a file."),
    "cli.mappings.line": (
        "{name}：{headers} 列，保存人 {by}",
        "{name}: {headers} headers, saved by {by}",
    ),
    "cli.mappings.none": ("还没有保存的列对应。", "No saved column mappings yet."),
    "cli.mappings.exported": ("已导出「{name}」到 {path}", "Exported “{name}” to {path}"),
    "cli.mappings.imported": (
        "已保存列对应「{name}」（{headers} 列）",
        "Saved mapping “{name}” ({headers} headers)",
    ),
}

MESSAGES |= {
    "upload.mapping.title": (
        "列对应（本单位台账的列名 → 系统字段）",
        "Column mapping (your headers → fields)",
    ),
    "upload.mapping.intro": (
        "下面是文件中的列名和前几行的值。请为每一列选定对应的字段，或选“不导入”；"
        "点“按此对应重新检查”后立即生效，导入成功时一并保存，下次同样格式的台账自动使用。",
        "Your file's headers with their first values. Pick the field of each column, or "
        "“not imported”; “Re-check with this mapping” applies it at once, and the import "
        "saves it so the next file of this shape follows by itself.",
    ),
    "upload.mapping.sheet": ("工作表「{sheet}」（{kind}）", "Sheet “{sheet}” ({kind})"),
    "upload.mapping.header": ("文件中的列名", "Header in the file"),
    "upload.mapping.samples": ("示例值", "Sample values"),
    "upload.mapping.field": ("对应字段", "Field"),
    "upload.mapping.not_imported": ("（不导入）", "(not imported)"),
    "upload.mapping.save_as": (
        "保存列对应的名称（可不填，默认用文件名）",
        "Save the mapping as (default: file name)",
    ),
    "upload.mapping.apply": ("按此对应重新检查", "Re-check with this mapping"),
    "upload.consent.skips_title": (
        "以下有数据的内容不会导入：",
        "The following data would not be imported:",
    ),
    "upload.consent.accept_skips": (
        "我已核对，确认不导入以上内容",
        "I have checked: leave the above out",
    ),
}

MESSAGES |= {
    "regions.context.from_title": (
        "「{field}」（取自标题：{value}）",
        "“{field}” (from the title: {value})",
    ),
    "regions.context.from_store": (
        "「{field}」（本单位已登记：{value}）",
        "“{field}” (as registered: {value})",
    ),
}

MESSAGES |= {
    "upload.mapping.field_of": ("「{header}」对应的字段", "Field of “{header}”"),
}

MESSAGES |= {
    "ingest.reason.outside_county": (
        "「{name}」不在本轮巡察（{round}）的县（区）内",
        "“{name}” lies outside the county or district of the round “{round}”",
    ),
}

MESSAGES |= {
    "ingest.summary.pair": (
        "{unit} 汇总 {stated} 个、台账 {rows} 行",
        "{unit}: {stated} in the summary, {rows} rows",
    ),
    "ingest.notice.summary_mismatch": (
        "注意：汇总表「{name}」的问题数与台账行数不一致（{pairs}），请核对是否漏填或未更新汇总。",
        "Warning: the summary “{name}” does not match the ledger's rows ({pairs}); check for "
        "missing rows or an outdated summary.",
    ),
}
