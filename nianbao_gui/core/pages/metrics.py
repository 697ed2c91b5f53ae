"""How wide each character is, in ems of its font.

``NominalMetrics`` is what the standard's fonts give: a Chinese character, a full-width mark,
quotes, dashes and ellipses one em; digits, Latin letters and half-width marks half an em
(仿宋_GB2312, 楷体_GB2312, 黑体 and 宋体 draw them that way). ``FileMetrics`` reads the
advance widths of real font files (the PDF's fonts, or the substitutes a renderer uses), so
that the layout breaks lines where that renderer does.
"""

from __future__ import annotations

import struct
import unicodedata
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..typeset.options import FontKey as FontKey  # re-exported: the layout names it here
from . import sfnt


class Metrics(Protocol):
    def advance(self, font: FontKey, char: str) -> float:
        """The advance width of ``char`` in ``font``, in ems."""
        ...


# drawn nowhere (the PDF leaves them out): a soft hyphen, zero-width spaces and joiners
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def nominal_advance(char: str) -> float:
    if char == "\t" or char in INVISIBLE:
        return 0.0
    return 1.0 if unicodedata.east_asian_width(char) in "WFA" else 0.5


class NominalMetrics:
    """Full-width 1 em, half-width ½ em: the fonts the standard names."""

    def advance(self, font: FontKey, char: str) -> float:
        return nominal_advance(char)

    def vertical(self, font: FontKey) -> tuple[float, float] | None:
        return None  # pages.table_rows takes its nominal values


class Widths(Mapping[int, float]):
    """Code point → advance in ems of one font, looked up in its cmap and hmtx tables when
    asked: opening a CJK font this way takes 1–3 ms and a character about 2 µs, where
    reading all of its 30–65 thousand widths takes 20–60 ms (fontTools: 0.1–0.3 s)."""

    def __init__(self, face: sfnt.Face) -> None:
        self._cmap = face.table(b"cmap")
        self._lookup = sfnt.cmap_lookup(self._cmap)
        self._metric = sfnt.advances(face)
        self._count = sfnt.glyph_count(face)
        self._units = float(sfnt.units_per_em(face))

    def _glyph(self, code: object) -> int:
        if not isinstance(code, int) or not 0 <= code < 0x110000:
            return 0
        try:
            gid = self._lookup(code)
        except (struct.error, ValueError):  # a damaged cmap segment: as if absent
            return 0
        return gid if gid < self._count else 0

    def __getitem__(self, code: int) -> float:
        gid = self._glyph(code)
        if not gid:
            raise KeyError(code)
        return self._metric(gid)[0] / self._units

    def __contains__(self, code: object) -> bool:
        return bool(self._glyph(code))

    def __iter__(self) -> Iterator[int]:
        # as looked up: in a damaged cmap (segments out of order) a listed code may not be
        return iter(sorted(c for c, _ in sfnt.cmap_codes(self._cmap) if self._glyph(c)))

    def __len__(self) -> int:
        return sum(1 for _ in self)


@lru_cache(maxsize=16)
def _font_widths(path: str, index: int) -> Mapping[int, float]:
    """Code point → advance in ems for one font file (a .ttc by its index)."""
    try:
        with sfnt.open_face(path, index) as face:
            return Widths(face)
    except sfnt.UnknownCmap:
        return _read_font_with_fonttools(path, index)


def _read_font_with_fonttools(path: str, index: int) -> dict[int, float]:
    """Every character's advance as fontTools reads it: for a cmap ``sfnt`` does not know
    (neither format 4 nor 12), and in the tests as the reference."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        units = float(font["head"].unitsPerEm)
        hmtx = font["hmtx"].metrics
        cmap = font.getBestCmap() or {}
        return {
            code: hmtx[glyph][0] / units for code, glyph in sorted(cmap.items()) if glyph in hmtx
        }
    finally:
        font.close()


def _font_vertical(path: str, index: int) -> tuple[float, float]:
    import struct

    from .sfnt import open_face, units_per_em

    with open_face(path, index) as face:
        units = units_per_em(face)
        ascent, descent, gap = struct.unpack(">hhh", face.table(b"hhea")[4:10])
    return ascent / units, (ascent - descent + gap) / units


class FileMetrics:
    """Advance widths read from font files; a character a font lacks counts as nominal
    (the renderer draws it from a fallback font)."""

    def __init__(
        self, files: dict[FontKey, tuple[Path, int]], notes: tuple[str, ...] = ()
    ) -> None:
        self.notes = notes  # what the font search had to say (a font missing, damaged…)
        self._widths: dict[FontKey, Mapping[int, float]] = {}
        self._seen: dict[tuple[FontKey, str], float] = {}  # Widths looks up by bisection
        self._vertical: dict[FontKey, tuple[float, float]] = {}
        for key, (path, index) in files.items():
            try:
                self._widths[key] = _font_widths(str(path), index)
                self._vertical[key] = _font_vertical(str(path), index)
            except Exception:  # an unreadable file: nominal widths (the PDF export says so)
                continue

    def vertical(self, font: FontKey) -> tuple[float, float] | None:
        """(ascent, single line height) in ems from the font's ``hhea``: how tall
        LibreOffice makes a single-spaced line (a table's cells)."""
        return self._vertical.get(font)

    def advance(self, font: FontKey, char: str) -> float:
        seen = self._seen.get((font, char))
        if seen is not None:
            return seen
        widths = self._widths.get(font)
        found = None if widths is None or char in INVISIBLE else widths.get(ord(char))
        advance = nominal_advance(char) if found is None else found
        self._seen[(font, char)] = advance
        return advance
