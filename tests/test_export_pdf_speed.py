"""What makes the PDF export fast (issue 14: at most 1.5× the .docx export): font subsets
made once and reused from memory and from the disk cache, font widths looked up in the
font's own tables (tests/test_pdf_truetype_subset.py), fontconfig asked in-process, fsType
read without fontTools. Each cache must give the same PDF as no cache, and never serve a
stale or broken entry. Speed itself: benchmarks/bench_pages.py."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from export_support import seed_report
from render_support import FONTS_CONF

from nianbao_gui.core.errors import ExportError
from nianbao_gui.core.layout import layout
from nianbao_gui.core.model import Report
from nianbao_gui.core.pages import pdffonts
from nianbao_gui.core.pages.fontfile import _fs_type
from nianbao_gui.core.pages.fonts import FontChoice, FontFile, find_font, font_files
from nianbao_gui.core.pages.metrics import FontKey
from nianbao_gui.core.pages.pdf import render_pdf
from nianbao_gui.core.paths import cache_dir as cache_root
from nianbao_gui.core.typeset import ExportOptions

pytestmark = pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig")
PDF_FONTS_CONF = FONTS_CONF.with_name("pdf-fonts.conf")


def _fonts(conf: Path = PDF_FONTS_CONF) -> dict[FontKey, FontChoice]:
    return font_files(ExportOptions().font_set, fontconfig_file=str(conf))


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The subsets fontTools makes (font file names), with an empty memory to start."""
    calls: list[str] = []
    real = pdffonts._make

    def counting(path: Path, index: int, chars: str, key: str) -> pdffonts.Subset:
        calls.append(path.name)
        return real(path, index, chars, key)

    pdffonts.clear_memory()
    monkeypatch.setattr(pdffonts, "_make", counting)
    yield calls
    pdffonts.clear_memory()


def _without_date(data: bytes) -> bytes:
    return re.sub(rb"/CreationDate \(D:\d+Z\)", b"", data)


def _text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return re.sub(r"\s", "", "".join(page.extract_text() or "" for page in pdf.pages))


def _draft_text(report: Report) -> str:
    return re.sub(r"\s", "", "".join(block.full for block in layout(report)))


def test_a_second_export_makes_no_subset_and_gives_the_same_pdf(made: list[str]) -> None:
    report = seed_report()
    first, _ = render_pdf(report, fonts=_fonts())
    assert len(made) >= 4  # one subset a font file
    count = len(made)
    second, _ = render_pdf(report, fonts=_fonts())
    assert len(made) == count
    assert _without_date(second) == _without_date(first)


def test_a_new_process_reads_the_subsets_from_the_disk_cache(made: list[str]) -> None:
    report = seed_report()
    first, _ = render_pdf(report, fonts=_fonts())
    count = len(made)
    pdffonts.clear_memory()  # as a new process: only the disk cache is left
    second, _ = render_pdf(report, fonts=_fonts())
    assert len(made) == count
    assert _without_date(second) == _without_date(first)


def test_a_broken_cache_entry_is_made_again(made: list[str]) -> None:
    report = Report(opening=["正文第一段。"])
    first, _ = render_pdf(report, fonts=_fonts())
    count = len(made)
    assert list(cache_root().glob("pdf-fonts/*.json"))
    for entry in cache_root().glob("pdf-fonts/*.json"):
        entry.write_text("{not json", encoding="utf-8")
    for entry in cache_root().glob("pdf-fonts/*.bin"):
        entry.write_bytes(b"")
    pdffonts.clear_memory()
    second, _ = render_pdf(report, fonts=_fonts())
    assert len(made) > count  # made again, not read broken
    assert _without_date(second) == _without_date(first)


def test_deleted_text_reuses_the_larger_subset_and_names_only_what_is_drawn(
    made: list[str],
) -> None:
    full = Report(opening=["甲乙丙丁戊己庚辛。", "鼠牛虎兔龙蛇马羊。"])
    render_pdf(full, fonts=_fonts())
    count = len(made)
    shorter = Report(opening=["甲乙丙丁戊己庚辛。"])
    data, _ = render_pdf(shorter, fonts=_fonts())
    assert len(made) == count  # the bigger subset serves
    text = _text(data)
    assert "甲乙丙丁戊己庚辛" in text and "鼠" not in text
    with pdfplumber.open(io.BytesIO(data)) as pdf:  # the text map has the drawn ones only
        streams = b"".join(
            obj.get_data()
            for ref in pdf.doc.xrefs[0].get_objids()
            if hasattr(obj := pdf.doc.getobj(ref), "get_data")
        )
    assert "鼠".encode("utf-16-be").hex().upper().encode() not in streams


def test_new_characters_make_a_new_subset_with_them(made: list[str]) -> None:
    render_pdf(Report(opening=["甲乙丙。"]), fonts=_fonts())
    count = len(made)
    data, _ = render_pdf(Report(opening=["甲乙丙丁。"]), fonts=_fonts())
    assert len(made) > count
    assert "甲乙丙丁" in _text(data)


def test_cff_fonts_are_read_back_by_pdfplumber_too(made: list[str]) -> None:
    """Noto CJK (CFF): with its own ToUnicode map the PDF's text reads back everywhere."""
    fonts = _fonts(FONTS_CONF)
    assert any(c.file and "Noto" in c.file.name for c in fonts.values())
    report = seed_report()
    data, _ = render_pdf(report, fonts=fonts)
    text = re.sub(r"—\d+—", "", _text(data))
    assert text == _draft_text(report)


def _restricted_copy(tmp_path: Path) -> Path:
    from fontTools.ttLib import TTFont

    source = find_font(FontKey.HEI, "WenQuanYi Zen Hei").file
    assert source is not None
    font = TTFont(str(source.path), fontNumber=source.index)
    font["OS/2"].fsType = 0x0002
    target = tmp_path / "restricted.ttf"
    font.save(str(target))
    return target


def test_a_restricted_font_handed_in_directly_is_refused(tmp_path: Path) -> None:
    """find_font passes such fonts over; the subsetter checks again, whoever chose it."""
    restricted = _restricted_copy(tmp_path)
    fonts = dict(_fonts())
    fonts[FontKey.FANG] = FontChoice(FontKey.FANG, "仿宋", FontFile(restricted, 0, "Restricted"))
    with pytest.raises(ExportError, match="不允许嵌入"):
        render_pdf(Report(opening=["正文。"]), fonts=fonts)


def test_fs_type_is_read_as_fonttools_reads_it(tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    restricted = _restricted_copy(tmp_path)
    assert _fs_type(restricted, 0) == 2
    for choice in list(_fonts().values()) + list(_fonts(FONTS_CONF).values()):
        assert choice.file is not None
        font = TTFont(str(choice.file.path), fontNumber=choice.file.index, lazy=True)
        assert _fs_type(choice.file.path, choice.file.index) == font["OS/2"].fsType
        font.close()


@pytest.mark.parametrize("conf", [None, FONTS_CONF, PDF_FONTS_CONF])
def test_fontconfig_in_process_answers_as_fc_match(conf: Path | None) -> None:
    from nianbao_gui.core.pages.fcmatch import fc_format

    form = "%{file}\n%{index}\n%{family}\n"
    for pattern in ("仿宋_GB2312", "黑体", "方正小标宋简体:weight=bold", "serif:lang=zh-cn", "xyz"):
        answer = fc_format(pattern, form, str(conf) if conf else None)
        if answer is None:
            pytest.skip("libfontconfig cannot be loaded here")
        env = {"FONTCONFIG_FILE": str(conf)} if conf else {}
        expected = subprocess.run(
            ["fc-match", "-f", form, pattern],
            capture_output=True,
            text=True,
            check=True,
            env={**__import__("os").environ, **env},
        ).stdout
        assert answer == expected, pattern


def test_the_disk_cache_keeps_only_the_newest_subsets(
    made: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdffonts, "_KEEP_ON_DISK", 3)
    for text in ("甲。", "乙。", "丙。"):
        render_pdf(Report(opening=[text]), fonts=_fonts())
    cache = cache_root() / "pdf-fonts"
    assert len(list(cache.glob("*.json"))) == 3
    assert len(list(cache.glob("*.bin"))) == 3


def test_the_cross_reference_table_points_at_every_object() -> None:
    """The writer is ours: a viewer that trusts the table (most do) finds each object."""
    data, _ = render_pdf(seed_report(), fonts=_fonts())
    start = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[start:].startswith(b"xref\n0 ")
    lines = data[start:].split(b"\n")
    count = int(lines[1].split()[1])
    entries = lines[3 : 2 + count]
    assert len(entries) == count - 1
    for number, entry in enumerate(entries, start=1):
        offset = int(entry.split()[0])
        assert data[offset:].startswith(b"%d 0 obj\n" % number), number
    assert b"/Size %d " % count in data[start:]
