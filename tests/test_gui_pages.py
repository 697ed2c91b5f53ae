"""The window's pages: the 预览 pane, 打印 and 打印预览 through QtPrintSupport, 导出 PDF."""

from __future__ import annotations

import time
from pathlib import Path

import pdfplumber
from export_support import long_report, seed_report
from qt_helpers import ScriptedPrompts, close_window, edit_report, make_window

from nianbao_gui.core.model import Report


def _window_with(qtbot, report: Report, prompts: ScriptedPrompts | None = None):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, prompts)
    window.new_document(report)
    return window


def test_print_support_is_in_pyside6_essentials() -> None:
    """QtPrintSupport ships with PySide6-Essentials (no Addons wheel needed)."""
    from PySide6 import QtPrintSupport

    assert QtPrintSupport.QPrinter and QtPrintSupport.QPrintPreviewDialog


def test_menu_has_the_page_commands(qtbot) -> None:
    from PySide6.QtGui import QKeySequence

    window = make_window(qtbot)
    texts = [action.text() for action in window.ui.menuFile.actions()]
    for text in ("导出 PDF…", "打印…", "打印预览…", "预览"):
        assert text in texts
    assert window.ui.actionPrint.shortcut() == QKeySequence("Ctrl+P")
    close_window(window)


def test_preview_shows_every_page_and_redraws_300ms_after_edits(qtbot) -> None:
    window = _window_with(qtbot, seed_report())
    window.pages.toggle_preview()
    pane = window.pages.preview
    assert pane.layouts == 1 and pane.count_label.text() == "共 5 页"
    view = pane.view
    assert view.height() > 5 * 800 * view.zoom  # five A4 pages one under the other
    # an edit in the form starts the timer; the layout waits for it
    edit_report(window, lambda r: r.opening.append("国" * 600))
    assert pane.timer.isActive() and pane.timer.interval() == 300 and pane.layouts == 1
    # a burst of edits (each restarts the timer): one layout, ~300 ms after the last
    started = time.monotonic()
    for _ in range(5):
        pane.schedule()
        last = time.monotonic()
        qtbot.wait(20)
    if last - started < 0.25:  # (a machine too busy to keep 20 ms waits proves nothing)
        assert pane.layouts == 1
        qtbot.waitUntil(lambda: pane.layouts == 2, timeout=3000)
        assert time.monotonic() - last >= 0.27  # Qt's coarse timers may fire 5 % early
    qtbot.waitUntil(lambda: not pane.timer.isActive(), timeout=3000)
    assert pane.count_label.text() != "共 5 页"
    close_window(window)


def test_preview_follows_another_draft_opened(qtbot) -> None:
    window = _window_with(qtbot, seed_report())
    window.pages.toggle_preview()
    pane = window.pages.preview
    assert pane.count_label.text() == "共 5 页"
    window.new_document(long_report(12))
    qtbot.waitUntil(lambda: pane.layouts >= 2 and not pane.timer.isActive(), timeout=3000)
    assert pane.count_label.text() not in ("", "共 5 页")
    close_window(window)


def test_preview_left_open_last_time_shows_the_pages_of_the_next_draft(qtbot) -> None:
    window = _window_with(qtbot, long_report(1))
    window.pages.toggle_preview()
    close_window(window)  # the window's layout is saved with the preview open
    window = make_window(qtbot)
    assert not window.pages.dock.isHidden()  # restored open
    window.new_document(long_report(2))
    qtbot.waitUntil(lambda: window.pages.dock.widget() is not None, timeout=3000)
    pane = window.pages.preview
    qtbot.waitUntil(lambda: pane.layouts >= 1, timeout=3000)
    assert pane.count_label.text().startswith("共")
    close_window(window)


def test_preview_paints_pages_breaks_and_the_grid(qtbot) -> None:
    from PySide6.QtGui import QColor

    window = _window_with(qtbot, long_report(3))
    window.pages.toggle_preview()
    pane = window.pages.preview
    view = pane.view
    view.resize(view.sizeHint())
    plain = view.grab().toImage()
    g = view.laid.geometry
    # between pages: the grey gap; on a page: white paper and black text
    first = view.page_rect(1)
    gap_y = int((first.bottom() + 8) * view.zoom)
    assert QColor(plain.pixel(int(first.center().x() * view.zoom), gap_y)).red() == 128
    text_pixels = sum(
        1
        for x in range(int(g.left * view.zoom), int((g.left + 200) * view.zoom))
        if QColor(
            plain.pixel(x + int(first.x() * view.zoom), int((first.y() + g.top + 16) * view.zoom))
        ).lightness()
        < 128
    )
    assert text_pixels > 5
    pane.grid_box.setChecked(True)
    gridded = view.grab().toImage()
    assert gridded != plain
    # a grid line 10 lines down the block, where a line's text has no ink
    y = int((first.y() + g.top + 10 * g.line_pitch) * view.zoom)
    x = int((first.x() + g.left + g.block_width - 3) * view.zoom)
    assert QColor(gridded.pixel(x, y)).blue() > QColor(gridded.pixel(x, y)).red()
    close_window(window)


def test_print_to_a_pdf_file(qtbot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    window = _window_with(qtbot, long_report(3))
    target = tmp_path / "打印.pdf"

    def answer(dialog) -> int:  # type: ignore[no-untyped-def]
        assert dialog.windowTitle() == "打印"
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return 1

    window.pages.run_dialog = answer
    printed = window.pages.print_dialog()
    laid, _ = window.pages.printing.layout()
    assert printed == len(laid.pages) >= 3
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == printed
        page = pdf.pages[0]
        assert abs(float(page.width) - 595.3) < 1 and abs(float(page.height) - 841.9) < 1
    close_window(window)


def test_print_dialog_cancelled_prints_nothing(qtbot) -> None:
    window = _window_with(qtbot, long_report(1))
    window.pages.run_dialog = lambda dialog: 0
    assert window.pages.print_dialog() == 0
    close_window(window)


def test_print_preview_paints_every_page(qtbot) -> None:
    window = _window_with(qtbot, long_report(3))
    painted: list[int] = []

    def answer(dialog) -> int:  # type: ignore[no-untyped-def]
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        widget = dialog.findChild(QPrintPreviewWidget)
        widget.updatePreview()  # asks for the pages through paintRequested
        painted.append(widget.pageCount())
        return 0

    window.pages.run_dialog = answer
    dialog = window.pages.print_preview()
    laid, _ = window.pages.printing.layout()
    assert dialog.windowTitle() == "打印预览" and painted == [len(laid.pages)]
    close_window(window)


def _answering_placeholders() -> ScriptedPrompts:
    prompts = ScriptedPrompts()
    prompts.placeholder_answers.append(True)  # the report keeps its ** for the numbers
    return prompts


def test_export_pdf_from_the_window(qtbot, tmp_path: Path) -> None:
    window = _window_with(qtbot, long_report(1), _answering_placeholders())
    target = tmp_path / "报告.pdf"
    window.prompts.paths.append(target)
    assert window.pages.export_pdf() == target
    assert target.read_bytes().startswith(b"%PDF")
    assert window.prompts.errors == [] and window.prompts.asked("confirm_placeholders")
    close_window(window)


def test_export_pdf_names_the_leader_and_offers_to_open_the_folder(qtbot, tmp_path: Path) -> None:
    # a secretary writing for two 副镇长 gets two PDFs, and a way to find them (issue 13)
    report = long_report(1)
    report.author_name = "张明华"
    prompts = _answering_placeholders()
    prompts.export_answers.append("folder")
    window = _window_with(qtbot, report, prompts)
    target = tmp_path / "报告.pdf"
    prompts.paths.append(target)
    assert window.pages.export_pdf() == target
    offered = prompts.asked("pdf_path")
    assert offered[0].stem.endswith("（张明华）") and offered[0].suffix == ".pdf"
    assert [path for path, _draft, _dirty in prompts.asked("after_export")] == [target]
    (url,) = window.open_url.urls
    assert Path(url.toLocalFile()) == tmp_path
    close_window(window)


def test_export_pdf_failure_is_a_chinese_message(qtbot, tmp_path: Path) -> None:
    window = _window_with(qtbot, long_report(1), _answering_placeholders())
    window.prompts.paths.append(tmp_path)  # a folder, not a file
    assert window.pages.export_pdf() is None
    (error,) = window.prompts.errors
    assert "文件夹" in str(error.what)
    close_window(window)


def test_printed_justified_lines_end_at_the_margin(qtbot, tmp_path: Path) -> None:
    """Print (the preview's painter) draws the layout's justified lines: every wrapped line
    of body text and headings ends within 1.5 pt of the right margin (issue 20)."""
    from PySide6.QtPrintSupport import QPrinter
    from render_support import BLOCK_RIGHT, BLOCK_TOP

    from nianbao_gui.core.layout import Role

    window = _window_with(qtbot, seed_report())
    target = tmp_path / "打印.pdf"

    def answer(dialog) -> int:  # type: ignore[no-untyped-def]
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return 1

    window.pages.run_dialog = answer
    window.pages.print_dialog()
    laid, _ = window.pages.printing.layout()
    checked = 0
    with pdfplumber.open(target) as pdf:
        for page, layout_page in zip(pdf.pages, laid.pages, strict=True):
            for line in layout_page.lines:
                paragraph = laid.paragraphs[line.paragraph]
                if paragraph.blank or paragraph.role not in (Role.BODY, Role.HEADING):
                    continue
                if line.last or paragraph.text[line.end : line.end + 1] == "\n":
                    continue
                top = BLOCK_TOP + line.slot * laid.geometry.line_pitch
                chars = [c for c in page.chars if top < c["bottom"] <= top + 28.95]
                assert chars, line.text
                x1 = max(float(c["x1"]) for c in chars)
                assert abs(x1 - BLOCK_RIGHT) <= 1.5, (x1 - BLOCK_RIGHT, line.text)
                checked += 1
    assert checked >= 40
    close_window(window)
