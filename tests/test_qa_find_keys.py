"""Find and replace driven as a secretary drives it (found in a QA session under Xvfb): she types
the needle, presses Tab to reach 替换为, types the replacement and clicks 全部替换."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nianbao_gui.core.search import find_all
from tests.qt_helpers import close_window, type_into
from tests.test_gui_window_find import open_window


def test_tab_goes_from_find_box_to_replace_box(qtbot: QtBot) -> None:
    """Tab in 查找 went to 上一个 (a button), so the replacement she typed went nowhere and
    全部替换 then deleted every match, with 替换为 left empty."""
    window = open_window(qtbot)
    total = len(find_all(window.report(), "强化"))
    assert total > 1
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = window.edits.find_bar
    type_into(QApplication.focusWidget(), "强化")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.replace_edit
    type_into(QApplication.focusWidget(), "加强")
    QTest.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert not find_all(window.report(), "强化")
    assert len(find_all(window.report(), "加强")) >= total
    # Shift+Tab goes back; with only 查找 shown (Ctrl+F), Tab does not land in a hidden box
    QTest.mouseClick(bar.replace_edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is bar.replace_edit
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is bar.find_edit
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_into(QApplication.focusWidget(), "加强")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not bar.replace_edit
    close_window(window)
