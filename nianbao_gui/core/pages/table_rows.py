"""A table laid out for the page (issue 22 item 6): its rows with their heights, each cell's
lines with their positions, as LibreOffice lays out the exported w:tbl.

The columns are the export's (tables.column_twips), the cells' text area is the column less
the cell margins Word and LibreOffice give a table by default (0.19 cm a side). A cell's
lines are single-spaced: a line is as high as the font's ascent, descent and line gap
(``hhea``), which is what LibreOffice uses; a row is as high as its tallest cell, plus the
0.5 pt rule, and at least ``typeset.styles.ROW_EMS`` times the text size (w:trHeight);
cells are centred vertically. A merge down several rows needs its text's height
from all of them: what it lacks is added to its last row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate

from ..model import Table
from ..tables import centred, column_twips, covered
from ..typeset.sanitize import clean_text
from ..typeset.styles import ROW_EMS
from .linebreak import BREAK, break_lines
from .metrics import FontKey, Metrics
from .widths import advances, char_widths, scripts

CELL_MARGIN = 5.4  # points: Word's default left and right cell margin (108 twips)
RULE = 0.5  # points: the borders (w:sz 4)
NOMINAL_VERTICAL = {FontKey.HEI: (0.96, 1.26)}
"""(ascent, line height) in ems when no font file tells: 黑体 is taller than 仿宋."""
_NOMINAL = (0.9, 1.05)


def vertical(metrics: Metrics, font: FontKey) -> tuple[float, float]:
    """(ascent, single line height) of ``font`` in ems."""
    read = getattr(metrics, "vertical", None)
    found = read(font) if read is not None else None
    return found if found is not None else NOMINAL_VERTICAL.get(font, _NOMINAL)


CellLine = tuple[str, FontKey, float, tuple[float, ...], float]
"""(text, font, size, left edge of each character from the block's left, baseline below
the row's top) of one line of a cell."""


@dataclass
class LaidRow:
    index: int  # the row of the table
    header: bool
    height: float  # points, the rule included
    lines: list[CellLine] = field(default_factory=list)
    boxes: list[tuple[float, float, bool, bool]] = field(default_factory=list)
    """(left, width, starts here, ends here) of each cell across this row, in points: a
    cell merged down is in each of its rows, its top rule in the first, its bottom in the
    last."""


@dataclass
class LaidTable:
    rows: list[LaidRow]
    left: float  # the table's left edge from the block's left (centred: 0)
    width: float


def lay_table(table: Table, metrics: Metrics, block_width: float, size: float) -> LaidTable:
    twips = column_twips(table)
    scale = block_width / sum(twips)
    widths = [t * scale for t in twips]
    lefts = [sum(widths[:c]) for c in range(len(widths))]
    hidden = covered(table)
    spans = {(m.top, m.left): m for m in table.merges}
    rows: list[LaidRow] = []
    tall: list[tuple[int, int, float]] = []  # (first row, rows, text height) of merges down
    cells: list[tuple[int, list[CellLine], float, int]] = []  # (row, lines, height, rows)
    heights = {font: vertical(metrics, font) for font in (FontKey.FANG, FontKey.HEI)}
    least = heights[FontKey.FANG][1] * size
    for r, row in enumerate(table.rows):
        header = r < table.header_rows
        font = FontKey.HEI if header else FontKey.FANG
        laid = LaidRow(r, header, 0.0)
        boxes = laid.boxes
        need = 0.0
        for c, raw in enumerate(row):
            merge = None
            if hidden or spans:  # (a table without merges: most of them)
                if (r, c) in hidden:
                    top, left = hidden[(r, c)]
                    above = spans[(top, left)]
                    if c == left:  # a cell merged down from a row above
                        width = sum(widths[c : c + above.width])
                        boxes.append((lefts[c], width, False, r == top + above.height - 1))
                    continue
                merge = spans.get((r, c))
            down = merge.height if merge else 1
            width = sum(widths[c : c + merge.width]) if merge else widths[c]
            boxes.append((lefts[c], width, True, down == 1))
            text = clean_text(raw)
            align = "center" if header or centred(text) else "left"
            place = (width, lefts[c], align)
            lines, height = _cell_lines(text, font, size, metrics, heights[font], place)
            if lines:
                cells.append((r, lines, height, down))
            if down == 1:
                if height > need:
                    need = height
            else:
                tall.append((r, down, height))
        # at least ROW_EMS × the size high, the rules included (w:trHeight atLeast)
        laid.height = max(max(need, least) + RULE, ROW_EMS * size)
        rows.append(laid)
    for first, down, height in tall:
        last = min(first + down, len(rows)) - 1
        have = sum(rows[i].height - RULE for i in range(first, last + 1))
        if height > have:
            rows[last].height += height - have
    for r, lines, height, down in cells:
        if down == 1:
            area = rows[r].height - RULE
        else:
            area = sum(rows[i].height for i in range(r, min(r + down, len(rows)))) - RULE
        offset = RULE / 2 + (area - height) / 2  # centred in the cell (w:vAlign center)
        rows[r].lines += [(t, f, s, xs, offset + base) for t, f, s, xs, base in lines]
    return LaidTable(rows, 0.0, block_width)


def _cell_lines(
    text: str,
    font: FontKey,
    size: float,
    metrics: Metrics,
    vertical_ems: tuple[float, float],
    place: tuple[float, float, str],
) -> tuple[list[CellLine], float]:
    """The cell's lines (baselines from the top of its text) and the text's height;
    ``place``: the cell's width, left edge and alignment."""
    ascent, height = vertical_ems
    width, left, align = place
    room = max(width - 2 * CELL_MARGIN, size)
    if not text:
        return [], height * size
    if "\t" in text or BREAK in text:
        needs = advances(text, [font] * len(text), metrics, size)
    else:  # the common cell: as ``advances`` measures it, in one font
        advance = metrics.advance
        needs = [advance(font, char) * size for char in text]
    if text.isascii() or min(text) >= "\u2e80":  # one script: no space between scripts
        widths = needs
    else:
        fonts = [font] * len(text)
        widths = char_widths(text, fonts, metrics, size, 0.0, 0.2, needs, scripts(text))
    whole = sum(widths)
    if whole <= room and BREAK not in text:
        bounds = [(0, len(text))]  # the common cell: one line
    else:
        bounds = break_lines(text, widths, room, room, needs)
    lines: list[CellLine] = []
    for number, (start, end) in enumerate(bounds):
        used = whole if (start, end) == (0, len(text)) else sum(widths[start:end])
        x = left + CELL_MARGIN + ((room - used) / 2 if align == "center" else 0.0)
        # each character's left edge: x, then x plus each width in turn
        xs = tuple(accumulate(widths[start : end - 1], initial=x)) if end > start else ()
        baseline = number * height * size + ascent * size
        lines.append((text[start:end], font, size, xs, baseline))
    return lines, max(len(lines), 1) * height * size
