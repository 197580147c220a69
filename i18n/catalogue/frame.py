"""Messages of the frame around every page (dashboard.py and its components)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "frame.language": ("语言 / Language", "语言 / Language"),
    "frame.app_title": ("巡察整改看板", "Inspection rectification dashboard"),
    "frame.sidebar_caption": (
        "巡察整改看板 · 脱贫攻坚专项巡察",
        "Inspection dashboard · poverty-alleviation special inspection",
    ),
}
