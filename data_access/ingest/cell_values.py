"""A cell that could not be read (Invalid), and cells as the user sees them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from data_access.ingest.synonyms import BLANK_WORDS, fold_key

# C0 and C1 control characters (NUL, backspace, escape, DEL …): no ledger text holds them, and
# PostgreSQL refuses NUL in text. Tab, line feed and carriage return are ordinary in cells.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Invalid:
    """A cell that could not be read: the text as written and why (in the UI language)."""

    raw: str
    reason: str


def is_invalid(value: object) -> bool:
    """True for an Invalid marker."""
    return isinstance(value, Invalid)


def raw_text(value: object) -> str:
    """A cell as the user sees it (1.0 -> "1", dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, Invalid):
        return value.raw
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def shown(text: str) -> str:
    """text with each control character as a visible code (NUL as \\x00), for messages."""
    return CONTROL.sub(lambda found: f"\\x{ord(found[0]):02x}", text)


def is_blank(text: str) -> bool:
    """True for cells that mean "nothing" (无, /, -)."""
    return fold_key(text) in BLANK_WORDS
