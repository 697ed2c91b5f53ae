"""Find and replace: Ctrl+F / Ctrl+H open a bar (not a dialog) that counts the matches in the
whole report, walks them with Enter, replaces one or all; 全部替换 is one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from nianbao_gui.core.search import find_all, replace_all
from tests.qt_helpers import close_window, make_window
from tests.test_gui_form_editor import sample_report


def selected_text() -> str:
    """The selection in the form: where the focus is, or where the form had it last when the
    find bar holds the focus (it keeps it while it walks the matches)."""
    widget = QApplication.focusWidget()
    editor = getattr(widget.window(), "editor", None) if widget is not None else None
    if editor is not None and editor.focusWidget() is not None:
        widget = editor.focusWidget()
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    if isinstance(widget, QPlainTextEdit):
        return widget.textCursor().selectedText()
    return ""


def open_window(qtbot: QtBot):
    window = make_window(qtbot)
    window.new_document(sample_report())
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def replace_bar(window, needle: str, replacement: str | None = None):
    """The replace bar opened by 替换 (Ctrl+H) with ``needle`` (and ``replacement``) typed in."""
    window.ui.actionReplace.trigger()
    bar = window.edits.find_bar
    bar.find_edit.setText(needle)
    if replacement is not None:
        bar.replace_edit.setText(replacement)
    return bar


def test_core_finds_every_field_in_reading_order() -> None:
    report = sample_report()
    matches = find_all(report, "工作")
    paths = [m.path for m in matches]
    assert paths[0] == ("opening", 0)
    assert ("sections", 2, "children", 0, "heading") in paths
    assert ("closing", "other_work", 0) in paths
    changes, count = replace_all(report, "工作", "事务")
    assert count == len(matches) and len(changes) <= count
    assert find_all(report, "") == []


def test_ctrl_f_opens_the_bar_counts_and_walks_the_matches(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.edits.find_bar
    assert bar.isVisible() and not isinstance(bar, QDialog)
    assert not bar.replace_row.isVisible()
    bar.find_edit.setText("工作")
    total = len(find_all(window.report(), "工作"))
    assert bar.count_label.text() == f"共 {total} 处"
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"第 1 / {total} 处"
    assert selected_text() == "工作"
    bar.find_next()
    assert bar.count_label.text() == f"第 2 / {total} 处" and selected_text() == "工作"
    bar.find_previous()
    bar.find_previous()
    assert bar.count_label.text() == f"第 {total} / {total} 处"
    assert selected_text() == "工作"
    bar.find_edit.setText("没有这几个字")
    assert bar.count_label.text() == "没有找到"
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    close_window(window)


def test_replace_all_is_one_undo_step(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    before = window.report().to_json()
    window.ui.actionReplace.trigger()
    bar = window.edits.find_bar
    assert bar.replace_row.isVisible()
    bar.find_edit.setText("工作")
    bar.replace_edit.setText("事务")
    total = len(find_all(window.report(), "工作"))
    bar.replace_all_button.click()
    assert find_all(window.report(), "工作") == []
    assert len(find_all(window.report(), "事务")) == total
    assert bar.count_label.text() == f"已替换 {total} 处"
    assert window.ui.actionUndo.text() == f"撤销 全部替换（{total} 处）(&U)"
    # the form shows the replaced text too
    window.editor.tab_widget().setCurrentWidget(window.editor.opening)
    assert "事务" in window.editor.opening.paragraphs.rows[0].value()
    window.ui.actionUndo.trigger()
    assert window.report().to_json() == before
    assert "工作" in window.editor.opening.paragraphs.rows[0].value()
    close_window(window)


def test_replace_one_then_go_on(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    bar = replace_bar(window, "强化", "加强")
    total = len(find_all(window.report(), "强化"))
    bar.replace_current()  # first: goes to the first match
    assert selected_text() == "强化"
    bar.replace_current()  # replaces it and goes to the next
    assert len(find_all(window.report(), "强化")) == total - 1
    assert selected_text() == "强化"
    assert window.editor.undo_stack().count() == 1
    close_window(window)


def test_the_selection_fills_the_bar(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    editor = window.editor
    editor.focus_field(("sections", 0, "heading"), 2, 4)
    window.ui.actionFind.trigger()
    assert window.edits.find_bar.find_edit.text() == "学习"
    close_window(window)
