"""会议模式 (meeting mode) data: saved drill paths (paths.py), what each view shows (views.py)."""
