"""What keeps tables fast to export and lay out (issue 22: within 1.5× of the same text as
paragraphs; the speed itself: benchmarks/bench_tables.py). Each shortcut must give the same
document and the same pages as the plain way (test_tables_export.py, test_tables_pages.py)."""

from __future__ import annotations

import docx
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from nianbao_gui.core import tables
from nianbao_gui.core.export.word.styles import style_specs
from nianbao_gui.core.export.word.table_xml import write_table
from nianbao_gui.core.export.word.writer import _Builder
from nianbao_gui.core.export.word.xml import W_DECL, w
from nianbao_gui.core.model import Table
from nianbao_gui.core.typeset import ExportOptions, sanitize


def test_a_table_declares_w_itself_and_the_document_keeps_one_declaration() -> None:
    """lxml fixes the namespaces of a moved element in a time growing with the square of
    its nodes unless it declares ``w:`` itself (writer._Builder.into): 4× the rows took
    15× the time (benchmarks/bench_tables.py measures it). The table's markup declares it;
    moved into the body, the redundant declaration is dropped, so the document is as before."""
    builder = _Builder(style_specs(ExportOptions()))
    table = Table(rows=[["指标", "2024年", "2025年", "增幅"]] * 30)
    write_table(builder.parts, table, builder.cell, 20.0)
    assert "".join(builder.parts).startswith(f"<w:tbl{W_DECL}>")
    document = docx.Document()
    builder.into(document)
    body = document.element.body
    tbl = body.find(w("tbl"))
    assert tbl is not None
    xml = etree.tostring(document.element, encoding="unicode")
    assert xml.count(W_DECL) == 1  # the root's: none left on the table
    assert len(tbl.findall(w("tr"))) == 30


# the shortcuts of the layout: each against the plain way it replaced

_CELL_CHARS = st.sampled_from(
    list("0123456789０９.．%％+-－—‰,，~～/×x()（）*＊Xx×〇 \t\n\r\x01\ufffeaZ指标年万元第")
)
_cells = st.text(_CELL_CHARS, max_size=12) | st.text(max_size=12)


@given(_cells)
def test_centred_and_is_number_as_the_plain_tests_say(text: str) -> None:
    stripped = text.strip()
    number = (
        bool(stripped)
        and any(c.isdigit() for c in stripped)
        and all(c in tables._NUMBER_CHARS for c in stripped)
    )
    placeholder = bool(stripped) and set(stripped) <= tables._PLACEHOLDER_CHARS
    # a figure written with stars for its digits (**%): the QA pass of issue 22
    starred = set(stripped) <= tables._NUMBER_CHARS | tables._PLACEHOLDER_CHARS and any(
        c in "*＊" for c in stripped
    )
    assert tables.is_number(text) == number
    assert tables.centred(text) == (number or placeholder or starred)


@given(_cells)
def test_widths_and_cleaning_as_the_plain_way_gives_them(text: str) -> None:
    plain = sum(1.0 if ord(char) > 0x2E80 else 0.55 for char in text)
    assert tables._text_width(text) == plain
    assert sanitize.clean_text(text) == sanitize.clean(text).text


@given(_cells)
def test_cleaning_says_what_it_changed_as_before(text: str) -> None:
    """sanitize.clean's shortcut (nothing to clean, nothing to say) against its long way."""
    listed = sanitize.forbidden(text)
    expected = sanitize._FORBIDDEN.sub("", text) if listed else text
    newlines = len(sanitize._NEWLINES.findall(expected))
    result = sanitize.clean(text)
    assert result.text == sanitize._NEWLINES.sub(sanitize.BREAK, expected)
    assert len(result.warnings) == bool(listed) + bool(newlines)


def test_a_paragraph_of_many_line_breaks_declares_w_too() -> None:
    """The same cause for a paragraph of many line breaks: 40,000 took 2.2 s to move into
    the document, 0.3 s with the declaration (a pasted column of figures, hostile input)."""
    builder = _Builder(style_specs(ExportOptions()))
    builder.paragraph("body")
    builder.run(sanitize.BREAK.join(["一行"] * 1_000), "body")
    builder.end()
    builder.paragraph("body")
    builder.run("一行", "body")
    builder.end()
    assert builder.parts[0] == f"<w:p{W_DECL}>"
    assert "<w:p>" in builder.parts  # a short paragraph stays as it was
    document = docx.Document()
    builder.into(document)
    xml = etree.tostring(document.element, encoding="unicode")
    assert xml.count(W_DECL) == 1
    assert xml.count("<w:br/>") == 999
