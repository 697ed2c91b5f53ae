"""预览: the pages as they will print, redrawn ~300 ms after typing stops.

The pane lays the report out (core.pages.paginate, a few milliseconds for the seed) when
the timer fires, then paints only the pages in view. Pages stand one under the other with a
gap between them, each with its number, so the page breaks show; 显示网格 draws the
22 × 28 grid of the text block. The pane holds no report logic: the window hands it a
function that returns the current report.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Report
from ...core.pages import Geometry, PageLayout, paginate
from ...core.typeset import ExportOptions
from .painter import paint_page
from .qtfonts import PageFonts, page_fonts

DELAY_MS = 300
GAP = 16.0  # points between pages
ZOOMS = (0.3, 1.5)  # pixels a point: the page's width follows the pane's, within these
BACKGROUND = QColor(128, 128, 128)


class PagesView(QWidget):
    """All pages of a layout, one under the other, at ``zoom`` pixels a point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.laid: PageLayout | None = None
        self.fonts: PageFonts | None = None
        self.zoom = 0.8
        self.grid = False
        self.setAutoFillBackground(False)

    def page_rect(self, number: int) -> QRectF:
        """Page ``number``'s rectangle in points (the view's unit before zoom)."""
        assert self.laid is not None
        g = self.laid.geometry
        top = GAP + (number - 1) * (g.page_height + GAP)
        return QRectF(GAP, top, g.page_width, g.page_height)

    def sizeHint(self) -> QSize:
        if self.laid is None:
            return QSize(400, 600)
        g = self.laid.geometry
        count = len(self.laid.pages)
        width = (g.page_width + 2 * GAP) * self.zoom
        height = (GAP + count * (g.page_height + GAP)) * self.zoom
        return QSize(int(width) + 1, int(height) + 1)

    def show_layout(self, laid: PageLayout, fonts: PageFonts) -> None:
        self.laid, self.fonts = laid, fonts
        self.setFixedSize(self.sizeHint())
        self.update()

    def fit_width(self, pixels: int) -> None:
        """A whole page across ``pixels``: the line ends, the marks hanging past them and
        the odd pages' numbers are what the preview is looked at for."""
        g = self.laid.geometry if self.laid is not None else Geometry()
        across = (pixels - 1) / (g.page_width + 2 * GAP)  # (sizeHint rounds up a pixel)
        zoom = min(max(across, ZOOMS[0]), ZOOMS[1])
        if abs(zoom - self.zoom) < 0.001:
            return
        self.zoom = zoom
        if self.laid is not None:
            self.setFixedSize(self.sizeHint())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), BACKGROUND)
        if self.laid is not None and self.fonts is not None:
            self.paint_pages(painter, QRectF(event.rect()))
        painter.end()

    def paint_pages(self, painter: QPainter, visible: QRectF) -> int:
        """Paint the pages that meet ``visible`` (pixels); returns how many were painted."""
        assert self.laid is not None and self.fonts is not None
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painted = 0
        for page in self.laid.pages:
            rect = self.page_rect(page.number)
            pixels = QRectF(
                rect.x() * self.zoom,
                rect.y() * self.zoom,
                rect.width() * self.zoom,
                rect.height() * self.zoom,
            )
            if not pixels.intersects(visible):
                continue
            painter.save()
            painter.fillRect(pixels, Qt.GlobalColor.white)
            painter.scale(self.zoom, self.zoom)
            painter.translate(rect.topLeft())
            paint_page(painter, self.laid, page.number, self.fonts, grid=self.grid)
            painter.restore()
            painted += 1
        return painted


class PreviewPane(QWidget):
    """The 预览 pane: a 显示网格 switch, the page count, the pages."""

    laid_out = Signal(int)  # pages, after each new layout

    def __init__(
        self,
        report: Callable[[], Report],
        options: Callable[[], ExportOptions],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._report = report
        self._options = options
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.redraw_now)
        self.grid_box = QCheckBox("显示网格（22 行 × 28 字）")
        self.grid_box.toggled.connect(self.set_grid)
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.grid_box)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.view = PagesView()
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.view)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # always there: a bar that came and went with the zoom would change the width again
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroller.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)
        self.layouts = 0  # how many times the report was laid out (tests, benchmark)

    def sizeHint(self) -> QSize:
        # fixed, what a scroll area asks for a page wider than it (Qt: 36 × 24 lines): from
        # the pages' size, a zoom that follows the width would shrink the dock step by step
        line = self.fontMetrics().height()
        return QSize(36 * line, 24 * line)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.scroller.viewport():
            bar = self.scroller.verticalScrollBar()
            at = bar.value() / max(1, bar.maximum())  # the same place in the pages after
            self.view.fit_width(self.scroller.viewport().width())
            bar.setValue(round(at * bar.maximum()))
        return super().eventFilter(watched, event)

    def schedule(self) -> None:
        """After an edit: lay out again once typing has stopped for DELAY_MS."""
        self.timer.start()

    def redraw_now(self) -> PageLayout:
        self.timer.stop()
        options = self._options()
        fonts = page_fonts(options)
        laid = paginate(self._report(), fonts.metrics, options)
        self.layouts += 1
        self.view.show_layout(laid, fonts)
        self.count_label.setText(f"共 {len(laid.pages)} 页")
        self.laid_out.emit(len(laid.pages))
        return laid

    def set_grid(self, shown: bool) -> None:
        self.view.grid = shown
        self.view.update()
