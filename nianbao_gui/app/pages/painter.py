"""One page of the layout painted with QPainter, in points from the paper's top left.

The caller sets the painter's transform (zoom for the screen, resolution/72 for a printer)
so that one unit is one point. Each character is drawn where the layout put it; spaces are
not drawn. The page number ``— N —`` stands outside, 7 mm below the text block, as in the
.docx and the PDF. The 22 × 28 grid is drawn on request (the preview's 显示网格).
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from ...core.pages import PageLayout
from ...core.pages.metrics import FontKey
from .qtfonts import PageFonts

MM = 72 / 25.4
BASELINE = 21.0  # a 3号 line's baseline below the top of its grid line (pages/pdf.py)
_DASH_INK = 0.28
GRID = QColor(120, 170, 230)


def paint_page(
    painter: QPainter,
    laid: PageLayout,
    number: int,
    fonts: PageFonts,
    *,
    grid: bool = False,
) -> None:
    g = laid.geometry
    device = painter.device()
    if grid:
        _paint_grid(painter, laid)
    painter.setPen(Qt.GlobalColor.black)
    current: tuple[FontKey, float, bool] | None = None
    for line in laid.pages[number - 1].lines:
        top = g.top + line.slot * g.line_pitch
        for span in line.spans:
            want = (span.font, span.size, span.bold)
            if want != current:
                painter.setFont(fonts.font(span.font, span.size, device, bold=span.bold))
                current = want
            baseline = top + BASELINE + (span.size - g.body_size) / 2
            for char, x in zip(span.text, span.xs, strict=True):
                if not char.isspace():
                    painter.drawText(QPointF(g.left + x, baseline), char)
    _paint_rules(painter, laid, number)
    _paint_number(painter, laid, number, fonts)


def _paint_rules(painter: QPainter, laid: PageLayout, number: int) -> None:
    """A table's borders, 0.5 pt, where the PDF draws them."""
    g = laid.geometry
    rules = laid.pages[number - 1].rules
    if not rules:
        return
    pen = QPen(Qt.GlobalColor.black)
    pen.setWidthF(0.5)
    painter.setPen(pen)
    for x0, y0, x1, y1 in rules:
        painter.drawLine(QLineF(g.left + x0, g.top + y0, g.left + x1, g.top + y1))
    painter.setPen(Qt.GlobalColor.black)


def _paint_number(painter: QPainter, laid: PageLayout, number: int, fonts: PageFonts) -> None:
    g = laid.geometry
    font = fonts.font(FontKey.SONG, g.number_size, painter.device())
    painter.setFont(font)
    text = f"— {number} —"
    # measured on the device drawn on: the font's size was set for its resolution, and a
    # printer's 1200 dpi measured at the screen's put the number 36 pt too far right
    width = QFontMetricsF(font, painter.device()).horizontalAdvance(text)
    right = g.page_width - g.right
    x = right - g.number_indent - width if number % 2 else g.left + g.number_indent
    painter.drawText(
        QPointF(x, g.page_height - g.bottom + 7 * MM + _DASH_INK * g.number_size), text
    )


def _paint_grid(painter: QPainter, laid: PageLayout) -> None:
    """22 lines × 28 characters of the text block, in light blue."""
    g = laid.geometry
    pen = QPen(GRID)
    pen.setWidthF(0.3)
    painter.setPen(pen)
    block = QRectF(g.left, g.top, g.block_width, g.block_height)
    painter.drawRect(block)
    for row in range(1, g.lines_per_page):
        y = g.top + row * g.line_pitch
        painter.drawLine(QLineF(g.left, y, g.left + g.block_width, y))
    pitch = g.block_width / g.chars_per_line
    for column in range(1, g.chars_per_line):
        x = g.left + column * pitch
        painter.drawLine(QLineF(x, g.top, x, g.top + g.block_height))
