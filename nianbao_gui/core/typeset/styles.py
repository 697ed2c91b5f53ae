"""The look of each paragraph role (标题, 正文, 一级标题 …, 称呼, 落款, 日期, 页码), for
every format.

The .docx writer turns these into named Word styles (export/word/styles.py); the page layout
(pages/paginate.py) breaks and aligns lines by them, so the PDF, the preview and the Word file
agree. Sizes in points: 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt.

What holds for every paragraph (not a setting of a style):
- one grid line (28.95 pt, page.py) a line, no space before or after;
- no widow control and no keep-with-next: they would move lines to the next page and leave
  pages of 21 lines; the standard fills the text block (22 lines on every full page);
- Chinese line breaking (kinsoku): a closing mark never starts a line, an opening one never
  ends one; no extra space between Chinese and Latin letters or digits in Word.

Alignment: body text and headings are justified; the salutation (各位领导、同志们：) stands
flush left (GB/T 9704-2012 7.3.2, 主送机关 顶格); the signature and the date are flush left at
indents the page layout measures (pages/closing.py). ``hang``: whether a closing mark may hang
past the right margin; it never does (the layout breaks as LibreOffice does with the .docx's
``w:overflowPunct``, see export/word/styles.py and docs/page-layout.md, *Justified lines*).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..layout import Block, Role, is_salutation
from .options import ExportOptions, FontKey

SIZE_3HAO = 16.0  # points: body text, headings, author line, signature, date
ROW_EMS = 1.8
"""A table row is at least this many times its cells' text size high (w:trHeight atLeast in
Word and WPS; the page layout alike): single-spaced cell text then has room above and below,
as in office-made tables, instead of touching the rules. A cell of several lines is higher."""


def min_row_points(options: ExportOptions) -> float:
    """The least height of a table row, the rules included, in points."""
    return options.table_size.half_points / 2 * ROW_EMS
SIZE_2HAO = 22.0  # the title
SIZE_4HAO = 14.0  # page numbers (GB/T 9704-2012 7.5: 4号半角宋体阿拉伯数字)

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class ParagraphStyle:
    name: str  # what Word and WPS show in the style list
    font: FontKey
    size: float  # points
    align: Align = "justify"
    first_line_indent: bool = True  # two characters (page.INDENT)
    bold: bool = False
    tighten: bool = True  # 0.25 pt narrower characters (page.TIGHTEN): 28 a line
    exact_lines: bool = True  # one grid line a line; False: single spacing (page numbers)
    on_grid: bool = True  # False: off the line grid (a 2号 line would take two in LibreOffice)
    hang: bool = False  # a closing mark may hang past the right margin
    outline: int | None = None  # the heading's level in the navigation pane (0: level 1)
    keep_next: bool = False  # on the page of the paragraph (the table) after it: a 表题


def paragraph_styles(options: ExportOptions) -> dict[str, ParagraphStyle]:
    """The styles by key, in the order Word lists them: title, author, body, salutation,
    h1–h4, signature, date, page_number."""
    style = ParagraphStyle
    fang = FontKey.FANG
    return {
        "title": style(
            "标题",
            FontKey.TITLE,
            SIZE_2HAO,
            align="center",
            first_line_indent=False,
            tighten=False,
            on_grid=False,
        ),
        "author": style("作者", FontKey.KAI, SIZE_3HAO, align="center", first_line_indent=False),
        "body": style("正文", fang, SIZE_3HAO),
        "salutation": style("称呼", fang, SIZE_3HAO, align="left", first_line_indent=False),
        "h1": style("一级标题", FontKey.HEI, SIZE_3HAO, outline=0),
        "h2": style("二级标题", FontKey.KAI, SIZE_3HAO, outline=1),
        "h3": style("三级标题", fang, SIZE_3HAO, bold=options.level3_bold, outline=2),
        "h4": style("四级标题", fang, SIZE_3HAO, outline=3),
        "signature": style("落款", fang, SIZE_3HAO, align="left", first_line_indent=False),
        "date": style("日期", fang, SIZE_3HAO, align="left", first_line_indent=False),
        **table_styles(options),
        "page_number": style(
            "页码",
            FontKey.SONG,
            SIZE_4HAO,
            align="right",
            first_line_indent=False,
            tighten=False,
            exact_lines=False,
            on_grid=False,
        ),
    }


def table_styles(options: ExportOptions) -> dict[str, ParagraphStyle]:
    """A table's paragraphs (issue 22; docs/official-layout.md, Tables): 表题 黑体 三号
    centred and the unit line right-aligned above the table, on its page (keep-with-next);
    注 below; cells at the size set (四号 by default) with single line spacing off the line
    grid (an exact 28.95 pt line, or LibreOffice's snapping to the grid, would make every
    row a body line high), header cells in 黑体 centred, numbers centred."""
    style = ParagraphStyle
    size = options.table_size.half_points / 2
    fang = FontKey.FANG

    def cell(name: str, font: FontKey, align: Align) -> ParagraphStyle:
        return style(
            name,
            font,
            size,
            align=align,
            first_line_indent=False,
            tighten=False,
            exact_lines=False,
            on_grid=False,
        )

    return {
        "table_caption": style(
            "表题", FontKey.HEI, SIZE_3HAO, align="center", first_line_indent=False, keep_next=True
        ),
        "table_unit": style(
            "表格单位",
            fang,
            size,
            align="right",
            first_line_indent=False,
            tighten=False,
            keep_next=True,
        ),
        "table_note": style(
            "表注", fang, size, align="left", first_line_indent=False, tighten=False
        ),
        "cell": cell("表格文字", fang, "left"),
        "cell_number": cell("表格数字", fang, "center"),
        "cell_head": cell("表头", FontKey.HEI, "center"),
    }


TABLE = "table"
"""The style key of a table's grid in typeset.paragraphs: not a paragraph (the writers lay
the grid out themselves, its cells in the ``cell`` styles)."""


def style_key(block: Block) -> str:
    """The key of ``block``'s style. A heading's own text (after a run-in heading) is in
    the body's font: only the numbered head is in the heading's."""
    if is_salutation(block):
        return "salutation"
    if block.role is Role.HEADING:
        return f"h{block.level}"
    if block.role is Role.TABLE:
        return TABLE
    return {
        Role.TITLE: "title",
        Role.AUTHOR: "author",
        Role.BODY: "body",
        Role.SIGNATURE: "signature",
        Role.DATE: "date",
    }[block.role]
