"""Editing a cell as in Excel/WPS 表格, now that each key reaches the draft as it is typed:
typing over a selection is one undo step however the first key matches the old text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from qt_helpers import type_into

from nianbao_gui.app.widgets.table_editor import TableEditor
from tests.test_gui_form_editor import sample_editor
from tests.test_gui_form_undo import paragraph_box, put_cursor
from tests.test_gui_tables import click_cell as click_cell_of
from tests.test_gui_tables import draft, shown, table_editor

CTRL = Qt.KeyboardModifier.ControlModifier


def cell_box(table: TableEditor) -> QLineEdit:
    box = table.grid.viewport().findChild(QLineEdit)
    assert box is not None
    return box


# --- 2. typing over a selection -------------------------------------------------------------


def test_typing_over_a_cell_with_its_own_first_character_is_one_step(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    stack = editor.history.stack
    table = table_editor(editor)
    click_cell_of(table, 1, 1)
    QTest.keyClick(table.grid, Qt.Key.Key_2)  # "28.6" typed over by a key it starts with
    QTest.keyClicks(cell_box(table), "9.3")
    assert editor.report().sections[0].tables[0].rows[1][1] == "29.3"
    assert stack.count() == 1
    QTest.keyClick(cell_box(table), Qt.Key.Key_Z, CTRL)  # one Ctrl+Z: the old text exactly
    assert editor.report().model_dump() == before


def test_typing_over_a_cell_with_its_own_last_character_is_one_step(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    table = table_editor(editor)
    click_cell_of(table, 1, 1)
    QTest.keyClick(table.grid, Qt.Key.Key_6)  # "28.6" typed over by a key it ends with
    QTest.keyClicks(cell_box(table), "5")
    assert editor.report().sections[0].tables[0].rows[1][1] == "65"
    assert editor.history.stack.count() == 1
    QTest.keyClick(cell_box(table), Qt.Key.Key_Z, CTRL)
    assert editor.report().model_dump() == before
    QTest.keyClick(table.grid.open_box() or table.grid, Qt.Key.Key_Y, CTRL)  # 重做: all of it
    assert editor.report().sections[0].tables[0].rows[1][1] == "65"


def test_typing_over_a_selection_in_a_paragraph_is_one_step(qtbot: QtBot) -> None:
    editor = sample_editor(qtbot)
    editor.show()
    box = paragraph_box(editor, 0, 0)
    original = box.toPlainText()
    put_cursor(box, 0)
    QTest.keyClick(box, Qt.Key.Key_A, CTRL)  # the whole paragraph selected …
    type_into(box, original[0])  # … and typed over by the character it starts with …
    QTest.keyClicks(box, "xy")  # … and the keys that follow
    assert editor.report().sections[0].paragraphs[0] == original[0] + "xy"
    stack = editor.undo_stack()
    assert stack.count() == 1
    QTest.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert editor.report().sections[0].paragraphs[0] == original
    assert box.toPlainText() == original


def test_backspace_then_typing_stays_two_steps(qtbot: QtBot) -> None:
    """Only a selection typed over joins the keys that follow; a Backspace is its own step."""
    editor = sample_editor(qtbot)
    editor.show()
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 3)
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    QTest.keyClicks(box, "ab")
    assert editor.undo_stack().count() == 2
