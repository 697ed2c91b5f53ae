"""打印, 打印预览 and 导出 PDF in the window, all from the core's page layout.

Print and preview go through QtPrintSupport (part of PySide6-Essentials since 6.x: no
Addons wheel needed). The printer is set to A4 and full-page mode so that the layout's
points count from the paper's edge, and each page is painted by painter.paint_page. The
PDF export is the core's (core.pages.pdf), the same as ``nianbao export -o X.pdf``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter

from ...core.model import Report
from ...core.pages import PageLayout, paginate
from ...core.typeset import ExportOptions
from .painter import paint_page
from .qtfonts import PageFonts, page_fonts

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def prepare(printer: QPrinter) -> None:
    """A4 portrait, no margins of the printer's own: the layout has the official ones."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def print_pages(printer: QPrinter, laid: PageLayout, fonts: PageFonts) -> int:
    """Paint every page (or the range chosen in the dialog) onto ``printer``."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    first, last = printer.fromPage(), printer.toPage()
    numbers = [
        page.number for page in laid.pages if not (first and last) or first <= page.number <= last
    ]
    scale = printer.resolution() / 72.0
    try:
        for index, number in enumerate(numbers):
            if index:
                printer.newPage()
            painter.save()
            painter.scale(scale, scale)
            paint_page(painter, laid, number, fonts)
            painter.restore()
    finally:
        painter.end()
    return len(numbers)


class PagePrinting:
    """The commands; ``run_dialog`` is how a dialog is shown (tests answer it)."""

    def __init__(
        self,
        report: Callable[[], Report],
        options: Callable[[], ExportOptions],
        parent: Any = None,
        run_dialog: Callable[[Any], int] | None = None,
    ) -> None:
        self._report = report
        self._options = options
        self.parent = parent
        self.run_dialog = run_dialog or (lambda dialog: int(dialog.exec()))

    def layout(self) -> tuple[PageLayout, PageFonts]:
        options = self._options()
        fonts = page_fonts(options)
        return paginate(self._report(), fonts.metrics, options), fonts

    def print_dialog(self) -> int:
        """打印 (Ctrl+P): the system's print dialog, then every chosen page. Pages printed."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        laid, fonts = self.layout()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer)
        printer.setDocName(self._report().effective_title())
        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle("打印")
        dialog.setMinMax(1, len(laid.pages))
        if not self.run_dialog(dialog):
            return 0
        return print_pages(printer, laid, fonts)

    def print_preview(self) -> Any:
        """打印预览: Qt's preview dialog, drawn by the same painter as the paper."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        laid, fonts = self.layout()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer)
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setWindowTitle("打印预览")
        dialog.paintRequested.connect(lambda target: print_pages(target, laid, fonts))
        self.run_dialog(dialog)
        return dialog


def export_pdf_file(report: Report, path: Path, options: ExportOptions) -> list[str]:
    """The core's PDF export; returns its warnings (fonts stood in for …)."""
    from ...core.export import export_pdf

    return export_pdf(report, path, options).warnings
