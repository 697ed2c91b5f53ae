"""Issue 18, done when: a fuzz of font files through the real font search never crashes the
export or the preview.

Real fonts (a TrueType one and a CFF one, cut down to the characters of a short report),
their bytes mutated where a font is fragile (the table directory, head, hhea, hmtx, maxp,
cmap, loca, OS/2, name, or anywhere; words set to 0, 0xFFFF, past the end; the file cut
short), are put where the search finds them: in a simulated Windows fonts folder as
simfang.ttf, the file 仿宋_GB2312 is looked for under, beside a good simhei.ttf or alone.
Then the fonts are searched for (``font_files``: the judging of each file), the PDF is
made, 【版面】 is checked, and the preview registers the fonts with Qt, lays the pages out
and paints the first one. Every step either works or gives the program's own Chinese
refusal (ExportError); nothing else may escape. NIANBAO_FUZZ_EXAMPLES sets the number of
cases (default 100).
"""

from __future__ import annotations

import struct
import tempfile
from pathlib import Path

import pytest
from font_support import NOTO_SERIF, UMING, ZENHEI, fontconfig_for, renamed
from fuzz_support import EXAMPLES, fuzz
from hypothesis import event, given, settings
from hypothesis import strategies as st

from nianbao_gui.core.checks.pages import check_pages
from nianbao_gui.core.errors import ExportError
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.pages import fonts, paginate, winfonts
from nianbao_gui.core.pages.pdf import render_pdf
from nianbao_gui.core.typeset import ExportOptions

pytestmark = pytest.mark.skipif(
    not (UMING.exists() and ZENHEI.exists() and NOTO_SERIF.exists()), reason="needs CJK fonts"
)

REPORT = Report(
    title="述职报告",
    opening=["国家政府工作，乡镇村党员群众建设发展2024年完成**万元。"],
    sections=[Section(heading="强化政治意识", paragraphs=["认真学习，扎实工作。"])],
)
CHARS = "".join(sorted(set(REPORT.model_dump_json()) | set("国，— 0123456789一、")))
_TAGS = (b"head", b"hhea", b"hmtx", b"maxp", b"cmap", b"loca", b"glyf", b"OS/2", b"name")
_TAGS += (b"CFF ", b"post")


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("bases")
    ttf = renamed(UMING, folder / "a.ttf", "仿宋_GB2312", english="FangSong_GB2312", chars=CHARS)
    otf = renamed(NOTO_SERIF, folder / "b.otf", "仿宋_GB2312", chars=CHARS, index=2)
    hei = renamed(ZENHEI, folder / "c.ttf", "黑体", english="SimHei", chars=CHARS)
    return {"ttf": ttf.read_bytes(), "otf": otf.read_bytes(), "good": hei.read_bytes()}


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    (count,) = struct.unpack_from(">H", data, 4)
    found = {b"dir": (0, 12 + 16 * count)}
    for at in range(12, 12 + 16 * count, 16):
        offset, length = struct.unpack_from(">II", data, at + 8)
        found[data[at : at + 4]] = (offset, length)
    return found


_WORDS = (0, 1, 0x7FFF, 0x8000, 0xFFFF)
_LONGS = (0, 1, 0x7FFFFFFF, 0xFFFFFFFF)


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    tables = _tables(base)
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from([b"dir", b"any", *[t for t in _TAGS if t in tables]]))
        start, length = (0, len(data)) if tag == b"any" else tables[tag]
        if length < 4 or start + length > len(data):
            continue
        at = start + draw(st.integers(0, length - 4))
        kind = draw(st.sampled_from(["byte", "word", "long", "cut"]))
        event(f"{tag.decode('latin-1')} {kind}")
        if kind == "byte":
            data[at] = draw(st.integers(0, 255))
        elif kind == "word":
            word = draw(st.sampled_from([*_WORDS, len(data) & 0xFFFF]) | st.integers(0, 0xFFFF))
            struct.pack_into(">H", data, at - at % 2, word)
        elif kind == "long":
            value = draw(st.sampled_from([*_LONGS, len(data)]) | st.integers(0, 0xFFFFFFFF))
            struct.pack_into(">I", data, at - at % 4, value)
        else:
            del data[at:]
            break
    return bytes(data)


@st.composite
def cases(draw: st.DrawFn, bases: dict[str, bytes]) -> tuple[bytes, bool]:
    base = bases[draw(st.sampled_from(["ttf", "otf"]))]
    return draw(mutated(base)), draw(st.booleans())


def _search(folder: Path) -> tuple[dict, object]:  # type: ignore[type-arg]
    """The fonts as Windows finds them in ``folder`` (no registry entries)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fonts.sys, "platform", "win32")
        patch.setattr(winfonts, "_registry_fonts", dict)
        patch.setattr(winfonts, "_windows_dirs", lambda: [folder])
        font_set = ExportOptions().font_set
        return fonts.font_files(font_set), fonts.layout_metrics(font_set)


def _export_check_and_preview(choices: dict, metrics: object) -> None:  # type: ignore[type-arg]
    """The PDF (or the program's own refusal), 【版面】, and the preview's first page."""
    from PySide6.QtGui import QImage, QPainter

    from nianbao_gui.app.pages.painter import paint_page
    from nianbao_gui.app.pages.qtfonts import _page_fonts

    try:
        pdf, _ = render_pdf(REPORT, fonts=choices)
        assert pdf.startswith(b"%PDF")
        event("pdf written")
    except ExportError as error:  # the program's own refusal, in Chinese
        assert "PDF 没有导出" in str(error) and "Error" not in str(error), error
        event("pdf refused")
    check_pages(REPORT, metrics)  # type: ignore[arg-type]
    page_fonts = _page_fonts(choices)
    laid = paginate(REPORT, page_fonts.metrics)
    image = QImage(200, 280, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        painter.scale(200 / laid.geometry.page_width, 200 / laid.geometry.page_width)
        paint_page(painter, laid, 1, page_fonts)
    finally:
        painter.end()


def test_mutated_fonts_never_crash_the_export_or_the_preview(
    bases: dict[str, bytes], tmp_path: Path, qapp: object
) -> None:
    @fuzz
    @given(case=cases(bases))
    def run(case: tuple[bytes, bool]) -> None:
        data, with_good = case
        folder = Path(tempfile.mkdtemp(dir=tmp_path))  # a new path: no cache answers
        (folder / "simfang.ttf").write_bytes(data)
        if with_good:
            (folder / "simhei.ttf").write_bytes(bases["good"])
        choices, metrics = _search(folder)
        used = choices[fonts.FontKey.FANG].file
        event("damaged font used" if used and used.path.name == "simfang.ttf" else "passed over")
        _export_check_and_preview(choices, metrics)

    run()


def test_mutated_fonts_installed_for_fontconfig_never_crash_either(
    bases: dict[str, bytes], tmp_path: Path, qapp: object
) -> None:
    """Linux: the mutated font installed in a font folder fontconfig has indexed
    (``fc-cache``), so that fontconfig's own reading decides what it is called. Fewer
    cases: each builds a fontconfig cache (a fifth of NIANBAO_FUZZ_EXAMPLES)."""
    from nianbao_gui.core.pages.metrics import FileMetrics

    @settings(fuzz, max_examples=max(10, EXAMPLES // 5))
    @given(data=st.sampled_from(["ttf", "otf"]).flatmap(lambda kind: mutated(bases[kind])))
    def run(data: bytes) -> None:
        root = Path(tempfile.mkdtemp(dir=tmp_path))
        folder = root / "fonts"
        folder.mkdir()
        (folder / "installed.ttf").write_bytes(data)
        conf = fontconfig_for(root, folder)
        choices = fonts.font_files(ExportOptions().font_set, fontconfig_file=str(conf))
        used = choices[fonts.FontKey.FANG].file
        event("mutated font used" if used and used.path.parent == folder else "passed over")
        files = {k: (c.file.path, c.file.index) for k, c in choices.items() if c.file}
        _export_check_and_preview(choices, FileMetrics(files))

    run()
