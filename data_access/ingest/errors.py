"""What the read side reports: row-level errors and whole-file refusals (all in Chinese)."""

from __future__ import annotations

from dataclasses import dataclass

FILE_ROW = 0  # RowError.row for problems of the whole file or a whole sheet


@dataclass(frozen=True)
class RowError:
    """One bad cell or row, located as the user sees it in Excel."""

    sheet: str  # sheet name as in the file ("" when the problem is the file itself)
    row: int  # Excel row number (1-based, as shown by Excel); 0 for whole-file problems
    column: str  # header as written in the file, "" if none
    value: str  # the offending value as text, "" if none
    reason: str  # Chinese, short, for a non-programmer

    def describe(self) -> str:
        """One readable line: 工作表「整改台账」第 5 行「乡镇」：reason。"""
        where = f"工作表「{self.sheet}」" if self.sheet else "文件"
        if self.row:
            where += f"第 {self.row} 行"
        if self.column:
            where += f"「{self.column}」"
        return f"{where}：{self.reason}"


class FileRejectedError(Exception):
    """The whole file is refused before any parsing (size, zip bomb, xlsm, encrypted, ...)."""

    def __init__(self, message: str) -> None:
        """Keep the Chinese message both as str(error) and as .message."""
        super().__init__(message)
        self.message = message
