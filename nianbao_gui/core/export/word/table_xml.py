"""A table's grid (model.Table) written as WordprocessingML, the w:tbl (issue 22;
docs/official-layout.md, Tables); its 表题, unit line and 注 are paragraphs of their own
(typeset.paragraphs).

As wide as the text block (156 mm) and centred; 0.5 pt single borders; the same widths in
``w:tblW``, ``w:gridCol`` and every ``w:tcW`` (WPS reads the grid, Word the cells); a fixed
layout, so neither program widens a column to its longest word. Header rows are repeated on
each page (``w:tblHeader``) and no row splits across pages (``w:cantSplit``). Merged cells:
``w:gridSpan`` across, ``w:vMerge`` down (the covered cells of a column stay in the grid as
continuing cells, as Word writes them).
"""

from __future__ import annotations

from collections.abc import Callable

from ...model import Merge, Table
from ...tables import TEXT_WIDTH_TWIPS, centred, column_twips
from ...typeset import sanitize
from .xml import W_DECL

BORDER = 4
"""Eighths of a point: 0.5 pt."""

_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="{BORDER}" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)

Paragraph = Callable[[str, str], None]
"""Writes a cell's paragraph of style key with the given text (the writer's builder)."""


def write_table(
    parts: list[str], table: Table, paragraph: Paragraph, min_row_points: float
) -> list[str]:
    """Append the table's markup to ``parts``; ``paragraph(key, text)`` writes a paragraph
    in one of the writer's styles; every row is at least ``min_row_points`` high. Returns
    what sanitising the cells had to change."""
    warnings: list[str] = []

    def clean(text: str, r: int, c: int) -> str:
        result = sanitize.clean(text)
        if result.warnings:
            where = f"表格第{r + 1}行第{c + 1}列"
            warnings.extend(f"{where}{warning}" for warning in result.warnings)
        return result.text

    widths = column_twips(table)
    parts.append(
        # the namespace declared again: the writer moves the table into the document in a
        # linear time (writer._Builder.into); serialised, the document drops it
        f"<w:tbl{W_DECL}><w:tblPr>"
        f'<w:tblW w:w="{TEXT_WIDTH_TWIPS}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblInd w:w="0" w:type="dxa"/>'
        f"<w:tblBorders>{_BORDERS}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr><w:tblGrid>"
    )
    parts.extend(f'<w:gridCol w:w="{width}"/>' for width in widths)
    parts.append("</w:tblGrid>")
    starts = {(m.top, m.left): m for m in table.merges}
    inside: dict[tuple[int, int], Merge] = {}
    for each in table.merges:
        for r in range(each.top, each.top + each.height):
            for c in range(each.left, each.left + each.width):
                inside[(r, c)] = each
    row_height = f'<w:trHeight w:val="{round(min_row_points * 20)}" w:hRule="atLeast"/>'
    # the opening of a cell that no merge touches, per column (most cells)
    plain = [
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
        for width in widths
    ]
    for r, row in enumerate(table.rows):
        header = r < table.header_rows
        parts.append(f"<w:tr><w:trPr><w:cantSplit/>{row_height}")
        parts.append("<w:tblHeader/></w:trPr>" if header else "</w:trPr>")
        c = 0
        while c < len(row):
            merge = inside.get((r, c)) if inside else None
            if merge is None:
                span = 1
                parts.append(plain[c])
            else:
                span = merge.width
                width = sum(widths[c : c + span])
                props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
                if span > 1:
                    props += f'<w:gridSpan w:val="{span}"/>'
                if merge.height > 1:
                    first = (r, c) in starts
                    props += '<w:vMerge w:val="restart"/>' if first else "<w:vMerge/>"
                props += '<w:vAlign w:val="center"/>'
                parts.append(f"<w:tc><w:tcPr>{props}</w:tcPr>")
            top_left = merge is None or (r, c) == (merge.top, merge.left)
            text = clean(row[c], r, c) if top_left else ""
            key = "cell_head" if header else "cell_number" if centred(text) else "cell"
            paragraph(key, text)
            parts.append("</w:tc>")
            c += span
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return warnings
