"""Checks an upload must pass before any parsing: size, real type by content, package sanity.

Everything here reads only the zip central directory and small, capped slices of parts (or
an OLE file's directory and workbook globals, ole.py), so a zip bomb or an entity-expansion
workbook is refused in milliseconds without inflating it. Names of parts are compared in
lower case: Excel opens XL/VBAPROJECT.BIN as readily as xl/vbaProject.bin.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import PurePath
from typing import Literal

import defusedxml  # noqa: F401  (installed on purpose: openpyxl parses XML through it)

from data_access.codes import LabelMap
from data_access.ingest.csv_text import looks_like_utf16
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.ole import check_ole
from data_access.settings import get_settings
from i18n import t

FileKind = Literal["xlsx", "xlsb", "xls", "ods", "csv"]  # what the content really is

# The extensions an upload may carry and the kind each promises (.txt: Excel's "Unicode text").
EXTENSION_KINDS: dict[str, FileKind] = {
    ".xlsx": "xlsx",
    ".xls": "xls",
    ".xlsb": "xlsb",
    ".ods": "ods",
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
}
UPLOAD_TYPES = tuple(extension.lstrip(".") for extension in EXTENSION_KINDS)  # the uploaders'
KIND_LABELS = LabelMap("kind", ("xlsx", "xlsb", "xls", "ods", "csv"), area="ingest")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

MAX_ENTRIES = 2_000
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100  # per entry, checked for entries above RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
XML_HEAD_BYTES = 64 * 1024  # the prolog (where a DOCTYPE must sit) has to fit in here
CONTENT_TYPES_MAX = 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
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
# Parts that carry macros (VBA projects, Excel 4.0 macro sheets), matched in lower case.
OOXML_MACRO_PARTS = ("vbaproject.bin", "xl/macrosheets/", "xl/intlmacrosheets/")
OOXML_MACRO_TYPES = (b"vbaproject", b"macrosheet")  # in [Content_Types].xml, lower case
OOXML_EMBEDDED_PARTS = ("xl/embeddings/", "xl/activex/")
# Links to other workbooks: their cells hold another file's cached figures, not this one's.
OOXML_EXTERNAL_PARTS = ("xl/externallinks/",)
OOXML_EXTERNAL_TYPES = (b"externallink",)  # in [Content_Types].xml, lower case
ODS_MACRO_PARTS = ("basic/", "scripts/")
_MARKUP_START = re.compile(rb"^\s*<(\?xml|!doctype|html)", re.IGNORECASE)
_DANGEROUS_XML = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)
_ROOT_TAG = re.compile(rb"<[A-Za-z_]")


def default_max_bytes() -> int:
    """The configured upload limit (UPLOAD_MAX_MB) in bytes."""
    return get_settings().upload_max_mb * 1024 * 1024


def check_upload(
    data: bytes, *, file_name: str | None = None, max_bytes: int | None = None
) -> FileKind:
    """Refuse unsafe or unreadable uploads (FileRejectedError); else say what the content is.

    A file whose name ends in a known extension must be what that extension says; a name
    without one (or no name) leaves the decision to the content.
    """
    limit = default_max_bytes() if max_bytes is None else max_bytes
    if not data:
        raise FileRejectedError(t("ingest.file.empty"))
    if len(data) > limit:
        raise FileRejectedError(
            t("ingest.file.too_large", size=len(data) / 1048576, limit=limit / 1048576)
        )
    kind = content_kind(data)
    extension = PurePath(file_name or "").suffix.lower()
    expected = EXTENSION_KINDS.get(extension)
    if expected is not None and expected != kind:
        raise FileRejectedError(
            t("ingest.file.wrong_extension", extension=extension, real=KIND_LABELS[kind])
        )
    return kind


def content_kind(data: bytes) -> FileKind:
    """What the bytes are, once the checks of that format pass (FileRejectedError otherwise)."""
    head = data[:8]
    if head.startswith(OLE2_MAGIC):
        check_ole(data)
        return "xls"
    if head.startswith(ZIP_MAGICS):
        return check_zip_package(data)
    if head.startswith(FOREIGN_MAGICS) or _MARKUP_START.match(data[:256]):
        raise FileRejectedError(t("ingest.file.not_spreadsheet"))
    sample = data[:4096]
    if b"\x00" in sample and not (head.startswith(UTF16_BOMS) or looks_like_utf16(sample)):
        # Text never holds NUL bytes, but for UTF-16 (Excel's "Unicode text"): a binary file.
        raise FileRejectedError(t("ingest.file.not_spreadsheet"))
    return "csv"


def check_zip_package(data: bytes) -> FileKind:
    """Check a zip upload (xlsx, xlsb, ods): size limits, encryption, macros, XML prologs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise FileRejectedError(t("ingest.file.broken")) from exc
    with archive:
        infos = archive.infolist()
        check_zip_sizes(infos)
        if any(info.flag_bits & 0x1 for info in infos):
            raise FileRejectedError(t("ingest.file.encrypted"))
        parts = {info.filename.lower(): info for info in infos}
        if "mimetype" in parts and "content.xml" in parts:
            kind = _check_ods(archive, parts)
        else:
            kind = _check_ooxml(archive, parts)
        for name, info in parts.items():
            if name.endswith((".xml", ".rels", ".vml")):
                check_xml_prolog(_read_head(archive, info))
    return kind


def _check_ooxml(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> FileKind:
    """xlsx or xlsb, without macros, embedded objects or external links (names in any case)."""
    if "[content_types].xml" not in parts:
        raise FileRejectedError(t("ingest.file.not_workbook"))
    kind: FileKind
    if "xl/workbook.xml" in parts:
        kind = "xlsx"
    elif "xl/workbook.bin" in parts:
        kind = "xlsb"
    else:
        raise FileRejectedError(t("ingest.file.not_workbook"))
    types = _content_types(archive, parts["[content_types].xml"])
    # An xlsb's main part is always typed "macroEnabled": only its parts can show macros.
    macro_types = OOXML_MACRO_TYPES + ((b"macroenabled",) if kind == "xlsx" else ())
    if any(_has_part(parts, p) for p in OOXML_MACRO_PARTS) or any(m in types for m in macro_types):
        raise FileRejectedError(t("ingest.file.macro"))
    if any(_has_part(parts, p) for p in OOXML_EMBEDDED_PARTS):
        raise FileRejectedError(t("ingest.file.embedded"))
    external = any(_has_part(parts, p) for p in OOXML_EXTERNAL_PARTS)
    if external or any(m in types for m in OOXML_EXTERNAL_TYPES):
        raise FileRejectedError(t("ingest.file.external_links"))
    return kind


def _check_ods(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> FileKind:
    """An OpenDocument spreadsheet, not encrypted, without macros or embedded OLE objects."""
    if _read_head(archive, parts["mimetype"], 256).strip() != ODS_MIMETYPE:
        raise FileRejectedError(t("ingest.file.not_workbook"))
    manifest_info = parts.get("meta-inf/manifest.xml")
    manifest = b""
    if manifest_info is not None:
        if manifest_info.file_size > CONTENT_TYPES_MAX:
            raise FileRejectedError(t("ingest.file.bomb"))
        manifest = _read_head(archive, manifest_info, CONTENT_TYPES_MAX).lower()
    if b"encryption-data" in manifest:
        raise FileRejectedError(t("ingest.file.encrypted"))
    if any(_has_part(parts, p) for p in ODS_MACRO_PARTS):
        raise FileRejectedError(t("ingest.file.macro"))
    if b"oleobject" in manifest:
        raise FileRejectedError(t("ingest.file.embedded"))
    return "ods"


def _has_part(parts: dict[str, zipfile.ZipInfo], pattern: str) -> bool:
    """True when a lower-case part name ends with pattern (a file), or starts with it (a folder)."""
    if pattern.endswith("/"):
        return any(name.startswith(pattern) for name in parts)
    return any(name.endswith(pattern) for name in parts)


def check_zip_sizes(infos: list[zipfile.ZipInfo]) -> None:
    """Entry count, total declared size and per-entry compression ratio (no inflating)."""
    if len(infos) > MAX_ENTRIES:
        raise FileRejectedError(t("ingest.file.bomb"))
    if sum(info.file_size for info in infos) > MAX_TOTAL_UNCOMPRESSED:
        raise FileRejectedError(t("ingest.file.bomb"))
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FileRejectedError(t("ingest.file.bomb"))


def _content_types(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """[Content_Types].xml in lower case (refused when abnormally large)."""
    if info.file_size > CONTENT_TYPES_MAX:
        raise FileRejectedError(t("ingest.file.bomb"))
    return _read_head(archive, info, CONTENT_TYPES_MAX).lower()


def _read_head(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int = XML_HEAD_BYTES
) -> bytes:
    """At most limit inflated bytes from the start of one part (a decompression cap)."""
    try:
        with archive.open(info) as part:
            return part.read(limit)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        NotImplementedError,
        EOFError,
    ) as exc:
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
