"""Messages of the ledger upload (data_access/ingest): refusals, row errors, notices, undo.

The preview tables and the ledger's sheet and column titles are in ingest_preview.py.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # Lists and quotes inside messages
    "ingest.list_separator": ("、", ", "),
    "ingest.quoted": ("「{text}」", "“{text}”"),
    # Where an error sits (RowError.describe)
    "ingest.where.sheet": ("工作表「{sheet}」", "Sheet “{sheet}”"),
    "ingest.where.file": ("文件", "File"),
    "ingest.where.row": ("第 {row} 行", ", row {row}"),
    "ingest.where.column": ("「{column}」", ", column “{column}”"),
    "ingest.where.line": ("{where}：{reason}", "{where}: {reason}"),
    # Whole-file refusals (safety checks before parsing)
    "ingest.file.empty": (
        "文件是空的（0 字节），请选择填好的台账文件。",
        "The file is empty (0 bytes). Please choose a filled-in ledger file.",
    ),
    "ingest.file.too_large": (
        "文件太大（{size:.1f} MB），上限为 {limit:.0f} MB。请删去无关的工作表或图片后再上传。",
        "The file is too large ({size:.1f} MB); the limit is {limit:.0f} MB. Remove unneeded "
        "sheets or pictures and upload it again.",
    ),
    "ingest.file.not_spreadsheet": (
        "这不是电子表格文件。"
        "请上传 Excel 工作簿（.xlsx、.xls、.xlsb）、ODS 表格（.ods）或 CSV 文件。",
        "This is not a spreadsheet file. Please upload an Excel workbook (.xlsx, .xls, .xlsb), "
        "an OpenDocument spreadsheet (.ods) or a CSV file.",
    ),
    "ingest.file.wrong_extension": (
        "文件扩展名是 {extension}，但内容是{real}。"
        "请在 Excel/WPS 中打开它，另存为 .xlsx 后再上传。",
        "The file name ends in {extension}, but the file is {real}. Open it in Excel/WPS, save "
        "it as .xlsx and upload that.",
    ),
    "ingest.file.encrypted": (
        "文件已加密：请在 Excel/WPS 中取消密码后另存再上传",
        "The file is encrypted: remove the password in Excel/WPS, save it again and upload that",
    ),
    "ingest.file.broken": (
        "文件已损坏，无法作为电子表格打开。请在 Excel/WPS 中重新保存后再上传。",
        "The file is damaged and cannot be opened as a spreadsheet. Save it again in Excel/WPS "
        "and upload it again.",
    ),
    "ingest.file.not_workbook": (
        "压缩包里不是电子表格。"
        "请上传 Excel 工作簿（.xlsx、.xls、.xlsb）、ODS 表格（.ods）或 CSV 文件。",
        "The archive does not hold a spreadsheet. Please upload an Excel workbook (.xlsx, .xls, "
        ".xlsb), an OpenDocument spreadsheet (.ods) or a CSV file.",
    ),
    "ingest.file.macro": (
        "工作簿含有宏（VBA 工程或 Excel 4.0 宏表），不被接受。"
        "请在 Excel/WPS 中删除宏，另存为普通 .xlsx 工作簿后再上传。",
        "Workbooks with macros (a VBA project or Excel 4.0 macro sheets) are not accepted. "
        "Remove the macros in Excel/WPS, save a plain .xlsx workbook and upload that.",
    ),
    "ingest.file.embedded": (
        "工作簿中嵌入了对象（如 Word 文档、OLE 对象或 ActiveX 控件），不被接受。"
        "请删除嵌入的对象后另存再上传。",
        "The workbook contains embedded objects (such as a Word document, an OLE object or an "
        "ActiveX control), which are not accepted. Delete them, save the file and upload it "
        "again.",
    ),
    "ingest.file.external_links": (
        "工作簿含有指向其他工作簿的外部链接，其中的数字可能是别的文件里的旧值，不被接受。"
        "请在 Excel/WPS 中把链接的单元格复制后“选择性粘贴 → 数值”（或“编辑链接 → 断开链接”），"
        "另存后再上传。",
        "The workbook links to other workbooks: its figures may be another file's old values, "
        "so it is not accepted. In Excel/WPS paste the linked cells as values (or Edit Links → "
        "Break Link), save the file and upload it again.",
    ),
    "ingest.file.bomb": (
        "文件解压后异常巨大，疑似恶意压缩文件（“zip 炸弹”），已拒绝。",
        "The file would unpack to an abnormal size and looks like a malicious archive "
        "(a “zip bomb”); it was refused.",
    ),
    "ingest.file.too_many_cells": (
        "工作表的数据范围过大（{rows:,} 行 × {columns} 列），已拒绝。"
        "请删除多余的行、列或远处的格式后另存再上传。",
        "A sheet spans too many cells ({rows:,} rows × {columns} columns) and was refused. "
        "Delete the unneeded rows, columns or far-away formatting, save it and upload it again.",
    ),
    "ingest.file.xml_entity": (
        "文件中含有不安全的 XML 内容（实体声明），已拒绝。请用 Excel/WPS 重新保存后再上传。",
        "The file contains unsafe XML content (entity declarations) and was refused. Save it "
        "again in Excel/WPS and upload it again.",
    ),
    "ingest.file.bad_structure": (
        "工作簿结构异常（目录部分过大），已拒绝。",
        "The workbook's structure is abnormal (its directory parts are too large); it was refused.",
    ),
    "ingest.file.encoding": (
        "无法识别 CSV 文件的文字编码（支持 UTF-8、GBK/GB18030 和 UTF-16）。"
        "请在 Excel/WPS 中“另存为”“CSV UTF-8（逗号分隔）”后再上传。",
        "Cannot tell the text encoding of the CSV file (UTF-8, GBK/GB18030 and UTF-16 are "
        "supported). In Excel/WPS, use “Save As” “CSV UTF-8 (Comma delimited)” and upload it "
        "again.",
    ),
    # What a file really is (ingest.file.wrong_extension)
    "ingest.kind.xlsx": ("Excel 工作簿（.xlsx）", "an Excel workbook (.xlsx)"),
    "ingest.kind.xlsb": ("Excel 二进制工作簿（.xlsb）", "an Excel binary workbook (.xlsb)"),
    "ingest.kind.xls": ("Excel 97-2003 工作簿（.xls）", "an Excel 97-2003 workbook (.xls)"),
    "ingest.kind.ods": ("ODS 表格（.ods）", "an OpenDocument spreadsheet (.ods)"),
    "ingest.kind.csv": ("文本（CSV）", "text (CSV)"),
    # Whole-file and whole-sheet errors
    "ingest.file.no_round": (
        "系统中还没有巡察轮次，请先由管理员建立巡察轮次后再导入。",
        "There is no inspection round in the system yet. Ask an administrator to create one, "
        "then import again.",
    ),
    "ingest.file.round_missing": (
        "指定的巡察轮次（编号 {round_id}）不存在。",
        "The chosen inspection round (id {round_id}) does not exist.",
    ),
    "ingest.file.no_ledger": (
        "文件中找不到台账：没有一个工作表含有“问题编号”“乡镇”等列名。请使用下载的模板填写。",
        "No ledger found in the file: no sheet has the ledger's column headers (problem code, "
        "{term_township} ...). Please fill in the downloaded template.",
    ),
    "ingest.file.no_rows": ("只有表头，没有数据行。", "Only a header row, no data rows."),
    "ingest.file.no_header": (
        "前 {rows} 行中找不到表头行（列名）。",
        "No header row (column names) in the first {rows} rows.",
    ),
    "ingest.file.missing_column": (
        "缺少必填列「{header}」。",
        "Required column “{header}” is missing.",
    ),
    # Notices about what was read
    "ingest.encoding.utf-8-sig": ("UTF-8（带 BOM）", "UTF-8 (with BOM)"),
    "ingest.encoding.utf-8": ("UTF-8", "UTF-8"),
    "ingest.encoding.gb18030": ("GBK/GB18030", "GBK/GB18030"),
    "ingest.encoding.utf-16": ("UTF-16（Unicode 文本）", "UTF-16 (Unicode text)"),
    "ingest.encoding.utf-16-le": ("UTF-16LE（无 BOM）", "UTF-16LE (without BOM)"),
    "ingest.encoding.utf-16-be": ("UTF-16BE（无 BOM）", "UTF-16BE (without BOM)"),
    "ingest.separator.comma": ("逗号", "commas"),
    "ingest.separator.tab": ("制表符", "tabs"),
    "ingest.separator.semicolon": ("分号", "semicolons"),
    "ingest.notice.csv_format": (
        "CSV 文件按 {encoding} 编码读取，分隔符为{separator}。",
        "The CSV file was read as {encoding}, separated by {separator}.",
    ),
    "ingest.notice.duplicate_sheet": (
        "工作表「{name}」与「{other}」重复，已忽略。",
        "Sheet “{name}” repeats sheet “{other}” and was ignored.",
    ),
    "ingest.notice.unknown_sheet": (
        "已忽略无法识别的工作表「{name}」。",
        "Ignored the unrecognised sheet “{name}”.",
    ),
    "ingest.notice.ignored_columns": (
        "工作表「{sheet}」中未识别的列已忽略：{names}。",
        "Unrecognised columns of sheet “{sheet}” were ignored: {names}.",
    ),
    "ingest.notice.total_rows": (
        "工作表「{sheet}」第 {rows} 行是合计行，已跳过。",
        "Sheet “{sheet}”: skipped total row(s); row numbers: {rows}.",
    ),
    "ingest.notice.rectified_dated": (
        "工作表「{sheet}」第 {rows} 行状态为已完成但未填完成日期，完成日期按{basis}记为 {day}。",
        "Sheet “{sheet}”, row(s) {rows}: rectified without a date rectified; dated {day}, {basis}.",
    ),
    "ingest.notice.basis_title": ("台账标题中的截至日期", "the ledger's as-of date"),
    "ingest.notice.basis_upload": ("上传日期", "the upload's date"),
    "ingest.notice.categories_defined": (
        "本轮尚无问题类别，按台账中首次出现的顺序新建：{names}。",
        "The round had no categories yet; this ledger defines them, in the order first seen: "
        "{names}.",
    ),
    "ingest.notice.sub_categories_defined": (
        "“{parent}”下尚无问题子类，按台账新建：{names}。",
        "“{parent}” had no sub-categories yet; this ledger defines them: {names}.",
    ),
    "ingest.consent.categories": (
        "台账中有本轮没有的问题类别：{names}。确认新增，或逐个对应到本轮已有的类别，才能导入。",
        "The ledger names categories the round does not have: {names}. Accept them as new, "
        "or map each onto one of the round's categories, before the file can be imported.",
    ),
    "ingest.consent.category_rows": ("“{name}”（第 {rows} 行）", "“{name}” (rows {rows})"),
    "ingest.consent.more_rows": ("{rows} 等共 {count} 行", "{rows} and more, {count} in all"),
    "ingest.consent.sub_category": ("{parent} / {name}", "{parent} / {name}"),
    "ingest.formula.shared": ("(共享公式)", "(shared formula)"),
    # Why a cell or row is rejected
    "ingest.reason.required": ("此项必填，不能为空", "Required; must not be empty"),
    "ingest.reason.negative": ("不能为负数", "Must not be negative"),
    "ingest.reason.category_map": (
        "对应到的“{target}”不是本轮已有的问题类别",
        "“{target}”, the category it is mapped onto, is not one of the round's categories",
    ),
    "ingest.reason.too_long": (
        "内容过长（最多 {max} 个字）",
        "Too long (at most {max} characters)",
    ),
    "ingest.reason.duplicate": (
        "“{value}”在本文件中重复出现（第 {rows} 行）",
        "“{value}” appears more than once in this file (rows {rows})",
    ),
    "ingest.reason.control": (
        "含有控制字符（如 \\x00），请删去后重新上传",
        "Holds a control character (such as \\x00); remove it and upload again",
    ),
    "ingest.reason.date": (
        "不是有效日期（可写成 2018-06-08 或 2018年6月8日）",
        "Not a valid date (write e.g. 2018-06-08 or 2018/6/8)",
    ),
    "ingest.reason.date_range": (
        "日期不合理（应在 {first} 年至 {last} 年之间）",
        "Implausible date (must lie between {first} and {last})",
    ),
    "ingest.reason.yuan": (
        "不是有效金额（可写成 12000、12,000元 或 1.2万）",
        "Not a valid amount in yuan (write e.g. 12000 or 12,000)",
    ),
    "ingest.reason.int": ("应为整数", "Must be a whole number"),
    "ingest.reason.bool": ("应填“是”或“否”", "Must be yes or no"),
    "ingest.reason.code": (
        "不是有效的“{column}”，可填：{choices}",
        "Not a valid “{column}”; use one of: {choices}",
    ),
    "ingest.reason.other_round": (
        "本行巡察轮次“{written}”与所选轮次“{chosen}”不一致"
        "（可清空此列，或改选“按文件中的巡察轮次”）",
        "The inspection round of this row, “{written}”, differs from the chosen round "
        "“{chosen}” (clear this column, or choose “By the file's inspection round column”)",
    ),
    "ingest.reason.rectified_before_found": (
        "完成日期早于发现日期",
        "The date rectified is before the date found",
    ),
    "ingest.reason.deadline_before_found": (
        "整改时限早于发现日期",
        "The deadline is before the date found",
    ),
    "ingest.reason.form_required": (
        "处理方式为“{category}”时必须填写形态（第一种至第四种形态）",
        "The form is required when the measure is “{category}” (Form 1 to Form 4)",
    ),
    "ingest.reason.unknown_problem": (
        "关联问题编号“{code}”在本文件和系统中都找不到",
        "The linked problem code “{code}” is found neither in this file nor in the system",
    ),
    "ingest.reason.township_merged": (
        "{term_township}“{name}”已于 {ended} 并入“{successor}”，此后发现的问题请填写“{successor}”",
        "{term_Township} “{name}” merged into “{successor}” on {ended}; write “{successor}” for "
        "problems found since then",
    ),
    "ingest.reason.township_retired": (
        "{term_township}“{name}”已于 {ended} 停用，此后发现的问题不能记在该{term_township}",
        "{term_Township} “{name}” was retired on {ended}; problems found since then cannot be "
        "recorded under it",
    ),
    "ingest.reason.out_of_scope": (
        "超出您的{term_township}权限",
        "Outside the {term_townships} you may edit",
    ),
    "ingest.reason.stored_out_of_scope": (
        "该编号已有记录，属于您{term_township}权限以外的{term_township}，不能修改",
        "This code already has a record in a {term_township} outside yours; it cannot be changed",
    ),
    # Unknown names, with suggestions
    "ingest.kind.round": ("巡察轮次", "inspection round"),
    "ingest.kind.township": ("{term_township}", "{term_township}"),
    "ingest.kind.village": ("{term_village}", "{term_village}"),
    "ingest.kind.group": ("巡察组", "inspection group"),
    "ingest.unknown_kind": ("未知{kind}", "Unknown {kind}"),
    "ingest.reason.context": ("（{where}）", " ({where})"),
    "ingest.reason.suggest": (
        "{subject}“{value}”{context}，是否为：{choices}？",
        "{subject} “{value}”{context}; did you mean: {choices}?",
    ),
    "ingest.reason.no_such_name": (
        "{subject}“{value}”{context}，系统中没有这个名称。",
        "{subject} “{value}”{context}: there is no such name in the system.",
    ),
    "ingest.reason.ambiguous_township": (
        "{term_township}“{name}”在多个县（区）都有同名{term_township}，无法确定是哪一个",
        "Several counties/districts have a {term_township} named “{name}”; cannot tell which one "
        "is meant",
    ),
    "ingest.reason.no_villages": (
        "{term_township}“{township}”还没有登记任何{term_village}，请先在“行政区划”中登记"
        "{term_village}",
        "{term_Township} “{township}” has no {term_villages} registered yet; register them under "
        "“Regions” first",
    ),
    "ingest.reason.village_elsewhere": (
        "未知{term_village}“{name}”（{township}）：系统中的“{name}”属于{others}，请核对"
        "{term_township}",
        "Unknown {term_village} “{name}” ({township}): the “{name}” in the system belongs to "
        "{others}; please check the {term_township}",
    ),
    "ingest.reason.close_villages": (
        "；本{term_township}相近的{term_village}：{names}",
        "; similar {term_villages} of this {term_township}: {names}",
    ),
    "ingest.reason.no_groups": (
        "巡察轮次“{round}”还没有登记巡察组，请先在“巡察轮次”页添加",
        "Inspection round “{round}” has no inspection groups yet; add them on the "
        "“Inspection rounds” page first",
    ),
    # Writing and undoing an import
    "ingest.apply.rejected": (
        "文件有 {count} 处错误，未写入任何数据",
        "Errors found in the file: {count}; nothing was written",
    ),
    "ingest.undo.not_found": ("找不到第 {batch} 批导入记录。", "Import batch {batch} not found."),
    "ingest.undo.not_undoable": (
        "第 {batch} 批不是台账导入（{file}），不能撤销。",
        "Batch {batch} is not a ledger import ({file}) and cannot be undone.",
    ),
    "ingest.undo.already": (
        "第 {batch} 批已于 {when} 撤销。",
        "Batch {batch} was already undone on {when}.",
    ),
    "ingest.undo.later_batch": (
        "不能撤销第 {batch} 批：其后的第 {later} 批导入（文件「{file}」，上传人 {uploader}，"
        "{when}）又修改了本批写入的记录。请先撤销第 {later} 批，再撤销第 {batch} 批。",
        "Cannot undo batch {batch}: the later import batch {later} (file “{file}”, uploaded "
        "by {uploader}, {when}) changed records this batch wrote. Undo batch {later} first, "
        "then batch {batch}.",
    ),
    "ingest.undo.referenced": (
        "不能撤销第 {batch} 批：本批新增的问题已被其他记录引用。",
        "Cannot undo batch {batch}: other records refer to problems it added.",
    ),
    "ingest.undo.case_opened": (
        "不能撤销第 {batch} 批：本批新增的移交线索已有立案审查记录。",
        "Cannot undo batch {batch}: a case has been opened on a lead it added.",
    ),
    "ingest.undo.outside_scope": (
        "不能撤销第 {batch} 批：本批含有您负责范围以外{term_township}的数据，请由管理员撤销。",
        "Cannot undo batch {batch}: it holds data of {term_townships} outside your scope; an "
        "admin can undo it.",
    ),
    "ingest.undo.unknown_uploader": ("未知", "unknown"),
    "ingest.undo.unknown_time": ("未知时间", "unknown time"),
}
