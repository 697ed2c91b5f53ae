"""The page in Word: A4, the margins and line grid of GB/T 9704-2012 (typeset/page.py),
page numbers in the footers.

- ``w:docGrid w:type="lines" w:linePitch="579"``: 22 lines a page. No ``charSpace``: any
  negative value makes LibreOffice put each character across two cells (14 a line); the 28
  characters a line come from the −0.25 pt spacing on the runs instead (styles.py).
- Page numbers ``— 1 —`` in 4号 宋体, half-width digits, odd pages right-aligned one
  character in, even pages left-aligned one character in: ``w:evenAndOddHeaders`` in the
  settings, a default (odd) and an even footer, each with a PAGE field.
- The footer sits so that the number's em dashes are 7 mm below the text block.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.document import Document
from docx.shared import Twips

from ...typeset.page import (
    FOOTER_DISTANCE,
    HEADER_DISTANCE,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_NUMBER_INDENT,
    PAGE_WIDTH,
)
from .styles import StyleSpec
from .xml import el, sub, w


def setup_section(document: Document) -> None:
    section = document.sections[0]
    section.page_width = Twips(PAGE_WIDTH)
    section.page_height = Twips(PAGE_HEIGHT)
    section.top_margin = Twips(MARGIN_TOP)
    section.bottom_margin = Twips(MARGIN_BOTTOM)
    section.left_margin = Twips(MARGIN_LEFT)
    section.right_margin = Twips(MARGIN_RIGHT)
    section.header_distance = Twips(HEADER_DISTANCE)
    section.footer_distance = Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    grid = sect_pr.find(w("docGrid"))
    if grid is None:
        grid = sub(sect_pr, "docGrid")
    grid.attrib.clear()
    grid.set(w("type"), "lines")
    grid.set(w("linePitch"), str(LINE_PITCH))


def add_page_numbers(document: Document, spec: StyleSpec) -> None:
    """Odd pages: the default footer, right; even pages: the even footer, left."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _fill_footer(section.footer._element, spec, odd=True)
    _fill_footer(section.even_page_footer._element, spec, odd=False)


def _fill_footer(footer: Any, spec: StyleSpec, *, odd: bool) -> None:
    for child in list(footer):
        footer.remove(child)
    paragraph = sub(footer, "p")
    ppr = copy.deepcopy(spec.ppr)
    ppr.insert(0, el("pStyle", val=spec.style_id))
    for old in ppr.findall(w("ind")) + ppr.findall(w("jc")):
        ppr.remove(old)
    indent = str(PAGE_NUMBER_INDENT)
    if odd:
        ind = el("ind", right=indent, firstLine="0", firstLineChars="0")
    else:
        ind = el("ind", left=indent, firstLine="0", firstLineChars="0")
    spacing = ppr.find(w("spacing"))
    spacing.addnext(ind)
    ind.addnext(el("jc", val="right" if odd else "left"))
    paragraph.append(ppr)

    def run(text: str | None = None, field: str | None = None, instr: str | None = None) -> None:
        r = sub(paragraph, "r")
        r.append(copy.deepcopy(spec.rpr))
        if field is not None:
            sub(r, "fldChar", fldCharType=field)
        elif instr is not None:
            node = sub(r, "instrText")
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            node.text = instr
        else:
            node = sub(r, "t")
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            node.text = text

    run("— ")
    run(field="begin")
    run(instr=" PAGE ")
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")
