"""Messages of the read functions (data_access/queries/): labels they put in result columns."""

MESSAGES: dict[str, tuple[str, str]] = {
    # A month in a label column ("2018年7月"), and rows without a month
    "queries.month": ("{year}年{month}月", "{year}-{month:02d}"),
    "queries.accountability.undated": ("尚未决定", "Not decided yet"),
    "queries.funds.not_rectified": ("尚未完成整改", "Not rectified yet"),
    # 四种形态 of a record without a form (e.g. a case still under investigation)
    "queries.form_pending": ("待定", "Pending"),
    # The ledger's status column of an overdue problem: "正在整改（已逾期）"
    "queries.status_overdue": ("{status}（{overdue}）", "{status} ({overdue})"),
    # Server-side orders of the ledger
    "queries.sort.code": ("问题编号", "Problem code"),
    "queries.sort.deadline": ("整改时限（最早在前）", "Deadline (earliest first)"),
    "queries.sort.recovered": ("挽回损失（最多在前）", "Losses recovered (most first)"),
    "queries.sort.township": ("乡镇", "Township"),
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
    "queries.drill_level.township": ("乡镇", "Township"),
    "queries.drill_level.village": ("村", "Village"),
    "queries.drill_level.problem": ("问题", "Problem"),
    # A village comparison's row of the problems found at township level
    "queries.no_village": ("乡镇本级（未到村）", "Township level (no village)"),
    # One problem's fields as text
    "queries.yes": ("是", "Yes"),
    "queries.no": ("否", "No"),
}
