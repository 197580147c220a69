"""The formula-injection escape of text cells, written by the export and undone on import.

A spreadsheet may take text starting with = + - @ tab or CR for a formula; the export puts
an apostrophe in front of such text (the usual escape) and the import takes it off again,
so an exported workbook reads back exactly as stored.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def escape_text(text: str) -> str:
    """text safe to open in a spreadsheet: a leading apostrophe before formula triggers."""
    return ESCAPE + text if text.startswith(FORMULA_TRIGGERS) else text


def unescape_text(text: str) -> str:
    """escape_text undone: the apostrophe goes only where escape_text would have put it."""
    if text.startswith(ESCAPE) and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text
