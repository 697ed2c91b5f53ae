"""Found by the pages trial: the 预览 pane shows the draft as it is, however it is shown."""

from __future__ import annotations

from export_support import seed_report
from qt_helpers import close_window, edit_report, make_window


def _shown_lines(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.text for line in window.pages.preview.view.laid.lines]


def _fresh_lines(window) -> list[str]:  # type: ignore[no-untyped-def]
    laid, _fonts = window.pages.printing.layout()
    return [line.text for line in laid.lines]


def test_preview_reopened_from_the_dock_menu_shows_the_edits_made_while_it_was_closed(
    qtbot,
) -> None:
    # closed with its own × and shown again from the dock's menu (right click on a dock's
    # title bar: the window's list of docks), not with F9: it showed the pages from before
    window = make_window(qtbot)
    window.new_document(seed_report())
    window.show()
    window.pages.toggle_preview()
    pane = window.pages.preview
    assert _shown_lines(window) == _fresh_lines(window)
    window.pages.dock.close()
    edit_report(window, lambda r: r.opening.insert(0, "新写的一段开头。" * 20))
    qtbot.wait(400)
    window.pages.dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: not pane.timer.isActive(), timeout=3000)
    assert window.pages.preview_action.isChecked()
    assert _shown_lines(window) == _fresh_lines(window)
    close_window(window)


def test_preview_shows_whole_lines_in_the_dock_as_it_opens_and_when_resized(qtbot) -> None:
    # docked at its first width (~400 px) the page (0.8 pixel a point: 502 px) was cut on the
    # right: line ends, hanging marks and odd pages' numbers hidden behind a scroll bar
    from nianbao_gui.app.pages.preview import PreviewPane
    from nianbao_gui.core.typeset import ExportOptions

    report = seed_report()
    pane = PreviewPane(lambda: report, ExportOptions)
    qtbot.addWidget(pane)
    pane.resize(410, 800)  # the dock's first width in a 1500 px window
    pane.show()
    pane.redraw_now()

    def page_fits() -> bool:
        right = pane.view.page_rect(1).right() * pane.view.zoom
        return right <= pane.scroller.viewport().width()

    qtbot.waitUntil(page_fits, timeout=3000)
    assert not pane.scroller.horizontalScrollBar().isVisible()
    assert pane.sizeHint().width() < 600  # the dock's first width does not follow the zoom
    pane.resize(900, 800)
    qtbot.waitUntil(lambda: pane.view.zoom > 1.0, timeout=3000)  # wider: larger, still whole
    assert page_fits()
