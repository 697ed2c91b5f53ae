"""文件 → 最近打开 when a draft listed there was deleted or moved while the window is open
(QA pass of issue 21, item 5)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from qt_helpers import close_window, make_window

from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import save_draft


def sample() -> Report:
    return Report(
        year=2024,
        opening=["今年以来，在镇党委的正确领导下。"],
        sections=[Section(heading="加强学习", paragraphs=["认真学习。"])],
        date=_dt.date(2025, 1, 5),
    )


def open_recent_menu(qtbot, window) -> QMenu:
    """文件 with Alt+F, then 最近打开 with the mouse, as she would."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    file_menu = QApplication.activePopupWidget()
    recent = window.ui.menuRecent
    where = file_menu.actionGeometry(recent.menuAction()).center()
    QTest.mouseClick(file_menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    qtbot.waitUntil(recent.isVisible)
    return recent


def test_a_draft_deleted_after_start_is_shown_as_gone(qtbot, tmp_path: Path) -> None:
    first, second = tmp_path / "一.json", tmp_path / "二.json"
    save_draft(sample(), first)
    save_draft(sample(), second)
    window = make_window(qtbot)
    window.show()
    window.files.open_path(first)
    window.files.open_path(second)
    first.unlink()  # deleted in the file manager while the window is open
    recent = open_recent_menu(qtbot, window)
    gone = next(a for a in recent.actions() if a.statusTip() == str(first))
    here = next(a for a in recent.actions() if a.statusTip() == str(second))
    assert not gone.isEnabled()  # it was enabled: a click said only 请重新选择
    assert "找不到" in gone.text()
    assert here.isEnabled() and here.text() == "二.json"
    recent.close()
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()
    close_window(window)
