"""Formula cells that carry no cached value, read from the sheet XML as text (never evaluated).

Calamine returns a formula's cached value; a workbook written by a program often has none,
and calamine then returns "". Such cells are shown to the user as their formula text
("=SUM(A1:A2)"), so a required cell is reported with what is really in it.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile

from defusedxml import ElementTree

from data_access.ingest.errors import FileRejectedError
from i18n import t

CHUNK = 1 << 20
SMALL_PART_MAX = 4 * 1024 * 1024  # workbook.xml and its rels are small in any real workbook
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL = re.compile(rb"<c\s([^>]*?)(?<!/)>(.*?)</c>", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_FORMULA = re.compile(rb"<f(?:\s[^>]*)?>(.*?)</f>|<f\s[^>]*/>", re.DOTALL)
_VALUE = re.compile(rb"<v>[^<]+</v>|<is>")

Cell = tuple[int, int]  # (row index, column index), both from 0


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its worksheet part inside the xlsx."""
    workbook = ElementTree.fromstring(_read_small(archive, "xl/workbook.xml"))
    rels = ElementTree.fromstring(_read_small(archive, "xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts: dict[str, str] = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet") and sheet.get(_NS_REL) in targets:
            target = targets[sheet.get(_NS_REL)]
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            parts[sheet.get("name", "")] = posixpath.normpath(path)
    return parts


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    """A small part in full; a suspiciously large one is refused."""
    info = archive.getinfo(name)
    if info.file_size > SMALL_PART_MAX:
        raise FileRejectedError(t("ingest.file.bad_structure"))
    return archive.read(info)


def uncached_formulas(archive: zipfile.ZipFile, part: str) -> dict[Cell, str]:
    """Cells of one worksheet part holding a formula but no cached value -> "=formula"."""
    found: dict[Cell, str] = {}
    carry = b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            buffer = carry + chunk
            cut = buffer.rfind(b"</c>") + 4 if b"</c>" in buffer else 0
            if b"<f" in buffer[:cut]:
                found.update(_scan(buffer[:cut]))
            carry = buffer[cut:]
    return found


def _scan(xml: bytes) -> dict[Cell, str]:
    """Formula cells without a value in a run of complete <c> elements."""
    found: dict[Cell, str] = {}
    for cell in _CELL.finditer(xml):
        attributes, body = cell.groups()
        formula = _FORMULA.search(body)
        ref = _REF.search(attributes)
        if formula is None or ref is None or _VALUE.search(body):
            continue
        text = html.unescape((formula.group(1) or b"").decode("utf-8", "replace"))
        found[(int(ref.group(2)) - 1, column_index(ref.group(1).decode()))] = "=" + (
            text or t("ingest.formula.shared")
        )
    return found


def column_index(letters: str) -> int:
    """Excel column letters -> index from 0 (A -> 0, AA -> 26)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1
