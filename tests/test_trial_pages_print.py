"""Found by the pages trial: 打印 and 打印预览 put every character where 导出 PDF does."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from export_support import long_report
from qt_helpers import close_window, make_window


def _print_to_pdf(qtbot, report, target: Path) -> int:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    window = make_window(qtbot)
    window.new_document(report)

    def answer(dialog) -> int:  # type: ignore[no-untyped-def]
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return 1

    window.pages.run_dialog = answer
    printed = int(window.pages.print_dialog())
    close_window(window)
    return printed


def test_printed_page_numbers_stand_one_character_inside_the_text_block(
    qtbot, tmp_path: Path
) -> None:
    # the number's width was measured at the screen's resolution while it was drawn at the
    # printer's (1200 dpi): on odd pages "— 1 —" stood 36 pt too far right, past the text
    # block's edge into the margin, where the PDF export puts it one character inside
    from nianbao_gui.core.pages import Geometry

    g = Geometry()
    target = tmp_path / "打印.pdf"
    assert _print_to_pdf(qtbot, long_report(3), target) >= 2
    with pdfplumber.open(target) as pdf:
        for number, page in enumerate(pdf.pages[:2], start=1):
            footer = [
                c for c in page.chars if c["top"] > g.page_height - g.bottom and c["text"].strip()
            ]
            assert "".join(c["text"] for c in footer) == f"—{number}—"
            if number % 2:  # odd: right, one 4号 character in
                right = g.page_width - g.right - g.number_indent
                assert abs(float(footer[-1]["x1"]) - right) < 1.5
            else:
                assert abs(float(footer[0]["x0"]) - (g.left + g.number_indent)) < 1.5
