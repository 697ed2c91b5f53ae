"""Render check: exported documents converted by LibreOffice, measured in the PDF.

Every character of the draft on paper (the PDF's text layer compared with the draft's text),
22 lines on every full page, 28 characters on every full line, page numbers on the outer
side (odd right, even left) 7 mm below the text block, title and headings in their fonts.
Runs on the seed (imported and as a draft), the templates, every fixture and a 12-page
report, converted in one LibreOffice run. Needs soffice and CJK fonts (``./dev test``
installs them); CI runs it.
"""

from __future__ import annotations

import itertools
import os

import pytest
from export_support import sample_names, sample_reports
from render_support import (
    BLOCK_BOTTOM,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    PT_PER_MM,
    Line,
    Page,
    draft_text,
    first_difference,
    grid_slots,
    read_pages,
    soffice,
    text_on_paper,
    to_pdfs,
)

from nianbao_gui.core.export import export_docx

pytestmark = [
    pytest.mark.render,
    # CI installs LibreOffice (./dev test): there a missing soffice is a failure, not a skip
    pytest.mark.skipif(
        soffice() is None and not os.environ.get("CI"), reason="LibreOffice is not installed"
    ),
]

# What tests/fonts/fonts.conf maps each font name onto
FANG, KAI, HEI, TITLE, SONG = "UMingCN", "UKaiCN", "WenQuanYiZenHei", "Bold", "Regular"
CHAR = 15.75  # points: a 3号 character with −0.25 pt spacing
HANGING = "，。、；：！？）”’"
OPENING = "（“‘《【"  # kinsoku: never at the end of a line, taken to the next one
NAMES = sample_names()


@pytest.fixture(scope="module")
def drafts() -> dict[str, str]:
    """Each sample report's text, as the export must put it on paper."""
    return {name: draft_text(report) for name, report in sample_reports().items()}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    folder = tmp_path_factory.mktemp("render")
    targets = []
    for name, report in sample_reports().items():
        target = folder / f"{name}.docx"
        export_docx(report, target)
        targets.append(target)
    pdfs = to_pdfs(targets, folder)
    return {target.stem: read_pages(pdf) for target, pdf in zip(targets, pdfs, strict=True)}


@pytest.mark.parametrize("name", NAMES)
def test_every_character_on_paper(
    rendered: dict[str, list[Page]], drafts: dict[str, str], name: str
) -> None:
    """The PDF's text layer, page numbers removed, is the draft's text, character for
    character (LibreOffice once dropped a closing mark hanging at a justified line's end)."""
    expected, got = drafts[name], text_on_paper(rendered[name])
    assert got == expected, first_difference(expected, got)


def test_text_on_paper_drops_page_numbers_and_whitespace_only() -> None:
    """The comparison's reading of a page: body lines in order (a hanging mark stays on its
    line), the footer's ``— N —`` gone, any other footer text kept, whitespace dropped."""

    def line(text: str, baseline: float) -> Line:
        return Line(baseline, BLOCK_LEFT, BLOCK_RIGHT, text, ["F"] * len(text), 16.0)

    page = Page(
        1,
        body=[line("指导党风廉政建设工作，", 100.0), line("强化\u3000自我 约束。", 129.0)],
        footer=[line("— 12 —", 800.0), line("附注", 820.0)],
        width=595.0,
    )
    assert text_on_paper([page]) == "指导党风廉政建设工作，强化自我约束。附注"
    lost = "指导党风廉政建设工作强化自我约束。"
    message = first_difference(text_on_paper([page])[:-2], lost)
    assert message.startswith("at character 10:"), message


def test_long_report_has_many_pages(rendered: dict[str, list[Page]]) -> None:
    assert len(rendered["long"]) >= 10
    assert len(rendered["seed"]) >= 2


@pytest.mark.parametrize("name", NAMES)
def test_22_lines_on_every_full_page(rendered: dict[str, list[Page]], name: str) -> None:
    for page in rendered[name][:-1]:
        slots = grid_slots(page)
        # every line sits on the 28.95 pt grid, one line to a slot, slots 0 … 21 in use
        assert all(abs(s - round(s)) < 0.1 for s in slots[1:]), (page.number, slots)
        body_slots = [round(s) for s in slots]
        assert len(set(body_slots)) == len(body_slots), page.number
        assert body_slots[-1] == 21, (page.number, body_slots)
        if page.number > 1:
            assert body_slots[0] == 0 and len(body_slots) == 22, (page.number, body_slots)
        assert page.body[-1].baseline < BLOCK_BOTTOM


@pytest.mark.parametrize("name", NAMES)
def test_28_characters_on_every_full_line(rendered: dict[str, list[Page]], name: str) -> None:
    """Justified (issue 20): every full line ends at the right margin (within 1.5 pt), and
    no closing mark hangs past it (overflowPunct 1: LibreOffice hangs none)."""
    full_lines = pure_lines = first_lines = 0
    for page in rendered[name]:
        lines = page.body
        for line, after in itertools.pairwise(lines):
            # a line indented two characters, or after a blank line, starts a paragraph
            starts_new_paragraph = (
                after.x0 > BLOCK_LEFT + CHAR or after.baseline - line.baseline > 30
            )
            moved_down = after.text[:1].isascii()  # a Latin word or number goes down whole
            if line.size == 16 and line.x0 > BLOCK_LEFT + CHAR and not starts_new_paragraph:
                # the first line of a paragraph: two characters in (32 pt), 26 characters
                assert abs(line.x0 - (BLOCK_LEFT + 32)) < 1 or line.text[0] == "\u00a0", (
                    page.number,
                    line.text,
                )
                assert abs(line.x1 - BLOCK_RIGHT) <= 1.5, (page.number, line.text)
                if all(ord(c) > 0x2000 for c in line.text) and not moved_down:
                    assert len(line.text) in (25, 26), (page.number, line.text)
                first_lines += 1
            if line.size != 16 or starts_new_paragraph or line.x0 > BLOCK_LEFT + 1:
                continue  # the last line of a paragraph, the first (indented) or a title line
            assert abs(line.x1 - BLOCK_RIGHT) <= 1.5, (page.number, line.text)
            text = line.text
            if not text.isascii() and all(ord(c) > 0x2000 for c in text) and not moved_down:
                # 28 a line; 27 where the line-breaking rules of Chinese move a character
                # down: an opening mark (never at a line's end), or a character with the
                # closing mark after it (no mark hangs, none starts a line)
                kinsoku = after.text[:1] in OPENING + HANGING or after.text[1:2] in HANGING
                assert len(text) == 28 or (len(text) == 27 and kinsoku), (page.number, line.text)
                pure_lines += 1
            full_lines += 1
    minimum = {"seed": (40, 5, 20), "long": (100, 30, 60)}.get(name, (0, 0, 0))
    assert full_lines >= minimum[0] and first_lines >= minimum[1] and pure_lines >= minimum[2]


@pytest.mark.parametrize("name", NAMES)
def test_page_numbers_outside_and_7mm_below_the_text(
    rendered: dict[str, list[Page]], name: str
) -> None:
    for page in rendered[name]:
        assert len(page.footer) == 1, page.number
        number = page.footer[0]
        assert number.text == f"— {page.number} —"
        assert number.size == 14 and SONG in number.font
        one_char = 14.0
        if page.number % 2:
            assert abs(number.x1 - (BLOCK_RIGHT - one_char)) < 2, page.number
        else:
            assert abs(number.x0 - (BLOCK_LEFT + one_char)) < 2, page.number
        # the em dash's ink is 0.28 em above the baseline (measured on the page at 300 dpi)
        dash_below_block = (number.baseline - 0.28 * 14 - BLOCK_BOTTOM) / PT_PER_MM
        assert 6 < dash_below_block < 8, dash_below_block


def test_title_headings_and_body_in_their_fonts(rendered: dict[str, list[Page]]) -> None:
    lines = [line for page in rendered["long"] for line in page.body]
    title = lines[0]
    assert title.size == 22 and TITLE in title.font and "NotoSerif" in title.font
    assert title.text.startswith("某某镇人民政府副镇长2024年度述职报告")
    assert lines[1].text.startswith("暨党风廉政建设")
    assert abs((title.x0 + title.x1) / 2 - (BLOCK_LEFT + BLOCK_RIGHT) / 2) < 2  # centred
    assert KAI in lines[2].font and "张三" in lines[2].text  # author line
    found = {"h1": 0, "h2": 0, "h3": 0, "h4": 0}
    for line in lines[3:]:
        if line.text.startswith(("一、", "二、", "五、")):
            assert set(line.fonts) == {HEI}, line.text
            found["h1"] += 1
        elif line.text.startswith("（一）政法工作"):
            split = line.text.index("。") + 1  # run-in: heading in 楷体, text after in 仿宋
            assert set(line.fonts[:split]) == {KAI} and set(line.fonts[split:]) == {FANG}
            found["h2"] += 1
        elif line.text.startswith("1．第三级标题"):
            assert set(line.fonts) == {FANG}
            found["h3"] += 1
        elif line.text.startswith("（1）第四级标题"):
            assert set(line.fonts) == {FANG}
            found["h4"] += 1
        elif line.text.startswith("围绕中心工作"):
            assert set(line.fonts) == {FANG}
    assert all(found.values()), found


def test_signature_and_date_on_the_right(rendered: dict[str, list[Page]]) -> None:
    last = rendered["long"][-1].body
    signature, date = last[-2], last[-1]
    assert signature.text == "某某镇人民政府" and date.text == "2025年1月5日"
    assert round(date.baseline - signature.baseline, 1) == pytest.approx(28.95, abs=0.2)
    assert abs(last[-3].baseline + 2 * 28.95 - signature.baseline) < 0.5  # one blank line
    # placed by measured widths: the date starts 2 characters right of the signature's
    # first character; the longer of the two (here the date, with LibreOffice's space
    # around its digits) ends 2 characters in from the right
    assert abs(date.x0 - signature.x0 - 2 * CHAR) < CHAR / 4
    assert abs(max(signature.x1, date.x1) - (BLOCK_RIGHT - 2 * CHAR)) < 4


def test_seed_title_and_first_lines(rendered: dict[str, list[Page]]) -> None:
    first = rendered["seed"][0].body
    assert first[0].text == "2022年度述职述廉报告" and TITLE in first[0].font
    assert round(grid_slots(rendered["seed"][0])[1]) == 2  # title, a blank line, the text
