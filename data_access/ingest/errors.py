"""What the read side reports: row-level errors and whole-file refusals (in the UI language)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from i18n import t

FILE_ROW = 0  # RowError.row for problems of the whole file or a whole sheet


def joined(items: Iterable[object]) -> str:
    """Items as one list in the current language (甲、乙 / a, b)."""
    return t("ingest.list_separator").join(map(str, items))


@dataclass(frozen=True)
class RowError:
    """One bad cell or row, located as the user sees it in Excel."""

    sheet: str  # sheet name as in the file ("" when the problem is the file itself)
    row: int  # Excel row number (1-based, as shown by Excel); 0 for whole-file problems
    column: str  # header as written in the file, "" if none
    value: str  # the offending value as text, "" if none
    reason: str  # short, for a non-programmer; rendered when the error is found (same run)

    def describe(self) -> str:
        """One readable line: 工作表「整改台账」第 5 行「乡镇」：reason。"""
        where = t("ingest.where.sheet", sheet=self.sheet) if self.sheet else t("ingest.where.file")
        if self.row:
            where += t("ingest.where.row", row=self.row)
        if self.column:
            where += t("ingest.where.column", column=self.column)
        return t("ingest.where.line", where=where, reason=self.reason)


class FileRejectedError(Exception):
    """The whole file is refused before any parsing (size, zip bomb, xlsm, encrypted, ...)."""

    def __init__(self, message: str) -> None:
        """Keep the message (already in the UI language) both as str(error) and as .message."""
        super().__init__(message)
        self.message = message
