"""The 体检 notice says what the last fix did only while that is true: after Ctrl+Z undid the
fix, "已修复 1 处 … 改为“；”" stayed above a list that showed the problem again (found in the
Xvfb QA session)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from test_gui_window_check_live import PARAGRAPH, editor_at, open_window, report_with

from tests.qt_helpers import close_window


def _click_fix(panel: Any, row: Any) -> None:
    """A click on the row's 修复, in the list's second column."""
    panel.tree.scrollToItem(row)
    rect = panel.tree.visualItemRect(row)
    x = panel.tree.header().sectionPosition(1) + panel.tree.columnWidth(1) // 2
    QTest.mouseClick(
        panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y())
    )


def test_the_fix_notice_goes_when_the_fix_is_undone(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, report_with("今年以来，我认真履行职责;"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.check_panel
    row = next(r for r in panel.finding_items() if r.data(0, 256).seen == ";")
    _click_fix(panel, row)
    assert window.report().sections[0].paragraphs[0] == "今年以来，我认真履行职责；"
    assert panel.notice.isVisibleTo(panel) and panel.notice.text().startswith("已修复 1 处")
    widget = editor_at(window, PARAGRAPH, 0, 0)
    QTest.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report().sections[0].paragraphs[0] == "今年以来，我认真履行职责;"
    assert not panel.notice.isVisibleTo(panel)
    close_window(window)
