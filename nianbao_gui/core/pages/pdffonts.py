"""Font subsets for the PDF: made once per font and character set, then cached.

TrueType fonts (simfang.ttf and the other Windows fonts, most Linux CJK fonts) are
subset by ``ttfsubset`` in 10–20 ms: it copies the outlines of the characters and keeps
glyph ids (``FontFile2``, CID = glyph id). CFF fonts (Noto CJK) go through fontTools,
which reads the 10–20 MB font and subsets it in about 1.5 s, and embed the bare CFF table
(``FontFile3``/``CIDFontType0C``), whose CIDs are the original font's when it is
CID-keyed; their bounding boxes are not recomputed (the original font's are kept: valid,
if a little large), which halves fontTools' time.

Either way the subset is kept twice: in this process (repeated exports of a draft cost
nothing for fonts) and on disk in the user's cache folder (the first export in a new
process reads a file of ~150 KB), keyed by the font file (path, face, size, modification
time) and the characters. A font whose OS/2 ``fsType`` forbids embedding or subsetting is
refused here too, whoever picked it.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_write_bytes
from . import sfnt, ttfsubset

_FORMAT = 1  # bump when the cached entries change shape
_KEEP = 16  # subsets kept in memory (a few drafts × five fonts)
_KEEP_ON_DISK = 60  # ~10 MB


class FontRefused(Exception):
    """The font's licence (OS/2 fsType) forbids embedding it in a PDF."""


@dataclass(frozen=True)
class Subset:
    """One embedded font: ``codes`` maps a character to its 2-byte code in the content
    (CID) and its advance in 1/1000 em. ``program`` is Flate-compressed."""

    name: str  # PostScript name, with the ABCDEF+ subset tag
    cff: bool
    program: bytes
    codes: dict[str, tuple[int, int]]
    bbox: tuple[int, int, int, int]  # 1/1000 em
    ascent: int
    descent: int
    cap_height: int
    ros: tuple[str, str, int]  # CIDSystemInfo

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": _FORMAT,
                "name": self.name,
                "cff": self.cff,
                "codes": self.codes,
                "bbox": self.bbox,
                "ascent": self.ascent,
                "descent": self.descent,
                "cap_height": self.cap_height,
                "ros": self.ros,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, program: bytes) -> Subset:
        data = json.loads(text)
        if data.get("format") != _FORMAT:
            raise ValueError("old cache entry")
        return cls(
            name=str(data["name"]),
            cff=bool(data["cff"]),
            program=program,
            codes={str(c): (int(v[0]), int(v[1])) for c, v in data["codes"].items()},
            bbox=tuple(int(v) for v in data["bbox"]),  # type: ignore[arg-type]
            ascent=int(data["ascent"]),
            descent=int(data["descent"]),
            cap_height=int(data["cap_height"]),
            ros=(str(data["ros"][0]), str(data["ros"][1]), int(data["ros"][2])),
        )


# key → (font file, characters asked for, subset), newest last
_memory: OrderedDict[str, tuple[str, frozenset[str], Subset]] = OrderedDict()


def _file(path: Path, index: int) -> str:
    stat = path.stat()
    return f"{path.resolve()}\0{index}\0{stat.st_size}\0{stat.st_mtime_ns}"


def subset(path: Path, index: int, chars: set[str], cache: Path | None) -> Subset:
    """A subset of font ``path`` (face ``index``) that holds ``chars``: from memory (one
    made for these characters or more: after text was deleted), from the disk cache, or
    made now (and cached). FontRefused when its licence forbids it; other exceptions when
    fontTools cannot read the file."""
    file = _file(path, index)
    for key in reversed(_memory):
        held_file, held, found = _memory[key]
        if held_file == file and chars <= held:
            _memory.move_to_end(key)
            return found
    wanted = "".join(sorted(chars))
    key = hashlib.sha256(
        f"{_FORMAT}\0{file}\0{wanted}".encode("utf-8", "surrogatepass")
    ).hexdigest()[:32]
    made = _read(cache, key) if cache is not None else None
    if made is None:
        made = _make(path, index, wanted, key)
        if cache is not None:
            _write(cache, key, made)
    _memory[key] = (file, frozenset(chars), made)
    while len(_memory) > _KEEP:
        _memory.popitem(last=False)
    return made


def _read(cache: Path, key: str) -> Subset | None:
    try:
        text = (cache / f"{key}.json").read_text(encoding="utf-8")
        program = (cache / f"{key}.bin").read_bytes()
        return Subset.from_json(text, program)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # absent or unreadable: made again


def _write(cache: Path, key: str, found: Subset) -> None:
    try:  # program first: an entry counts once its .json is there
        cache.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(cache / f"{key}.bin", found.program)
        atomic_write_bytes(cache / f"{key}.json", found.to_json().encode("utf-8"))
        _prune(cache)
    except Exception:  # a cache that cannot be written only costs time
        logging.getLogger(__name__).debug("font cache not written", exc_info=True)


def _prune(cache: Path) -> None:
    """Keep the newest ``_KEEP_ON_DISK`` entries: every edit that adds characters makes
    new subsets (~150 KB a font), which would otherwise pile up for ever."""
    entries = sorted(cache.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[_KEEP_ON_DISK:]:
        old.unlink(missing_ok=True)
        old.with_suffix(".bin").unlink(missing_ok=True)


def _make(path: Path, index: int, chars: str, key: str) -> Subset:
    truetype = ttfsubset.make(path, index, chars)
    if truetype is not None:
        _refuse(truetype.fs_type, path)
        return _describe_truetype(truetype, key)
    return _make_with_fonttools(path, index, chars, key)


def _refuse(fs_type: int, path: Path) -> None:
    if sfnt.embedding_forbidden(fs_type):
        raise FontRefused(str(path))


def _tag(key: str) -> str:
    return "".join(chr(ord("A") + int(d, 16) % 26) for d in key[:6])


def _describe_truetype(found: ttfsubset.TrueTypeSubset, key: str) -> Subset:
    def em(value: float) -> int:
        return round(value * 1000 / found.units_per_em)

    postscript = "".join(
        c for c in found.postscript_name if (c.isascii() and c.isalnum()) or c in "-_"
    )
    return Subset(
        name=f"{_tag(key)}+{postscript or 'Font'}",
        cff=False,
        program=zlib.compress(found.program, 6),
        codes={char: (gid, em(advance)) for char, (gid, advance) in found.glyphs.items()},
        bbox=(em(found.bbox[0]), em(found.bbox[1]), em(found.bbox[2]), em(found.bbox[3])),
        ascent=em(found.ascent),
        descent=em(found.descent),
        cap_height=em(found.cap_height),
        ros=("Adobe", "Identity", 0),
    )


def _make_with_fonttools(path: Path, index: int, chars: str, key: str) -> Subset:
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    # fontTools names the tables it drops (bitmaps) on stderr: nothing the user needs
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    font = TTFont(str(path), fontNumber=index, lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    try:
        _refuse(int(getattr(font.get("OS/2"), "fsType", 0)), path)
        if "glyf" not in font and "CFF " not in font:  # CFF2 (variable fonts): no PDF type
            raise ValueError("outlines neither TrueType nor CFF")
        cmap = font.getBestCmap() or {}
        options = ft_subset.Options()
        options.layout_features = []  # the layout places every character itself
        options.hinting = False
        options.notdef_outline = True
        options.name_IDs = [1, 2, 3, 4, 6]
        options.name_languages = ["*"]
        options.drop_tables += ["BASE", "VORG", "vhea", "vmtx", "DSIG", "kern", "JSTF", "gasp"]
        subsetter = ft_subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(c) for c in chars if ord(c) in cmap])
        subsetter.subset(font)
        return _describe(font, chars, key)
    finally:
        font.close()


def _describe(font: object, chars: str, key: str) -> Subset:
    from fontTools.ttLib import TTFont

    assert isinstance(font, TTFont)
    units = float(font["head"].unitsPerEm)

    def em(value: float) -> int:
        return round(value * 1000 / units)

    cff = "CFF " in font
    cid_keyed = False
    ros = ("Adobe", "Identity", 0)
    if cff:
        top = font["CFF "].cff.topDictIndex[0]
        ros_value = getattr(top, "ROS", None)
        if ros_value is not None:
            cid_keyed = True
            ros = (str(ros_value[0]), str(ros_value[1]), int(ros_value[2]))
        program = font["CFF "].compile(font)
    else:
        buffer = io.BytesIO()
        font.save(buffer)
        program = buffer.getvalue()
    cmap = font.getBestCmap() or {}
    hmtx = font["hmtx"].metrics
    codes: dict[str, tuple[int, int]] = {}
    for char in chars:
        glyph = cmap.get(ord(char))
        if glyph is None:
            continue
        # a CID-keyed CFF font draws by its own CIDs (glyph names cid01234), others by id
        code = int(glyph[3:]) if cid_keyed and glyph.startswith("cid") else font.getGlyphID(glyph)
        codes[char] = (code, em(hmtx[glyph][0]))
    head = font["head"]
    hhea = font["hhea"]
    os2 = font.get("OS/2")
    cap = getattr(os2, "sCapHeight", 0) or hhea.ascent
    postscript = font["name"].getDebugName(6) or "Font"
    postscript = "".join(c for c in postscript if (c.isascii() and c.isalnum()) or c in "-_")
    return Subset(
        name=f"{_tag(key)}+{postscript or 'Font'}",
        cff=cff,
        program=zlib.compress(program, 6),
        codes=codes,
        bbox=(em(head.xMin), em(head.yMin), em(head.xMax), em(head.yMax)),
        ascent=em(hhea.ascent),
        descent=em(hhea.descent),
        cap_height=em(cap),
        ros=ros,
    )


def clear_memory() -> None:
    """Forget the subsets kept in this process (the benchmark's cold runs, tests)."""
    _memory.clear()
