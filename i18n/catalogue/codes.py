"""Labels of the domain codes (data_access/codes.py reads them through LabelMap)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # 巡察重点 focus areas
    "code.focus_area.main_responsibility": ("扶贫工作主体责任落实", "Primary responsibility"),
    "code.focus_area.supervision_responsibility": (
        "扶贫工作监督责任落实",
        "Supervisory responsibility",
    ),
    "code.focus_area.task_progress": ("扶贫工作任务推进", "Task progress"),
    "code.focus_area.funds_projects": ("扶贫资金项目落实", "Funds and projects"),
    "code.focus_area.work_style": ("扶贫领域“四风”", "Work style (“four winds”)"),
    # 整改状态 statuses, and the derived overdue
    "code.status.not_started": ("未启动", "Not started"),
    "code.status.in_progress": ("正在整改", "In progress"),
    "code.status.long_term": ("长期坚持", "Long-term"),
    "code.status.basically_done": ("基本完成", "Basically done"),
    "code.status.rectified": ("已完成", "Rectified"),
    "code.status.overdue": ("已逾期", "Overdue"),
    # 红黄绿 early warning of a problem not rectified
    "code.warning.overdue": ("逾期", "Overdue"),
    "code.warning.due_soon": ("临期", "Due soon"),
    "code.warning.on_track": ("正常", "On track"),
    # 整改时限 that are not dates
    "code.deadline_kind.immediate": ("立行立改", "Immediately"),
    "code.deadline_kind.long_term": ("长期坚持", "Long-term"),
    # 问题来源 sources
    "code.source.inspection_feedback": ("巡察反馈", "Inspection feedback"),
    "code.source.immediate_fix": ("立行立改", "Fixed on the spot"),
    "code.source.transferred_lead": ("移交线索", "Transferred lead"),
    # 问责处理方式 accountability categories
    "code.category.disciplinary_sanction": ("党政纪处分", "Party/government sanction"),
    "code.category.admonishment": ("诫勉谈话", "Admonishment talk"),
    "code.category.warning_talk": ("警示谈话", "Warning talk"),
    "code.category.reminder_talk": ("提醒谈话", "Reminder talk"),
    "code.category.criticism_education": ("批评教育", "Criticism and education"),
    "code.category.public_criticism": ("通报批评", "Public criticism"),
    "code.category.formal_interview": ("约谈", "Formal interview"),
    "code.category.under_investigation": ("正在立案审查", "Under investigation"),
    "code.category.written_self_criticism": ("书面检查", "Written self-criticism"),
    "code.category.org_measure": ("组织处理", "Organisational measure"),
    # 四种形态 the four forms
    "code.form.1": ("第一种形态", "Form 1"),
    "code.form.2": ("第二种形态", "Form 2"),
    "code.form.3": ("第三种形态", "Form 3"),
    "code.form.4": ("第四种形态", "Form 4"),
    # 线索办理结果 lead outcomes
    "code.outcome.pending": ("办理中", "Pending"),
    "code.outcome.case_opened": ("已立案", "Case opened"),
    "code.outcome.closed_no_case": ("已了结(未立案)", "Closed (no case)"),
    # 巡察级别 round levels
    "code.level.city": ("市委巡察", "City inspection"),
    "code.level.county": ("县委巡察", "County inspection"),
    "code.level.district": ("区委巡察", "District inspection"),
    # 角色 roles
    "code.role.viewer": ("查看", "Viewer"),
    "code.role.uploader": ("录入", "Uploader"),
    "code.role.admin": ("管理员", "Admin"),
}
