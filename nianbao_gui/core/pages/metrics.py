"""How wide each character is, in ems of its font.

``NominalMetrics`` is what the standard's fonts give: a Chinese character, a full-width mark,
quotes, dashes and ellipses one em; digits, Latin letters and half-width marks half an em
(仿宋_GB2312, 楷体_GB2312, 黑体 and 宋体 draw them that way). ``FileMetrics`` reads the
advance widths of real font files (the PDF's fonts, or the substitutes a renderer uses), so
that the layout breaks lines where that renderer does.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..atomic import atomic_write_bytes


class FontKey(str, Enum):
    """The five fonts of the official layout, by use (names: export.options.FontSet)."""

    FANG = "fang"  # body, level 3/4 headings, signature, date
    KAI = "kai"  # level 2 headings, author line
    HEI = "hei"  # level 1 headings
    SONG = "song"  # page numbers
    TITLE = "title"  # 小标宋


class Metrics(Protocol):
    def advance(self, font: FontKey, char: str) -> float:
        """The advance width of ``char`` in ``font``, in ems."""
        ...


def nominal_advance(char: str) -> float:
    if char == "\t":
        return 0.0
    return 1.0 if unicodedata.east_asian_width(char) in "WFA" else 0.5


class NominalMetrics:
    """Full-width 1 em, half-width ½ em: the fonts the standard names."""

    def advance(self, font: FontKey, char: str) -> float:
        return nominal_advance(char)


class Widths(Mapping[int, float]):
    """Code point → advance in ems, as two sorted arrays: read from the disk cache in well
    under a millisecond, where a dict of a CJK font's 30–65 thousand entries takes 20 ms."""

    def __init__(self, codes: array[int], advances: array[float]) -> None:
        self._codes = codes
        self._advances = advances

    def __getitem__(self, code: int) -> float:
        at = bisect_left(self._codes, code)
        if at == len(self._codes) or self._codes[at] != code:
            raise KeyError(code)
        return self._advances[at]

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int):
            return False
        at = bisect_left(self._codes, code)
        return at < len(self._codes) and self._codes[at] == code

    def __iter__(self) -> Iterator[int]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


_MAGIC = b"nianbao-widths-1\n"


@lru_cache(maxsize=16)
def _font_widths(path: str, index: int) -> tuple[Widths, float]:
    """Code point → advance in ems for one font file (a .ttc by its index). Reading a CJK
    font's cmap and hmtx takes 20–60 ms, so the result is also kept in the user's cache
    folder, keyed by the file (path, face, size, modification time)."""
    from ..paths import cache_dir

    stat = os.stat(path)
    ident = (
        f"{os.path.realpath(path)}\0{index}\0{stat.st_size}\0{stat.st_mtime_ns}\0{sys.byteorder}"
    )
    cached = (
        cache_dir() / "font-widths" / (hashlib.sha256(ident.encode()).hexdigest()[:32] + ".bin")
    )
    try:
        data = cached.read_bytes()
        if data.startswith(_MAGIC):
            return _unpack(data[len(_MAGIC) :])
    except (OSError, ValueError, EOFError):
        pass  # absent or damaged: read the font again
    codes, advances, units = _read_font(path, index)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        head = _MAGIC + struct.pack("<dI", units, len(codes))
        atomic_write_bytes(cached, head + codes.tobytes() + advances.tobytes())
    except Exception:  # a cache that cannot be written only costs time
        pass
    return Widths(codes, advances), units


def _unpack(data: bytes) -> tuple[Widths, float]:
    units, count = struct.unpack_from("<dI", data)
    codes, advances = array("I"), array("d")
    start = struct.calcsize("<dI")
    codes.frombytes(data[start : start + count * codes.itemsize])
    advances.frombytes(data[start + count * codes.itemsize :])
    if len(codes) != count or len(advances) != count:
        raise ValueError("truncated")
    return Widths(codes, advances), units


def _read_font(path: str, index: int) -> tuple[array[int], array[float], float]:
    """Every character of the font and its advance in ems, read from the cmap and hmtx
    tables directly (``sfnt``: 20–60 ms a CJK font); fontTools (0.2–0.5 s) only for a
    cmap that reader does not know (neither format 4 nor 12)."""
    from . import sfnt

    try:
        with sfnt.open_face(path, index) as face:
            units = float(sfnt.units_per_em(face))
            advance = sfnt.all_advances(face)
            count = len(advance)
            pairs = sorted(
                (code, advance[gid] / units)
                for code, gid in sfnt.cmap_codes(face.table(b"cmap"))
                if gid < count
            )
    except sfnt.UnknownCmap:
        return _read_font_with_fonttools(path, index)
    return array("I", [c for c, _ in pairs]), array("d", [a for _, a in pairs]), units


def _read_font_with_fonttools(path: str, index: int) -> tuple[array[int], array[float], float]:
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        units = float(font["head"].unitsPerEm)
        hmtx = font["hmtx"].metrics
        cmap = font.getBestCmap() or {}
        pairs = sorted(
            (code, hmtx[glyph][0] / units) for code, glyph in cmap.items() if glyph in hmtx
        )
    finally:
        font.close()
    return array("I", [c for c, _ in pairs]), array("d", [a for _, a in pairs]), units


class FileMetrics:
    """Advance widths read from font files; a character a font lacks counts as nominal
    (the renderer draws it from a fallback font)."""

    def __init__(self, files: dict[FontKey, tuple[Path, int]]) -> None:
        self._widths: dict[FontKey, Mapping[int, float]] = {}
        self._seen: dict[tuple[FontKey, str], float] = {}  # Widths looks up by bisection
        for key, (path, index) in files.items():
            try:
                self._widths[key] = _font_widths(str(path), index)[0]
            except Exception:  # an unreadable file: nominal widths (the PDF export says so)
                continue

    def advance(self, font: FontKey, char: str) -> float:
        seen = self._seen.get((font, char))
        if seen is not None:
            return seen
        widths = self._widths.get(font)
        found = None if widths is None else widths.get(ord(char))
        advance = nominal_advance(char) if found is None else found
        self._seen[(font, char)] = advance
        return advance
