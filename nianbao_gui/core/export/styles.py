"""Named paragraph styles (标题, 正文, 一级标题 …) and the run properties of each.

A user who edits the exported file by hand restyles the whole document through these
styles in Word or WPS. Every run still carries its fonts directly as well: WPS and older
Word versions fall back to the theme's fonts when a run names none, and text pasted into
another document keeps its look.

Numbers (see docs/official-layout.md):
- 3号 = 16 pt (``sz`` 32 half-points), 2号 = 22 pt (44), 4号 = 14 pt (28).
- Lines are exactly 28.95 pt (579 twips): 22 lines fill the 225 mm text block in Word and
  LibreOffice alike, whatever the height of the substitute font.
- Runs at 3号 are 0.25 pt narrower (``w:spacing -5``): 28 characters of 15.75 pt fill the
  156 mm line (442.2 pt); LibreOffice puts only 27 there without it, and breaks on a
  character grid (``charSpace``) altogether.
- Body text and headings are justified (``w:jc="both"``), with ``w:overflowPunct w:val="1"``
  written out. LibreOffice's .docx import reads that value the wrong way round: ``1`` turns
  hanging punctuation *off* there, and with it off LibreOffice (7.4, 25.2) draws every mark
  of a justified line; with hanging on (``0`` or left out) it dropped the closing mark that
  hung at the end of a full justified line. The layout (pages/) breaks as LibreOffice does
  then: no mark hangs, the character before it goes to the next line with it. For Word the
  settings add ``w:doNotWrapTextWithPunct`` (see docs/page-layout.md, *Justified lines*).
- Kinsoku on: a closing mark never starts a line, an opening one never ends a line.
- The salutation (各位领导、同志们：) stands flush left (GB/T 9704-2012 7.3.2, 主送机关 顶格);
  the signature and the date are placed by left indents (title.py).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from .options import ExportOptions, FontSet
from .xml import el, sub, w

SIZE_3HAO = 32  # half-points
SIZE_2HAO = 44
SIZE_4HAO = 28
LINE_PITCH = 579  # twips: 225 mm / 22 lines
CHAR_PITCH = 315  # twips: 16 pt − 0.25 pt, one character of body text
TIGHTEN = "-5"  # twentieths of a point: −0.25 pt on every 3号 run
INDENT_CHARS = "200"  # hundredths of a character: two characters
INDENT_TWIPS = str(2 * 320)  # the same for programs that ignore firstLineChars


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
    sub(ppr, "overflowPunct", val="1")
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
    """The named styles by key: title, author, body, salutation, h1–h4, signature, date,
    page_number."""
    fonts: FontSet = options.font_set
    body = fonts.fang

    def spec(key: str, name: str, ppr: Any, rpr: Any) -> tuple[str, StyleSpec]:
        return key, StyleSpec(f"nb-{key}", name, ppr, rpr)

    return dict(
        [
            spec(
                "title",
                "标题",
                # off the grid: a 2号 line would take two grid lines in LibreOffice
                para_props(jc="center", first_line=False, snap_to_grid=False),
                run_props(fonts.title, SIZE_2HAO, tighten=False),
            ),
            spec(
                "author",
                "作者",
                para_props(jc="center", first_line=False),
                run_props(fonts.kai, SIZE_3HAO),
            ),
            spec("body", "正文", para_props(), run_props(body, SIZE_3HAO)),
            spec(
                "salutation",
                "称呼",  # 各位领导、同志们： flush left (GB/T 9704-2012 7.3.2: 顶格)
                para_props(jc="left", first_line=False),
                run_props(body, SIZE_3HAO),
            ),
            spec("h1", "一级标题", para_props(outline=0), run_props(fonts.hei, SIZE_3HAO)),
            spec("h2", "二级标题", para_props(outline=1), run_props(fonts.kai, SIZE_3HAO)),
            spec(
                "h3",
                "三级标题",
                para_props(outline=2),
                run_props(body, SIZE_3HAO, bold=options.level3_bold),
            ),
            spec("h4", "四级标题", para_props(outline=3), run_props(body, SIZE_3HAO)),
            spec(
                "signature",
                "落款",
                para_props(jc="left", first_line=False),
                run_props(body, SIZE_3HAO),
            ),
            spec(
                "date", "日期", para_props(jc="left", first_line=False), run_props(body, SIZE_3HAO)
            ),
            *table_specs(options),
            spec(
                "page_number",
                "页码",
                para_props(jc="right", first_line=False, line=None, snap_to_grid=False),
                run_props(fonts.song, SIZE_4HAO, tighten=False),
            ),
        ]
    )


def table_specs(options: ExportOptions) -> list[tuple[str, StyleSpec]]:
    """Styles of tables (issue 22, docs/official-layout.md): 表题 黑体 三号 centred on the
    body's lines; unit line right-aligned and 注 on the body's lines in the cells' size;
    cells in 仿宋 at the size set (四号 by default) with single line spacing and off the
    document grid (an exact 28.95 pt line, or LibreOffice's snapping to the 28.95 pt grid,
    would blow every row up to a body line); header cells in 黑体, centred; numbers centred."""
    fonts: FontSet = options.font_set
    size = options.table_size.half_points

    def above(jc: str) -> Any:  # stays on the page of the table under it
        ppr = para_props(jc=jc, first_line=False)
        ppr.insert(0, el("keepNext"))
        return ppr

    def cell(jc: str, font: str) -> Any:
        return para_props(jc=jc, first_line=False, line=None, snap_to_grid=False), run_props(
            font, size, tighten=False
        )

    return [
        (
            key,
            StyleSpec(f"nb-{key}", name, ppr, rpr),
        )
        for key, name, ppr, rpr in (
            (
                "table_caption",
                "表题",
                above("center"),
                run_props(fonts.hei, SIZE_3HAO),
            ),
            (
                "table_unit",
                "表格单位",
                above("right"),
                run_props(fonts.fang, size, tighten=False),
            ),
            (
                "table_note",
                "表注",
                para_props(jc="left", first_line=False),
                run_props(fonts.fang, size, tighten=False),
            ),
            ("cell", "表格文字", *cell("left", fonts.fang)),
            ("cell_number", "表格数字", *cell("center", fonts.fang)),
            ("cell_head", "表头", *cell("center", fonts.hei)),
        )
    ]


def set_defaults(styles_root: Any, body_font: str) -> None:
    """docDefaults and Normal: 3号 仿宋, single spacing, nothing after, zh-CN, no theme fonts."""
    defaults = styles_root.find(w("docDefaults"))
    if defaults is None:
        defaults = el("docDefaults")
        styles_root.insert(0, defaults)
    for child in list(defaults):
        defaults.remove(child)
    rpr_default = sub(defaults, "rPrDefault")
    rpr_default.append(run_props(body_font, SIZE_3HAO, tighten=False))
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
    normal.append(run_props(body_font, SIZE_3HAO, tighten=False))


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
