"""CSV text as offices save it: its encoding (UTF-8, GBK/GB18030, UTF-16) and its separator.

What the bytes prove is decided without guessing: a byte-order mark names its encoding, and
text that is valid UTF-8 is UTF-8. The rest goes to charset-normalizer, asked only about the
encodings that fit (UTF-16 when the text holds NUL bytes, GB18030 otherwise): it refuses
bytes that are no text, where decoding by trial would accept mojibake.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from charset_normalizer import from_bytes

from data_access.codes import LabelMap
from data_access.ingest.errors import FileRejectedError
from i18n import t

ENCODING_LABELS = LabelMap(
    "encoding",
    ("utf-8-sig", "utf-8", "gb18030", "utf-16", "utf-16-le", "utf-16-be"),
    area="ingest",
)
SEPARATORS = {",": "comma", "\t": "tab", ";": "semicolon"}  # separator -> its label's code
SEPARATOR_LABELS = LabelMap("separator", tuple(SEPARATORS.values()), area="ingest")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The detector's names of the encodings it may choose, as ENCODING_LABELS spells them.
DETECTED = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "gb18030": "gb18030"}
SAMPLE_BYTES = 1 << 20  # the detector reads this much; the whole file is then decoded strictly
SEPARATOR_SCAN_LINES = 15


@dataclass(frozen=True)
class CsvTable:
    """The rows of a CSV file (rectangular) and how its text was read."""

    rows: list[list[object]]
    encoding: str  # a key of ENCODING_LABELS
    separator: str  # a key of SEPARATORS

    def notice(self) -> str:
        """The sentence telling the user which encoding and separator were used."""
        return t(
            "ingest.notice.csv_format",
            encoding=ENCODING_LABELS[self.encoding],
            separator=SEPARATOR_LABELS[SEPARATORS[self.separator]],
        )


def looks_like_utf16(head: bytes) -> bool:
    """True when every NUL byte of head sits on the same parity: text in UTF-16 without a BOM."""
    positions = {index % 2 for index, byte in enumerate(head) if byte == 0}
    return len(positions) == 1


def decode_csv(data: bytes) -> tuple[str, str]:
    """The CSV text and its encoding (a key of ENCODING_LABELS), or FileRejectedError."""
    encoding = _bom_encoding(data) or _plain_encoding(data)
    try:
        text = data.decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        raise FileRejectedError(t("ingest.file.encoding")) from exc
    return text.removeprefix("\ufeff"), encoding


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark names (utf-16 reads the mark's byte order)."""
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def _plain_encoding(data: bytes) -> str:
    """The encoding of text without a BOM: UTF-8 if valid, else what the detector finds."""
    sample = _sample(data)
    has_nul = b"\x00" in sample
    if not has_nul:
        try:
            data.decode("utf-8", errors="strict")
            return "utf-8"
        except UnicodeDecodeError:
            pass
    candidates = ["utf_16_le", "utf_16_be"] if has_nul else ["gb18030"]
    best = from_bytes(sample, cp_isolation=candidates).best()
    if best is None or best.encoding not in DETECTED:
        raise FileRejectedError(t("ingest.file.encoding"))
    return DETECTED[best.encoding]


def _sample(data: bytes) -> bytes:
    """At most SAMPLE_BYTES from the start, cut where no character can be split."""
    if len(data) <= SAMPLE_BYTES:
        return data
    if b"\x00" in data[:4096]:
        return data[:SAMPLE_BYTES]  # UTF-16: an even length ends between two characters
    # In GB18030 and UTF-8 a newline byte is never part of a longer character.
    return data[: data.rfind(b"\n", 0, SAMPLE_BYTES) + 1] or data[:SAMPLE_BYTES]


def read_csv(data: bytes) -> CsvTable:
    """The rows of a CSV (comma, tab or semicolon separated, as detected), made rectangular."""
    text, encoding = decode_csv(data)
    separator = csv_delimiter(text)
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    width = max((len(row) for row in rows), default=0)
    return CsvTable([[*row, *[""] * (width - len(row))] for row in rows], encoding, separator)


def csv_delimiter(text: str) -> str:
    """The separator used most in the first lines (comma on a tie): predictable, unlike sniffing."""
    head = "\n".join(text.splitlines()[:SEPARATOR_SCAN_LINES])
    return max(SEPARATORS, key=head.count)
