"""Paragraph identities through the window's commands (issue 18 item 1): Enter keeps the
first half's id and gives the second a new one, Backspace keeps the first's, a move keeps
both, a paste keeps the pasted-into paragraph's; undo and redo give back the exact ids."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nianbao_gui.app.report_editor import ReportEditor
from tests.test_gui_form_editor import open_section, sample_editor
from tests.test_gui_form_undo import paragraph_box, put_cursor


@pytest.fixture
def editor(qtbot: QtBot) -> ReportEditor:
    widget = sample_editor(qtbot)
    widget.show()
    return widget


def ids(editor: ReportEditor, section: int = 0) -> list[str]:
    found = editor.report().sections[section]
    assert len(found.paragraph_ids) == len(found.paragraphs)
    return list(found.paragraph_ids)


def _undo_redo_exact(editor: ReportEditor, before: list[str], after: list[str]) -> None:
    stack = editor.undo_stack()
    stack.undo()
    assert ids(editor) == before
    stack.redo()
    assert ids(editor) == after


def test_enter_keeps_the_first_halfs_id(editor: ReportEditor) -> None:
    first, second = ids(editor)
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 4)
    QTest.keyClick(box, Qt.Key.Key_Return)
    after = ids(editor)
    assert after[0] == first and after[2] == second
    assert after[1] not in (first, second)
    _undo_redo_exact(editor, [first, second], after)


def test_backspace_join_keeps_both_ids(editor: ReportEditor) -> None:
    """The joined paragraph is both: the first's id, then the second's (a figure of either
    is looked for in it)."""
    first, second = ids(editor)
    box = paragraph_box(editor, 0, 1)
    put_cursor(box, 0)
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    assert ids(editor) == [f"{first}+{second}"]
    _undo_redo_exact(editor, [first, second], [f"{first}+{second}"])


def test_move_keeps_both_ids(editor: ReportEditor) -> None:
    first, second = ids(editor)
    tab = open_section(editor, 0)
    assert tab.editor is not None
    tab.editor.paragraphs.rows[1].up.click()
    assert ids(editor) == [second, first]
    _undo_redo_exact(editor, [first, second], [second, first])


def test_moving_a_twin_keeps_ids_apart(editor: ReportEditor) -> None:
    """Two paragraphs with the same text: the list reads the same after a move, the ids
    say which is which."""
    box = paragraph_box(editor, 0, 1)
    box.selectAll()
    QApplication.clipboard().setText("我始终把讲政治摆在首位。")
    box.paste()
    first, second = ids(editor)
    tab = open_section(editor, 0)
    assert tab.editor is not None
    tab.editor.paragraphs.rows[1].up.click()
    assert ids(editor) == [second, first]


def test_paste_of_several_paragraphs_keeps_the_first(editor: ReportEditor) -> None:
    first, second = ids(editor)
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 2)
    QApplication.clipboard().setText("甲段\n乙段\n丙段")
    box.paste()
    after = ids(editor)
    assert len(after) == 4
    assert after[0] == first and after[3] == second
    assert len(set(after)) == 4
    _undo_redo_exact(editor, [first, second], after)


def test_add_and_delete_paragraph(editor: ReportEditor) -> None:
    first, second = ids(editor)
    tab = open_section(editor, 0)
    assert tab.editor is not None
    tab.editor.paragraphs.add_button.click()
    added = ids(editor)
    assert added[:2] == [first, second] and added[2] not in (first, second)
    tab.editor.paragraphs.rows[0].remove.click()
    assert ids(editor) == [second, added[2]]
    editor.undo_stack().undo()
    assert ids(editor) == added


def test_new_section_gets_ids_and_moves_keep_them(editor: ReportEditor) -> None:
    report = editor.report()
    before = [s.id for s in report.sections]
    editor.add_section(1)
    report = editor.report()
    new = report.sections[1]
    assert new.id and new.id not in before
    assert len(new.paragraph_ids) == len(new.paragraphs) == 1
    editor.undo_stack().undo()
    assert [s.id for s in editor.report().sections] == before
