"""A hostile trial of the draft's history (issue 11): 撤销 and 重做 of a change asked for by a
panel (数据, 修复, 全部替换) put the cursor where the change was, not at the end of the field."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit
from qt_helpers import close_window

from tests.test_figures_panel import _report, _window


def test_undo_and_redo_of_a_fill_select_the_place_it_changed(qtbot) -> None:
    window = _window(qtbot, _report())
    window.show()
    qtbot.waitExposed(window)
    assert window.figures.panel.fill(1, "1200")  # 新建农田**亩 → 新建农田1200亩
    stack = window.editor.undo_stack()
    stack.undo()
    box = window.focusWidget()
    assert isinstance(box, QPlainTextEdit)
    cursor = box.textCursor()
    assert box.toPlainText() == "完成播种**亩，新建农田**亩。"
    assert (cursor.selectionStart(), cursor.selectedText()) == (12, "**")
    stack.redo()
    cursor = box.textCursor()
    assert (cursor.selectionStart(), cursor.selectedText()) == (12, "1200")
    close_window(window)


def test_undo_of_a_change_in_several_fields_goes_to_the_first_place(qtbot) -> None:
    window = _window(qtbot, _report())
    window.show()
    qtbot.waitExposed(window)
    window.editor.apply_text_edits(
        "全部替换（2 处）",
        [
            (("sections", 0, "paragraphs", 0), "完成播种**亩，新建良田**亩。"),
            (("sections", 0, "paragraphs", 1), "XX村建成良田示范点。"),
        ],
    )
    window.editor.undo_stack().undo()
    box = window.focusWidget()
    assert isinstance(box, QPlainTextEdit)
    cursor = box.textCursor()
    assert (cursor.selectionStart(), cursor.selectedText()) == (10, "农")
    close_window(window)
