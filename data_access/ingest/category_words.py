"""How a ledger writes a category: numbering, suffixes and the demo's short names, folded away."""
# i18n-data-file: input vocabulary, the numbering and suffixes real ledgers put on categories

from __future__ import annotations

import re
import unicodedata

from data_access.ingest.synonyms import CODE_SYNONYMS, fold_key

_NUMERALS = "一二三四五六七八九十百零〇"
# Numbering in front of a category: 一、 （二） (3) 2. 4、 第五、 ①; repeated ("一、（一）").
_NUMBERING = re.compile(
    rf"^(?:第?[{_NUMERALS}]+\s*[、.．,，:：]"
    rf"|[(（]\s*(?:[{_NUMERALS}]+|\d+)\s*[)）]\s*[、.．]?"
    r"|\d+(?:\.\d+)*\s*[、.．)）:：]"
    r"|[①-⑳])\s*"
)
_TRAILING = re.compile(r"[\s:：;；,，。.、]+$")
# Words a category may end with or not, the same category either way (党建方面 = 党建方面问题).
SUFFIXES = ("问题", "方面", "的")
SYNONYMS: dict[str, str] = {
    word: str(code) for word, code in CODE_SYNONYMS["focus_area"].items()
}  # the demo's short names of its five areas (主体责任 → main_responsibility)


def category_name(text: str) -> str:
    """A category as the round will store it: without its numbering and trailing punctuation."""
    clean = text.strip()
    while True:
        stripped = _NUMBERING.sub("", clean, count=1)
        if stripped == clean or not stripped:
            break
        clean = stripped
    return _TRAILING.sub("", clean) or text.strip()


def category_key(text: str) -> str:
    """A category folded for matching: no numbering, NFKC, lower case, no 方面/问题 ending."""
    key = fold_key(unicodedata.normalize("NFKC", category_name(text)))
    while True:
        for suffix in SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                break
        else:
            return key
