"""Every 体检 row is tall enough for its wrapped text: the place (开篇 · 第1段) under a long
message was cut off with "…", so she could not see where the problem was (found in the Xvfb
QA session: "“2022年”早于报告年份 2025…" showed three of its five lines)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from nianbao_gui.app.check.check_rows import FINDING_ROLE
from nianbao_gui.core.importer import import_text
from tests.conftest import SEED
from tests.qt_helpers import close_window, make_window
from tests.test_check_panel_expand import _all_items


def _cut_rows(tree) -> list[str]:  # type: ignore[no-untyped-def]
    cut = []
    metrics = tree.fontMetrics()
    for item in _all_items(tree):
        rect = tree.visualItemRect(item)
        if item.data(0, FINDING_ROLE) is None or rect.height() == 0:
            continue
        bounds = QRect(0, 0, rect.width() - 8, 100_000)  # less the text's margins
        needed = metrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, item.text(0)).height()
        if rect.height() < needed:
            cut.append(item.text(0))
    return cut


def test_long_rows_show_their_place(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    report = import_text(SEED.read_text(encoding="utf-8")).report
    report.year = 2025  # the seed's 2022 becomes a leftover: long 前后一致 messages
    window.new_document(report, "种子")
    window.resize(1200, 706)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F7)
    tree = window.check_panel.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
    assert any("早于报告年份" in item.text(0) for item in _all_items(tree))
    qtbot.wait(50)  # the rows laid out
    assert _cut_rows(tree) == []
    # narrower (she drags the dock's edge): the rows grow to fit again
    window.resizeDocks([window.ui.checkDock], [300], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    assert _cut_rows(tree) == []
    close_window(window)
