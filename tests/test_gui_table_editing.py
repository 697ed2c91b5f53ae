"""Editing a cell as in Excel/WPS 表格, now that each key reaches the draft as it is typed:
Esc puts the cell back as it was when its editor opened; typing over a selection is one undo
step however the first key matches the old text; the columns stand still while a cell is
typed in; a cell covered by a merge can be neither reached nor typed into."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit
from pytestqt.qtbot import QtBot
from qt_helpers import close_window, type_into

from nianbao_gui.app.editor.find_bar import FindBar
from nianbao_gui.app.widgets.table_editor import TableEditor
from nianbao_gui.core.model import Merge, Report
from tests.test_gui_form_editor import sample_editor
from tests.test_gui_form_undo import paragraph_box, put_cursor
from tests.test_gui_table_undo_keys import click_cell, dump, opened, table_of
from tests.test_gui_tables import click_cell as click_cell_of
from tests.test_gui_tables import draft, shown, table_editor

CTRL = Qt.KeyboardModifier.ControlModifier


def cell_box(table: TableEditor) -> QLineEdit:
    box = table.grid.viewport().findChild(QLineEdit)
    assert box is not None
    return box


def editing(table: TableEditor) -> bool:
    return table.grid.state() == table.grid.State.EditingState


# --- 1. Esc ---------------------------------------------------------------------------------


def test_esc_puts_a_typed_over_cell_back_and_closes_nothing_else(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(qtbot, tmp_path)
    stack = window.editor.history.stack
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)  # the find bar open: Esc in a cell leaves it
    bar = window.findChild(FindBar)
    assert bar is not None and bar.isVisible()
    QTest.keyClick(window, Qt.Key.Key_D, CTRL)  # and the 数据 panel, a dock
    docks = [dock for dock in window.findChildren(QDockWidget) if dock.isVisible()]
    assert docks
    before = dump(window)
    table = table_of(window)
    click_cell(table, 1, 1)
    QTest.keyClick(table.grid, Qt.Key.Key_5)  # "28.6" typed over
    QTest.keyClicks(cell_box(table), "9")
    assert window.report().sections[0].tables[0].rows[1][1] == "59"
    QTest.keyClick(cell_box(table), Qt.Key.Key_Escape)
    assert not editing(table)
    assert dump(window) == before  # the draft as before the edit began
    assert table.grid.item(1, 1).text() == "28.6"
    assert bar.isVisible() and window.isVisible()
    assert all(dock.isVisible() for dock in docks)
    assert QApplication.focusWidget() is table.grid
    # 重做 has nothing to bring back; 撤销 gives the typing back, 重做 the old text again
    QTest.keyClick(table.grid, Qt.Key.Key_Y, CTRL)
    assert dump(window) == before
    QTest.keyClick(table.grid, Qt.Key.Key_Z, CTRL)
    assert window.report().sections[0].tables[0].rows[1][1] == "59"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert dump(window) == before and not stack.canRedo()
    close_window(window)


def test_esc_after_typing_at_the_end_of_a_cell_takes_the_typing_back(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    table = table_editor(editor)
    click_cell_of(table, 1, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_F2)  # the editor opens on "产值"
    box = cell_box(table)
    box.setCursorPosition(len(box.text()))
    QTest.keyClicks(box, "abc")
    assert editor.report().sections[0].tables[0].rows[1][0] == "产值abc"
    QTest.keyClick(box, Qt.Key.Key_Escape)
    assert editor.report().model_dump() == before
    assert table.grid.item(1, 0).text() == "产值"
    # Esc on a cell whose editor changed nothing adds no step
    count = editor.history.stack.count()
    QTest.keyClick(table.grid, Qt.Key.Key_F2)
    QTest.keyClick(cell_box(table), Qt.Key.Key_Escape)
    assert editor.history.stack.count() == count


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


# --- 3. the columns stand still while a cell is typed in ------------------------------------


def widths(table: TableEditor) -> list[int]:
    return [table.grid.columnWidth(c) for c in range(table.grid.columnCount())]


def test_columns_stand_still_while_typing_and_refit_when_the_editor_closes(
    qtbot: QtBot,
) -> None:
    editor = shown(qtbot, draft())
    table = table_editor(editor)
    click_cell_of(table, 1, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_F2)
    box = cell_box(table)
    box.setCursorPosition(len(box.text()))
    still = widths(table)
    for char in "abcdefghij":
        QTest.keyClick(box, char)
        assert widths(table) == still  # the cell being typed in does not move under the keys
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editing(table))  # Qt closes the editor once back in the loop
    assert widths(table)[0] > still[0]  # fitted to the new text once the editor is closed


# --- 4. cells covered by a merge ------------------------------------------------------------


def merged() -> Report:
    """A 3 × 3 table whose first column's two lower cells are merged (1,0)–(2,0), and whose
    header's last two cells are merged (0,1)–(0,2)."""
    report = draft()
    table = report.sections[0].tables[0]
    table.rows = [["指标", "年份", ""], ["产值", "28.6", "**"], ["", "3.1", "**"]]
    table.merges = [Merge(top=1, left=0, height=2, width=1), Merge(top=0, left=1, width=2)]
    return Report.model_validate(report.model_dump())


def test_enter_never_lands_on_a_cell_covered_by_a_merge(qtbot: QtBot) -> None:
    editor = shown(qtbot, merged())
    table = table_editor(editor)
    click_cell_of(table, 1, 0)
    assert (table.grid.currentRow(), table.grid.currentColumn()) == (1, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_Return)  # (2, 0) is under the merge: not there
    assert (table.grid.currentRow(), table.grid.currentColumn()) == (1, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_7)  # typed into the merged cell, which is shown
    QTest.keyClick(cell_box(table), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editing(table))
    rows = editor.report().sections[0].tables[0].rows
    assert rows[1][0] == "7" and rows[2][0] == ""  # nothing where the export would drop it
    click_cell_of(table, 2, 2)
    QTest.keyClick(table.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(table.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    # up into the header's merged cell, never the half it covers (as Excel selects it)
    assert (table.grid.currentRow(), table.grid.currentColumn()) == (0, 1)


def test_navigation_keys_never_reach_a_covered_cell(qtbot: QtBot) -> None:
    editor = shown(qtbot, merged())
    table = table_editor(editor)
    grid = table.grid
    hidden = {(2, 0), (0, 2)}
    for start in ((0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2)):
        for key in (
            Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return,
            Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right,
        ):
            grid.setFocus()
            grid.setCurrentCell(*start)
            QTest.keyClick(grid, key)
            assert (grid.currentRow(), grid.currentColumn()) not in hidden, (start, key)


def test_a_covered_cell_is_not_editable(qtbot: QtBot) -> None:
    editor = shown(qtbot, merged())
    table = table_editor(editor)
    for r, c in ((2, 0), (0, 2)):
        assert not table.grid.item(r, c).flags() & Qt.ItemFlag.ItemIsEditable
    assert table.grid.item(1, 0).flags() & Qt.ItemFlag.ItemIsEditable


def test_a_split_cell_is_editable_again(qtbot: QtBot) -> None:
    editor = shown(qtbot, merged())
    table = table_editor(editor)
    click_cell_of(table, 1, 0)
    QTest.mouseClick(table.buttons["拆分"], Qt.MouseButton.LeftButton)
    assert editor.report().sections[0].tables[0].merges[0].left == 1
    assert table.grid.item(2, 0).flags() & Qt.ItemFlag.ItemIsEditable

