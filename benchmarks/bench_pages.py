"""Page layout, preview and PDF: the numbers issue 14 asks for.

- the layout of a 100-page report (core.pages.paginate, nominal and real font metrics):
  target under 200 ms;
- the preview's redraw of the seed: a new layout plus painting every page at the pane's
  zoom into an image (more than the pane paints: it paints the pages in view): target
  under 100 ms;
- PDF export of the seed beside the .docx export: target ≤ 1.5×. Warm: later exports in
  one process (font subsets in memory), with this machine's default fonts (Noto CJK, CFF)
  and with TrueType fonts (tests/fonts/pdf-fonts.conf). Cold: the first export in a new
  process (modules imported), with the disk cache of font subsets filled (an
  earlier run exported the same characters) and empty (the first export ever, or new
  characters); the .docx export's first run in a new process beside them.

Medians of alternating runs; the cold runs use a private data folder (the user's cache is
not touched). Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_pages.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
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
    from nianbao_gui.core.pages.fonts import font_files

    report = seed_report()
    truetype = font_files(
        ExportOptions().font_set, fontconfig_file=str(REPO / "tests/fonts/pdf-fonts.conf")
    )
    docx_ms, pdf_ms, ttf_ms = median_ms(
        lambda: export_bytes(report),
        lambda: render_pdf(report),
        lambda: render_pdf(report, fonts=truetype),
    )
    print(
        f"seed, warm (later exports in one process): .docx {docx_ms:.0f} ms, PDF {pdf_ms:.0f} ms"
        f" ({pdf_ms / docx_ms:.1f}x) with Noto CJK, {ttf_ms:.0f} ms ({ttf_ms / docx_ms:.1f}x)"
        " with TrueType fonts (target ≤ 1.5x)"
    )


def first_export_ms(kind: str, data_dir: str) -> float:
    """The first export of the seed in a new process (after the imports), in ms."""
    env = {**os.environ, "NIANBAO_DATA_DIR": data_dir}
    done = subprocess.run(
        [sys.executable, __file__, "--first", kind],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return float(done.stdout.strip().splitlines()[-1])


def bench_pdf_cold(runs: int = 3) -> None:
    docx: list[float] = []
    with tempfile.TemporaryDirectory() as kept:
        first_export_ms("pdf", kept)  # fills the disk cache
        first_export_ms("pdf-ttf", kept)
        for _ in range(runs):
            docx.append(first_export_ms("docx", kept))
        d = statistics.median(docx)
        print(f"seed, cold (first export in a new process): .docx {d:.0f} ms (target ≤ 1.5x)")
        for kind, fonts in (("pdf", "Noto CJK"), ("pdf-ttf", "TrueType fonts")):
            filled, empty = [], []
            for _ in range(runs):
                filled.append(first_export_ms(kind, kept))
                with tempfile.TemporaryDirectory() as fresh:
                    empty.append(first_export_ms(kind, fresh))
            f, e = statistics.median(filled), statistics.median(empty)
            print(
                f"  PDF with {fonts}: disk cache filled {f:.0f} ms ({f / d:.1f}x),"
                f" empty {e:.0f} ms ({e / d:.0f}x)"
            )


def first_export(kind: str) -> None:
    from nianbao_gui.core.pages.fonts import font_files

    report = seed_report()
    conf = str(REPO / "tests/fonts/pdf-fonts.conf") if kind == "pdf-ttf" else None
    start = time.perf_counter()
    if kind == "docx":
        export_bytes(report)
    else:  # font lookup inside the timing, as render_pdf does it by itself
        render_pdf(report, fonts=font_files(ExportOptions().font_set, fontconfig_file=conf))
    print(f"{(time.perf_counter() - start) * 1000:.1f}")


def main() -> int:
    if sys.argv[1:2] == ["--first"]:
        first_export(sys.argv[2])
        return 0
    bench_layout()
    bench_preview()
    bench_pdf()
    bench_pdf_cold()
    return 0


if __name__ == "__main__":
    sys.exit(main())
