"""The CJK font that briefings embed and chart images draw with, found on this machine.

Known locations come first (Debian's WenQuanYi, then common Noto, Windows and macOS files),
then fontconfig's list of fonts covering Chinese. No font means a clear error (in the UI
language), never a document whose text turns into boxes.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

from i18n import t

KNOWN_FONTS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "/System/Library/Fonts/PingFang.ttc",
)
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
FC_LIST_FORMAT = "%{file}|%{index}\n"
FC_LIST_SECONDS = 10
PROBE_TEXT = "巡察整改看板"  # i18n-data: a font must draw these to count as a CJK font


def missing_font_message() -> str:
    """What to tell the user when no CJK font is installed (what to install)."""
    return t("download.font_missing")


class CjkFontMissingError(RuntimeError):
    """No usable font with Chinese glyphs was found (the message is for the user)."""

    def __init__(self) -> None:
        """The error with the user-facing message."""
        super().__init__(missing_font_message())


@dataclass(frozen=True)
class CjkFont:
    """A font file with Chinese glyphs: its path, face number in a collection, family name."""

    path: Path
    index: int
    family: str


def _open_face(path: Path, index: int) -> TTFont:
    """One face of a font file (collections hold several)."""
    if path.suffix.lower() == ".ttc":
        return TTCollection(str(path), lazy=True).fonts[index]
    return TTFont(str(path), lazy=True)


def _usable(path: Path, index: int) -> CjkFont | None:
    """The font at path/index if it can be read and draws PROBE_TEXT, else None."""
    if not path.is_file() or path.suffix.lower() not in FONT_SUFFIXES:
        return None
    try:
        face = _open_face(path, index)
        glyphs = face.getBestCmap() or {}
        family = face["name"].getBestFamilyName() or path.stem
    except Exception:  # a broken or unsupported file is just not a candidate
        return None
    if not all(ord(char) in glyphs for char in PROBE_TEXT):
        return None
    return CjkFont(path=path, index=index, family=str(family))


def fontconfig_candidates() -> list[tuple[Path, int]]:
    """Files and face numbers fontconfig lists as covering Chinese (none without fc-list)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        listed = subprocess.run(
            [fc_list, ":lang=zh", "--format", FC_LIST_FORMAT],
            capture_output=True,
            text=True,
            timeout=FC_LIST_SECONDS,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    candidates = []
    for line in listed.splitlines():
        file_name, _, index = line.partition("|")
        if file_name:
            candidates.append((Path(file_name), int(index) if index.isdigit() else 0))
    return candidates


def find_cjk_font(known: Iterable[str] = KNOWN_FONTS, *, use_fontconfig: bool = True) -> CjkFont:
    """The first usable CJK font; raises CjkFontMissingError when there is none."""
    candidates = [(Path(path), 0) for path in known]
    if use_fontconfig:
        candidates += fontconfig_candidates()
    for path, index in candidates:
        font = _usable(path, index)
        if font is not None:
            return font
    raise CjkFontMissingError


@cache
def system_cjk_font() -> CjkFont:
    """find_cjk_font() once per process (a font found stays; a missing one is retried)."""
    return find_cjk_font()
