"""Messages of the read functions (data_access/queries/): labels they put in result columns."""

MESSAGES: dict[str, tuple[str, str]] = {
    # A month in a label column ("2018年7月"), and rows without a month
    "queries.month": ("{year}年{month}月", "{year}-{month:02d}"),
    "queries.accountability.undated": ("尚未决定", "Not decided yet"),
    # 四种形态 of a record without a form (e.g. a case still under investigation)
    "queries.form_pending": ("待定", "Pending"),
    # The ledger's status column of an overdue problem: "正在整改（已逾期）"
    "queries.status_overdue": ("{status}（{overdue}）", "{status} ({overdue})"),
    # The completion projection: the row of the whole scope, and the outlooks without a date
    "queries.projection.total": ("全部（合计）", "All (total)"),
    "queries.projection.done": ("已全部完成", "All rectified"),
    "queries.projection.stalled": ("按当前进度无法完成", "Cannot finish at the current pace"),
    # Server-side orders of the ledger
    "queries.sort.code": ("问题编号", "Problem code"),
    "queries.sort.found": ("发现日期（最新在前）", "Date found (newest first)"),
    "queries.sort.deadline": ("整改时限（最早在前）", "Deadline (earliest first)"),
    "queries.sort.recovered": ("挽回损失（最多在前）", "Losses recovered (most first)"),
    "queries.sort.township": ("{term_township}", "{term_Township}"),
    # The lead funnel: stage labels and the unit after each count
    "queries.funnel.leads": ("移交问题线索", "Leads transferred"),
    "queries.funnel.cases": ("立案审查", "Cases opened"),
    "queries.funnel.case_people": ("涉及人员", "People involved"),
    "queries.funnel.people_sanctioned": ("给予党纪政务处分", "Party/government sanctions"),
    "queries.funnel_unit.leads": ("条", "leads"),
    "queries.funnel_unit.cases": ("件", "cases"),
    "queries.funnel_unit.case_people": ("人", "people"),
    "queries.funnel_unit.people_sanctioned": ("人", "people"),
    "queries.leads.no_receiver": ("（未填写）", "(not given)"),
    # The drill-down path's levels
    "queries.drill_level.root": ("全部地区", "All regions"),
    "queries.drill_level.city": ("市", "City"),
    "queries.drill_level.county": ("县区", "County/district"),
    "queries.drill_level.township": ("{term_township}", "{term_Township}"),
    "queries.drill_level.village": ("{term_village}", "{term_Village}"),
    "queries.drill_level.problem": ("问题", "Problem"),
    # A village comparison's row of the problems found at township level
    "queries.no_village": (
        "{term_township}本级（未到{term_village}）",
        "{term_Township} level (no {term_village})",
    ),
    # A problem without a category, and a category name the store cannot take
    "queries.category.uncategorised": ("未分类", "Uncategorised"),
    "queries.category.too_long": (
        "问题类别名称过长（最多{count}个字）：{name}…",
        "Category name too long (at most {count} characters): {name}…",
    ),
    # One problem's fields as text: a date found that the file did not give (the round's
    # feedback date stands in), a deadline with a kind beside its date
    "queries.problem.inferred": ("{day}（推定）", "{day} (inferred)"),
    "queries.problem.dated_kind": ("{kind}（{day}）", "{kind} ({day})"),
    # One problem's fields as text
    "queries.yes": ("是", "Yes"),
    "queries.no": ("否", "No"),
}
