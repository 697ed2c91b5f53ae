"""Named paragraph styles (标题, 正文, 一级标题 …) and the run properties of each.

A user who edits the exported file by hand restyles the whole document through these
styles in Word or WPS. Every run still carries its fonts directly as well: WPS and older
Word versions fall back to the theme's fonts when a run names none, and text pasted into
another document keeps its look.

The values (fonts, sizes, alignment, indents) are the official layout's (typeset/styles.py,
typeset/page.py), which the page layout reads too. How they are written for Word and
LibreOffice (see docs/official-layout.md):
- sizes in half-points (``sz`` 32 = 3号), lengths in twips; lines exactly 28.95 pt;
- runs at 3号 are 0.25 pt narrower (``w:spacing -5``): 28 characters of 15.75 pt fill the
  156 mm line (442.2 pt); LibreOffice puts only 27 there without it, and breaks on a
  character grid (``charSpace``) altogether;
- justified is ``w:jc="both"``. ``w:overflowPunct w:val="1"`` is written out for a style
  where no mark hangs: LibreOffice's .docx import reads that value the wrong way round (``1``
  turns hanging punctuation *off* there), and with it off LibreOffice (7.4, 25.2) draws every
  mark of a justified line; with hanging on (``0`` or left out) it dropped the closing mark
  that hung at the end of a full justified line. For Word the settings add
  ``w:doNotWrapTextWithPunct`` (see docs/page-layout.md, *Justified lines*);
- kinsoku on; no widow control; no autospace between Chinese and Latin or digits.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from ...typeset import ExportOptions, ParagraphStyle, paragraph_styles
from ...typeset import page as _page
from ...typeset.styles import SIZE_3HAO
from .xml import el, sub, w

LINE_PITCH = _page.LINE_PITCH  # twips
TIGHTEN = str(_page.TIGHTEN)  # twentieths of a point on every tightened run
INDENT_CHARS = "200"  # hundredths of a character: two characters
INDENT_TWIPS = str(_page.INDENT)  # the same for programs that ignore firstLineChars
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def half_points(size: float) -> int:
    return round(size * 2)


def run_props(font: str, size: int, *, bold: bool = False, tighten: bool = True) -> Any:
    """``w:rPr`` naming ``font`` for all four scripts, with zh-CN and the East Asian hint.

    hAnsi is the Chinese font too and the hint says East Asian: quotes, dashes and ellipses
    (“ ” — …) are then drawn in the Chinese font, full-width, not in a Latin font.
    """
    rpr = el("rPr")
    sub(rpr, "rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font, hint="eastAsia")
    if bold:
        sub(rpr, "b")
        sub(rpr, "bCs")
    if tighten:
        sub(rpr, "spacing", val=TIGHTEN)
    sub(rpr, "sz", val=str(size))
    sub(rpr, "szCs", val=str(size))
    sub(rpr, "lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")  # as Word writes it in China
    return rpr


def para_props(
    *,
    jc: str = "both",
    first_line: bool = True,
    line: int | None = LINE_PITCH,
    outline: int | None = None,
    snap_to_grid: bool = True,
    hang: bool = False,
) -> Any:
    """``w:pPr``: alignment, exact 28.95 pt lines, no space before/after, no widow control.

    Widow control and keep-with-next would move lines to the next page and leave pages of
    21 lines; the standard fills the text block (22 lines on every full page).
    """
    ppr = el("pPr")
    sub(ppr, "widowControl", val="0")
    sub(ppr, "kinsoku", val="1")  # Chinese line breaking: no closing mark at a line's start
    # "1": Word may hang a mark; LibreOffice reads it as "no hanging" and then draws every
    # mark of a justified line (with hanging it dropped the one past the margin)
    sub(ppr, "overflowPunct", val="0" if hang else "1")
    sub(ppr, "autoSpaceDE", val="0")  # no extra space between Chinese and Latin letters
    sub(ppr, "autoSpaceDN", val="0")  # … nor between Chinese and digits: keeps 28 a line
    if not snap_to_grid:
        sub(ppr, "snapToGrid", val="0")
    if line is None:
        sub(ppr, "spacing", before="0", after="0", line="240", lineRule="auto")
    else:
        sub(ppr, "spacing", before="0", after="0", line=str(line), lineRule="exact")
    if first_line:
        sub(ppr, "ind", firstLine=INDENT_TWIPS, firstLineChars=INDENT_CHARS)
    else:
        sub(ppr, "ind", firstLine="0", firstLineChars="0")
    sub(ppr, "jc", val=jc)
    if outline is not None:
        sub(ppr, "outlineLvl", val=str(outline))
    return ppr


@dataclass(frozen=True)
class StyleSpec:
    style_id: str
    name: str  # what Word and WPS show in the style list
    ppr: Any
    rpr: Any


def style_specs(options: ExportOptions) -> dict[str, StyleSpec]:
    """The named styles by key (typeset.paragraph_styles): title, author, body, salutation,
    h1–h4, signature, date, page_number."""
    fonts = options.font_set
    return {
        key: StyleSpec(f"nb-{key}", style.name, _ppr(style), _rpr(style, fonts.name(style.font)))
        for key, style in paragraph_styles(options).items()
    }


def _ppr(style: ParagraphStyle) -> Any:
    ppr = para_props(
        jc=_JC[style.align],
        first_line=style.first_line_indent,
        line=LINE_PITCH if style.exact_lines else None,
        outline=style.outline,
        snap_to_grid=style.on_grid,
        hang=style.hang,
    )
    if style.keep_next:  # first in CT_PPrBase (the writer puts pStyle before it)
        ppr.insert(0, el("keepNext"))
    return ppr


def _rpr(style: ParagraphStyle, font: str) -> Any:
    return run_props(font, half_points(style.size), bold=style.bold, tighten=style.tighten)


_BODY_SIZE = half_points(SIZE_3HAO)


def set_defaults(styles_root: Any, body_font: str) -> None:
    """docDefaults and Normal: 3号 仿宋, single spacing, nothing after, zh-CN, no theme fonts."""
    defaults = styles_root.find(w("docDefaults"))
    if defaults is None:
        defaults = el("docDefaults")
        styles_root.insert(0, defaults)
    for child in list(defaults):
        defaults.remove(child)
    rpr_default = sub(defaults, "rPrDefault")
    rpr_default.append(run_props(body_font, _BODY_SIZE, tighten=False))
    ppr_default = sub(defaults, "pPrDefault")
    ppr = sub(ppr_default, "pPr")
    sub(ppr, "spacing", before="0", after="0", line="240", lineRule="auto")

    normal = _find_style(styles_root, "Normal")
    if normal is None:
        normal = sub(styles_root, "style", type="paragraph", styleId="Normal", default="1")
        sub(normal, "name", val="Normal")
    for tag in ("pPr", "rPr"):
        for old in normal.findall(w(tag)):
            normal.remove(old)
    normal_ppr = sub(normal, "pPr")
    sub(normal_ppr, "widowControl", val="0")
    sub(normal_ppr, "spacing", before="0", after="0", line="240", lineRule="auto")
    normal.append(run_props(body_font, _BODY_SIZE, tighten=False))


def drop_table_styles(styles_root: Any) -> int:
    """Remove the template's 99 table styles (a report has no table): they are nine tenths
    of styles.xml and crowd Word's style gallery. Table Normal, the default, stays."""
    dropped = styles_root.xpath("w:style[@w:type='table' and not(@w:default='1')]")
    for style in dropped:
        styles_root.remove(style)
    return len(dropped)


def add_styles(styles_root: Any, specs: dict[str, StyleSpec]) -> None:
    for spec in specs.values():
        old = _find_style(styles_root, spec.style_id)
        if old is not None:
            styles_root.remove(old)
        style = sub(styles_root, "style", type="paragraph", customStyle="1", styleId=spec.style_id)
        sub(style, "name", val=spec.name)
        sub(style, "basedOn", val="Normal")
        sub(style, "next", val="nb-body")
        sub(style, "qFormat")
        style.append(copy.deepcopy(spec.ppr))
        style.append(copy.deepcopy(spec.rpr))


def _find_style(styles_root: Any, style_id: str) -> Any:
    # xpath, not iter(): iterating makes a python-docx proxy of every element (2 ms a call)
    found = styles_root.xpath(f"w:style[@w:styleId='{style_id}']")  # python-docx knows w:
    return found[0] if found else None
