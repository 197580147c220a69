"""Unsafe or unreadable uploads are refused before parsing, with a message for non-programmers."""

from __future__ import annotations

import importlib.util
import io
import zipfile

import openpyxl.xml
import pytest

from data_access.ingest import safety
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.safety import check_upload
from i18n import t
from tests.support.ledger_files import ledger_bytes, patch_central_directory, rewrite_zip

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def refusal(data: bytes, **options) -> str:
    """The Chinese message check_upload refuses data with."""
    with pytest.raises(FileRejectedError) as caught:
        check_upload(data, **options)
    assert caught.value.message == str(caught.value)
    return caught.value.message


@pytest.fixture(scope="module")
def ledger() -> bytes:
    """A small valid ledger workbook."""
    return ledger_bytes(20)


def test_a_valid_workbook_passes_as_xlsx_and_text_as_csv(ledger: bytes) -> None:
    assert check_upload(ledger) == "xlsx"
    assert check_upload("问题编号,乡镇\nA-1,钱桥镇\n".encode("gbk")) == "csv"


def test_an_empty_file_is_refused() -> None:
    assert refusal(b"") == t("ingest.file.empty")


def test_a_file_over_the_limit_is_refused(ledger: bytes) -> None:
    message = refusal(ledger, max_bytes=len(ledger) - 1)
    assert message.startswith("文件太大")
    assert check_upload(ledger, max_bytes=len(ledger)) == "xlsx"


def test_the_default_limit_comes_from_upload_max_mb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPLOAD_MAX_MB", "1")
    assert "上限为 1 MB" in refusal(b"a,b\n" * 300_000)


@pytest.mark.parametrize(
    "head",
    [b"MZ\x90\x00\x03\x00\x00\x00", b"\x7fELF\x02\x01\x01", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n"],
    ids=["exe", "elf", "pdf", "png"],
)
def test_a_renamed_non_spreadsheet_is_refused(head: bytes) -> None:
    assert refusal(head + bytes(range(256)) * 4) == t("ingest.file.not_spreadsheet")


def test_html_pretending_to_be_excel_is_refused() -> None:
    assert refusal(b"<html><table><tr><td>1</td></tr></table></html>") == (
        t("ingest.file.not_spreadsheet")
    )


def test_a_broken_ole2_file_is_refused_as_damaged() -> None:
    assert refusal(safety.OLE2_MAGIC + b"\x00" * 504 + b"EncryptedPackage") == t(
        "ingest.file.broken"
    )


def test_a_workbook_with_a_vba_project_is_refused(ledger: bytes) -> None:
    xlsm = rewrite_zip(ledger, {}, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})
    assert refusal(xlsm) == t("ingest.file.macro")


def test_a_macro_enabled_content_type_is_refused(ledger: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(ledger)) as archive:
        types = archive.read("[Content_Types].xml")
    macro_types = types.replace(b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")
    assert macro_types != types
    assert refusal(rewrite_zip(ledger, {"[Content_Types].xml": macro_types})) == t(
        "ingest.file.macro"
    )


def test_a_zip_that_is_not_a_workbook_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert refusal(out.getvalue()) == t("ingest.file.not_workbook")


def test_a_truncated_zip_is_refused(ledger: bytes) -> None:
    assert refusal(ledger[: len(ledger) // 2]) == t("ingest.file.broken")


def test_a_real_zip_bomb_is_refused_from_its_directory() -> None:
    """500 MB of zeros compress to about 2 MB: refused without inflating a byte of it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            zeros = bytes(4 << 20)
            for _ in range(125):
                part.write(zeros)
    bomb = out.getvalue()
    assert len(bomb) < 5 << 20
    assert refusal(bomb) == t("ingest.file.bomb")


def test_a_declared_size_is_enough_to_refuse_without_reading_the_data(ledger: bytes) -> None:
    """The sizes come from the central directory: the corrupt data behind it is never read."""
    huge = patch_central_directory(ledger, "xl/worksheets/sheet1.xml", size=0xFFFF_FFF0)
    assert refusal(huge) == t("ingest.file.bomb")


def test_a_high_ratio_entry_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", b" " * (20 << 20))
    assert refusal(out.getvalue()) == t("ingest.file.bomb")


def test_too_many_entries_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for number in range(safety.MAX_ENTRIES + 1):
            archive.writestr(f"xl/media/{number}.xml", "")
    assert refusal(out.getvalue()) == t("ingest.file.bomb")


def test_an_encrypted_zip_entry_is_refused(ledger: bytes) -> None:
    encrypted = patch_central_directory(ledger, "xl/workbook.xml", flags=0x1)
    assert refusal(encrypted) == t("ingest.file.encrypted")


def test_an_entity_expansion_part_is_refused(ledger: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(ledger)) as archive:
        strings = archive.read("xl/sharedStrings.xml")
    body = strings.split(b"?>", 1)[1]
    bomb = rewrite_zip(ledger, {"xl/sharedStrings.xml": BILLION_LAUGHS + body})
    assert refusal(bomb) == t("ingest.file.xml_entity")


def test_an_entity_declaration_in_utf16_is_refused(ledger: bytes) -> None:
    part = BILLION_LAUGHS.decode().replace('"1.0"?>', '"1.0" encoding="UTF-16"?>') + "<sst/>"
    bomb = rewrite_zip(ledger, {"xl/sharedStrings.xml": part.encode("utf-16")})
    assert refusal(bomb) == t("ingest.file.xml_entity")


def test_a_declaration_hidden_behind_a_padded_prolog_is_refused(ledger: bytes) -> None:
    padded = b'<?xml version="1.0"?>' + b" " * (safety.XML_HEAD_BYTES + 10) + BILLION_LAUGHS[21:]
    assert refusal(rewrite_zip(ledger, {"xl/styles.xml": padded + b"<a/>"})) == (
        t("ingest.file.xml_entity")
    )


def test_defusedxml_is_installed_and_openpyxl_uses_it() -> None:
    assert importlib.util.find_spec("defusedxml") is not None
    assert openpyxl.xml.DEFUSEDXML is True
    assert "defusedxml" in safety.__dict__


def test_utf16_text_excels_unicode_text_is_csv() -> None:
    assert check_upload("问题编号\t乡镇\n".encode("utf-16")) == "csv"
    assert check_upload("问题编号\t乡镇\n".encode("utf-16-le")) == "csv"


def test_text_with_stray_nul_bytes_is_refused_as_binary() -> None:
    assert refusal(b"a,b\n\x00\x00\x01,c\x00\n") == t("ingest.file.not_spreadsheet")
