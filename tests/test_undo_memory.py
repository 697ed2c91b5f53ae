"""The undo history's memory stays bounded: a keystroke that merges into the run before it
leaves no command object behind (PySide6 never frees one that ``QUndoStack.push`` merged
away, so History merges it in place), and merging still behaves as Qt's: not into the
saved step, and a run that cancels out is dropped."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.commands import EditCommand, TypingCommand
from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.app.widgets.inputs import OptionalDateEdit
from tests.test_gui_form_editor import sample_editor
from tests.test_gui_form_undo import paragraph_box, put_cursor

KEYS = 200


@pytest.fixture
def editor(qtbot: QtBot) -> ReportEditor:
    widget = sample_editor(qtbot)  # answers questions yes; these tests ask none
    widget.show()
    return widget


def _alive(kind: type) -> int:
    gc.collect()
    return sum(isinstance(o, kind) for o in gc.get_objects())


def test_a_run_of_typing_keeps_one_command(editor: ReportEditor) -> None:
    box = paragraph_box(editor, 0, 0)
    original = box.toPlainText()
    put_cursor(box, 3)
    before = _alive(TypingCommand)
    for _ in range(KEYS):
        QTest.keyClick(box, "a")
    stack = editor.undo_stack()
    assert stack.count() == 1
    assert _alive(TypingCommand) - before == 1  # without the in-place merge: KEYS
    stack.undo()
    assert box.toPlainText() == original
    stack.redo()
    assert box.toPlainText() == original[:3] + "a" * KEYS + original[3:]


def test_a_value_typed_in_a_line_keeps_one_command(editor: ReportEditor) -> None:
    assert editor.focus_field(("title",), 0, 0)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    original = editor.report().title
    before = _alive(TypingCommand)  # earlier tests' editors may not be gone yet
    for _ in range(KEYS):
        QTest.keyClick(line, "b")
    stack = editor.undo_stack()
    assert stack.count() == 1
    assert _alive(TypingCommand) - before == 1
    stack.undo()
    assert editor.report().title == original


def _date_box(form: ReportEditor) -> OptionalDateEdit:
    form.tab_widget().setCurrentWidget(form.basic)
    return form.basic.date


def test_a_value_picked_again_and_again_keeps_one_command(editor: ReportEditor) -> None:
    box = _date_box(editor)
    box.check.setChecked(True)  # one step: no date → a date
    before = _alive(EditCommand)
    for day in range(1, 21):  # then the days stepped through in its box: one more step
        box.date_edit.setDate(QDate(2023, 1, day))
    stack = editor.undo_stack()
    assert editor.report().date == dt.date(2023, 1, 20)
    assert stack.count() == 1  # a value set in its own widget merges with the step before
    assert _alive(EditCommand) - before == 0  # without the in-place merge: 20
    stack.undo()
    assert editor.report().date is None


def test_a_value_changed_and_taken_back_leaves_no_step(editor: ReportEditor) -> None:
    box = _date_box(editor)
    box.check.setChecked(True)
    box.check.setChecked(False)
    assert editor.undo_stack().count() == 0  # Qt drops the step that cancels out


def test_no_merge_into_the_saved_step(editor: ReportEditor) -> None:
    box = paragraph_box(editor, 0, 0)
    original = box.toPlainText()
    put_cursor(box, 0)
    QTest.keyClick(box, "x")
    stack = editor.undo_stack()
    stack.setClean()
    QTest.keyClick(box, "y")
    assert stack.count() == 2 and not stack.isClean()
    stack.undo()
    assert stack.isClean() and box.toPlainText() == "x" + original


def test_typing_on_after_an_undo_merges_as_qt_does(editor: ReportEditor) -> None:
    box = paragraph_box(editor, 0, 0)
    original = box.toPlainText()
    put_cursor(box, 0)
    for char in "abc":
        QTest.keyClick(box, char)
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    stack = editor.undo_stack()
    assert stack.count() == 2
    stack.undo()  # the Backspace: with a step to redo, Qt merges (and drops the redo)
    put_cursor(box, 3)
    QTest.keyClick(box, "d")
    assert stack.count() == 1 and not stack.canRedo()
    stack.undo()
    assert box.toPlainText() == original
