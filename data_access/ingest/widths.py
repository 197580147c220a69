"""Full-width digits, Latin letters and spaces as half-width: one text, or many in one pass."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, pairwise

import numpy as np

# Full-width digits, Latin letters and the ideographic space become half-width; Chinese
# punctuation (，。：（）) stays as written in free text.
HALFWIDTH = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
    0x3000: 0x20,
    0x00A0: 0x20,
}
_TABLE_SIZE = max(HALFWIDTH) + 1  # every mapped character is below this code
_TABLE = np.arange(_TABLE_SIZE, dtype=np.uint32)  # code -> its half-width code
_TABLE[list(HALFWIDTH)] = list(HALFWIDTH.values())
_UTF32 = "utf-32-le"
_SURROGATES = "surrogatepass"  # a lone surrogate (from a CSV) goes through unchanged


def halfwidth(text: str) -> str:
    """Full-width digits, letters and spaces as half-width; other characters unchanged."""
    return text.translate(HALFWIDTH)


def halfwidth_many(texts: Sequence[str]) -> list[str]:
    """[halfwidth(text) for text in texts], every character mapped in one numpy pass.

    str.translate looks each non-ASCII character up in a dict, which is slow for a long
    column of distinct Chinese descriptions (docs/performance.md). A mapping keeps lengths,
    so the joined result is cut back at the same offsets.
    """
    joined = "".join(texts)
    codes = np.frombuffer(joined.encode(_UTF32, _SURROGATES), dtype="<u4")
    mapped_codes = np.where(codes < _TABLE_SIZE, _TABLE[np.minimum(codes, _TABLE_SIZE - 1)], codes)
    if np.array_equal(mapped_codes, codes):
        return list(texts)
    mapped = mapped_codes.tobytes().decode(_UTF32, _SURROGATES)
    offsets = accumulate((len(text) for text in texts), initial=0)
    return [mapped[start:end] for start, end in pairwise(offsets)]
