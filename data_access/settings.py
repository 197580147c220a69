"""Settings read from the environment each time they are asked for (never at import)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from i18n import normalise_language

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "dashboard.db"
CHANGE_SINCE_CHOICES = ("week", "upload")  # the first is the default


@dataclass(frozen=True)
class Settings:
    """Runtime settings of the dashboard and its command line."""

    database_url: str
    upload_max_mb: int
    sqlite_busy_timeout_ms: int
    live_poll_seconds: float = 5.0  # how often an open page checks the data version
    # UI and command-line language when none is chosen; the variable is DASHBOARD_LANG
    default_language: str = field(default="zh", metadata={"env": "DASHBOARD_LANG"})
    # The header a reverse proxy puts the client's address in (e.g. X-Forwarded-For); empty:
    # the connection's own address. Set it only behind a proxy that overwrites the header.
    client_address_header: str = ""
    # A password sign-in ends after this long without a click, and this long after it began.
    session_idle_hours: float = 8.0
    session_lifetime_days: float = 7.0
    # The office's clock: every time shown, exported or briefed is in this zone (IANA name).
    office_timezone: str = "Asia/Shanghai"
    # An open problem whose dated deadline falls within this many days is 临期 (due soon).
    due_soon_days: int = 14
    # What a KPI card's change counts from: "week" (7 days before) or "upload" (the day of
    # the previous committed ledger upload); data_access/queries/changes.py.
    change_since: str = "week"


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
        client_address_header=os.environ.get("CLIENT_ADDRESS_HEADER", "").strip(),
        session_idle_hours=float(os.environ.get("SESSION_IDLE_HOURS") or "8"),
        session_lifetime_days=float(os.environ.get("SESSION_LIFETIME_DAYS") or "7"),
        office_timezone=os.environ.get("OFFICE_TIMEZONE") or "Asia/Shanghai",
        due_soon_days=max(0, int(os.environ.get("DUE_SOON_DAYS") or "14")),
        change_since=_change_since(os.environ.get("CHANGE_SINCE") or ""),
    )


def _change_since(raw: str) -> str:
    """CHANGE_SINCE as "week" or "upload"; anything else (or unset) is "week"."""
    value = raw.strip().lower()
    return value if value in CHANGE_SINCE_CHOICES else CHANGE_SINCE_CHOICES[0]


def office_zone() -> ZoneInfo:
    """The office's time zone (OFFICE_TIMEZONE); an unknown name raises ZoneInfoNotFoundError."""
    return ZoneInfo(get_settings().office_timezone)
