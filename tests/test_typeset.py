"""One table of paragraph styles (core/typeset) drives both the .docx and the page layout:
every role's font, size, alignment, indent, bold and hanging is read from it by both, so
the Word file and the PDF/preview cannot drift apart (issue 21 item 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from nianbao_gui.core.export.word.styles import style_specs
from nianbao_gui.core.export.word.xml import w
from nianbao_gui.core.layout import Role, layout
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.pages import NominalMetrics, paginate
from nianbao_gui.core.settings import FontChoice
from nianbao_gui.core.typeset import ExportOptions, paragraph_styles, style_key
from nianbao_gui.core.typeset.paragraphs import written

OPTIONS = [ExportOptions(), ExportOptions(fonts=FontChoice.WINDOWS, level3_bold=True)]


def _report() -> Report:
    deep = Section(heading="四级", paragraphs=["四级下的正文。"])
    third = Section(heading="三级", paragraphs=["三级下的正文。"], children=[deep])
    second = Section(heading="二级", paragraphs=["二级下的正文。"], children=[third])
    return Report(
        title="某某镇2025年度述职报告",
        author_name="张三",
        position="镇长",
        show_author_line=True,
        opening=["各位领导、同志们：", "今年以来，我认真履行职责。" * 4],
        sections=[Section(heading="一级", paragraphs=["一级下的正文。"], children=[second])],
        signature="张三",
        date=dt.date(2026, 1, 5),
    )


@pytest.mark.parametrize("options", OPTIONS)
def test_the_word_styles_are_the_table(options: ExportOptions) -> None:
    specs = style_specs(options)
    jc = {"left": "left", "center": "center", "right": "right", "justify": "both"}
    for key, style in paragraph_styles(options).items():
        ppr, rpr = specs[key].ppr, specs[key].rpr
        assert specs[key].name == style.name
        assert ppr.find(w("jc")).get(w("val")) == jc[style.align], key
        indent = ppr.find(w("ind")).get(w("firstLine"))
        assert (indent != "0") is style.first_line_indent, key
        hang = ppr.find(w("overflowPunct")).get(w("val")) == "0"  # as LibreOffice reads it
        assert hang is style.hang, key
        assert rpr.find(w("sz")).get(w("val")) == str(round(style.size * 2)), key
        font = options.font_set.name(style.font)
        assert rpr.find(w("rFonts")).get(w("eastAsia")) == font, key
        assert (rpr.find(w("b")) is not None) is style.bold, key
        assert (rpr.find(w("spacing")) is not None) is style.tighten, key


@pytest.mark.parametrize("options", OPTIONS)
def test_the_page_layout_is_the_table(options: ExportOptions) -> None:
    report = _report()
    styles = paragraph_styles(options)
    laid = paginate(report, NominalMetrics(), options)
    blocks = layout(report)
    keys = {style_key(block) for block in blocks}
    assert keys >= {"title", "author", "salutation", "body", "signature", "date"}
    assert keys >= {"h1", "h2", "h3", "h4"}
    g = laid.geometry
    for line in laid.lines:
        paragraph = laid.paragraphs[line.paragraph]
        if paragraph.blank:
            continue
        style = styles[style_key(blocks[paragraph.block])]
        head = line.spans[0]
        assert head.size == style.size and head.font is style.font
        assert head.bold is (style.bold and paragraph.head_len > 0)
        x = head.xs[0]
        if style.align == "center":
            right = g.block_width - (line.spans[-1].xs[-1] + style.size)
            assert abs(x - right) < 1, paragraph.text
        elif line.first and style.first_line_indent:
            assert x == g.indent, paragraph.text
        elif line.first and style.align == "left" and paragraph.role is Role.BODY:
            assert x == 0, paragraph.text  # the salutation: flush left (顶格)


def test_both_write_the_same_paragraphs() -> None:
    """The .docx and the layout walk the same list: the same paragraphs and blank lines."""
    report = _report()
    laid = paginate(report, NominalMetrics())
    shown = [(p.block, p.text) for p in laid.paragraphs]
    assert shown == [(p.block, p.head + p.text) for p in written(layout(report))]
