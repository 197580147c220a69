"""Checks an upload must pass before any parsing: size, real type by magic bytes, zip sanity.

Everything here reads only the zip central directory and small, capped slices of parts, so
a zip bomb or an entity-expansion workbook is refused in milliseconds without inflating it.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

import defusedxml  # noqa: F401  (installed on purpose: openpyxl parses XML through it)

from data_access.ingest.errors import FileRejectedError
from data_access.settings import get_settings
from i18n import t

FileKind = Literal["xlsx", "csv"]

MAX_ENTRIES = 2_000
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100  # per entry, checked for entries above RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
XML_HEAD_BYTES = 64 * 1024  # the prolog (where a DOCTYPE must sit) has to fit in here
CONTENT_TYPES_MAX = 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# Leading bytes of common non-spreadsheet files (executables, documents, images, archives).
FOREIGN_MAGICS = (
    b"MZ",
    b"\x7fELF",
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x1f\x8b",
    b"BM",
    b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe",
    b"{\\rtf",
)
_MARKUP_START = re.compile(rb"^\s*<(\?xml|!doctype|html)", re.IGNORECASE)
_DANGEROUS_XML = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)
_ROOT_TAG = re.compile(rb"<[A-Za-z_]")


def default_max_bytes() -> int:
    """The configured upload limit (UPLOAD_MAX_MB) in bytes."""
    return get_settings().upload_max_mb * 1024 * 1024


def check_upload(data: bytes, *, max_bytes: int | None = None) -> FileKind:
    """Refuse unsafe or unreadable uploads (FileRejectedError); else say how to read them."""
    limit = default_max_bytes() if max_bytes is None else max_bytes
    if not data:
        raise FileRejectedError(t("ingest.file.empty"))
    if len(data) > limit:
        raise FileRejectedError(
            t("ingest.file.too_large", size=len(data) / 1048576, limit=limit / 1048576)
        )
    head = data[:8]
    if head.startswith(OLE2_MAGIC):
        raise FileRejectedError(t("ingest.file.ole2"))
    if head.startswith(ZIP_MAGICS):
        check_xlsx_zip(data)
        return "xlsx"
    if head.startswith(FOREIGN_MAGICS) or _MARKUP_START.match(data[:256]):
        raise FileRejectedError(t("ingest.file.not_spreadsheet"))
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileRejectedError(t("ingest.file.utf16"))
    if b"\x00" in data[:4096]:
        # Text never holds NUL bytes (UTF-16 CSVs are not accepted either): a binary file.
        raise FileRejectedError(t("ingest.file.not_spreadsheet"))
    return "csv"


def check_xlsx_zip(data: bytes) -> None:
    """Check the zip directory of an xlsx: size limits, macros, encryption, XML prologs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileRejectedError(t("ingest.file.broken")) from exc
    with archive:
        infos = archive.infolist()
        check_zip_sizes(infos)
        names = {info.filename for info in infos}
        if any(info.flag_bits & 0x1 for info in infos):
            raise FileRejectedError(t("ingest.file.encrypted"))
        if "xl/workbook.bin" in names:
            raise FileRejectedError(t("ingest.file.xlsb"))
        if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
            raise FileRejectedError(t("ingest.file.not_xlsx"))
        if "xl/vbaProject.bin" in names or _declares_macros(archive):
            raise FileRejectedError(t("ingest.file.macro"))
        for info in infos:
            if info.filename.endswith((".xml", ".rels", ".vml")):
                check_xml_prolog(_read_head(archive, info))


def check_zip_sizes(infos: list[zipfile.ZipInfo]) -> None:
    """Entry count, total declared size and per-entry compression ratio (no inflating)."""
    if len(infos) > MAX_ENTRIES:
        raise FileRejectedError(t("ingest.file.bomb"))
    if sum(info.file_size for info in infos) > MAX_TOTAL_UNCOMPRESSED:
        raise FileRejectedError(t("ingest.file.bomb"))
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FileRejectedError(t("ingest.file.bomb"))


def _declares_macros(archive: zipfile.ZipFile) -> bool:
    """True when [Content_Types].xml names a macro-enabled workbook."""
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > CONTENT_TYPES_MAX:
        raise FileRejectedError(t("ingest.file.bomb"))
    return b"macroenabled" in _read_head(archive, info, CONTENT_TYPES_MAX).lower()


def _read_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int = XML_HEAD_BYTES):
    """At most limit inflated bytes from the start of one part (a decompression cap)."""
    try:
        with archive.open(info) as part:
            return part.read(limit)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise FileRejectedError(t("ingest.file.broken")) from exc


def check_xml_prolog(head: bytes) -> None:
    """Refuse DOCTYPE/ENTITY declarations; the root element must start within the head."""
    text = _as_utf8(head)
    if _DANGEROUS_XML.search(text):
        raise FileRejectedError(t("ingest.file.xml_entity"))
    if text.strip() and len(head) >= XML_HEAD_BYTES and not _ROOT_TAG.search(text):
        # A prolog padded past the head could hide a DOCTYPE beyond what we read.
        raise FileRejectedError(t("ingest.file.xml_entity"))


def _as_utf8(head: bytes) -> bytes:
    """The head as UTF-8 bytes, so a UTF-16 part cannot hide its declarations."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        encoding = "utf-16-be" if head.startswith(b"\xfe\xff") or head[:1] == b"\x00" else None
        text = head.decode(encoding or "utf-16-le", errors="ignore")
        return text.encode("utf-8")
    return head
