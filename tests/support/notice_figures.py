"""Read the figures back out of a Chinese 通报稿 (the tests' independent parser of the text)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from data_access.codes import PERSON_CATEGORIES

WORDS = "一两三四五六七八九十"
# Full-width and half-width punctuation, and spaces, folded to one form.
PUNCTUATION = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "。": "."})
PATTERNS = {
    "problems_rectified": r"整改完成(\d+)个问题",
    "rules_improved": r"完善制度(\d+)项",
    "accountable_people": r"问责追责(\d+)人",
    "leads_transferred": r"移交问题线索(\d+)条",
    "people_sanctioned": r"给予党政纪处分(\d+)人",
}


def normalised(text: str) -> str:
    """text with punctuation in one form (NFKC, full-width marks as ASCII) and no spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(PUNCTUATION)
    return re.sub(r"\s+", "", folded)


def _number(pattern: str, text: str) -> int:
    """The first group of pattern as an int (0 when the paragraph leaves the figure out)."""
    found = re.search(pattern, text)
    return int(found.group(1)) if found else 0


def paragraph_figures(text: str) -> dict:
    """The summary JSON's figures as the paragraph states them (rate as its text)."""
    text = normalised(text)
    figures = {key: _number(pattern, text) for key, pattern in PATTERNS.items()}
    money = re.search(r"挽回损失([\d,.]+)万元", text)
    figures["recovered_yuan"] = (
        int(Decimal(money.group(1).replace(",", "")) * 10_000) if money else 0
    )
    rate = re.search(r"完成率([\d.]+%)", text)
    figures["completion_rate"] = rate.group(1) if rate else None
    breakdown = re.search(r"问责追责\d+人\(其中:([^)]*)\)", text)
    listed = breakdown.group(1) if breakdown else ""
    figures["accountable_by_category"] = {
        code: _number(f"(?:^|、){label}(\\d+)人", listed)
        for code, label in PERSON_CATEGORIES.in_language("zh").items()
    }
    orgs = re.search(f"另有([{WORDS}]|\\d+)个(?:村级)?党组织书面检查", text)
    count = orgs.group(1) if orgs else "0"
    figures["written_self_criticism_orgs"] = (
        WORDS.index(count) + 1 if count in WORDS else int(count)
    )
    cases = re.search(r"立案审查(\d+)件涉及(\d+)人", text)
    figures["cases_opened"], figures["case_people"] = (
        (int(cases.group(1)), int(cases.group(2))) if cases else (0, 0)
    )
    return figures


def numbers_in_order(text: str) -> list[str]:
    """Every figure of the text, numerals in words included, in reading order."""
    return re.findall(f"[\\d.,]*\\d|[{WORDS}](?=个)", normalised(text))
