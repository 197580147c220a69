"""Messages of the ledger workbook (data_access.exports.ledger): notes, headers, validation texts.

The workbook is the import interchange format and is always written in Chinese
(use_language("zh")); the English texts are for completeness of the catalogue.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # Drop-down validation of a data sheet's column.
    "exports.template.not_allowed": ("不在可选值中", "Not an allowed value"),
    "exports.template.pick_from_list": (
        "「{column}」请从下拉列表中选择。",
        "Please choose “{column}” from the drop-down list.",
    ),
    # The 填写说明 sheet: its first line, then a header row over one row per column.
    "exports.template.intro": (
        "整改台账导入模板：每个数据工作表的第一行是表头，请勿改动；从第二行起每行一条记录。"
        "红色表头为必填列。同一问题编号再次导入时更新原记录，不会重复新增。",
        "Rectification ledger import template: the first row of each data sheet is its header, "
        "do not change it; from the second row on, one record per row. Red headers are "
        "required columns. Importing a problem code again updates its record, it never adds "
        "a second one.",
    ),
    "exports.template.regions_intro": (
        "行政区划导入模板：每个{term_village}一行（{term_township}各列重复），或只登记"
        "{term_township}时“村”留空。红色表头为必填列。再次导入时只新增和修改，不删除；撤并的"
        "{term_township}填写停用日期和“并入”，原记录保留。",
        "Administrative regions import template: one row per {term_village} ({term_township} "
        "columns repeated), or leave the {term_village} empty to register a {term_township} only. "
        "Red headers are required columns. A new import only adds and changes, it never deletes; "
        "for a merged {term_township} fill in the end date and the {term_township} it merged "
        "into, its record is kept.",
    ),
    "exports.template.header.sheet": ("工作表", "Sheet"),
    "exports.template.header.column": ("列名", "Column"),
    "exports.template.header.required": ("是否必填", "Required"),
    "exports.template.header.note": ("填写说明", "How to fill in"),
    "exports.template.header.allowed": ("可选值", "Allowed values"),
    # A column's note by its kind (data_access.ingest.columns.Kind).
    "exports.template.kind.text": ("文字", "Text"),
    "exports.template.kind.int": ("整数，如 3", "A whole number, e.g. 3"),
    "exports.template.kind.yuan": (
        "金额（元）：整数，如 12000；也可写 12,000元、1.2万、3.5万元",
        "Amount (yuan): a whole number, e.g. 12000; amounts with thousands separators or in "
        "10k yuan are read too",
    ),
    "exports.template.kind.bool": ("填“是”或“否”", "Yes or no"),
    "exports.template.kind.date": (
        "日期：如 2018-06-08；也可写 2018/6/8、2018.6.8、2018年6月8日，或用 Excel 日期格式",
        "Date: e.g. 2018-06-08; 2018/6/8, 2018.6.8, a date written in Chinese or an Excel "
        "date are read too",
    ),
    "exports.template.kind.code": (
        "从下拉列表选择（也可写常见同义词，如 已整改 = 已完成）",
        "Choose from the drop-down list (common synonyms are read too)",
    ),
    # Columns with a note of their own (data_access.exports.ledger.NOTED_FIELDS).
    "exports.template.field.seq": (
        "序号，仅便于查看，导入时不使用",
        "Row number, for reading only; the import ignores it",
    ),
    "exports.template.field.code": (
        "唯一编号：系统中已有的编号会更新该行，新编号会新增一行",
        "Unique code: a code already stored updates its row, a new code adds a row",
    ),
    "exports.template.field.group": (
        "巡察组名称，须为该轮次已登记的巡察组，如 第一巡察组",
        "Inspection group name: a group registered for the round, e.g. Inspection Group 1",
    ),
    "exports.template.field.township": (
        "{term_township}名称（下拉选择）；旧名、别名也能识别",
        "{term_Township} name (from the drop-down list); old names and aliases are recognised too",
    ),
    "exports.template.field.village": (
        "{term_village}名称，须为该{term_township}已登记的{term_village}；可留空",
        "{term_Village} name: a {term_village} registered for the {term_township}; may be left "
        "empty",
    ),
    "exports.template.field.round": (
        "巡察轮次名称；留空则归入上传时所选的轮次（默认最近一轮）",
        "Inspection round name; empty: the round chosen at upload (by default the latest)",
    ),
    "exports.template.field.problem_code": (
        "关联的问题编号，须为本文件或系统中已有的问题",
        "Code of the related problem: a problem in this file or already stored",
    ),
    "exports.template.field.found_on": (
        "{date_note}；留空则取本轮巡察反馈日期",
        "{date_note}; empty: the round's feedback date",
    ),
    "exports.template.field.rectified_on": (
        "{date_note}；整改状态为“已完成”时必填",
        "{date_note}; required when the status is rectified",
    ),
    "exports.template.field.recovered_on": (
        "{date_note}；挽回损失的日期，可留空：留空则按完成日期计入（未完成的按发现日期）",
        "{date_note}; the day the money was recovered, may be left empty: empty counts it "
        "from the completion date (for a problem not yet completed, from the day it was found)",
    ),
    "exports.template.field.rules_improved_on": (
        "{date_note}；制度出台的日期，可留空：留空则按完成日期计入（未完成的按发现日期）",
        "{date_note}; the day the rules were adopted, may be left empty: empty counts them "
        "from the completion date (for a problem not yet completed, from the day it was found)",
    ),
    "exports.template.field.person_name": (
        "被问责人姓名；组织问责填组织名称",
        "Name of the person held accountable; for an organisation, its name",
    ),
}
