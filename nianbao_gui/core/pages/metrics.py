"""How wide each character is, in ems of its font.

``NominalMetrics`` is what the standard's fonts give: a Chinese character, a full-width mark,
quotes, dashes and ellipses one em; digits, Latin letters and half-width marks half an em
(仿宋_GB2312, 楷体_GB2312, 黑体 and 宋体 draw them that way). ``FileMetrics`` reads the
advance widths of real font files (the PDF's fonts, or the substitutes a renderer uses), so
that the layout breaks lines where that renderer does.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Protocol


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


@lru_cache(maxsize=16)
def _font_widths(path: str, index: int) -> tuple[dict[int, float], float]:
    """Code point → advance in ems for one font file (a .ttc by its index)."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    units = float(font["head"].unitsPerEm)
    hmtx = font["hmtx"].metrics
    cmap = font.getBestCmap() or {}
    widths = {code: hmtx[glyph][0] / units for code, glyph in cmap.items() if glyph in hmtx}
    font.close()
    return widths, units


class FileMetrics:
    """Advance widths read from font files; a character a font lacks counts as nominal
    (the renderer draws it from a fallback font)."""

    def __init__(self, files: dict[FontKey, tuple[Path, int]]) -> None:
        self._widths: dict[FontKey, dict[int, float]] = {}
        for key, (path, index) in files.items():
            try:
                self._widths[key] = _font_widths(str(path), index)[0]
            except Exception:  # an unreadable file: nominal widths (the PDF export says so)
                continue

    def advance(self, font: FontKey, char: str) -> float:
        widths = self._widths.get(font)
        if widths is None:
            return nominal_advance(char)
        found = widths.get(ord(char))
        return nominal_advance(char) if found is None else found
