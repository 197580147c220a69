"""Messages of 往期简报 (the briefing archive, components.briefing_archive)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "archive.title": ("往期简报", "Past briefings"),
    "archive.caption": (
        "每个上传日一份：简报按那天结束时的台账生成（即截至日期为那天，由状态变更记录还原；"
        "之后补报的、日期更早的整改也计入）。筛选条件与当前页面相同；撤销的上传不列出。",
        "One per upload day: the briefing describes the ledger at the end of that day (as of "
        "that day, replayed from the status history; a rectification reported later with an "
        "earlier date counts too). Filters as on this page; undone uploads are not listed.",
    ),
    "archive.entry": ("{day}　{files}", "{day}  {files}"),
    "archive.more_files": ("{files} 等 {count} 个文件", "{files} and others ({count} files)"),
    "archive.other_entry": ("{day}　所选日期", "{day}  the day picked"),
    "archive.titled": ("{title}（截至 {day}）", "{title} (as of {day})"),
    "archive.none": (
        "还没有提交的上传；可在下面选择任意一天。",
        "No upload committed yet; pick any day below.",
    ),
    "archive.older": (
        "另有 {count} 个更早的上传日，请在下面选择日期。",
        "{count} earlier upload days: pick the day below.",
    ),
    "archive.other_day": ("其他日期", "Another day"),
    "archive.compare": ("并排对比两天的主要指标", "Two days' key figures side by side"),
    "archive.compare_needs_two": (
        "需要两个日期：在上面另选一天。",
        "Two days are needed: pick another day above.",
    ),
    "archive.compare_first": ("较早", "Earlier"),
    "archive.compare_second": ("较晚", "Later"),
    "archive.figure": ("指标", "Figure"),
    "archive.picker": ("往期简报（按上传日）", "Past briefing (by upload day)"),
    "archive.picker_placeholder": ("选择上传日", "Choose an upload day"),
}
