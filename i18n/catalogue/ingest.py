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
        "这不是电子表格文件。请上传 Excel 工作簿（.xlsx）或 CSV 文件。",
        "This is not a spreadsheet file. Please upload an Excel workbook (.xlsx) or a CSV file.",
    ),
    "ingest.file.utf16": (
        "这是 UTF-16（Unicode 文本）文件，无法读取。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”。",
        "This is a UTF-16 (Unicode text) file and cannot be read. In Excel, save it as "
        "“CSV UTF-8 (Comma delimited)”.",
    ),
    "ingest.file.ole2": (
        "这是旧版 Excel（.xls）文件，或设置了打开密码的加密文件，无法读取。"
        "请在 Excel 中“另存为”不加密的 .xlsx 工作簿后再上传。",
        "This is an old Excel (.xls) file, or a file encrypted with an opening password, and "
        "cannot be read. In Excel, use “Save As” to save an unencrypted .xlsx workbook and "
        "upload that.",
    ),
    "ingest.file.encrypted": (
        "文件设置了密码（已加密），无法读取。请取消密码并另存为 .xlsx 后再上传。",
        "The file is password-protected (encrypted) and cannot be read. Remove the password, "
        "save it as .xlsx and upload it again.",
    ),
    "ingest.file.broken": (
        "文件已损坏，无法作为 Excel 工作簿打开。请在 Excel 中重新保存为 .xlsx 后再上传。",
        "The file is damaged and cannot be opened as an Excel workbook. Save it again as .xlsx "
        "in Excel and upload it again.",
    ),
    "ingest.file.not_xlsx": (
        "压缩包里不是 Excel 工作簿。请上传 Excel 工作簿（.xlsx）或 CSV 文件。",
        "The archive does not hold an Excel workbook. Please upload an Excel workbook (.xlsx) "
        "or a CSV file.",
    ),
    "ingest.file.xlsb": (
        "不支持二进制工作簿（.xlsb）。请在 Excel 中另存为 .xlsx 后再上传。",
        "Binary workbooks (.xlsb) are not supported. Save it as .xlsx in Excel and upload it "
        "again.",
    ),
    "ingest.file.macro": (
        "含有宏的工作簿（.xlsm）不被接受。请在 Excel 中另存为普通 .xlsx 工作簿后再上传。",
        "Workbooks with macros (.xlsm) are not accepted. Save it as a plain .xlsx workbook in "
        "Excel and upload it again.",
    ),
    "ingest.file.bomb": (
        "文件解压后异常巨大，疑似恶意压缩文件（“zip 炸弹”），已拒绝。",
        "The file would unpack to an abnormal size and looks like a malicious archive "
        "(a “zip bomb”); it was refused.",
    ),
    "ingest.file.xml_entity": (
        "文件中含有不安全的 XML 内容（实体声明），已拒绝。请用 Excel 重新保存后再上传。",
        "The file contains unsafe XML content (entity declarations) and was refused. Save it "
        "again in Excel and upload it again.",
    ),
    "ingest.file.bad_structure": (
        "工作簿结构异常（目录部分过大），已拒绝。",
        "The workbook's structure is abnormal (its directory parts are too large); it was refused.",
    ),
    "ingest.file.encoding": (
        "无法识别 CSV 文件的文字编码（支持 UTF-8 和 GBK）。"
        "请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后再上传。",
        "Cannot tell the text encoding of the CSV file (UTF-8 and GBK are supported). In "
        "Excel, use “Save As” “CSV UTF-8 (Comma delimited)” and upload it again.",
    ),
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
        "township ...). Please fill in the downloaded template.",
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
    "ingest.notice.csv_encoding": (
        "CSV 文件按 {encoding} 编码读取。",
        "The CSV file was read as {encoding}.",
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
    "ingest.formula.shared": ("(共享公式)", "(shared formula)"),
    # Why a cell or row is rejected
    "ingest.reason.required": ("此项必填，不能为空", "Required; must not be empty"),
    "ingest.reason.negative": ("不能为负数", "Must not be negative"),
    "ingest.reason.too_long": (
        "内容过长（最多 {max} 个字）",
        "Too long (at most {max} characters)",
    ),
    "ingest.reason.duplicate": (
        "“{value}”在本文件中重复出现（第 {rows} 行）",
        "“{value}” appears more than once in this file (rows {rows})",
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
    "ingest.reason.rectified_needs_date": (
        "整改状态为“已完成”时必须填写完成日期",
        "The date rectified is required when the status is “Rectified”",
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
        "乡镇“{name}”已于 {ended} 并入“{successor}”，此后发现的问题请填写“{successor}”",
        "Township “{name}” merged into “{successor}” on {ended}; write “{successor}” for "
        "problems found since then",
    ),
    "ingest.reason.township_retired": (
        "乡镇“{name}”已于 {ended} 停用，此后发现的问题不能记在该乡镇",
        "Township “{name}” was retired on {ended}; problems found since then cannot be "
        "recorded under it",
    ),
    "ingest.reason.out_of_scope": ("超出您的乡镇权限", "Outside the townships you may edit"),
    "ingest.reason.stored_out_of_scope": (
        "该编号已有记录，属于您乡镇权限以外的乡镇，不能修改",
        "This code already has a record in a township outside yours; it cannot be changed",
    ),
    # Unknown names, with suggestions
    "ingest.kind.round": ("巡察轮次", "inspection round"),
    "ingest.kind.township": ("乡镇", "township"),
    "ingest.kind.village": ("村", "village"),
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
        "乡镇“{name}”在多个县（区）都有同名乡镇，无法确定是哪一个",
        "Several counties/districts have a township named “{name}”; cannot tell which one is meant",
    ),
    "ingest.reason.no_villages": (
        "乡镇“{township}”还没有登记任何村，请先在“行政区划”中登记村",
        "Township “{township}” has no villages registered yet; register them under “Regions” first",
    ),
    "ingest.reason.village_elsewhere": (
        "未知村“{name}”（{township}）：系统中的“{name}”属于{others}，请核对乡镇",
        "Unknown village “{name}” ({township}): the “{name}” in the system belongs to "
        "{others}; please check the township",
    ),
    "ingest.reason.close_villages": (
        "；本乡镇相近的村：{names}",
        "; similar villages of this township: {names}",
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
    "ingest.undo.unknown_uploader": ("未知", "unknown"),
    "ingest.undo.unknown_time": ("未知时间", "unknown time"),
}
