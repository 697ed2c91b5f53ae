"""A table's 表题, 单位 and 注 boxes and an open cell editor are text boxes like every other in
the form: typing is one step per run in the draft's history, Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z
there run the draft's undo and redo (never the box's own, once, not twice), and the binder
announces them so the undo keys and zoom reach them (issue 22 follow-up)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import close_window, type_into, window_with_draft

from nianbao_gui.app.widgets.look import set_text_zoom, text_zoom
from nianbao_gui.app.widgets.table_editor import TableEditor
from tests.test_gui_tables import draft

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT_CTRL = CTRL | Qt.KeyboardModifier.ShiftModifier


def opened(qtbot: QtBot, tmp_path: Path) -> Any:
    return window_with_draft(qtbot, draft(), tmp_path / "表格.json")


def table_of(window: Any) -> TableEditor:
    section_editor = window.editor.section_tabs[0].editor
    assert section_editor is not None
    editor: TableEditor = section_editor.table_editors[0]
    return editor


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or QPoint(4, 4))


def click_cell(table: TableEditor, row: int, column: int) -> None:
    rect = table.grid.visualRect(table.grid.model().index(row, column))
    click(table.grid.viewport(), rect.center())


def dump(window: Any) -> str:
    return str(window.report().model_dump_json())


def insert_row(window: Any) -> None:
    """A structural step the box's own history knows nothing of."""
    table = table_of(window)
    click_cell(table, 0, 0)
    click(table.buttons["插入行"])
    assert len(window.report().sections[0].tables[0].rows) == 3


@pytest.mark.parametrize("name", ["caption", "unit", "note"])
def test_ctrl_z_in_a_table_text_box_runs_the_draft_s_history(
    qtbot: QtBot, tmp_path: Path, name: str
) -> None:
    window = opened(qtbot, tmp_path)
    stack = window.editor.history.stack
    before = dump(window)
    insert_row(window)
    box: QLineEdit = getattr(table_of(window), name)
    click(box)
    assert QApplication.focusWidget() is box
    QTest.keyClicks(box, "abc")
    # typing reaches the draft as it is typed: one step for the run, before the box is left
    assert getattr(window.report().sections[0].tables[0], name) == "abc"
    assert stack.count() == 2 and stack.undoText() == "输入"
    QTest.keyClick(box, Qt.Key.Key_Z, CTRL)  # the run of typing: one step back
    assert getattr(window.report().sections[0].tables[0], name) == ""
    assert box.text() == "" and stack.index() == 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)  # the draft's step before
    assert dump(window) == before and stack.index() == 0
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert stack.index() == 1 and len(window.report().sections[0].tables[0].rows) == 3
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, SHIFT_CTRL)
    assert stack.index() == 2 and getattr(table_of(window), name).text() == "abc"
    close_window(window)


def test_ctrl_z_in_an_open_cell_editor_runs_the_draft_s_history(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(qtbot, tmp_path)
    stack = window.editor.history.stack
    before = dump(window)
    insert_row(window)
    table = table_of(window)
    click_cell(table, 1, 1)
    QTest.keyClick(table.grid, Qt.Key.Key_3)  # the first key opens the cell's editor
    cell = table.grid.viewport().findChild(QLineEdit)
    assert cell is not None and QApplication.focusWidget() is cell
    QTest.keyClicks(cell, "1.5")
    # each key reaches the draft, one step for the run of typing
    assert window.report().sections[0].tables[0].rows[1][1] == "31.5"
    assert stack.count() == 2 and stack.undoText() == "输入"
    QTest.keyClick(cell, Qt.Key.Key_Z, CTRL)
    assert window.report().sections[0].tables[0].rows[1][1] == ""
    assert stack.index() == 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert dump(window) == before and stack.index() == 0
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, SHIFT_CTRL)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert stack.index() == 2
    assert window.report().sections[0].tables[0].rows[1][1] == "31.5"
    assert table_of(window).grid.item(1, 1).text() == "31.5"
    close_window(window)


def test_a_cell_typed_then_left_is_one_step(qtbot: QtBot, tmp_path: Path) -> None:
    window = opened(qtbot, tmp_path)
    stack = window.editor.history.stack
    table = table_of(window)
    click_cell(table, 1, 1)
    QTest.keyClick(table.grid, Qt.Key.Key_5)  # "28.6" typed over
    cell = table.grid.viewport().findChild(QLineEdit)
    assert cell is not None
    QTest.keyClicks(cell, "9")
    QTest.keyClick(cell, Qt.Key.Key_Return)  # the editor closes: no second step for it
    qtbot.waitUntil(lambda: table.grid.state() != table.grid.State.EditingState)
    assert window.report().sections[0].tables[0].rows[1][1] == "59"
    assert stack.count() == 1
    close_window(window)


def test_the_binder_announces_the_table_s_text_boxes(qtbot: QtBot, tmp_path: Path) -> None:
    window = opened(qtbot, tmp_path)
    table = table_of(window)
    boxes = window.editor.binder.text_boxes()
    assert all(box in boxes for box in (table.caption, table.unit, table.note))
    click_cell(table, 1, 1)
    QTest.keyClick(table.grid, Qt.Key.Key_2)
    cell = table.grid.viewport().findChild(QLineEdit)
    assert cell in window.editor.binder.text_boxes()
    close_window(window)


def test_zoom_keys_in_a_table_box_zoom_once_and_reach_the_cells(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(qtbot, tmp_path)
    table = table_of(window)
    size = table.grid.font().pointSizeF()
    try:
        click(table.caption)
        QTest.keyClick(table.caption, Qt.Key.Key_Equal, CTRL)
        assert text_zoom() == 1.15  # one step, not two
        assert table.grid.font().pointSizeF() > size  # the cells' text follows
        click_cell(table, 1, 1)
        QTest.keyClick(table.grid, Qt.Key.Key_2)
        cell = table.grid.viewport().findChild(QLineEdit)
        assert cell is not None and QApplication.focusWidget() is cell
        QTest.keyClick(cell, Qt.Key.Key_Minus, CTRL)
        assert text_zoom() == 1.0
        assert window.report().sections[0].tables[0].rows[1][1] == "2"  # no key eaten as text
    finally:
        set_text_zoom(1.0)
    close_window(window)


def test_ctrl_z_in_the_header_rows_box_runs_the_draft_s_history(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(qtbot, tmp_path)
    stack = window.editor.history.stack
    before = dump(window)
    table = table_of(window)
    spin = table.header_rows
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_Up)  # 表头 2 行: one step
    assert window.report().sections[0].tables[0].header_rows == 2 and stack.index() == 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert dump(window) == before and stack.index() == 0
    assert table_of(window).header_rows.value() == 1
    close_window(window)


def test_chinese_typed_in_a_cell_and_the_caption_reaches_the_draft(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = opened(qtbot, tmp_path)
    table = table_of(window)
    click(table.caption)
    type_into(table.caption, "主要指标")
    click_cell(table, 1, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_F2)  # opens the cell's editor on its text
    cell = table.grid.viewport().findChild(QLineEdit)
    assert cell is not None
    cell.setCursorPosition(len(cell.text()))
    type_into(cell, "（亿元）")
    got = window.report().sections[0].tables[0]
    assert got.caption == "主要指标" and got.rows[1][0] == "产值（亿元）"
    assert window.editor.history.stack.count() == 2
    close_window(window)
