"""A TrueType subset that keeps the font's glyph ids, made without decoding the font.

fontTools' subsetter spends 0.3–0.5 s on one CJK TrueType file (decoding its whole cmap,
the glyph names of ``post``, every ``loca`` entry) to copy a few hundred outlines. This
module reads the table directory, looks each character up in the cmap (format 4 or 12) and
copies the outlines it needs, and the parts of composite glyphs, byte for byte. Every other
glyph is left empty, so glyph ids stay the original's: the PDF draws by those ids
(``CIDToGIDMap /Identity``). Hinting is left out, as fontTools' subsets here did: on paper
and at a PDF viewer's sizes it changes nothing, and it is half the bytes of some fonts.

CFF outlines (``OTTO``) are not handled here: ``make`` returns None and fontTools does it.
"""

from __future__ import annotations

import os
import struct
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# tables copied as they are (the PDF reference requires glyf, head, hhea, hmtx, loca, maxp;
# cvt, fpgm and prep only with hinting, which is left out: half the bytes of some fonts)
_COPIED = (b"OS/2", b"maxp")
_WORDS, _SCALE, _MORE_COMPONENTS, _XY_SCALE, _TWO_BY_TWO, _INSTRUCTIONS = (
    0x1,
    0x8,
    0x20,
    0x40,
    0x80,
    0x100,
)


@dataclass(frozen=True)
class TrueTypeSubset:
    program: bytes  # the subset font file (not compressed)
    glyphs: dict[str, tuple[int, int]]  # character → (glyph id, advance in font units)
    units_per_em: int
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int
    fs_type: int
    postscript_name: str


def make(path: Path, index: int, chars: str) -> TrueTypeSubset | None:
    """The subset of face ``index`` of ``path`` for ``chars`` (characters the font lacks
    are left out); None when the font's outlines are not TrueType. ValueError or
    struct.error when the file is damaged."""
    with path.open("rb") as handle:
        places = _directory(handle.fileno(), index)
        if b"glyf" not in places or b"loca" not in places:
            return None
        # every table but the outlines is read whole (tens of KB); outlines one by one
        tables = {
            tag: _read(handle.fileno(), offset, length)
            for tag, (offset, length) in places.items()
            if tag != b"glyf"
        }
        glyf_at, glyf_length = places[b"glyf"]

        def glyf(begin: int, end: int) -> bytes:
            if not 0 <= begin <= end <= glyf_length:
                raise ValueError("glyph outside the glyf table")
            return _read(handle.fileno(), glyf_at + begin, end - begin)

        return _subset(tables, glyf, chars)


def _read(fd: int, offset: int, length: int) -> bytes:
    data = os.pread(fd, length, offset)
    if len(data) != length:
        raise ValueError("font file shorter than its table directory says")
    return data


def _directory(fd: int, index: int) -> dict[bytes, tuple[int, int]]:
    """Where each table of face ``index`` is: tag → (offset, length)."""
    start = 0
    head = _read(fd, 0, 12)
    if head[:4] == b"ttcf":
        (count,) = struct.unpack_from(">I", head, 8)
        if not 0 <= index < count:
            raise ValueError("no such face")
        (start,) = struct.unpack(">I", _read(fd, 12 + 4 * index, 4))
        head = _read(fd, start, 12)
    elif index != 0:
        raise ValueError("no such face")
    (count,) = struct.unpack_from(">H", head, 4)
    directory = _read(fd, start + 12, 16 * count)
    size = os.fstat(fd).st_size
    places: dict[bytes, tuple[int, int]] = {}
    for at in range(0, 16 * count, 16):
        offset, length = struct.unpack_from(">II", directory, at + 8)
        if offset + length > size:  # checked before anything is read: no 4 GB buffers
            raise ValueError("a table runs past the end of the font file")
        places[directory[at : at + 4]] = (offset, length)
    return places


def _subset(
    tables: dict[bytes, bytes], glyf: Callable[[int, int], bytes], chars: str
) -> TrueTypeSubset:
    head, hhea, maxp = tables[b"head"], tables[b"hhea"], tables[b"maxp"]
    (units,) = struct.unpack_from(">H", head, 18)
    bbox = struct.unpack_from(">hhhh", head, 36)
    (long_loca,) = struct.unpack_from(">h", head, 50)
    (glyph_count,) = struct.unpack_from(">H", maxp, 4)
    ascent, descent = struct.unpack_from(">hh", hhea, 4)
    (metric_count,) = struct.unpack_from(">H", hhea, 34)
    lookup = _cmap(tables[b"cmap"])
    loca, hmtx = tables[b"loca"], tables[b"hmtx"]

    def outline(gid: int) -> bytes:
        if long_loca:
            begin, end = struct.unpack_from(">II", loca, 4 * gid)
        else:
            begin, end = (2 * v for v in struct.unpack_from(">HH", loca, 2 * gid))
        return glyf(begin, end)

    def metric(gid: int) -> tuple[int, int]:
        if gid < metric_count:
            advance, bearing = struct.unpack_from(">Hh", hmtx, 4 * gid)
            return advance, bearing
        (advance,) = struct.unpack_from(">H", hmtx, 4 * (metric_count - 1))
        (bearing,) = struct.unpack_from(">h", hmtx, 4 * metric_count + 2 * (gid - metric_count))
        return advance, bearing

    glyphs: dict[str, tuple[int, int]] = {}
    for char in chars:
        gid = lookup(ord(char))
        if 0 < gid < glyph_count:
            glyphs[char] = (gid, metric(gid)[0])
    kept = _with_components({0, *(gid for gid, _ in glyphs.values())}, outline, glyph_count)
    offsets, parts, at = [], [], 0
    for gid in range(glyph_count):
        offsets.append(at)
        if gid in kept:
            body = _unhinted(kept[gid])
            body += b"\0" * (-len(body) % 4)
            parts.append(body)
            at += len(body)
    offsets.append(at)
    metrics = bytearray(4 * glyph_count)  # one long metric per glyph: zeros compress to nothing
    for gid in kept:
        struct.pack_into(">Hh", metrics, 4 * gid, *metric(gid))
    new_hhea = bytearray(hhea)
    struct.pack_into(">H", new_hhea, 34, glyph_count)
    new_head = bytearray(head)
    struct.pack_into(">I", new_head, 8, 0)  # checkSumAdjustment, set below
    struct.pack_into(">h", new_head, 50, 1)  # long loca
    out = {tag: bytes(tables[tag]) for tag in _COPIED if tag in tables}
    out.update(
        {
            b"head": bytes(new_head),
            b"hhea": bytes(new_hhea),
            b"hmtx": bytes(metrics),
            b"loca": struct.pack(f">{len(offsets)}I", *offsets),
            b"glyf": b"".join(parts),
            b"cmap": _new_cmap({ord(c): gid for c, (gid, _) in glyphs.items()}),
            b"post": _post(tables.get(b"post")),
        }
    )
    os2 = tables.get(b"OS/2")
    fs_type = struct.unpack_from(">H", os2, 8)[0] if os2 is not None and len(os2) >= 10 else 0
    cap = 0
    if os2 is not None and len(os2) >= 90 and struct.unpack_from(">H", os2, 0)[0] >= 2:
        (cap,) = struct.unpack_from(">h", os2, 88)
    return TrueTypeSubset(
        program=_font_file(out),
        glyphs=glyphs,
        units_per_em=units,
        bbox=(bbox[0], bbox[1], bbox[2], bbox[3]),
        ascent=ascent,
        descent=descent,
        cap_height=cap or ascent,
        fs_type=fs_type,
        postscript_name=_postscript_name(tables.get(b"name")),
    )


def _with_components(
    gids: set[int], outline: Callable[[int], bytes], glyph_count: int
) -> dict[int, bytes]:
    """The outlines of ``gids`` and of every glyph their composite glyphs are built from,
    however deep."""
    kept: dict[int, bytes] = {}
    todo = list(gids)
    while todo:
        gid = todo.pop()
        if gid in kept or not 0 <= gid < glyph_count:
            continue
        body = kept[gid] = outline(gid)
        todo.extend(part for _at, _flags, part in _components(body)[0])
    return kept


def _components(body: bytes) -> tuple[list[tuple[int, int, int]], int]:
    """A composite glyph's parts (where its flags are, the flags, the glyph id) and where
    they end; nothing for a simple or empty glyph."""
    if len(body) < 10 or struct.unpack_from(">h", body, 0)[0] >= 0:
        return [], 0
    parts, at = [], 10
    while True:
        flags, part = struct.unpack_from(">HH", body, at)
        parts.append((at, flags, part))
        at += 4 + (4 if flags & _WORDS else 2)
        if flags & _SCALE:
            at += 2
        elif flags & _XY_SCALE:
            at += 4
        elif flags & _TWO_BY_TWO:
            at += 8
        if not flags & _MORE_COMPONENTS:
            return parts, at


def _unhinted(body: bytes) -> bytes:
    """The outline without its TrueType instructions (the hinting programs are not copied)."""
    if len(body) < 10:
        return body
    (contours,) = struct.unpack_from(">h", body, 0)
    if contours >= 0:
        at = 10 + 2 * contours
        (length,) = struct.unpack_from(">H", body, at)
        return body[:at] + b"\0\0" + body[at + 2 + length :]
    parts, end = _components(body)
    out = bytearray(body[:end])
    last_at, last_flags, _part = parts[-1]
    struct.pack_into(">H", out, last_at, last_flags & ~_INSTRUCTIONS)
    return bytes(out)


def _cmap(table: bytes) -> Callable[[int], int]:
    """A function from code point to glyph id (0 when absent), read from the best Unicode
    subtable: format 12 (every plane) before format 4 (the BMP)."""
    (count,) = struct.unpack_from(">H", table, 2)
    found: dict[int, int] = {}
    for at in range(4, 4 + 8 * count, 8):
        platform, encoding, offset = struct.unpack_from(">HHI", table, at)
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3)):
            (fmt,) = struct.unpack_from(">H", table, offset)
            found.setdefault(fmt, offset)
    if 12 in found:
        start = found[12]
        (groups,) = struct.unpack_from(">I", table, start + 12)
        rows = struct.unpack_from(f">{3 * groups}I", table, start + 16)
        firsts, lasts, first_gids = rows[0::3], rows[1::3], rows[2::3]

        def by_groups(code: int) -> int:
            i = bisect_left(lasts, code)
            if i == groups or code < firsts[i]:
                return 0
            return int(first_gids[i]) + code - int(firsts[i])

        return by_groups
    if 4 not in found:
        raise ValueError("no Unicode cmap")
    start = found[4]
    (seg_x2,) = struct.unpack_from(">H", table, start + 6)
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", table, start + 14)
    starts = struct.unpack_from(f">{segs}H", table, start + 16 + seg_x2)
    deltas = struct.unpack_from(f">{segs}h", table, start + 16 + 2 * seg_x2)
    range_at = start + 16 + 3 * seg_x2
    ranges = struct.unpack_from(f">{segs}H", table, range_at)

    def by_segments(code: int) -> int:
        i = bisect_left(ends, code)
        if i == segs or code < starts[i]:
            return 0
        if ranges[i] == 0:
            return (code + int(deltas[i])) & 0xFFFF
        at = range_at + 2 * i + ranges[i] + 2 * (code - starts[i])
        (gid,) = struct.unpack_from(">H", table, at)
        return (int(gid) + deltas[i]) & 0xFFFF if gid else 0

    return by_segments


def _new_cmap(glyphs: dict[int, int]) -> bytes:
    """A cmap of the subset's characters, for viewers that look characters up: format 12
    (Windows, every plane) and, up to 8,190 characters, format 4 (Windows BMP)."""
    every = sorted(glyphs)
    fmt12 = struct.pack(">HHIII", 12, 0, 16 + 12 * len(every), 0, len(every))
    fmt12 += b"".join(struct.pack(">III", c, c, glyphs[c]) for c in every)
    bmp = [code for code in every if code < 0xFFFF]
    segs = len(bmp) + 1  # one segment a character, and the closing 0xFFFF
    if 16 + 8 * segs > 0xFFFF:
        return struct.pack(">HHHHI", 0, 1, 3, 10, 12) + fmt12
    power = 1 << (segs.bit_length() - 1)
    fmt4 = struct.pack(
        ">7H", 4, 16 + 8 * segs, 0, 2 * segs, 2 * power, power.bit_length() - 1, 2 * (segs - power)
    )
    fmt4 += struct.pack(f">{segs}H", *bmp, 0xFFFF) + b"\0\0"  # ends, then reservedPad
    fmt4 += struct.pack(f">{segs}H", *bmp, 0xFFFF)  # starts
    fmt4 += struct.pack(f">{segs}H", *((glyphs[c] - c) & 0xFFFF for c in bmp), 1)  # deltas
    fmt4 += b"\0\0" * segs  # no range offsets
    header = struct.pack(">HHHHIHHI", 0, 2, 3, 1, 20, 3, 10, 20 + len(fmt4))
    return header + fmt4 + fmt12


def _post(table: bytes | None) -> bytes:
    """``post`` version 3: the original's angle and underline, no glyph names."""
    post = bytearray(32)
    if table is not None and len(table) >= 32:
        post[:] = table[:32]
    struct.pack_into(">I", post, 0, 0x30000)
    post[16:32] = bytes(16)  # memory hints of the whole font
    return bytes(post)


def _font_file(tables: dict[bytes, bytes]) -> bytes:
    """An sfnt file of ``tables``: sorted directory, 4-byte aligned tables, checksums, and
    head's checkSumAdjustment."""
    tags = sorted(tables)
    power = 1 << (len(tags).bit_length() - 1)
    shift = 16 * (len(tags) - power)
    out = bytearray(
        struct.pack(">IHHHH", 0x10000, len(tags), 16 * power, power.bit_length() - 1, shift)
    )
    at = 12 + 16 * len(tags)
    body = bytearray()
    head_at = 0
    for tag in tags:
        data = tables[tag]
        if tag == b"head":
            head_at = at + len(body)
        out += struct.pack(">4sIII", tag, _checksum(data), at + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    out += body
    struct.pack_into(">I", out, head_at + 8, (0xB1B0AFBA - _checksum(bytes(out))) & 0xFFFFFFFF)
    return bytes(out)


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF


def _postscript_name(table: bytes | None) -> str:
    """Name 6 (the PostScript name), from a Windows (UTF-16) or Macintosh record."""
    if table is None:
        return ""
    count, strings = struct.unpack_from(">2xHH", table, 0)
    for at in range(6, 6 + 12 * count, 12):
        platform, _, _, name_id, length, offset = struct.unpack_from(">6H", table, at)
        if name_id != 6:
            continue
        raw = bytes(table[strings + offset : strings + offset + length])
        return raw.decode("utf-16-be", "replace") if platform in (0, 3) else raw.decode("latin-1")
    return ""
