"""Old and other formats are checked like xlsx: encryption, macros, embedded objects, renames."""

from __future__ import annotations

import io
import struct
import zipfile

import msoffcrypto
import pytest
import xlwt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msoffcrypto.format.ooxml import OOXMLFile
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow

from data_access.ingest.errors import FileRejectedError
from data_access.ingest.safety import check_upload
from data_access.ingest.spreadsheet import load_spreadsheet
from i18n import t
from tests.support.ledger_files import PROBLEMS, ledger_bytes, problem_records, rewrite_zip, sheet
from tests.support.ledger_formats import (
    ENCRYPTED,
    ENCRYPTED_XLS,
    ods_bytes,
    ods_text_cell,
    xls_bytes,
    xlsb_bytes,
)
from tests.support.ole_files import compound_file, workbook_stream

BOUNDSHEET, FILEPASS, LABELSST = 0x0085, 0x002F, 0x00FD


def refusal(data: bytes, file_name: str | None = None) -> str:
    """The message check_upload refuses data with."""
    with pytest.raises(FileRejectedError) as caught:
        check_upload(data, file_name=file_name)
    return caught.value.message


@pytest.fixture(scope="module")
def xls() -> bytes:
    """A small ledger as a real .xls."""
    return xls_bytes(sheet(PROBLEMS.name, problem_records(4)))


def test_the_encryption_sentence_is_exactly_the_one_offices_are_told() -> None:
    assert t("ingest.file.encrypted") == ENCRYPTED


def test_a_password_protected_xlsx_is_refused_with_the_sentence() -> None:
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(ledger_bytes(3))).encrypt("口令123", encrypted)
    assert refusal(encrypted.getvalue(), "台账.xlsx") == ENCRYPTED
    assert refusal(encrypted.getvalue()) == ENCRYPTED


def test_an_excel_encrypted_xls_is_refused_with_the_sentence() -> None:
    data = ENCRYPTED_XLS.read_bytes()
    assert refusal(data, "台账.xls") == ENCRYPTED
    office = msoffcrypto.OfficeFile(io.BytesIO(data))  # the fixture really is encrypted:
    assert office.is_encrypted()
    office.load_key(password="Password1234_")
    plain = io.BytesIO()
    office.decrypt(plain)
    assert check_upload(plain.getvalue(), file_name="台账.xls") == "xls"


def test_a_filepass_record_in_the_globals_means_encrypted(xls: bytes) -> None:
    stream = workbook_stream(xls)
    bof_end = 4 + struct.unpack_from("<H", stream, 2)[0]
    filepass = struct.pack("<HHH", FILEPASS, 2, 0)  # XOR obfuscation, as Excel 95 wrote it
    data = compound_file({"Workbook": stream[:bof_end] + filepass + stream[bof_end:]})
    assert refusal(data, "台账.xls") == ENCRYPTED


@pytest.mark.parametrize(
    "storage", ["_VBA_PROJECT_CUR/VBA/dir", "_vba_project_cur/vba/DIR", "Macros/VBA/dir"]
)
def test_an_xls_with_a_vba_storage_is_refused(xls: bytes, storage: str) -> None:
    data = compound_file({"Workbook": workbook_stream(xls), storage: b"Attribute VB_Name"})
    assert refusal(data, "台账.xls") == t("ingest.file.macro")


def test_an_xls_with_an_excel4_macro_sheet_is_refused(xls: bytes) -> None:
    stream = bytearray(workbook_stream(xls))
    position = 0
    while struct.unpack_from("<H", stream, position)[0] != BOUNDSHEET:
        position += 4 + struct.unpack_from("<H", stream, position + 2)[0]
    stream[position + 4 + 5] = 0x01  # BoundSheet8.dt: macro sheet
    assert refusal(compound_file({"Workbook": bytes(stream)}), "台账.xls") == t("ingest.file.macro")


def with_supbook(xls: bytes, cch: int, path: bytes = b"") -> bytes:
    """The xls with a SupBook record of cch (and a virtual path) after its BOF."""
    stream = workbook_stream(xls)
    bof_end = 4 + struct.unpack_from("<H", stream, 2)[0]
    body = struct.pack("<HH", 1, cch) + path
    supbook = struct.pack("<HH", 0x01AE, len(body)) + body
    return compound_file({"Workbook": stream[:bof_end] + supbook + stream[bof_end:]})


def test_an_xls_linking_to_another_workbook_is_refused(xls: bytes) -> None:
    """A SupBook naming another file is an external link; the workbook's own one is not."""
    linked = with_supbook(xls, 8, b"\x00C:\\a.xls")
    assert refusal(linked, "台账.xls") == t("ingest.file.external_links")
    for own in (0x0401, 0x3A01):  # the workbook itself, add-in functions
        assert check_upload(with_supbook(xls, own), file_name="台账.xls") == "xls"


@pytest.mark.parametrize("storage", ["MBD0049DB15/\x01Ole10Native", "mbd00000001/CONTENTS", "Ctls"])
def test_an_xls_with_an_embedded_object_is_refused(xls: bytes, storage: str) -> None:
    data = compound_file({"Workbook": workbook_stream(xls), storage: b"MZ payload"})
    assert refusal(data, "台账.xls") == t("ingest.file.embedded")


def test_an_ole_file_without_a_workbook_is_not_a_spreadsheet() -> None:
    data = compound_file({"WordDocument": b"\xec\xa5 a Word 97 document"})
    assert refusal(data, "台账.xls") == t("ingest.file.not_spreadsheet")


@pytest.mark.parametrize(
    "part", ["XL/VBAPROJECT.BIN", "xl/VbaProject.bin", "xl/macrosheets/sheet1.xml"]
)
def test_macro_parts_of_an_xlsx_are_found_whatever_their_case(part: str) -> None:
    body = b"<xm:macrosheet/>" if part.endswith(".xml") else b"\xd0\xcf\x11\xe0"
    assert refusal(rewrite_zip(ledger_bytes(3), {}, {part: body})) == t("ingest.file.macro")


@pytest.mark.parametrize(
    "part", ["xl/externalLinks/externalLink1.xml", "XL/EXTERNALLINKS/EXTERNALLINK1.XML"]
)
def test_external_links_of_an_xlsx_are_found_whatever_their_case(part: str) -> None:
    """Issue 18: a link to another workbook brings that file's cached figures, not this one's."""
    data = rewrite_zip(ledger_bytes(3), {}, {part: b"<externalLink/>"})
    assert refusal(data) == t("ingest.file.external_links")


def test_an_external_link_named_only_in_the_content_types_is_refused() -> None:
    with zipfile.ZipFile(io.BytesIO(ledger_bytes(3))) as archive:
        types = archive.read("[Content_Types].xml")
    link = (
        b'<Override PartName="/xl/links/one.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'
    )
    data = rewrite_zip(ledger_bytes(3), {"[Content_Types].xml": types.replace(b"</Types>", link)})
    assert refusal(data) == t("ingest.file.external_links")


@pytest.mark.parametrize("part", ["xl/embeddings/oleObject1.bin", "XL/ActiveX/activeX1.bin"])
def test_embedded_objects_of_an_xlsx_are_refused(part: str) -> None:
    data = rewrite_zip(ledger_bytes(3), {}, {part: b"\xd0\xcf\x11\xe0"})
    assert refusal(data) == t("ingest.file.embedded")


def test_an_xlsb_is_read_but_its_vba_project_is_refused() -> None:
    """An xlsb's main part is always typed macroEnabled: that alone must not refuse it."""
    data = xlsb_bytes(sheet(PROBLEMS.name, problem_records(2)))
    assert check_upload(data, file_name="台账.xlsb") == "xlsb"
    with_vba = rewrite_zip(data, {}, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    assert refusal(with_vba, "台账.xlsb") == t("ingest.file.macro")


def test_an_ods_with_macros_encryption_or_ole_objects_is_refused() -> None:
    data = ods_bytes(sheet(PROBLEMS.name, problem_records(2)))
    assert check_upload(data, file_name="台账.ods") == "ods"
    basic = rewrite_zip(data, {}, {"Basic/Standard/Module1.xml": b"<script:module/>"})
    assert refusal(basic) == t("ingest.file.macro")
    manifest = ods_manifest(data)
    sealed = (
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        b'<manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry>'
    )
    encrypted = manifest.replace(b"</manifest:manifest>", sealed + b"</manifest:manifest>")
    assert refusal(rewrite_zip(data, {"META-INF/manifest.xml": encrypted})) == ENCRYPTED
    ole_entry = (
        b'<manifest:file-entry manifest:full-path="Object 1" '
        b'manifest:media-type="application/vnd.sun.star.oleobject"/>'
    )
    with_ole = manifest.replace(b"</manifest:manifest>", ole_entry + b"</manifest:manifest>")
    embedded = rewrite_zip(data, {"META-INF/manifest.xml": with_ole})
    assert refusal(embedded) == t("ingest.file.embedded")


def ods_manifest(data: bytes) -> bytes:
    """The manifest of an .ods."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("META-INF/manifest.xml")


@pytest.mark.parametrize(
    ("file_name", "real"),
    [("台账.xlsx", "xls"), ("台账.xls", "xlsx"), ("台账.xls", "csv"), ("台账.ods", "xlsb")],
)
def test_a_file_whose_content_is_not_what_its_extension_says_is_refused(
    xls: bytes, file_name: str, real: str
) -> None:
    contents = {
        "xls": xls,
        "xlsx": ledger_bytes(2),
        "csv": "问题编号\t乡镇\nA-1\t钱桥镇\n".encode("gbk"),  # a web system's "Excel" export
        "xlsb": xlsb_bytes(sheet(PROBLEMS.name, problem_records(1))),
    }
    extension = "." + file_name.rsplit(".", 1)[1]
    expected = t("ingest.file.wrong_extension", extension=extension, real=t(f"ingest.kind.{real}"))
    assert refusal(contents[real], file_name) == expected


def test_a_pdf_named_xlsx_is_not_a_spreadsheet() -> None:
    assert refusal(b"%PDF-1.7\n" + bytes(600), "台账.xlsx") == t("ingest.file.not_spreadsheet")


def test_an_xls_sheet_reaching_too_far_is_refused_before_calamine_allocates_it() -> None:
    workbook = xlwt.Workbook(encoding="utf-8")
    worksheet = workbook.add_sheet(PROBLEMS.name)
    worksheet.write(0, 0, "问题编号")
    worksheet.write(65535, 200, "远处的一个格子")  # 65,536 × 201 cells for calamine
    out = io.BytesIO()
    workbook.save(out)
    message = refusal(out.getvalue(), "台账.xls")
    assert message == t("ingest.file.too_many_cells", rows=65536, columns=201)


def test_an_xls_cell_past_column_iv_is_damage(xls: bytes) -> None:
    stream = bytearray(workbook_stream(xls))
    position = stream.index(struct.pack("<HH", LABELSST, 10))  # the first text cell
    struct.pack_into("<H", stream, position + 6, 40_000)  # its column
    assert refusal(compound_file({"Workbook": bytes(stream)}), "台账.xls") == t(
        "ingest.file.broken"
    )


def repeated_ods(rows: int, columns: int, value: str | None) -> bytes:
    """An .ods with a title cell, then one row of columns cells repeated rows times."""
    document = OpenDocumentSpreadsheet()
    table = Table(name=PROBLEMS.name)
    title = TableRow()
    title.addElement(ods_text_cell("问题编号"))
    table.addElement(title)
    row = TableRow(numberrowsrepeated=rows)
    cell = TableCell(numbercolumnsrepeated=columns)
    if value is not None:
        cell = ods_text_cell(value, numbercolumnsrepeated=columns)
    row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def test_a_tiny_ods_repeating_a_value_over_a_huge_range_is_refused() -> None:
    data = repeated_ods(20_000, 2_000, "否")  # calamine would allocate 2 GB for it
    assert len(data) < 4096
    expected = t("ingest.file.too_many_cells", rows=20_001, columns=2_000)
    with pytest.raises(FileRejectedError) as caught:
        load_spreadsheet(data, check_upload(data, file_name="台账.ods"))
    assert caught.value.message == expected


def test_empty_repeated_rows_and_columns_as_libreoffice_writes_them_are_fine() -> None:
    data = repeated_ods(1_048_000, 1_024, None)
    grid = load_spreadsheet(data, check_upload(data, file_name="台账.ods")).grids[0]
    assert grid.rows[0][0] == "问题编号" and len(grid.rows) * len(grid.rows[0]) < 10


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(offset=st.integers(min_value=0, max_value=8191), junk=st.binary(min_size=1, max_size=64))
def test_a_damaged_xls_is_refused_or_read_never_a_traceback(offset: int, junk: bytes) -> None:
    data = bytearray(XLS_SAMPLE)
    data[offset : offset + len(junk)] = junk
    try:
        load_spreadsheet(bytes(data), check_upload(bytes(data), file_name="台账.xls"))
    except FileRejectedError as refused:
        assert refused.message


XLS_SAMPLE = xls_bytes(sheet(PROBLEMS.name, problem_records(3)))


@pytest.mark.parametrize(
    "link",
    [
        '<table:table-source xlink:href="file:///C:/a.ods" table:table-name="Sheet1"/>',
        "<table:table-row><table:table-cell table:formula=\"of:=['file:///C:/a.ods'#$Sheet1.A1]\""
        "/></table:table-row>",
    ],
)
def test_an_ods_linking_to_another_file_is_refused(link: str) -> None:
    """A linked sheet or a formula naming another file: refused as in an xlsx."""
    data = ods_bytes(sheet(PROBLEMS.name, problem_records(2)))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml").decode()
    start = content.index("<table:table ")
    start = content.index(">", start) + 1
    content = content[:start] + link + content[start:]
    linked = rewrite_zip(data, {"content.xml": content.encode()})
    with pytest.raises(FileRejectedError) as caught:
        load_spreadsheet(linked, check_upload(linked, file_name="台账.ods"))
    assert caught.value.message == t("ingest.file.external_links")
