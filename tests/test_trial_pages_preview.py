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
