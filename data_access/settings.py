"""Settings read from the environment each time they are asked for (never at import)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from i18n import normalise_language

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "dashboard.db"


@dataclass(frozen=True)
class Settings:
    """Runtime settings of the dashboard and its command line."""

    database_url: str
    upload_max_mb: int
    sqlite_busy_timeout_ms: int
    live_poll_seconds: float = 5.0  # how often an open page checks the data version
    # UI and command-line language when none is chosen; the variable is DASHBOARD_LANG
    default_language: str = field(default="zh", metadata={"env": "DASHBOARD_LANG"})


def default_database_url() -> str:
    """The embedded SQLite file under ./data/ of the project."""
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def get_settings() -> Settings:
    """Read the settings from the environment now."""
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or default_database_url(),
        upload_max_mb=int(os.environ.get("UPLOAD_MAX_MB", "20")),
        sqlite_busy_timeout_ms=int(os.environ.get("SQLITE_BUSY_TIMEOUT_MS", "15000")),
        live_poll_seconds=float(os.environ.get("LIVE_POLL_SECONDS") or "5"),
        default_language=normalise_language(os.environ.get("DASHBOARD_LANG") or "zh"),
    )
