"""Messages of the download buttons under tables and charts, of the briefing buttons, and
of the files they hand out (the header block of CSV/XLSX tables, the missing-font error)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "download.masked_note": ("姓名已按权限脱敏。", "Names are masked as the role requires."),
    "download.as_of": ("数据截至：{as_of}", "Data as of: {as_of}"),
    "download.as_of_today": ("{day}（当前数据）", "{day} (current data)"),
    "download.filter_item": ("{name}：{values}", "{name}: {values}"),
    "download.list_separator": ("、", ", "),
    "download.audit_detail": ("{title}；筛选：{params}", "{title}; filter: {params}"),
    "download.no_filter": ("全部", "all"),
    "download.csv": ("导出 CSV", "Export CSV"),
    "download.xlsx": ("导出 Excel", "Export Excel"),
    "download.png": ("PNG 图片", "PNG image"),
    "download.svg": ("SVG 矢量图", "SVG vector image"),
    "download.save_image": ("保存图片", "Save image"),
    "download.briefing_pdf": ("导出简报（PDF）", "Export briefing (PDF)"),
    "download.briefing_docx": ("导出简报（Word）", "Export briefing (Word)"),
    # The header block above an exported table (data_access.exports.tables), also used
    # by the briefing and chart captions.
    "download.filter_line": ("筛选条件：{filters}", "Filters: {filters}"),
    "download.unfiltered": ("全部（未筛选）", "All (no filter)"),
    "download.semicolon": ("；", "; "),  # between filters, between figures
    "download.exported_at": ("导出时间：{time}", "Exported: {time}"),
    "download.sheet_name": ("导出", "Export"),
    "download.about_sheet": ("说明", "About"),
    "download.unfiltered_short": ("全部", "all"),
    "download.font_missing": (
        "未找到可用的中文字体，无法生成简报或图表图片。请在服务器上安装中文字体"
        "（Debian/Ubuntu：apt-get install fonts-wqy-microhei），然后重试。",
        "No Chinese font was found, so briefings and chart images cannot be made. Install a "
        "Chinese font on the server (Debian/Ubuntu: apt-get install fonts-wqy-microhei), then "
        "try again.",
    ),
}
