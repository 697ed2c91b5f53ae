"""The TrueType subsetter the PDF uses (core/pages/ttfsubset.py), checked against fontTools:
every character keeps its glyph id, outline and advance; composite glyphs bring their
parts; hinting is left out; a damaged or CFF font is not taken for a TrueType one."""

from __future__ import annotations

import contextlib
import io
import struct
import subprocess
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nianbao_gui.core.pages import metrics, sfnt, ttfsubset

SEED = Path(__file__).resolve().parent.parent / "seeds" / "example-2022-shuzhi-shulian.txt"
# the TrueType CJK fonts ./dev installs (fonts-arphic-*, fonts-wqy-zenhei)
INSTALLED = [
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
]
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")


def _seed_chars() -> str:
    return "".join(sorted(set(SEED.read_text(encoding="utf-8")) - {"\n"})) + "0123456789ABCxyz"


def _same_as_original(font_path: Path, index: int, chars: str) -> ttfsubset.TrueTypeSubset:
    made = ttfsubset.make(font_path, index, chars)
    assert made is not None
    original = TTFont(str(font_path), fontNumber=index)
    subset = TTFont(io.BytesIO(made.program), checkChecksums=2)  # a wrong checksum raises
    whole = made.program + b"\0" * (-len(made.program) % 4)
    assert sum(struct.unpack(f">{len(whole) // 4}I", whole)) & 0xFFFFFFFF == 0xB1B0AFBA
    original_cmap, subset_cmap = original.getBestCmap(), subset.getBestCmap()
    assert set(made.glyphs) == {c for c in chars if ord(c) in original_cmap}
    for char, (gid, advance) in made.glyphs.items():
        name = original_cmap[ord(char)]
        assert original.getGlyphID(name) == gid
        assert subset.getGlyphID(subset_cmap[ord(char)]) == gid  # the subset's own cmap
        ours = subset["glyf"][subset.getGlyphOrder()[gid]]
        theirs = original["glyf"][name]
        assert list(ours.getCoordinates(subset["glyf"])[0]) == list(
            theirs.getCoordinates(original["glyf"])[0]
        ), char
        assert subset["hmtx"][subset.getGlyphOrder()[gid]][0] == advance
        assert original["hmtx"][name][0] == advance
    drawn = {gid for gid, _ in made.glyphs.values()}
    unused = [g for g in range(1, len(subset.getGlyphOrder())) if g not in drawn][:500]
    assert all(subset["glyf"][subset.getGlyphOrder()[g]].numberOfContours == 0 for g in unused)
    subset.save(io.BytesIO())  # every table decodes and compiles again
    return made


@pytest.mark.parametrize("font_path", INSTALLED, ids=lambda p: p.name)
def test_installed_fonts_keep_every_character(font_path: Path) -> None:
    if not font_path.exists():
        pytest.fail(f"{font_path} is missing: ./dev installs it")
    made = _same_as_original(font_path, 0, _seed_chars())
    assert made.fs_type == int(TTFont(str(font_path), fontNumber=0)["OS/2"].fsType)
    assert made.postscript_name == TTFont(str(font_path), fontNumber=0)["name"].getDebugName(6)


def test_a_second_face_of_a_collection() -> None:
    _same_as_original(INSTALLED[0], 1, "政法工作，。")


def test_cff_fonts_are_left_to_fonttools() -> None:
    assert ttfsubset.make(NOTO, 0, "政法") is None


def _square(pen: TTGlyphPen, x: int, y: int, size: int) -> None:
    pen.moveTo((x, y))
    pen.lineTo((x, y + size))
    pen.lineTo((x + size, y + size))
    pen.lineTo((x + size, y))
    pen.closePath()


def _built_font(tmp_path: Path) -> Path:
    """A small font: 口 is a simple glyph with hinting instructions, 回 a composite of two
    squares (its parts are not characters themselves), Ä a composite of a composite."""
    fb = FontBuilder(1000, isTTF=True)
    order = [".notdef", "outer", "inner", "kou", "hui", "deep"]
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({ord("口"): "kou", ord("回"): "hui", ord("Ä"): "deep"})
    glyphs: dict[str, Glyph] = {}
    squares = {".notdef": (0, 0), "outer": (50, 900), "inner": (300, 400), "kou": (80, 840)}
    for name, (x, size) in squares.items():
        pen = TTGlyphPen(None)
        if size:
            _square(pen, x, x, size)
        glyphs[name] = pen.glyph()
    glyphs["kou"].program.fromBytecode(bytes([0xB0, 0x01, 0x21]))  # PUSHB 1, POP: an instruction
    for name, parts in {"hui": ["outer", "inner"], "deep": ["hui"]}.items():
        glyph = Glyph()
        glyph.numberOfContours = -1
        glyph.components = []
        for part in parts:
            component = GlyphComponent()
            component.glyphName, component.x, component.y, component.flags = part, 0, 0, 0x4
            glyph.components.append(component)
        glyphs[name] = glyph
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({name: (1000, 0) for name in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Built", "styleName": "Regular", "psName": "Built-Regular"})
    fb.setupOS2(fsType=0)
    fb.setupPost()
    fb.setupMaxp()
    path = tmp_path / "built.ttf"
    fb.save(str(path))
    return path


def test_composite_glyphs_bring_their_parts_and_hinting_is_left_out(tmp_path: Path) -> None:
    built = _built_font(tmp_path)
    made = ttfsubset.make(built, 0, "回口Ä")
    assert made is not None and made.postscript_name == "Built-Regular"
    subset = TTFont(io.BytesIO(made.program))
    glyf, order = subset["glyf"], subset.getGlyphOrder()
    assert made.glyphs["回"][0] == 4 and made.glyphs["Ä"][0] == 5
    for part in (1, 2):  # outer and inner: drawn although no character maps to them
        assert glyf[order[part]].numberOfContours == 1
    original = TTFont(str(built))
    for char in "回Ä":
        gid = made.glyphs[char][0]
        ours = glyf[order[gid]].getCoordinates(glyf)[0]
        theirs = original["glyf"][original.getGlyphOrder()[gid]].getCoordinates(original["glyf"])[0]
        assert sorted(ours) == sorted(theirs) and len(ours) == 8
    assert glyf[order[3]].program.getBytecode() == b""  # 口's instructions dropped
    assert "fpgm" not in subset and "prep" not in subset and "cvt " not in subset
    subset.save(io.BytesIO())


@pytest.mark.parametrize("part", [0.01, 0.1, 0.3, 0.6, 0.9, 0.99])
def test_a_cut_off_font_is_an_error_not_a_font(tmp_path: Path, part: float) -> None:
    whole = _built_font(tmp_path).read_bytes()
    cut_off = tmp_path / "cut.ttf"
    cut_off.write_bytes(whole[: int(len(whole) * part)])
    with pytest.raises((ValueError, struct.error)):
        ttfsubset.make(cut_off, 0, "回口")


def test_a_table_claimed_past_the_end_is_refused_before_it_is_read(tmp_path: Path) -> None:
    data = bytearray(_built_font(tmp_path).read_bytes())
    (count,) = struct.unpack_from(">H", data, 4)
    for at in range(12, 12 + 16 * count, 16):
        if data[at : at + 4] == b"glyf":
            struct.pack_into(">I", data, at + 12, 0xFFFFFF00)  # a 4 GB glyf table
    lying = tmp_path / "lying.ttf"
    lying.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="past the end"):
        ttfsubset.make(lying, 0, "回")


def test_many_characters_get_a_format_12_cmap_alone() -> None:
    chars = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 12000))
    made = ttfsubset.make(INSTALLED[0], 0, chars)
    assert made is not None and len(made.glyphs) > 8190
    subset = TTFont(io.BytesIO(made.program))
    tables = {(t.platformID, t.platEncID, t.format) for t in subset["cmap"].tables}
    assert tables == {(3, 10, 12)}
    assert subset.getBestCmap()[0x4E00] == subset.getGlyphOrder()[made.glyphs["一"][0]]


# ---- the widths the layout reads (core/pages/metrics.py through sfnt) ----

FACES = [(path, 0) for path in (*INSTALLED, NOTO)] + [(INSTALLED[0], 1), (INSTALLED[2], 1)]


@pytest.mark.parametrize("face", FACES, ids=lambda f: f"{f[0].name}-{f[1]}")
def test_widths_equal_fonttools_reading(face: tuple[Path, int]) -> None:
    path, index = face
    metrics._font_widths.cache_clear()
    ours = metrics._font_widths(str(path), index)
    assert isinstance(ours, metrics.Widths)  # looked up, not read whole
    theirs = metrics._read_font_with_fonttools(str(path), index)
    assert len(theirs) > 20000
    assert dict(ours.items()) == theirs and len(ours) == len(theirs)
    for code in (0x56FD, 0xFF0C, 0x31, 0x10FFFF, -1, 0x110000):  # 国 ， 1, absent, invalid
        assert (code in ours) == (code in theirs)
        assert ours.get(code) == theirs.get(code)
    text_key: object = "国"  # a character, not its code point
    assert text_key not in ours


def test_a_font_without_a_known_cmap_is_read_by_fonttools(tmp_path: Path) -> None:
    font = TTFont(str(_built_font(tmp_path)))
    trimmed = CmapSubtable.newSubtable(6)  # a format neither 4 nor 12
    trimmed.platformID, trimmed.platEncID, trimmed.language = 3, 1, 0
    trimmed.cmap = {ord("口"): "kou", ord("回"): "hui"}
    font["cmap"].tables = [trimmed]
    odd = tmp_path / "format6.ttf"
    font.save(str(odd))
    with pytest.raises(sfnt.UnknownCmap), sfnt.open_face(odd, 0) as face:
        sfnt.cmap_codes(face.table(b"cmap"))
    read = metrics._font_widths(str(odd), 0)
    assert read == metrics._read_font_with_fonttools(str(odd), 0) and ord("回") in read


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_fonts_raise_only_the_errors_the_callers_catch(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Bytes of a real font changed at random places: a subset, widths, or ValueError /
    struct.error (which the PDF export turns into a Chinese message); never anything else,
    never a hang or a buffer of gigabytes."""
    folder = tmp_path_factory.mktemp("fuzz")
    whole = bytearray(_built_font(folder).read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(whole) - 1))
        whole[at] = data.draw(st.integers(0, 255))
    damaged = folder / "damaged.ttf"
    damaged.write_bytes(bytes(whole))
    with contextlib.suppress(ValueError, struct.error):
        ttfsubset.make(damaged, 0, "回口Ä")
    # the widths, as metrics reads them (fontTools only for an unknown cmap)
    with contextlib.suppress(ValueError, struct.error), sfnt.open_face(damaged, 0) as face:
        widths = metrics.Widths(face)
        for code in (0x56DE, 0x53E3, 0xC4, 0x41):
            widths.get(code)
        dict(widths.items())


def test_the_seed_pdf_renders_pixel_for_pixel_as_with_fonttools_subsets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end: the glyphs the PDF draws are the characters' (ToUnicode alone would let
    a wrong glyph id pass the text tests). poppler renders the seed's PDF made with our
    TrueType subsets and the one made with fontTools' identically."""
    from export_support import seed_report

    from nianbao_gui.core.export import ExportOptions
    from nianbao_gui.core.pages import pdffonts
    from nianbao_gui.core.pages.fonts import font_files
    from nianbao_gui.core.pages.pdf import render_pdf

    conf = Path(__file__).parent / "fonts" / "pdf-fonts.conf"  # every font TrueType
    fonts = font_files(ExportOptions().font_set, fontconfig_file=str(conf))
    pages: dict[str, list[bytes]] = {}
    for name in ("ours", "fonttools"):
        monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / name))  # a cache of its own
        if name == "fonttools":
            monkeypatch.setattr(ttfsubset, "make", lambda *args: None)
        pdffonts.clear_memory()
        data, _ = render_pdf(seed_report(), fonts=fonts)
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-gray", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)],
            check=True,
        )
        pages[name] = [p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-*.pgm"))]
    pdffonts.clear_memory()
    assert len(pages["ours"]) == 5
    assert pages["ours"] == pages["fonttools"]


def test_fonts_are_read_without_posix_only_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows' os has no pread/pwrite: the font readers must not need them."""
    import os

    for name in ("pread", "pwrite", "preadv"):
        monkeypatch.delattr(os, name, raising=False)
    metrics._font_widths.cache_clear()
    assert ttfsubset.make(INSTALLED[0], 0, "政法") is not None
    assert ord("政") in metrics._font_widths(str(INSTALLED[0]), 0)
    metrics._font_widths.cache_clear()
