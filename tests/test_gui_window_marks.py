"""Only the place shown last is marked in the form: a 体检 row clicked, then another, leaves
one selection, not one per click (issue 17 item 9)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from nianbao_gui.app.check.check_rows import FINDING_ROLE
from nianbao_gui.core.model import Report, Section
from tests.qt_helpers import close_window, make_window


def marked_boxes(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The selected text of every box of the form that shows a selection."""
    texts = [box.textCursor().selectedText() for box in window.editor.findChildren(QPlainTextEdit)]
    texts += [line.selectedText() for line in window.editor.findChildren(QLineEdit)]
    return [text for text in texts if text]


def _click(tree, item) -> None:  # type: ignore[no-untyped-def]
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_three_check_rows_leaves_one_place_marked(qtbot: QtBot) -> None:
    report = Report(
        year=2025,
        sections=[
            Section(
                heading="抓好农业",
                paragraphs=["完成播种**亩。", "新建农田XX亩。", "建成示范点**个。"],
            )
        ],
    )
    window = make_window(qtbot)
    window.new_document(report, "测试")
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F7)
    panel = window.check_panel
    tree = panel.tree
    qtbot.waitUntil(lambda: len(panel.finding_items()) >= 3)
    rows = [
        item
        for item in panel.finding_items()
        if item.data(0, FINDING_ROLE).path[-1] in (0, 1, 2)
        and item.data(0, FINDING_ROLE).path[-2] == "paragraphs"
    ]
    seen = {row.data(0, FINDING_ROLE).path for row in rows}
    assert len(seen) == 3
    for row in rows:
        parent = row.parent()
        if parent is not None and parent.parent() is not None and not parent.isExpanded():
            _click(tree, parent)  # a group of identical findings: one click opens it
        _click(tree, row)
        assert marked_boxes(window) == [row.data(0, FINDING_ROLE).seen]
    close_window(window)
