"""A minimal writer of OLE compound files (MS-CFB version 3), to build .xls files with extras.

olefile reads compound files but cannot add storages, so a test that needs an .xls holding
a VBA project or an embedded object rebuilds the xls: xlwt's Workbook stream plus the extra
streams, in a file laid out as the specification says (512-byte sectors, one FAT, every
stream of at least 4,096 bytes so that no mini stream is needed).
"""

from __future__ import annotations

import io
import itertools
import struct

import olefile

SECTOR = 512
MIN_STREAM = 4096  # the mini stream cutoff: larger streams live in ordinary sectors
FREE, END, FAT_SECTOR, NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
STORAGE, STREAM, ROOT = 1, 2, 5
ENTRIES_PER_SECTOR = SECTOR // 128


def workbook_stream(xls: bytes) -> bytes:
    """The Workbook stream of an .xls (xlwt's output, say)."""
    with olefile.OleFileIO(io.BytesIO(xls)) as ole:
        return ole.openstream("Workbook").read()


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding streams by path ("Storage/Sub/Stream"); storages are implied."""
    entries = _entries(streams)
    data_sectors: list[bytes] = []
    for entry in entries:
        if entry["type"] == STREAM:
            body = entry["data"].ljust(MIN_STREAM, b"\0")
            entry["start"], entry["size"] = len(data_sectors), len(body)
            padded = body.ljust(-(-len(body) // SECTOR) * SECTOR, b"\0")
            data_sectors += [padded[i : i + SECTOR] for i in range(0, len(padded), SECTOR)]
    directory = b"".join(_directory_entry(entry) for entry in entries)
    directory = directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0")
    directory_sectors = len(directory) // SECTOR
    used = len(data_sectors) + directory_sectors
    fat_sectors = -(-used // (SECTOR // 4 - 1))  # each FAT sector also maps itself
    fat = _fat(entries, len(data_sectors), directory_sectors, fat_sectors)
    header = _header(first_directory=len(data_sectors), fat_start=used, fat_sectors=fat_sectors)
    return header + b"".join(data_sectors) + directory + fat


def _entries(streams: dict[str, bytes]) -> list[dict]:
    """Directory entries (root first) with each storage's children linked as a sibling chain."""
    entries: list[dict] = [{"name": "Root Entry", "type": ROOT, "children": []}]
    by_path = {"": 0}
    for path, data in streams.items():
        parts = path.split("/")
        for depth, name in enumerate(parts):
            key = "/".join(parts[: depth + 1])
            if key not in by_path:
                by_path[key] = len(entries)
                kind = STREAM if depth == len(parts) - 1 else STORAGE
                entries.append({"name": name, "type": kind, "children": [], "data": data})
                entries[by_path["/".join(parts[:depth])]]["children"].append(by_path[key])
    for entry in entries:
        kids = sorted(
            entry["children"], key=lambda i: (len(entries[i]["name"]), entries[i]["name"].upper())
        )
        entry["child"] = kids[0] if kids else NONE
        for left, right in itertools.pairwise(kids):
            entries[left]["right"] = right
    return entries


def _directory_entry(entry: dict) -> bytes:
    """One 128-byte directory entry (black node, no CLSID, no times)."""
    name = entry["name"].encode("utf-16-le") + b"\0\0"
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry["type"],
        1,
        NONE,
        entry.get("right", NONE),
        entry["child"],
        bytes(16),
        0,
        0,
        0,
        entry.get("start", END),
        entry.get("size", 0),
    )


def _fat(entries: list[dict], data: int, directory: int, fat_sectors: int) -> bytes:
    """The FAT: each stream's and the directory's sectors chained, then the FAT's own."""
    table = [FREE] * (fat_sectors * SECTOR // 4)
    chains = [(e["start"], e["size"] // SECTOR) for e in entries if e["type"] == STREAM]
    for start, count in [*chains, (data, directory)]:
        for sector in range(start, start + count):
            table[sector] = sector + 1 if sector < start + count - 1 else END
    for sector in range(data + directory, data + directory + fat_sectors):
        table[sector] = FAT_SECTOR
    return struct.pack(f"<{len(table)}I", *table)


def _header(*, first_directory: int, fat_start: int, fat_sectors: int) -> bytes:
    """The 512-byte header of a version 3 file whose FAT sectors are all listed in it."""
    difat = [fat_start + n for n in range(fat_sectors)] + [FREE] * (109 - fat_sectors)
    return struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        olefile.MAGIC,
        bytes(16),
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        fat_sectors,
        first_directory,
        0,
        MIN_STREAM,
        END,
        0,
        END,
        0,
        *difat,
    )
