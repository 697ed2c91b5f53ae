"""Issue 18 items 9, 10 and 16: installed fonts that are damaged, not files, or licensed for
bitmaps only.

- 9: a font whose hmtx is shorter than hhea says crashed every PDF export, ``check
  --layout``, the preview and every redraw. Now it is named once, in Chinese, and the next
  font lays the pages out.
- 10: a font file replaced by a pipe behind fontconfig's cache hung the export for ever; a
  0-byte file, a folder or garbage was "没有找到". Now each is "已损坏", found without a
  read that could block.
- 16: fsType 0x0200 (bitmap embedding only) was embedded as outlines: refused as the
  restricted licence is, with the note.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from export_support import SEED
from font_support import UMING, ZENHEI, fontconfig_for, renamed, short_hmtx

from nianbao_gui.cli import EXIT_FINDINGS, main
from nianbao_gui.core.pages.fonts import embeddable, find_font, font_files
from nianbao_gui.core.pages.metrics import FontKey
from nianbao_gui.core.typeset import ExportOptions

pytestmark = pytest.mark.skipif(
    shutil.which("fc-cache") is None or not UMING.exists(), reason="needs fontconfig, uming"
)


@pytest.fixture(scope="module")
def fangsong(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """uming's face 0 renamed 仿宋_GB2312 (Windows name records only), undamaged."""
    return renamed(UMING, tmp_path_factory.mktemp("font") / "bad.ttf", "仿宋_GB2312")


def _installed(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``source`` installed as a user font (copied, ``fc-cache``): returns its path."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    target = folder / "bad.ttf"
    shutil.copyfile(source, target)
    monkeypatch.setenv("FONTCONFIG_FILE", str(fontconfig_for(tmp_path, folder)))
    return target


def test_a_damaged_font_is_named_once_and_the_next_font_lays_out(
    tmp_path: Path,
    fangsong: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    qapp: object,
) -> None:
    damaged = tmp_path / "damaged.ttf"
    shutil.copyfile(fangsong, damaged)
    short_hmtx(damaged)
    path = _installed(tmp_path, damaged, monkeypatch)
    target = tmp_path / "x.pdf"
    assert main(["export", str(SEED), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    out = capsys.readouterr().err
    said = [line for line in out.splitlines() if "已损坏" in line]
    assert len(said) == 1, out
    assert "仿宋_GB2312" in said[0] and str(path) in said[0] and "代替" in said[0]
    assert "意外问题" not in out
    # check --layout lays the pages out with the same fonts
    assert main(["check", "--layout", str(SEED)]) == EXIT_FINDINGS  # the seed has its **
    out = "".join(capsys.readouterr())
    assert "意外问题" not in out and out.count("已损坏") == 1, out
    # the preview (its fonts and their layout), as every redraw makes it
    from export_support import seed_report

    from nianbao_gui.app.pages.qtfonts import _page_fonts
    from nianbao_gui.core.pages import paginate

    fonts = _page_fonts(font_files(ExportOptions().font_set))
    assert sum("已损坏" in note for note in fonts.notes) == 1
    assert paginate(seed_report(), fonts.metrics).pages


def _replace(path: Path, how: str) -> None:
    """The file replaced behind fontconfig's back: the folder's time set back, so that its
    cache still lists the font."""
    folder = path.parent
    before = folder.stat()
    path.unlink()
    if how == "fifo":
        os.mkfifo(path)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "folder":
        path.mkdir()
    else:
        path.write_bytes(os.urandom(4096))
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.mark.parametrize("how", ["fifo", "empty", "folder", "garbage"])
def test_a_font_file_replaced_is_damaged_not_missing_and_never_hangs(
    tmp_path: Path, fangsong: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    path = _installed(tmp_path, fangsong, monkeypatch)
    _replace(path, how)
    target = tmp_path / "x.pdf"
    code = (
        "import sys; from nianbao_gui.cli import main; "
        f"sys.exit(main(['export', {str(SEED)!r}, '-o', {str(target)!r}]))"
    )
    try:  # in a process of its own: a hang fails the test instead of stopping the run
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the PDF export hung on a font file that is a " + how)
    assert done.returncode == 0, done.stdout + done.stderr
    assert target.read_bytes().startswith(b"%PDF")
    said = done.stdout + done.stderr
    assert "“仿宋_GB2312”的文件" in said and "已损坏" in said, said
    assert "本机没有“仿宋_GB2312”" not in said


def test_bitmap_only_embedding_is_refused_with_the_note(tmp_path: Path) -> None:
    """fsType 0x0200: the licence allows embedding bitmaps only; the PDF embeds outlines."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    source = ZENHEI if ZENHEI.exists() else UMING
    bitmap_only = renamed(source, folder / "bitmaps.ttf", "黑体", fs_type=0x0200)
    assert not embeddable(bitmap_only)
    conf = fontconfig_for(tmp_path, folder)
    choice = find_font(FontKey.HEI, "黑体", fontconfig_file=str(conf))
    assert choice.file is not None and choice.file.path != bitmap_only
    assert "“黑体”不允许嵌入 PDF" in choice.note


def _broken_outline(source: Path, target: Path, char: str) -> None:
    """``source`` with the outline of ``char`` pointing past the end of glyf: the search's
    checks (tables, hmtx, loca's length) pass, reading the outline fails."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), lazy=True)
    gid = font.getGlyphID(font.getBestCmap()[ord(char)])
    long_loca = font["head"].indexToLocFormat
    font.close()
    data = bytearray(source.read_bytes())
    (count,) = struct.unpack_from(">H", data, 4)
    for at in range(12, 12 + 16 * count, 16):
        if data[at : at + 4] == b"loca":
            (offset,) = struct.unpack_from(">I", data, at + 8)
            if long_loca:
                struct.pack_into(">I", data, offset + 4 * (gid + 1), 0x7FFFFFF0)
            else:
                struct.pack_into(">H", data, offset + 2 * (gid + 1), 0xFFF0)
    target.write_bytes(bytes(data))


def test_a_font_damaged_past_the_search_gives_way_in_the_pdf(
    tmp_path: Path, fangsong: Path
) -> None:
    """Found by the font fuzz (test_fuzz_fonts.py): the PDF was refused; now it is made with
    the next font, and the damaged one is named."""
    from nianbao_gui.core.model import Report
    from nianbao_gui.core.pages.fonts import FontChoice, FontFile
    from nianbao_gui.core.pages.pdf import render_pdf

    broken = tmp_path / "broken.ttf"
    _broken_outline(fangsong, broken, "国")
    fonts = font_files(ExportOptions().font_set)
    fang = FontFile(broken, 0, "仿宋_GB2312")
    fonts[FontKey.FANG] = FontChoice(FontKey.FANG, "仿宋_GB2312", fang)
    data, result = render_pdf(Report(opening=["国家。"]), fonts=fonts)
    assert data.startswith(b"%PDF")
    assert [w for w in result.warnings if "已损坏" in w] == [
        f"字体“仿宋_GB2312”（{broken}）已损坏，PDF 中没有用它；请重新安装这个字体。"
    ]
