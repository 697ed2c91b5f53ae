"""PDF export from the page layout, read back with pdfplumber.

22 lines on every full page, at most 28 characters on a full line (a hanging closing mark
aside), every character of the draft, page numbers on the outside, fonts embedded as
subsets, title and author in the metadata; fonts whose licence forbids embedding are
skipped; ``nianbao export -o X.pdf`` writes a PDF.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from export_support import long_report, seed_report
from render_support import BLOCK_BOTTOM, BLOCK_LEFT, BLOCK_RIGHT, BLOCK_TOP, FONTS_CONF

from nianbao_gui.cli import main
from nianbao_gui.core.layout import layout
from nianbao_gui.core.model import Report
from nianbao_gui.core.pages.fonts import embeddable, find_font, font_files
from nianbao_gui.core.pages.linebreak import HANGING
from nianbao_gui.core.pages.metrics import FontKey, nominal_advance
from nianbao_gui.core.pages.pdf import render_pdf
from nianbao_gui.core.typeset import ExportOptions

pytestmark = pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig")

PITCH = 28.95
PDF_FONTS_CONF = FONTS_CONF.with_name("pdf-fonts.conf")  # TrueType only: see its comment


def _fonts() -> dict:  # type: ignore[type-arg]
    return font_files(ExportOptions().font_set, fontconfig_file=str(PDF_FONTS_CONF))


@pytest.fixture(scope="module")
def pdfs() -> dict[str, tuple[Report, bytes]]:
    out = {}
    for name, report in (("seed", seed_report()), ("long", long_report(12))):
        data, _ = render_pdf(report, fonts=_fonts())
        out[name] = (report, data)
    return out


def _lines(page: pdfplumber.page.Page) -> list[list[dict]]:  # type: ignore[type-arg]
    rows: dict[float, list[dict]] = {}  # type: ignore[type-arg]
    for char in page.chars:
        baseline = float(page.height) - float(char["matrix"][5])
        key = next((k for k in rows if abs(k - baseline) < 3), baseline)
        rows.setdefault(key, []).append(char)
    return [sorted(rows[k], key=lambda c: float(c["x0"])) for k in sorted(rows)]


def _baseline(page: pdfplumber.page.Page, line: list[dict]) -> float:  # type: ignore[type-arg]
    return float(page.height) - float(line[0]["matrix"][5])


@pytest.mark.parametrize("name", ["seed", "long"])
def test_22_lines_on_every_full_page(pdfs: dict[str, tuple[Report, bytes]], name: str) -> None:
    with pdfplumber.open(io.BytesIO(pdfs[name][1])) as pdf:
        assert len(pdf.pages) >= (5 if name == "seed" else 10)
        for number, page in enumerate(pdf.pages[:-1], start=1):
            body = [ln for ln in _lines(page) if _baseline(page, ln) < BLOCK_BOTTOM]
            # a line's baseline: 21 pt into its grid line, larger type half its extra lower
            slots = [
                (_baseline(page, ln) - BLOCK_TOP - 21 - (float(ln[0]["size"]) - 16) / 2) / PITCH
                for ln in body
            ]
            assert all(abs(s - round(s)) < 0.05 for s in slots), slots
            whole = [round(s) for s in slots]
            assert whole == sorted(set(whole)) and whole[-1] == 21, whole
            if number > 1:  # the first page has the blank line under the title
                assert whole == list(range(22)), number


@pytest.mark.parametrize("name", ["seed", "long"])
def test_at_most_28_characters_on_a_full_line(
    pdfs: dict[str, tuple[Report, bytes]], name: str
) -> None:
    full = 0
    with pdfplumber.open(io.BytesIO(pdfs[name][1])) as pdf:
        for page in pdf.pages:
            for line in _lines(page):
                if round(float(line[0]["size"])) != 16:
                    continue  # the title and the page number
                text = "".join(c["text"] for c in line)
                inside = [c for c in line if float(c["x1"]) <= BLOCK_RIGHT + 0.5]
                hanging = line[len(inside) :]
                assert len(hanging) <= 1 and all(c["text"] in HANGING for c in hanging), text
                units = sum(nominal_advance(c["text"]) for c in inside)
                assert units <= 28, text
                assert float(line[0]["x0"]) >= BLOCK_LEFT - 0.5
                if units >= 27.5:
                    full += 1
    assert full > (40 if name == "seed" else 100)


@pytest.mark.parametrize("name", ["seed", "long"])
def test_every_character_of_the_draft_is_in_the_pdf(
    pdfs: dict[str, tuple[Report, bytes]], name: str
) -> None:
    report, data = pdfs[name]
    wanted = re.sub(r"\s", "", "".join(block.full for block in layout(report)))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        drawn = "".join(
            c["text"]
            for page in pdf.pages
            for line in _lines(page)
            if _baseline(page, line) < BLOCK_BOTTOM
            for c in line
        )
    assert re.sub(r"\s", "", drawn) == wanted


@pytest.mark.parametrize("name", ["seed", "long"])
def test_page_numbers_outside(pdfs: dict[str, tuple[Report, bytes]], name: str) -> None:
    with pdfplumber.open(io.BytesIO(pdfs[name][1])) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            footer = [ln for ln in _lines(page) if _baseline(page, ln) > BLOCK_BOTTOM]
            assert len(footer) == 1
            text = "".join(c["text"] for c in footer[0]).replace(" ", "")
            assert text == f"—{number}—"
            assert round(float(footer[0][0]["size"])) == 14
            if number % 2:  # odd: right, one 4号 character in
                assert abs(float(footer[0][-1]["x1"]) - (BLOCK_RIGHT - 14)) < 1
            else:
                assert abs(float(footer[0][0]["x0"]) - (BLOCK_LEFT + 14)) < 1
            dash_below = (_baseline(page, footer[0]) - 0.28 * 14 - BLOCK_BOTTOM) * 25.4 / 72
            assert 6.5 < dash_below < 7.5


def test_fonts_embedded_as_subsets_and_metadata(pdfs: dict[str, tuple[Report, bytes]]) -> None:
    report, data = pdfs["long"]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert pdf.metadata["Title"] == report.effective_title()
        assert pdf.metadata["Author"] == "张三"
        fonts = {}
        for page in pdf.pages:
            for name, ref in page.page_obj.resources["Font"].items():
                fonts[name] = ref.resolve() if hasattr(ref, "resolve") else ref
    assert len(fonts) >= 4
    for font in fonts.values():
        assert re.match(r"^[A-Z]{6}\+", font["BaseFont"].name), font["BaseFont"]
        descendant = font["DescendantFonts"]
        descendant = descendant.resolve() if hasattr(descendant, "resolve") else descendant
        first = descendant[0].resolve() if hasattr(descendant[0], "resolve") else descendant[0]
        descriptor = first["FontDescriptor"].resolve()
        assert "FontFile2" in descriptor or "FontFile3" in descriptor


def _restricted_copy(tmp_path: Path) -> Path:
    from fontTools.ttLib import TTFont

    source = find_font(FontKey.HEI, "WenQuanYi Zen Hei").file
    assert source is not None
    font = TTFont(str(source.path), fontNumber=source.index)
    font["OS/2"].fsType = 0x0002  # Restricted License embedding
    target = tmp_path / "restricted.ttf"
    font.save(str(target))
    return target


def test_a_font_that_forbids_embedding_is_never_used(tmp_path: Path) -> None:
    restricted = _restricted_copy(tmp_path)
    assert not embeddable(restricted)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<include>{FONTS_CONF}</include><dir>{tmp_path}</dir>"
        '<match target="pattern"><test name="family"><string>黑体</string></test>'
        '<edit name="family" mode="assign" binding="strong">'
        "<string>WenQuanYi Zen Hei</string></edit></match>"
        "</fontconfig>",
        encoding="utf-8",
    )
    choice = find_font(FontKey.HEI, "黑体", fontconfig_file=str(conf))
    assert choice.file is None or choice.file.path != restricted


def test_a_missing_font_is_named_with_its_stand_in() -> None:
    choice = find_font(FontKey.FANG, "不存在的字体XYZ")
    assert choice.file is not None
    assert "不存在的字体XYZ" in choice.note and choice.file.name in choice.note
    _, result = render_pdf(Report(opening=["正文。"]), ExportOptions(title_font="不存在的字体XYZ"))
    assert any("不存在的字体XYZ" in warning for warning in result.warnings)


def test_cli_writes_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "草稿.json"
    draft.write_text(long_report(1).to_json(), encoding="utf-8")
    target = tmp_path / "报告.PDF"
    assert main(["export", str(draft), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert "已导出" in capsys.readouterr().out
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) >= 2 and pdf.metadata["Author"] == "张三"
    if shutil.which("pdftotext"):  # the system's fonts may be CFF: poppler reads them
        import subprocess

        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "一级标题第1部分" in text.replace(" ", "")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_cff_fonts_are_read_by_poppler(tmp_path: Path) -> None:
    """Noto CJK (CFF outlines), what fontconfig gives on most Linux desktops: every
    character of the draft is in the text poppler reads (pdfminer cannot read these)."""
    import subprocess

    report = seed_report()
    fonts = font_files(ExportOptions().font_set, fontconfig_file=str(FONTS_CONF))
    assert any(
        c.file and c.file.path.suffix == ".ttc" and "Noto" in c.file.name for c in fonts.values()
    )
    data, _ = render_pdf(report, fonts=fonts)
    target = tmp_path / "seed.pdf"
    target.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    drawn = re.sub(r"—\d+—", "", re.sub(r"\s", "", text))  # without the page numbers
    wanted = re.sub(r"\s", "", "".join(block.full for block in layout(report)))
    assert drawn == wanted


def test_a_character_no_font_has_is_named_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    data, result = render_pdf(Report(opening=["表情😀符号。"]), fonts=_fonts())
    assert data.startswith(b"%PDF")
    assert any("😀" in warning and "方框" in warning for warning in result.warnings)
    assert "missing" not in capfd.readouterr().err  # no library's English warning


def test_a_font_file_that_cannot_be_read_is_a_chinese_error(tmp_path: Path) -> None:
    from nianbao_gui.core.errors import ExportError
    from nianbao_gui.core.pages.fonts import FontChoice, FontFile

    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    fonts = dict(_fonts())
    fonts[FontKey.FANG] = FontChoice(FontKey.FANG, "仿宋", FontFile(broken, 0, "Broken"))
    # another font draws instead (issue 18 item 9), and the damaged one is named
    data, result = render_pdf(Report(opening=["正文。"]), fonts=fonts)
    assert data.startswith(b"%PDF") and any(str(broken) in w for w in result.warnings)
    only = {key: FontChoice(key, "仿宋", FontFile(broken, 0, "Broken")) for key in FontKey}
    with pytest.raises(ExportError, match="无法用于 PDF（文件已损坏或不是可用的字体）"):
        render_pdf(Report(opening=["正文。"]), fonts=only)


def _windows_fonts(monkeypatch: pytest.MonkeyPatch, folder: Path, registry: dict) -> None:  # type: ignore[type-arg]
    from nianbao_gui.core.pages import fonts, winfonts

    monkeypatch.setattr(fonts.sys, "platform", "win32")
    monkeypatch.setattr(winfonts, "_registry_fonts", lambda: registry)
    monkeypatch.setattr(winfonts, "_windows_dirs", lambda: [folder])


def _link(folder: Path, name: str, key: FontKey, family: str) -> Path:
    source = find_font(key, family, fontconfig_file=str(PDF_FONTS_CONF)).file
    assert source is not None
    target = folder / name
    target.symlink_to(source.path)
    return target


def test_windows_fonts_by_registry_and_file_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _link(tmp_path, "simfang.ttf", FontKey.FANG, "AR PL UMing CN")
    _link(tmp_path, "FZXBSJW.TTF", FontKey.HEI, "WenQuanYi Zen Hei")
    _windows_fonts(monkeypatch, tmp_path, {"FangSong": ("simfang.ttf", 0)})
    fang = find_font(FontKey.FANG, "仿宋")
    assert fang.file is not None and fang.file.path.name == "simfang.ttf" and fang.note == ""
    title = find_font(FontKey.TITLE, "方正小标宋简体")  # by its file name, not registered
    assert title.file is not None and title.file.path.name == "FZXBSJW.TTF" and not title.note
    kai = find_font(FontKey.KAI, "楷体_GB2312")  # missing: simkai.ttf is not there either
    assert kai.file is not None and kai.file.path.name == "simfang.ttf"
    # the stand-in by the name its file gives itself, not the file's name (issue 20 item 5)
    assert kai.note == (
        "本机没有“楷体_GB2312”，二级标题用“AR PL UMing CN”代替；"
        "在装有该字体的电脑上用 Word 打开 .docx 会是正确字体。"
    )


def test_windows_font_that_forbids_embedding_gives_way(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    restricted = _restricted_copy(tmp_path)
    (tmp_path / "simhei.ttf").symlink_to(restricted)
    _link(tmp_path, "simsun.ttc", FontKey.SONG, "AR PL UMing CN")
    _windows_fonts(monkeypatch, tmp_path, {"SimHei": ("simhei.ttf", 0)})
    hei = find_font(FontKey.HEI, "黑体")
    assert hei.file is not None and hei.file.path.name == "simsun.ttc"
    assert "不允许嵌入" in hei.note and "黑体" in hei.note


@pytest.mark.parametrize("name", ["seed", "long"])
def test_qpdf_finds_no_structural_error(
    pdfs: dict[str, tuple[Report, bytes]], name: str, tmp_path: Path
) -> None:
    """The PDF is written by our own small writer (pdfwrite.py): qpdf, an independent reader,
    checks its objects, streams and cross-reference table."""
    import subprocess

    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed (./dev test installs it)")
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdfs[name][1])
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_a_missing_font_file_is_named_in_chinese(tmp_path: Path) -> None:
    """No English exception name in the message (it said "（FileNotFoundError）")."""
    from nianbao_gui.core.errors import ExportError
    from nianbao_gui.core.pages.fonts import FontChoice, FontFile

    gone = tmp_path / "gone.ttf"
    fonts = {key: FontChoice(key, "仿宋", FontFile(gone, 0, "Gone")) for key in FontKey}
    with pytest.raises(ExportError) as caught:
        render_pdf(Report(opening=["正文。"]), fonts=fonts)
    assert "（文件不存在）" in str(caught.value) and "Error" not in str(caught.value)
