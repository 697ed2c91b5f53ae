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

import struct
import sys
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import sfnt

# The PDF reference requires glyf, head, hhea, hmtx, loca and maxp; cvt, fpgm and prep only
# with hinting, which is left out (half the bytes of some fonts). Bitmaps (EBDT, several MB
# in simsun.ttc) and layout tables are never read.
# composite glyph flags
_WORDS = 0x1
_SCALE = 0x8
_MORE_COMPONENTS = 0x20
_XY_SCALE = 0x40
_TWO_BY_TWO = 0x80
_INSTRUCTIONS = 0x100


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
    with sfnt.open_face(path, index) as face:
        if b"glyf" not in face or b"loca" not in face:
            return None
        return _subset(face, chars)


def _subset(face: sfnt.Face, chars: str) -> TrueTypeSubset:
    head, hhea = face.table(b"head"), face.table(b"hhea")
    units = sfnt.units_per_em(face)
    bbox = struct.unpack_from(">hhhh", head, 36)
    (long_loca,) = struct.unpack_from(">h", head, 50)
    glyph_count = sfnt.glyph_count(face)
    ascent, descent = struct.unpack_from(">hh", hhea, 4)
    lookup = sfnt.cmap_lookup(face.table(b"cmap"))
    metric = sfnt.advances(face)
    loca = face.table(b"loca")

    def outline(gid: int) -> bytes:
        if long_loca:
            begin, end = struct.unpack_from(">II", loca, 4 * gid)
        else:
            begin, end = (2 * v for v in struct.unpack_from(">HH", loca, 2 * gid))
        return face.part(b"glyf", begin, end)

    glyphs: dict[str, tuple[int, int]] = {}
    for char in chars:
        gid = lookup(ord(char))
        if 0 < gid < glyph_count:
            glyphs[char] = (gid, metric(gid)[0])
    kept = _with_components({0, *(gid for gid, _ in glyphs.values())}, outline, glyph_count)
    copies = _own_glyphs(glyphs, kept, glyph_count)
    for new, old in copies.items():
        kept[new] = kept[old]
    offsets: list[int] = []  # every glyph not kept is empty: it ends where it starts
    parts: list[bytes] = []
    at = 0
    for gid in sorted(kept):
        offsets.extend([at] * (gid - len(offsets) + 1))
        body = _unhinted(kept[gid])
        body += b"\0" * (-len(body) % 4)
        parts.append(body)
        at += len(body)
    offsets.extend([at] * (glyph_count + 1 - len(offsets)))
    metrics = bytearray(4 * glyph_count)  # one long metric per glyph: zeros compress to nothing
    for gid in kept:
        struct.pack_into(">Hh", metrics, 4 * gid, *metric(copies.get(gid, gid)))
    new_hhea = bytearray(hhea)
    struct.pack_into(">H", new_hhea, 34, glyph_count)
    new_head = bytearray(head)
    struct.pack_into(">I", new_head, 8, 0)  # checkSumAdjustment, set below
    struct.pack_into(">h", new_head, 50, 1)  # long loca
    os2 = face.table(b"OS/2") if b"OS/2" in face else None
    out = {
        b"maxp": face.table(b"maxp"),
        b"head": bytes(new_head),
        b"hhea": bytes(new_hhea),
        b"hmtx": bytes(metrics),
        b"loca": struct.pack(f">{len(offsets)}I", *offsets),
        b"glyf": b"".join(parts),
        b"cmap": _new_cmap({ord(c): gid for c, (gid, _) in glyphs.items()}),
        b"post": _post(face.table(b"post") if b"post" in face else None),
    }
    if os2 is not None:
        out[b"OS/2"] = os2
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
        fs_type=sfnt.fs_type(face),
        postscript_name=_postscript_name(face.table(b"name") if b"name" in face else None),
    )


def _own_glyphs(
    glyphs: dict[str, tuple[int, int]], kept: dict[int, bytes], glyph_count: int
) -> dict[int, int]:
    """Each character its own glyph: a second character drawn with the same glyph (· and
    ・, - and the soft hyphen) gets a copy of it under a glyph id the subset leaves empty,
    so that its code in the PDF copies as itself, in readers that ignore ActualText too.
    Changes ``glyphs``; returns new glyph id → the glyph copied. The usual character of
    the two (NFKC-stable, as the text map prefers) keeps the original."""
    free = (gid for gid in range(glyph_count - 1, 0, -1) if gid not in kept)
    owner: dict[int, str] = {}
    copies: dict[int, int] = {}
    for char in sorted(glyphs, key=lambda c: (unicodedata.normalize("NFKC", c) != c, c)):
        gid, advance = glyphs[char]
        if gid not in owner:
            owner[gid] = char
            continue
        new = next(free, None)
        if new is None:  # no empty id left: the two share it (the page marks the other)
            break
        copies[new] = gid
        glyphs[char] = (new, advance)
    return copies


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
    words = array("I", data + b"\0" * (-len(data) % 4))  # 4-byte items where Qt 6 runs
    if sys.byteorder == "little":
        words.byteswap()
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
