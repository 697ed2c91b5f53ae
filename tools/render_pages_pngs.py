"""Render docs/pdf-page-1.png, docs/pdf-page-2.png (the seed's PDF export) and
docs/preview.png (the 预览 pane with the grid shown, at a page break).

Fonts: tests/fonts/fonts.conf's free stand-ins for 仿宋_GB2312, 楷体, 黑体 … (as the render
test). PDF pages through pdftoppm.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_pages_pngs.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FONTCONFIG_FILE"] = str(REPO / "tests" / "fonts" / "fonts.conf")

from export_support import seed_report  # noqa: E402
from render_export_pngs import page_png  # noqa: E402

from nianbao_gui.core.export import ExportOptions  # noqa: E402
from nianbao_gui.core.pages.pdf import render_pdf  # noqa: E402


def pdf_pages() -> None:
    data, _ = render_pdf(seed_report())
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "seed.pdf"
        pdf.write_bytes(data)
        for page in (1, 2):
            page_png(pdf, page, REPO / "docs" / f"pdf-page-{page}")


def preview() -> None:
    from PySide6.QtWidgets import QApplication

    from nianbao_gui.app.pages.preview import PreviewPane

    app = QApplication.instance() or QApplication([])
    report = seed_report()
    pane = PreviewPane(lambda: report, ExportOptions)
    pane.resize(560, 900)
    pane.grid_box.setChecked(True)
    pane.show()
    pane.redraw_now()
    # scroll to the break between pages 1 and 2
    first = pane.view.page_rect(1)
    pane.scroller.verticalScrollBar().setValue(int((first.bottom() - 420) * pane.view.zoom))
    app.processEvents()
    pane.grab().save(str(REPO / "docs" / "preview.png"))


def main() -> int:
    pdf_pages()
    preview()
    return 0


if __name__ == "__main__":
    sys.exit(main())
