"""Reading the few tables of a font file the pages need, without decoding the font.

fontTools decodes a whole table before answering: a CJK font's cmap (30,000 entries),
hmtx, and the glyph names of ``post`` cost it 0.2–0.5 s a file. The layout needs only
character → advance, and the PDF's subsets only the outlines of a few hundred characters.
This reads the table directory of a face (a .ttc by its index) and the tables asked for,
and answers from their bytes. Works for TrueType and CFF outlines alike (both are sfnt).
A damaged file raises ValueError or struct.error.
"""

from __future__ import annotations

import os
import stat
import struct
from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

# Unicode subtables, as fontTools' getBestCmap takes them (format 12 before format 4)
_UNICODE = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))
_MAX_CODES = 0x110000


class UnknownCmap(ValueError):
    """The font maps characters only in a cmap format this reader does not know."""


class Face:
    """One face of an open font file: where its tables are, and their bytes on request."""

    def __init__(self, handle: BinaryIO, index: int) -> None:
        self._handle = handle
        self.places = _directory(handle, index)
        self._tables: dict[bytes, bytes] = {}  # head, hhea… are asked for by several readers

    def __contains__(self, tag: bytes) -> bool:
        return tag in self.places

    def table(self, tag: bytes) -> bytes:
        if tag not in self._tables:
            offset, length = self._place(tag)
            self._tables[tag] = _read(self._handle, offset, length)
        return self._tables[tag]

    def part(self, tag: bytes, begin: int, end: int) -> bytes:
        """Bytes ``begin:end`` of a table: one glyph of a glyf table of 10 MB."""
        offset, length = self._place(tag)
        if not 0 <= begin <= end <= length:
            raise ValueError(f"{tag!r} has no bytes {begin}:{end}")
        return _read(self._handle, offset + begin, end - begin)

    def _place(self, tag: bytes) -> tuple[int, int]:
        if tag not in self.places:
            raise ValueError(f"the font has no {tag.decode('latin-1')!r} table")
        return self.places[tag]


class NotAFile(ValueError):
    """The path is a folder, a pipe or a device: nothing a font can be read from."""


@contextmanager
def open_face(path: Path | str, index: int) -> Iterator[Face]:
    """Face ``index`` of the font file at ``path``. Opened without blocking and checked to
    be a regular file before a byte is read: a pipe put where a font was (behind
    fontconfig's cache) would otherwise hang the export for ever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFile(f"{path} is not a regular file")
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield Face(handle, index)


def _read(handle: BinaryIO, offset: int, length: int) -> bytes:
    handle.seek(offset)  # not os.pread: Windows has none
    data = handle.read(length)
    if len(data) != length:
        raise ValueError("font file shorter than its table directory says")
    return data


def _directory(handle: BinaryIO, index: int) -> dict[bytes, tuple[int, int]]:
    """Where each table of face ``index`` is: tag → (offset, length)."""
    start = 0
    head = _read(handle, 0, 12)
    if head[:4] == b"ttcf":
        (count,) = struct.unpack_from(">I", head, 8)
        if not 0 <= index < count:
            raise ValueError("no such face")
        (start,) = struct.unpack(">I", _read(handle, 12 + 4 * index, 4))
        head = _read(handle, start, 12)
    elif index != 0:
        raise ValueError("no such face")
    if head[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        raise ValueError("not a TrueType/OpenType font")
    (count,) = struct.unpack_from(">H", head, 4)
    directory = _read(handle, start + 12, 16 * count)
    size = os.fstat(handle.fileno()).st_size
    places: dict[bytes, tuple[int, int]] = {}
    for at in range(0, 16 * count, 16):
        offset, length = struct.unpack_from(">II", directory, at + 8)
        if offset + length > size:  # checked before anything is read: no 4 GB buffers
            raise ValueError("a table runs past the end of the font file")
        places[directory[at : at + 4]] = (offset, length)
    return places


def glyph_count(face: Face) -> int:
    return int(struct.unpack(">H", face.table(b"maxp")[4:6])[0])


def units_per_em(face: Face) -> int:
    units = int(struct.unpack(">H", face.table(b"head")[18:20])[0])
    if not 16 <= units <= 16384:  # the range OpenType allows; 0 would divide by zero
        raise ValueError(f"unitsPerEm {units}")
    return units


def fs_type(face: Face) -> int:
    """OS/2 fsType: what the font's licence allows (0 when it has no OS/2 table)."""
    if b"OS/2" not in face:
        return 0
    os2 = face.table(b"OS/2")
    return int(struct.unpack_from(">H", os2, 8)[0]) if len(os2) >= 10 else 0


def embedding_forbidden(fs_type: int) -> bool:
    """Bits 0–3: 0 installable, 2 restricted (no embedding), 4 preview & print, 8 editable;
    bit 8 (0x100) forbids subsetting, which a PDF of a few characters relies on; bit 9
    (0x200) allows bitmaps only, and the PDF embeds outlines."""
    return fs_type & 0x000F == 0x0002 or bool(fs_type & 0x0300)


def advances(face: Face) -> Callable[[int], tuple[int, int]]:
    """Glyph id → (advance, left side bearing) in font units, from hhea and hmtx."""
    (long_count,) = struct.unpack(">H", face.table(b"hhea")[34:36])
    hmtx = face.table(b"hmtx")
    if long_count == 0:
        raise ValueError("hmtx without metrics")
    # checked once here, not at every glyph: a short hmtx (hhea counting more metrics than
    # the table holds) would otherwise fail in the middle of a layout
    count = glyph_count(face)
    if len(hmtx) < 4 * long_count + 2 * max(0, count - long_count):
        raise ValueError("hmtx shorter than hhea and maxp say")
    (last,) = struct.unpack_from(">H", hmtx, 4 * (long_count - 1))

    def metric(gid: int) -> tuple[int, int]:
        if gid < long_count:
            advance, bearing = struct.unpack_from(">Hh", hmtx, 4 * gid)
            return int(advance), int(bearing)
        (bearing,) = struct.unpack_from(">h", hmtx, 4 * long_count + 2 * (gid - long_count))
        return int(last), int(bearing)

    return metric


def _subtable(cmap: bytes) -> tuple[int, int]:
    """(format, offset) of the best Unicode subtable that is format 12 or 4."""
    (count,) = struct.unpack_from(">H", cmap, 2)
    found: dict[tuple[int, int], int] = {}
    for at in range(4, 4 + 8 * count, 8):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, at)
        found.setdefault((platform, encoding), offset)
    for key in _UNICODE:
        if key in found:
            (fmt,) = struct.unpack_from(">H", cmap, found[key])
            if fmt in (4, 12):
                return int(fmt), found[key]
    raise UnknownCmap("no Unicode cmap of format 4 or 12")


def cmap_lookup(cmap: bytes) -> Callable[[int], int]:
    """Code point → glyph id (0 when absent), by bisection in the subtable."""
    fmt, start = _subtable(cmap)
    if fmt == 12:
        (groups,) = struct.unpack_from(">I", cmap, start + 12)
        rows = struct.unpack_from(f">{3 * groups}I", cmap, start + 16)
        firsts, lasts, first_gids = rows[0::3], rows[1::3], rows[2::3]

        def by_groups(code: int) -> int:
            i = bisect_left(lasts, code)
            if i == groups or code < firsts[i]:
                return 0
            return int(first_gids[i]) + code - int(firsts[i])

        return by_groups
    (seg_x2,) = struct.unpack_from(">H", cmap, start + 6)
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", cmap, start + 14)
    starts = struct.unpack_from(f">{segs}H", cmap, start + 16 + seg_x2)
    deltas = struct.unpack_from(f">{segs}h", cmap, start + 16 + 2 * seg_x2)
    range_at = start + 16 + 3 * seg_x2
    ranges = struct.unpack_from(f">{segs}H", cmap, range_at)

    def by_segments(code: int) -> int:
        i = bisect_left(ends, code)
        if i == segs or code < starts[i]:
            return 0
        if ranges[i] == 0:
            return (code + int(deltas[i])) & 0xFFFF
        at = range_at + 2 * i + ranges[i] + 2 * (code - starts[i])
        (gid,) = struct.unpack_from(">H", cmap, at)
        return (int(gid) + int(deltas[i])) & 0xFFFF if gid else 0

    return by_segments


def cmap_codes(cmap: bytes) -> list[tuple[int, int]]:
    """Every (code point, glyph id) the best Unicode subtable maps, glyph id > 0."""
    fmt, start = _subtable(cmap)
    pairs: list[tuple[int, int]] = []
    if fmt == 12:
        (groups,) = struct.unpack_from(">I", cmap, start + 12)
        rows = struct.unpack_from(f">{3 * groups}I", cmap, start + 16)
        for g in range(groups):
            first, last, gid = rows[3 * g : 3 * g + 3]
            codes = range(first, last + 1)
            _room(pairs, codes)
            pairs.extend(zip(codes, range(gid, gid + len(codes)), strict=True))
    else:
        lookup = cmap_lookup(cmap)
        (seg_x2,) = struct.unpack_from(">H", cmap, start + 6)
        segs = seg_x2 // 2
        ends = struct.unpack_from(f">{segs}H", cmap, start + 14)
        starts = struct.unpack_from(f">{segs}H", cmap, start + 16 + seg_x2)
        deltas = struct.unpack_from(f">{segs}h", cmap, start + 16 + 2 * seg_x2)
        ranges = struct.unpack_from(f">{segs}H", cmap, start + 16 + 3 * seg_x2)
        for first, last, delta, offset in zip(starts, ends, deltas, ranges, strict=True):
            codes = range(first, min(last, 0xFFFE) + 1)
            _room(pairs, codes)
            if offset == 0:  # the common case, without a lookup per character
                pairs.extend((code, (code + delta) & 0xFFFF) for code in codes)
            else:
                pairs.extend((code, lookup(code)) for code in codes)
    return [(code, gid) for code, gid in pairs if gid]


def _room(pairs: list[tuple[int, int]], more: range) -> None:
    """A damaged cmap whose groups overlap could list billions of codes: stop at Unicode's
    size."""
    if len(pairs) + len(more) > _MAX_CODES:
        raise ValueError("the cmap maps more codes than Unicode has")


# Windows language ids of Chinese names: Simplified (PRC, Singapore) first
_CHINESE = (0x0804, 0x1004, 0x0404, 0x0C04, 0x1404)


def family_names(face: Face) -> list[str]:
    """The face's family names (name ids 16 and 1; Unicode and Windows records), Simplified
    Chinese first, then the other Chinese ones, then the rest (English): "黑体", "SimHei"."""
    if b"name" not in face:
        return []
    table = face.table(b"name")
    count, strings = struct.unpack_from(">2xHH", table, 0)
    found: list[tuple[int, str]] = []
    for at in range(6, 6 + 12 * count, 12):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(
            ">6H", table, at
        )
        if name_id not in (1, 16) or platform not in (0, 3) or (platform, encoding) == (3, 0):
            continue  # (3, 0) is the Symbol encoding; Macintosh records are in legacy ones
        raw = table[strings + offset : strings + offset + length]
        name = raw.decode("utf-16-be", "replace").replace("\0", "").strip()
        if name and "\ufffd" not in name:
            rank = _CHINESE.index(language) if platform == 3 and language in _CHINESE else 9
            found.append((2 * rank + (name_id != 16), name))
    return list(dict.fromkeys(name for _rank, name in sorted(found, key=lambda f: f[0])))
