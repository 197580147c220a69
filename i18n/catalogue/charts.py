"""Messages of the chart builders (charts/): titles, subtitles, axis, legend and tooltip titles."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Shared field names (axis, legend and tooltip titles)
    "charts.township": ("{term_township}", "{term_Township}"),
    "charts.focus_area": ("巡察重点", "Focus area"),
    "charts.status": ("整改状态", "Status"),
    "charts.problems": ("问题数", "Problems"),
    "charts.problems_axis": ("问题数（个）", "Problems"),
    "charts.problems_involved": ("涉及问题（个）", "Problems involved"),
    "charts.people": ("人数", "People"),
    "charts.people_axis": ("人数（人）", "People"),
    "charts.category": ("处理方式", "Measure"),
    "charts.forms": ("四种形态", "“Four forms”"),
    "charts.form": ("形态", "Form"),
    "charts.no_form": ("未定形态", "No form yet"),
    "charts.month": ("月份", "Month"),
    "charts.completion_rate": ("完成率", "Completion rate"),
    "charts.rectified": ("整改完成", "Rectified"),
    "charts.rectified_cumulative": ("累计完成", "Rectified so far"),
    "charts.week_start": ("周起始日", "Week starting"),
    "charts.recovered_yuan": ("挽回损失（元）", "Losses recovered (yuan)"),
    "charts.recovered_wan": ("挽回损失（万元）", "Losses recovered (¥10k)"),
    "charts.outcome": ("办理结果", "Outcome"),
    "charts.round": ("巡察轮次", "Inspection round"),
    # A Vega time format of a day without its year; the separator of a list in a subtitle.
    "charts.date_format": ("%Y-%m-%d", "%Y-%m-%d"),  # the one date format (formatting.py)
    "charts.list_separator": ("、", ", "),
    # 问责情况
    "charts.accountability.township.title": (
        "各{term_township}问责追责人数",
        "People held accountable by {term_township}",
    ),
    "charts.accountability.township.subtitle": (
        "按处理方式统计；点击{term_township}筛选",
        "By measure; click a {term_township} to filter",
    ),
    "charts.accountability.month_axis": ("决定月份", "Month of decision"),
    "charts.accountability.monthly.title": ("问责追责按月分布", "People held accountable by month"),
    "charts.accountability.monthly.subtitle": (
        "按决定日期所在月份统计，颜色为“四种形态”",
        "By the month of the decision; colour shows the “four forms”",
    ),
    # 资金挽损
    "charts.funds.township.title": (
        "各{term_township}挽回损失",
        "Losses recovered by {term_township}",
    ),
    "charts.funds.township.subtitle": (
        "单位：万元；点击{term_township}筛选",
        "In ¥10k; click a {term_township} to filter",
    ),
    "charts.funds.sub_category": ("问题子类", "Sub-category"),
    "charts.funds.sub_category.title": ("各类问题挽回损失", "Losses recovered by sub-category"),
    "charts.funds.sub_category.subtitle": (
        "单位：万元；点击子类筛选",
        "In ¥10k; click a sub-category to filter",
    ),
    "charts.funds.month_axis": ("挽回月份", "Month recovered"),
    "charts.funds.month.title": ("按月挽回损失", "Losses recovered by month"),
    "charts.funds.month.subtitle": (
        "柱为当月挽回，虚线为累计；单位：万元",
        "Bars: recovered in the month; dashed line: so far; in ¥10k",
    ),
    "charts.funds.cumulative_wan": ("累计挽回（万元）", "Recovered so far (¥10k)"),
    "charts.funds.rules": ("完善制度（项）", "Rules improved"),
    "charts.funds.rules.title": ("各{term_township}完善制度", "Rules improved by {term_township}"),
    "charts.funds.rules.subtitle": (
        "按巡察重点分色；点击{term_township}筛选",
        "Coloured by focus area; click a {term_township} to filter",
    ),
    # 线索移交
    "charts.leads.count": ("数量", "Count"),
    "charts.leads.stage": ("环节", "Stage"),
    "charts.leads.funnel.title": ("线索处置漏斗", "From leads to sanctions"),
    "charts.leads.funnel.subtitle": (
        "移交线索 → 立案审查 → 涉及人员 → 给予处分",
        "Leads transferred → cases opened → people involved → sanctions",
    ),
    "charts.leads.leads": ("线索（条）", "Leads"),
    "charts.leads.township.title": (
        "各{term_township}移交线索及办理结果",
        "Leads transferred and their outcomes by {term_township}",
    ),
    "charts.leads.township.subtitle": (
        "点击{term_township}筛选",
        "Click a {term_township} to filter",
    ),
    "charts.leads.receiver": ("移交单位", "Receiving body"),
    "charts.leads.receiver.title": (
        "线索办理结果（按移交单位）",
        "Lead outcomes by receiving body",
    ),
    "charts.leads.receiver.subtitle": ("颜色为办理结果", "Colour shows the outcome"),
    # 会议模式
    "charts.meeting.lowest_rate_first": ("按完成率从低到高排列", "Lowest completion rate first"),
    "charts.meeting.most_overdue_first": (
        "超过整改时限仍未完成的问题，按数量从多到少排列",
        "Problems past their deadline and not rectified, most first",
    ),
    # 总览
    "charts.overview.township.title": (
        "各{term_township}整改完成情况",
        "Rectification by {term_township}",
    ),
    "charts.overview.township.subtitle": (
        "按完成率排序；条末数字为完成率（只计“已完成”）",
        "Sorted by completion rate (rectified only), shown after each bar",
    ),
    "charts.overview.area.title": ("各巡察重点问题整改情况", "Rectification by focus area"),
    "charts.overview.area.subtitle": (
        "条末数字为完成率",
        "Completion rate after each bar",
    ),
    "charts.overview.accountability.title": ("问责追责情况", "Accountability"),
    "charts.overview.accountability.subtitle": (
        "按处理方式统计人数，颜色为“四种形态”",
        "People by measure; colour shows the “four forms”",
    ),
    "charts.overview.weekly.title": (
        "整改进度周报（一周一汇总）",
        "Weekly rectification progress (one summary a week)",
    ),
    "charts.overview.weekly.subtitle": (
        "柱：当周整改完成数；线：截至当周的累计完成率",
        "Bars: problems rectified in the week; line: completion rate so far",
    ),
    "charts.overview.week_axis": ("周（周一起）", "Week (from Monday)"),
    "charts.overview.in_week": ("本周完成", "Rectified this week"),
    "charts.overview.in_week_axis": ("本周整改完成（个）", "Rectified in the week"),
    "charts.overview.open": ("未完成", "Not rectified"),
    "charts.overview.recovered_in_week": ("本周挽回（万元）", "Recovered this week (¥10k)"),
    "charts.overview.recovered_cumulative": ("累计挽回（万元）", "Recovered so far (¥10k)"),
    "charts.overview.rules_in_week": ("本周完善制度（项）", "Rules improved this week"),
    "charts.overview.cumulative_rate": ("累计完成率", "Completion rate so far"),
    # 问题清单
    "charts.problems.matrix.title": ("各巡察重点 × 整改状态", "Focus area × status"),
    "charts.problems.matrix.subtitle": (
        "“已逾期”为超过整改时限仍未完成的问题（也计入其所在状态）；点击单元格按状态筛选",
        "“Overdue”: past the deadline and not rectified (also counted in its status);"
        " click a cell to filter by status",
    ),
    # 轮次对比
    "charts.rounds.rate_axis": ("整改完成率", "Completion rate"),
    "charts.rounds.title": (
        "各{term_township}整改完成率：本轮与上一轮",
        "Completion rate by {term_township}: this round and the previous one",
    ),
    "charts.rounds.compared": ("对比：{rounds}", "Compared: {rounds}"),
    # 整改状态分布
    "charts.status.title": ("整改状态分布", "Problems by status"),
    "charts.status.subtitle": (
        "已逾期：过了整改时限仍未完成（也计入所在状态）",
        "Overdue: past deadline, not rectified (also in its status)",
    ),
    # One problem's status history
    "charts.timeline.title": ("整改状态变化", "Status history"),
    "charts.timeline.subtitle": (
        "每个点为一次状态变更；虚线为整改时限",
        "Each point is a change of status; the dashed line is the deadline",
    ),
    "charts.timeline.deadline": ("整改时限", "Deadline"),
    "charts.timeline.as_of": ("截至日期", "As of"),
    "charts.timeline.marker": ("标记", "Marker"),
    "charts.timeline.date": ("日期", "Date"),
    "charts.timeline.note": ("说明", "Note"),
    # 乡镇对比: region levels, the figures a ranking sorts by, titles
    "charts.level.city": ("市", "City"),
    "charts.level.county": ("县区", "County/district"),
    "charts.level.township": ("{term_township}", "{term_Township}"),
    "charts.level.village": ("{term_village}", "{term_Village}"),
    "charts.metric.problems_total": ("问题数（个）", "Problems"),
    "charts.metric.completion_rate": ("完成率", "Completion rate"),
    "charts.metric.overdue": ("逾期问题（个）", "Overdue problems"),
    "charts.metric.recovered_wan": ("挽回损失（万元）", "Losses recovered (¥10k)"),
    "charts.metric.accountable_people": ("问责人数（人）", "People held accountable"),
    "charts.metric_name.problems_total": ("问题数", "Problems"),
    "charts.metric_name.completion_rate": ("完成率", "Completion rate"),
    "charts.metric_name.overdue": ("逾期问题", "Overdue problems"),
    "charts.metric_name.recovered_wan": ("挽回损失", "Losses recovered"),
    "charts.metric_name.accountable_people": ("问责人数", "People held accountable"),
    "charts.ranking.title.city": ("各市{metric}排名", "{metric} by city"),
    "charts.ranking.title.county": ("各县区{metric}排名", "{metric} by county/district"),
    "charts.ranking.title.township": (
        "各{term_township}{metric}排名",
        "{metric} by {term_township}",
    ),
    "charts.ranking.title.village": ("各{term_village}{metric}排名", "{metric} by {term_village}"),
    "charts.ranking.subtitle": ("点击条形进入下一级", "Click a bar to go one level down"),
    "charts.townships.overdue": ("逾期", "Overdue"),
    "charts.townships.people": ("问责人数", "People held accountable"),
    "charts.townships.leads": ("移交线索", "Leads transferred"),
    "charts.townships.weekly.title": (
        "各{term_township}整改进度（周）",
        "Weekly progress by {term_township}",
    ),
    "charts.townships.weekly.subtitle": (
        "每个小图为一个{term_township}截至各周的累计完成率；点击小图进入该{term_township}",
        "Each panel: a {term_township}'s completion rate week by week; click a panel to open it",
    ),
    # 红黄绿: problems not rectified per township by overdue level
    "charts.deadlines.title": (
        "各{term_township}逾期预警（红黄绿）",
        "Overdue warning by {term_township} (red, amber, green)",
    ),
    "charts.deadlines.subtitle": (
        "未完成的问题：逾期、{days} 天内到期（临期）、正常",
        "Problems not rectified: overdue, due within {days} days, on track",
    ),
    "charts.deadlines.level": ("预警", "Warning"),
    "charts.deadlines.axis": ("未完成问题（个）", "Problems not rectified"),
}
