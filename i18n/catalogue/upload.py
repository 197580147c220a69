"""Messages of the upload pages: the ledger upload and the regions upload, their commit."""

MESSAGES: dict[str, tuple[str, str]] = {
    # The uploader's own texts (Browse files, Drag and drop …) are Streamlit's: said here.
    "upload.uploader_help": (
        "把文件拖到框内，或点击框内的按钮（Streamlit 自带的英文按钮）选择文件；"
        "单个文件不超过 {limit} MB。",
        "Drag the file into the box or click its button to choose it; at most {limit} MB per file.",
    ),
    # Row outcomes of a preview, as metric labels and tab titles.
    "upload.count.new": ("新增", "New"),
    "upload.count.changed": ("变更", "Changed"),
    "upload.count.unchanged": ("未变", "Unchanged"),
    "upload.count.rejected": ("有误", "Errors"),
    "upload.count.rows": ("{label}（行）", "{label} (rows)"),
    "upload.count.places": ("{label}（处）", "{label} (places)"),
    "upload.tab": ("{label} {count}", "{label} {count}"),
    "upload.notice": ("提示：{notice}", "Note: {notice}"),
    "upload.categories.title": ("本轮没有的问题类别", "Categories the round does not have"),
    "upload.categories.help": (
        "逐个选择对应到本轮已有的类别，或保留“新增”并勾选下方的确认，才能提交。",
        "Map each onto one of the round's categories, or keep “add” and tick the box below, "
        "before the file can be committed.",
    ),
    "upload.categories.choice": ("“{name}”（{rows} 行）", "“{name}” ({rows} rows)"),
    "upload.categories.map_to": ("对应到", "Map onto"),
    "upload.categories.add": ("新增为本轮的类别", "Add as a new category of the round"),
    "upload.categories.accept": (
        "确认新增以上标为“新增”的类别",
        "Add the categories marked “add” above",
    ),
    "upload.no_errors": ("文件中没有错误。", "The file has no errors."),
    # The commit step (components.commit_step).
    "upload.checking": (
        "正在读取并逐行检查文件，与已有数据比对……",
        "Reading and checking every row, and comparing it with the stored data…",
    ),
    "upload.commit.writing": (
        "正在写入：一个事务，要么全部写入，要么一行都不写……",
        "Writing in one transaction: every row or none…",
    ),
    "upload.commit.has_errors": (
        "文件有 {errors} 处错误，未写入任何数据。请按“有误”表修改后重新上传。",
        "Errors in the file: {errors}; nothing was written. Correct them as the “Errors” "
        "table says, then upload again.",
    ),
    # The ledger upload (components.upload_preview).
    "upload.ledger.by_file": (
        "按文件中的“巡察轮次”列（空白的行归入最近一轮）",
        "By the file's inspection round column (blank rows go to the newest round)",
    ),
    "upload.ledger.template": ("下载空白模板", "Download the empty template"),
    "upload.ledger.template_file": ("整改台账模板.xlsx", "rectification_ledger_template.xlsx"),
    "upload.ledger.current": (
        "下载当前台账（可修改后重新上传）",
        "Download the current ledger (edit it and upload it again)",
    ),
    "upload.ledger.current_file": ("整改台账.xlsx", "rectification_ledger.xlsx"),
    "upload.ledger.uploader": (
        "选择整改台账文件（xlsx、xls、xlsb、ods、csv 或 txt，不超过 {limit} MB）",
        "Choose the rectification ledger file (xlsx, xls, xlsb, ods, csv or txt; at most "
        "{limit} MB)",
    ),
    "upload.ledger.no_rounds": (
        "还没有巡察轮次：请管理员先在“巡察轮次”页新建轮次和巡察组，再上传台账。",
        "There is no inspection round yet: an admin first creates the round and its "
        "groups on the “Inspection rounds” page, then the ledger can be uploaded.",
    ),
    "upload.ledger.round": ("台账所属巡察轮次", "Inspection round of the ledger"),
    "upload.ledger.round_help": (
        "文件中“巡察轮次”列为空的行归入所选轮次；写了其他轮次的行会报错。",
        "Rows with an empty inspection round column go to the chosen round; rows naming "
        "another round are errors.",
    ),
    "upload.ledger.impact": ("对总体数据的影响", "Effect on the overall figures"),
    "upload.ledger.no_changed": ("没有变更的行。", "No changed rows."),
    "upload.ledger.no_new": ("没有新增的行。", "No new rows."),
    "upload.ledger.no_unchanged": ("没有未变的行。", "No unchanged rows."),
    "upload.ledger.commit": ("确认导入", "Import"),
    "upload.ledger.blanks_kept": (
        "文件中有 {count} 个空白单元格对应已有问题的原有内容：默认保留原有内容，不会清空。",
        "{count} blank cell(s) of the file stand where existing rows hold a value: "
        "the stored values are kept.",
    ),
    "upload.ledger.blanks_cleared": (
        "文件中有 {count} 个空白单元格对应已有问题的原有内容：导入时将清空这些原有内容。",
        "{count} blank cell(s) of the file stand where existing rows hold a value: "
        "importing clears those stored values.",
    ),
    "upload.ledger.clear_blanks": (
        "清空空白单元格对应的原有内容",
        "Clear the stored values where the file's cells are blank",
    ),
    "upload.ledger.clear_blanks_help": (
        "不勾选时，空白单元格保留系统中的原有内容；文件中没有的列从不改动原有内容。",
        "Unticked, a blank cell keeps the stored value; a column the file lacks never "
        "changes stored values.",
    ),
    "upload.ledger.blank_cells": ("空白单元格（{count}）", "Blank cells ({count})"),
    "upload.ledger.same": (
        "文件与系统中的数据完全一致，无需导入。",
        "The file matches the stored data exactly: nothing to import.",
    ),
    "upload.ledger.raced": (
        "导入时数据已与文件一致，未写入。",
        "At import time the data already matched the file: nothing was written.",
    ),
    "upload.ledger.done": (
        "已导入（第 {batch_id} 批）：新增 {new} 行，变更 {changed} 行。"
        "各页面数据已更新；如有误可在“导入记录”页撤销。",
        "Imported (batch {batch_id}): new rows {new}, changed rows {changed}. Every page "
        "shows the new data; undo it on the “Import history” page if it was a mistake.",
    ),
    # The regions upload (components.regions_upload).
    "upload.regions.template": (
        "下载行政区划模板（含已登记的区划）",
        "Download the regions template (with the stored places)",
    ),
    "upload.regions.template_file": ("行政区划.xlsx", "regions.xlsx"),
    "upload.regions.uploader": (
        "选择行政区划文件（xlsx、xls、xlsb、ods、csv 或 txt，不超过 {limit} MB）",
        "Choose the regions file (xlsx, xls, xlsb, ods, csv or txt, at most {limit} MB)",
    ),
    "upload.regions.no_changed": ("没有要修改的区划。", "No place to change."),
    "upload.regions.no_new": ("没有新增的区划。", "No new place."),
    "upload.regions.no_unchanged": ("没有未变的区划。", "No unchanged place."),
    "upload.regions.commit": ("确认导入行政区划", "Import the regions"),
    "upload.regions.same": (
        "文件中的区划与系统中完全一致，无需导入。",
        "The file's places match the stored ones exactly: nothing to import.",
    ),
    "upload.regions.raced": (
        "导入时区划已与文件一致，未写入。",
        "At import time the places already matched the file: nothing was written.",
    ),
    "upload.regions.done": (
        "已导入行政区划（第 {batch_id} 批）：新增 {new} 处，修改 {changed} 处。"
        "如有误可在“导入记录”页撤销。",
        "Imported the regions (batch {batch_id}): new places {new}, changed {changed}. "
        "Undo it on the “Import history” page if it was a mistake.",
    ),
}
