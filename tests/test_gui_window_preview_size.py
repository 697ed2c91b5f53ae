"""预览 (F9) beside the 体检 and 数据 docks on a small screen: the preview gets at least half a
page, not the ~120 px left under them (issue 17 item 10)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from nianbao_gui.core.templates import example_report
from tests.qt_helpers import close_window, make_window

A4 = 842 / 595  # height / width


@pytest.mark.parametrize("size", [(1366, 768), (1200, 800)])
@pytest.mark.parametrize(
    "opened",
    ["体检", "体检 and 数据", "体检 after 预览", "数据 after 预览", "体检, 数据 after 预览"],
)
def test_the_preview_gets_at_least_half_a_page(qtbot: QtBot, size, opened: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.new_document(example_report(), "示例")
    window.resize(*size)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl = Qt.KeyboardModifier.ControlModifier
    if opened.endswith("after 预览"):
        QTest.keyClick(window, Qt.Key.Key_F9)
        if "体检" in opened:
            QTest.keyClick(window, Qt.Key.Key_F7)
        if "数据" in opened:
            QTest.keyClick(window, Qt.Key.Key_D, ctrl)
    else:
        QTest.keyClick(window, Qt.Key.Key_F7)
        if opened == "体检 and 数据":
            QTest.keyClick(window, Qt.Key.Key_D, ctrl)
        QTest.keyClick(window, Qt.Key.Key_F9)
    preview = window.pages.dock
    check = window.ui.checkDock
    qtbot.waitUntil(lambda: preview.height() > 200, timeout=1000)
    qtbot.wait(50)  # the layout settled
    assert preview.isVisible()
    half_page = preview.width() * A4 / 2 * 0.9  # the pane's margins: within 10 %
    assert preview.height() >= half_page, (preview.size(), check.size())
    # the list in front above it gets a fair part too (a tab behind is moved out of sight)
    front = window.figures.dock if "数据" in opened else check
    assert front.isVisible() and front.height() >= preview.height() * 0.6
    close_window(window)
