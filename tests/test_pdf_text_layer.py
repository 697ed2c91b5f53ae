"""Issue 18 items 13 and 15: the PDF's text is the draft's.

- 13: a lone surrogate in the title or 姓名 crashed the PDF export (its metadata), and one
  in the body was dropped without a word. Now the PDF leaves it out and says where, as the
  .docx export does.
- 15: characters that share a glyph copied as one another ("·" and "•" as "・", "‒" as
  "–", "⺠" as "民"); a soft hyphen was drawn as a visible "-". Now each character copies
  as itself (ActualText where its code copies as another), and U+00AD is not drawn.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from render_support import FONTS_CONF

from nianbao_gui.core.export import export_docx, export_pdf
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.pages.fonts import font_files
from nianbao_gui.core.pages.pdf import render_pdf
from nianbao_gui.core.typeset import ExportOptions

pytestmark = pytest.mark.skipif(
    shutil.which("fc-match") is None or shutil.which("pdftotext") is None,
    reason="needs fontconfig and poppler-utils",
)

PDF_FONTS_CONF = FONTS_CONF.with_name("pdf-fonts.conf")
HEADING = "党建·引领与服务•群众・工作"
PARAGRAPH = "买买提·艾力同志2021–2025年‒连续五年参加国际\u00ad交流-合作，推进⺠主建设。"


def _text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return re.sub(r"\s", "", done.stdout.decode("utf-8"))


def _report() -> Report:
    return Report(
        title="述职报告",
        opening=[PARAGRAPH],
        sections=[Section(heading=HEADING, paragraphs=["正文。"])],
    )


@pytest.mark.parametrize(
    "conf", [None, FONTS_CONF, PDF_FONTS_CONF], ids=["system-noto", "tests", "truetype"]
)
def test_every_character_copies_as_itself(tmp_path: Path, conf: Path | None) -> None:
    """The issue's strings; "system-noto": this machine's fontconfig gives Noto CJK for
    every font, as on the issue's machine."""
    fonts = font_files(ExportOptions().font_set, fontconfig_file=conf and str(conf))
    data, _ = render_pdf(_report(), fonts=fonts)
    text = _text(data, tmp_path)
    assert HEADING in text, text
    assert PARAGRAPH.replace("\u00ad", "") in text, text  # the soft hyphen is not drawn


def test_a_soft_hyphen_is_not_drawn(tmp_path: Path) -> None:
    fonts = font_files(ExportOptions().font_set, fontconfig_file=str(PDF_FONTS_CONF))
    data, _ = render_pdf(Report(opening=["国际\u00ad交流"]), fonts=fonts)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for c in pdf.pages[0].chars if float(c["size"]) == 16]
    assert [c["text"] for c in chars] == list("国际交流")
    # no gap where it was: 际 and 交 stand one character apart
    assert abs(float(chars[2]["x0"]) - float(chars[1]["x0"]) - 16) < 1.5


LONE = "\ud800"


def test_a_lone_surrogate_is_left_out_and_named_as_in_the_docx(tmp_path: Path) -> None:
    report = Report(
        title="述职" + LONE + "报告",
        author_name="张" + LONE + "三",
        opening=["廉政" + LONE + "建设。"],
    )
    target = tmp_path / "x.pdf"
    result = export_pdf(report, target)
    with pdfplumber.open(target) as pdf:
        assert pdf.metadata["Title"] == "述职报告"
        assert pdf.metadata["Author"] == "张三"
    assert "述职报告" in _text(target.read_bytes(), tmp_path)
    removed = [w for w in result.warnings if "残缺字符 U+D800 1 个" in w]
    assert any("述职报告" in w for w in removed), result.warnings  # the title, by its text
    assert any("廉政建设" in w for w in removed), result.warnings
    # the .docx says the same of the same paragraphs
    docx = export_docx(report, tmp_path / "x.docx").warnings
    assert len([w for w in docx if "残缺字符" in w]) == len(removed)


def test_truetype_subsets_give_each_character_its_own_glyph(tmp_path: Path) -> None:
    """Readers that ignore ActualText (pdfminer, so pdfplumber) read the codes: in a
    TrueType subset (the Windows fonts) a character that shares its glyph with another
    gets a copy of the glyph, and so a code of its own."""
    from font_support import UMING
    from fontTools.ttLib import TTFont

    from nianbao_gui.core.pages import ttfsubset
    from nianbao_gui.core.pages.fonts import FontChoice, FontFile
    from nianbao_gui.core.pages.metrics import FontKey

    font = TTFont(str(UMING), fontNumber=0)
    for table in font["cmap"].tables:  # ・ and • drawn with the glyph of ·, as Noto CJK does
        if table.isUnicode() and 0xB7 in table.cmap:
            table.cmap[0x30FB] = table.cmap[0x2022] = table.cmap[0xB7]
    shared = tmp_path / "shared.ttf"
    font.save(str(shared))
    made = ttfsubset.make(shared, 0, "·•・国")
    assert made is not None
    codes = {made.glyphs[c][0] for c in "·•・"}
    assert len(codes) == 3 and made.glyphs["·"][1] == made.glyphs["・"][1]
    fonts = font_files(ExportOptions().font_set, fontconfig_file=str(PDF_FONTS_CONF))
    fonts[FontKey.FANG] = FontChoice(FontKey.FANG, "仿宋_GB2312", FontFile(shared, 0, "x"))
    report = Report(opening=["党建·引领与服务•群众・工作"])
    data, _ = render_pdf(report, fonts=fonts)
    assert b"/ActualText" not in data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "".join(c["text"] for c in pdf.pages[0].chars if float(c["size"]) == 16)
    assert text == report.opening[0]
