"""One undo history per draft: every kind of change, then 撤销, gives back the draft byte for
byte; 重做 gives the changed one again; typing merges into runs; the cursor goes where the
change was; random sequences of edits undo back to the original."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.commands import UNDO_LIMIT, TextSpan
from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.core.model import ReportKind
from tests.test_gui_form_editor import commit, open_section, sample_editor, sample_report


@pytest.fixture
def editor(qtbot: QtBot) -> ReportEditor:
    widget = sample_editor(qtbot)
    widget.show()
    return widget


def dump(editor: ReportEditor) -> str:
    return editor.report().to_json()


def paragraph_box(editor: ReportEditor, section: int, index: int):
    tab = open_section(editor, section)
    assert tab.editor is not None
    return tab.editor.paragraphs.rows[index].editor


def put_cursor(box, position: int) -> None:
    box.setFocus()
    cursor = box.textCursor()
    cursor.setPosition(position)
    box.setTextCursor(cursor)


def _type_paragraph(e: ReportEditor) -> None:
    box = paragraph_box(e, 0, 0)
    put_cursor(box, 3)
    commit(box, "认真")
    commit(box, "地")


def _type_heading(e: ReportEditor) -> None:
    tab = open_section(e, 1)
    assert tab.editor is not None
    commit(tab.editor.heading_edit, "，提升境界")


def _enter_split(e: ReportEditor) -> None:
    box = paragraph_box(e, 0, 0)
    put_cursor(box, 4)
    QTest.keyClick(box, Qt.Key.Key_Return)


def _backspace_merge(e: ReportEditor) -> None:
    box = paragraph_box(e, 0, 1)
    put_cursor(box, 0)
    QTest.keyClick(box, Qt.Key.Key_Backspace)


def _add_paragraph(e: ReportEditor) -> None:
    tab = open_section(e, 0)
    assert tab.editor is not None
    tab.editor.paragraphs.add_button.click()


def _delete_paragraph(e: ReportEditor) -> None:
    tab = open_section(e, 0)
    assert tab.editor is not None
    tab.editor.paragraphs.rows[0].remove.click()


def _move_paragraph(e: ReportEditor) -> None:
    tab = open_section(e, 0)
    assert tab.editor is not None
    tab.editor.paragraphs.rows[1].up.click()


def _paste_lines(e: ReportEditor) -> None:
    box = paragraph_box(e, 1, 0)
    put_cursor(box, 2)
    QApplication.clipboard().setText("甲段\n乙段\n丙段")
    box.paste()


def _add_subsection(e: ReportEditor) -> None:
    tab = open_section(e, 2)
    assert tab.editor is not None
    assert tab.editor.add_child_button is not None
    tab.editor.add_child_button.click()


def _delete_subsection(e: ReportEditor) -> None:
    tab = open_section(e, 2)
    assert tab.editor is not None
    tab.editor.children_editors[1].remove.click()


def _move_subsection(e: ReportEditor) -> None:
    tab = open_section(e, 2)
    assert tab.editor is not None
    tab.editor.children_editors[1].up.click()


def _add_section(e: ReportEditor) -> None:
    e.add_section(1)


def _delete_section(e: ReportEditor) -> None:
    tab = open_section(e, 0)
    tab.remove.click()


def _move_section(e: ReportEditor) -> None:
    tab = open_section(e, 2)
    tab.left.click()


def _change_kind(e: ReportEditor) -> None:
    e.tab_widget().setCurrentWidget(e.basic)
    e.basic.kind.setCurrentIndex(e.basic.kind.findData(ReportKind.ZONGJIE.value))


def _change_year(e: ReportEditor) -> None:
    e.tab_widget().setCurrentWidget(e.basic)
    e.basic.year.setText("2025")
    e.basic.year.textEdited.emit("2025")


def _change_date(e: ReportEditor) -> None:
    e.tab_widget().setCurrentWidget(e.basic)
    e.basic.date.check.setChecked(True)
    e.basic.date.date_edit.setDate(QDate(2023, 1, 9))


def _toggle_run_in(e: ReportEditor) -> None:
    tab = open_section(e, 2)
    assert tab.editor is not None
    tab.editor.children_editors[0].run_in.setChecked(False)


def _fix_texts(e: ReportEditor) -> None:
    e.apply_text_edits(
        "全部修复（2 处）",
        [(("opening", 0), "2022年，在镇党委的领导下"), (("closing", "plans", 0), "继续努力。")],
    )


def _closing_item(e: ReportEditor) -> None:
    e.tab_widget().setCurrentWidget(e.closing)
    e.closing.shortcomings.rows[0].remove.click()


CHANGES: dict[str, Callable[[ReportEditor], None]] = {
    "typing in a paragraph": _type_paragraph,
    "typing in a heading": _type_heading,
    "Enter split": _enter_split,
    "Backspace merge": _backspace_merge,
    "add paragraph": _add_paragraph,
    "delete paragraph": _delete_paragraph,
    "move paragraph": _move_paragraph,
    "paste lines": _paste_lines,
    "add subsection": _add_subsection,
    "delete subsection": _delete_subsection,
    "move subsection": _move_subsection,
    "add section": _add_section,
    "delete section": _delete_section,
    "move section": _move_section,
    "report kind": _change_kind,
    "year": _change_year,
    "date": _change_date,
    "run-in checkbox": _toggle_run_in,
    "fix all": _fix_texts,
    "closing item": _closing_item,
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_each_change_is_one_step_that_undoes_byte_for_byte(editor: ReportEditor, name: str) -> None:
    stack = editor.undo_stack()
    before = dump(editor)
    CHANGES[name](editor)
    after = dump(editor)
    assert after != before, name
    assert stack.count() == 1, [stack.text(i) for i in range(stack.count())]
    stack.undo()
    assert dump(editor) == before
    stack.redo()
    assert dump(editor) == after
    stack.undo()
    # the widgets follow: the form shows what the model holds
    editor.refresh()
    assert dump(editor) == before


def test_typing_merges_into_one_run_and_undo_puts_the_cursor_back(editor: ReportEditor) -> None:
    box = paragraph_box(editor, 0, 0)
    original = box.toPlainText()
    put_cursor(box, 3)
    for char in "abcde":
        QTest.keyClick(box, char)
    assert box.toPlainText() == original[:3] + "abcde" + original[3:]
    stack = editor.undo_stack()
    assert stack.count() == 1 and stack.undoText() == "输入"
    for _ in range(3):
        QTest.keyClick(box, Qt.Key.Key_Backspace)
    assert stack.count() == 2  # deleting is a run of its own
    stack.undo()
    assert box.toPlainText() == original[:3] + "abcde" + original[3:]
    assert box.textCursor().position() == 8
    stack.undo()
    assert box.toPlainText() == original
    assert QApplication.focusWidget() is box and box.textCursor().position() == 3
    assert editor.report().sections[0].paragraphs[0] == original


def test_moving_the_cursor_starts_a_new_run(editor: ReportEditor) -> None:
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 0)
    QTest.keyClick(box, "x")
    put_cursor(box, 5)
    QTest.keyClick(box, "y")
    assert editor.undo_stack().count() == 2


def test_ctrl_z_in_a_text_box_undoes_a_structural_step(qtbot: QtBot, tmp_path) -> None:
    """The text box's own undo would miss the split; the draft's history has it. The menu
    names the step, and the window's * follows the history back to the saved text."""
    from nianbao_gui.core.storage import save_draft
    from tests.qt_helpers import close_window, make_window

    draft = tmp_path / "述职.json"
    save_draft(sample_report(), draft)
    window = make_window(qtbot)
    assert window.files.open_path(draft)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = window.editor
    editor.confirm = lambda text: True
    before = dump(editor)
    _enter_split(editor)
    assert window.isWindowModified()
    assert window.ui.actionUndo.text() == "撤销 分段(&U)"
    box = paragraph_box(editor, 0, 1)
    assert QApplication.focusWidget() is box
    QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump(editor) == before
    assert not window.isWindowModified()  # back at the saved text
    assert window.ui.actionRedo.text() == "重做 分段(&R)"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert dump(editor) != before and window.isWindowModified()
    editor.apply_text_edits("全部修复（5 处）", [(("closing", "plans", 0), "改。")])
    assert window.ui.actionUndo.text() == "撤销 全部修复（5 处）(&U)"
    window.ui.actionUndo.trigger()
    window.ui.actionUndo.trigger()
    assert dump(editor) == before and not window.isWindowModified()
    close_window(window)


def test_opening_another_draft_clears_the_history(qtbot: QtBot, tmp_path) -> None:
    from nianbao_gui.core.storage import save_draft
    from tests.qt_helpers import close_window, make_window

    first, second = tmp_path / "甲.json", tmp_path / "乙.json"
    save_draft(sample_report(), first)
    save_draft(sample_report(), second)
    window = make_window(qtbot)
    assert window.files.open_path(first)
    window.editor.apply_text_edits("修复", [(("closing", "plans", 0), "改。")])
    window.files.save()
    assert window.editor.undo_stack().count() == 1  # saving keeps the history
    assert window.files.open_path(second)
    assert window.editor.undo_stack().count() == 0
    assert not window.ui.actionUndo.isEnabled()
    close_window(window)


def test_the_history_is_cleared_when_another_draft_is_shown(editor: ReportEditor) -> None:
    _type_heading(editor)
    editor.tab_widget().setCurrentIndex(0)  # switching tabs keeps it
    assert editor.undo_stack().count() == 1
    editor.set_report(sample_report())
    assert editor.undo_stack().count() == 0


def test_the_history_is_bounded() -> None:
    assert 100 <= UNDO_LIMIT <= 5000


def test_text_span_is_the_changed_part() -> None:
    span = TextSpan.between("我们认真学习", "我们努力学习")
    assert (span.start, span.removed, span.inserted) == (2, "认真", "努力")
    assert TextSpan.between("ab", "abc").kind == "insert"
    assert TextSpan.between("abc", "ab").kind == "delete"


# --- random sequences ----------------------------------------------------------------------

_OPERATIONS = [
    _type_paragraph,
    _type_heading,
    _enter_split,
    _add_paragraph,
    _move_paragraph,
    _add_subsection,
    _move_subsection,
    _add_section,
    _move_section,
    _change_kind,
    _toggle_run_in,
    _fix_texts,
    _delete_paragraph,
    _closing_item,
]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(range(len(_OPERATIONS))), min_size=1, max_size=8))
def test_random_edits_all_undone_give_the_original(editor: ReportEditor, ops: list[int]) -> None:
    editor.set_report(sample_report())
    original = dump(editor)
    states = [original]
    for op in ops:
        try:
            _OPERATIONS[op](editor)
        except (IndexError, AssertionError):
            continue  # the operation does not apply to the report as it now is
        states.append(dump(editor))
    stack = editor.undo_stack()
    while stack.canUndo():
        stack.undo()
    assert dump(editor) == original
    while stack.canRedo():
        stack.redo()
    assert dump(editor) == states[-1]
    editor.refresh()
    assert dump(editor) == states[-1]


def test_date_undo_restores_none(editor: ReportEditor) -> None:
    assert editor.report().date is None
    _change_date(editor)
    assert editor.report().date == dt.date(2023, 1, 9)
    while editor.undo_stack().canUndo():
        editor.undo_stack().undo()
    assert editor.report().date is None
    assert not editor.basic.date.check.isChecked()


def test_merge_gets_the_cursor_at_the_joint(editor: ReportEditor) -> None:
    first = editor.report().sections[0].paragraphs[0]
    _backspace_merge(editor)
    box = paragraph_box(editor, 0, 0)
    assert box.textCursor().position() == len(first)
    editor.undo_stack().undo()
    assert len(editor.report().sections[0].paragraphs) == 2
    second = paragraph_box(editor, 0, 1)
    assert QApplication.focusWidget() is second
    assert second.textCursor().position() == 0
    assert isinstance(second.textCursor(), QTextCursor)
