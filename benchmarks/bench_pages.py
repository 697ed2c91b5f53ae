"""Page layout, preview and PDF: the numbers issue 14 asks for.

- the layout of a 100-page report (core.pages.paginate, nominal and real font metrics):
  target under 200 ms;
- the preview's redraw of the seed: a new layout plus painting every page at the pane's
  zoom into an image (more than the pane paints: it paints the pages in view): target
  under 100 ms;
- PDF export of the seed (fpdf2) beside the .docx export, in one process: target ≤ 1.5×.

Medians of alternating runs. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python
benchmarks/bench_pages.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from export_support import long_report, seed_report  # noqa: E402

from nianbao_gui.core.export import ExportOptions, export_bytes  # noqa: E402
from nianbao_gui.core.pages import NominalMetrics, paginate  # noqa: E402
from nianbao_gui.core.pages.fonts import layout_metrics  # noqa: E402
from nianbao_gui.core.pages.pdf import render_pdf  # noqa: E402

RUNS = 7


def median_ms(*actions: Callable[[], object], runs: int = RUNS) -> list[float]:
    for action in actions:
        action()  # warm: fonts read, modules imported
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for index, action in enumerate(actions):
            start = time.perf_counter()
            action()
            times[index].append((time.perf_counter() - start) * 1000)
    return [statistics.median(t) for t in times]


def bench_layout() -> None:
    metrics = layout_metrics(ExportOptions().font_set)
    size = 100
    report = long_report(size)
    while len(paginate(report, metrics).pages) < 100:  # long_report(n) is ~0.9 n pages
        size += 5
        report = long_report(size)
    pages = len(paginate(report, metrics).pages)
    nominal, real = median_ms(
        lambda: paginate(report, NominalMetrics()), lambda: paginate(report, metrics)
    )
    print(
        f"layout, {pages} pages: nominal metrics {nominal:.0f} ms, font files {real:.0f} ms"
        " (target < 200 ms)"
    )


def bench_preview() -> None:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from nianbao_gui.app.pages.preview import PreviewPane

    app = QApplication.instance() or QApplication([])
    report = seed_report()
    pane = PreviewPane(lambda: report, ExportOptions)
    pane.redraw_now()
    view = pane.view
    size = view.sizeHint()
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)

    def redraw() -> None:
        pane.redraw_now()
        painter = QPainter(image)
        view.paint_pages(painter, image.rect().toRectF())
        painter.end()

    (ms,) = median_ms(redraw)
    pages = len(view.laid.pages) if view.laid else 0
    print(f"preview redraw of the seed ({pages} pages, all painted): {ms:.0f} ms (target < 100 ms)")
    del app


def bench_pdf() -> None:
    report = seed_report()
    docx_ms, pdf_ms = median_ms(lambda: export_bytes(report), lambda: render_pdf(report), runs=3)
    print(
        f"seed: .docx {docx_ms:.0f} ms, PDF {pdf_ms:.0f} ms, ratio {pdf_ms / docx_ms:.1f}x"
        " (target ≤ 1.5x)"
    )


def main() -> int:
    bench_layout()
    bench_preview()
    bench_pdf()
    return 0


if __name__ == "__main__":
    sys.exit(main())
