"""An imported title in another common form follows the year typed in 基本信息
(issue 17 item 4): ``2024年述职述廉报告`` becomes ``2025年述职述廉报告``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.core.importer import import_text
from nianbao_gui.core.layout import layout
from nianbao_gui.core.settings import Settings


def test_typing_the_year_moves_an_imported_title_without_du(qtbot: QtBot) -> None:
    text = "青禾镇党委书记2024年述职述廉报告\n\n2024年，我认真履行职责。\n"
    editor = ReportEditor(Settings())
    qtbot.addWidget(editor)
    editor.set_report(import_text(text).report)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitExposed(editor)
    basic = editor.basic
    editor.tab_widget().setCurrentWidget(basic)
    assert basic.title_edit.text() == ""
    assert basic.title_edit.placeholderText() == "青禾镇党委书记2024年述职述廉报告"

    basic.year.setFocus()
    QTest.keyClick(basic.year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(basic.year, "2025")
    assert editor.report().year == 2025
    assert basic.title_edit.placeholderText() == "青禾镇党委书记2025年述职述廉报告"
    assert layout(editor.report())[0].text == "青禾镇党委书记2025年述职述廉报告"
