"""Undo at its edges, as a careful tester tries it: tabs rebuilt or not built yet, a deleted
section that held the cursor, input-method composition, multi-line paste, an invalid year, the
undo limit, another draft mid-run, and the saved mark when undo goes back past it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.report_editor import ReportEditor
from tests.qt_helpers import close_window, make_window
from tests.test_gui_form_editor import commit, open_section, sample_report
from tests.test_gui_form_undo import dump, paragraph_box, put_cursor
from tests.test_gui_form_undo import editor as editor  # the shown sample editor (fixture)


def test_undo_typing_after_tabs_were_rebuilt(editor: ReportEditor) -> None:
    before = dump(editor)
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 2)
    commit(box, "认真")
    editor.add_section()  # rebuilds every section tab
    stack = editor.undo_stack()
    stack.undo()
    stack.undo()
    assert dump(editor) == before
    assert paragraph_box(editor, 0, 0).toPlainText() == "我始终把讲政治摆在首位。"
    stack.redo()
    assert paragraph_box(editor, 0, 0).toPlainText().startswith("我始认真")


def test_undo_in_a_tab_not_built_yet(editor: ReportEditor) -> None:
    before = dump(editor)
    editor.apply_text_edits("替换", [(("sections", 2, "children", 1, "paragraphs", 0), "做好。")])

    editor.undo_stack().undo()
    assert dump(editor) == before
    tab = open_section(editor, 2)
    editor.undo_stack().redo()
    assert dump(editor) != before
    assert tab.editor is not None


def test_undo_delete_of_section_with_focused_paragraph(editor: ReportEditor) -> None:
    before = dump(editor)
    box = paragraph_box(editor, 1, 0)
    put_cursor(box, 3)
    commit(box, "甲")
    editor.remove_section(1)
    stack = editor.undo_stack()
    stack.undo()
    assert paragraph_box(editor, 1, 0).toPlainText() == "今年以甲来，我对农村有了更深的认识。"
    stack.undo()
    assert dump(editor) == before
    box = paragraph_box(editor, 1, 0)
    assert box.toPlainText() == "今年以来，我对农村有了更深的认识。"


def test_ime_preedit_then_commit_is_one_step(editor: ReportEditor) -> None:
    before = dump(editor)
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 2)
    for pre in ("r", "re", "ren"):
        event = QInputMethodEvent(pre, [])
        QApplication.sendEvent(box, event)
    done = QInputMethodEvent()
    done.setCommitString("认")
    QApplication.sendEvent(box, done)
    assert editor.report().sections[0].paragraphs[0] == "我始认终把讲政治摆在首位。"
    assert editor.undo_stack().count() == 1
    editor.undo_stack().undo()
    assert dump(editor) == before
    assert box.toPlainText() == "我始终把讲政治摆在首位。"


def test_paste_multiline_then_undo(editor: ReportEditor) -> None:
    before = dump(editor)
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 2)
    QApplication.clipboard().setText("第一行\n第二行\n第三行")
    QTest.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dump(editor) != before
    editor.undo_stack().undo()
    assert dump(editor) == before
    tab = open_section(editor, 0)
    assert tab.editor is not None
    assert [r.value() for r in tab.editor.paragraphs.rows] == [
        "我始终把讲政治摆在首位。",
        "紧抓业务。",
    ]


def test_year_invalid_then_valid_then_undo(editor: ReportEditor) -> None:
    before = dump(editor)
    editor.tab_widget().setCurrentWidget(editor.basic)
    year = editor.basic.year
    year.setFocus()
    year.selectAll()
    QTest.keyClicks(year, "20x")
    assert editor.report().year == 2022
    year.selectAll()
    QTest.keyClicks(year, "2025")
    assert editor.report().year == 2025
    editor.undo_stack().undo()
    assert dump(editor) == before
    assert year.text() == "2022"
    assert not editor.basic.year_error.isVisible()


def test_undo_limit_drops_oldest(editor: ReportEditor) -> None:
    from nianbao_gui.app.editor.commands import UNDO_LIMIT

    stack = editor.undo_stack()
    for i in range(UNDO_LIMIT + 5):
        editor.apply_text_edits("改", [(("title",), f"题{i}")])
    assert stack.count() == UNDO_LIMIT
    while stack.canUndo():
        stack.undo()
    assert editor.report().title == "题4"
    assert not stack.isClean()


def test_switching_drafts_mid_typing_run(editor: ReportEditor) -> None:
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 2)
    commit(box, "甲")
    other = sample_report()
    other.sections[0].paragraphs[0] = "我始乙终"
    editor.set_report(other)
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 3)
    commit(box, "丙")
    assert editor.undo_stack().count() == 1
    editor.undo_stack().undo()
    assert editor.report().sections[0].paragraphs[0] == "我始乙终"


def test_star_follows_undo_past_the_saved_point(qtbot: QtBot, tmp_path) -> None:
    window = make_window(qtbot)
    window.new_document(sample_report())
    window.show()
    editor = window.editor
    editor.confirm = lambda text: True
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 2)
    commit(box, "甲")
    commit(box, "乙")
    window.prompts.paths.append(tmp_path / "a.json")
    assert window.files.save()
    assert not window.isWindowModified()
    saved = dump(editor)
    commit(box, "丙")
    commit(box, "丁")
    assert window.isWindowModified()
    stack = editor.undo_stack()
    stack.undo()
    assert dump(editor) == saved and not window.isWindowModified()
    stack.undo()
    assert window.isWindowModified()
    stack.redo()
    assert dump(editor) == saved and not window.isWindowModified()
    close_window(window)


@pytest.mark.parametrize(
    ("pasted", "heading"),
    [
        ("甲\n乙\r\n丙", "强化甲乙丙学习意识"),
        ("甲\u2029乙\n", "强化甲乙学习意识"),
        ("Party\nwork ", "强化Party work 学习意识"),
    ],
)
def test_a_multiline_paste_into_a_one_line_field_stays_one_line(
    editor: ReportEditor, pasted: str, heading: str
) -> None:
    """A heading (or a name, the title) copied with its line breaks: joined as it is pasted,
    one undo step, the cursor after the pasted text."""
    before = dump(editor)
    tab = open_section(editor, 0)
    assert tab.editor is not None
    box = tab.editor.heading_edit
    box.setFocus()
    box.setCursorPosition(2)
    QApplication.clipboard().setText(pasted)
    QTest.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.report().sections[0].heading == heading
    assert box.text() == heading
    assert box.cursorPosition() == len(heading) - len("学习意识")
    assert editor.undo_stack().count() == 1
    editor.undo_stack().undo()
    assert dump(editor) == before


def test_every_one_line_field_of_basic_info_joins_a_paste(editor: ReportEditor) -> None:
    editor.tab_widget().setCurrentWidget(editor.basic)
    QApplication.clipboard().setText("某某\n镇")
    for name in ("title", "author_name", "position", "organisation", "signature"):
        box = getattr(editor.basic, "title_edit" if name == "title" else name)
        box.setFocus()
        box.selectAll()
        QTest.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert getattr(editor.report(), name) == "某某镇", name


CTRL = Qt.KeyboardModifier.ControlModifier


def test_ime_composition_in_a_heading_is_one_step(editor: ReportEditor) -> None:
    before = dump(editor)
    tab = open_section(editor, 0)
    h = tab.editor.heading_edit
    h.setFocus()
    h.setCursorPosition(2)
    for pre in ("x", "xu", "xue"):
        QApplication.sendEvent(h, QInputMethodEvent(pre, []))
    assert editor.undo_stack().count() == 0
    done = QInputMethodEvent()
    done.setCommitString("学")
    QApplication.sendEvent(h, done)
    assert editor.report().sections[0].heading == "强化学学习意识"
    assert editor.undo_stack().count() == 1
    QTest.keyClick(h, Qt.Key.Key_Z, CTRL)
    assert dump(editor) == before and h.text() == "强化学习意识"


def test_undo_during_a_composition_keeps_box_and_model_equal(editor: ReportEditor) -> None:
    box = paragraph_box(editor, 0, 0)
    put_cursor(box, 2)
    commit(box, "甲")
    QApplication.sendEvent(box, QInputMethodEvent("yi", []))
    QTest.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert editor.report().sections[0].paragraphs[0] == "我始终把讲政治摆在首位。"
    assert box.toPlainText() == "我始终把讲政治摆在首位。"
    done = QInputMethodEvent()
    done.setCommitString("乙")
    QApplication.sendEvent(box, done)
    assert editor.report().sections[0].paragraphs[0] == box.toPlainText()


def test_typing_in_a_shortcoming_undoes_with_ctrl_z(editor: ReportEditor) -> None:
    editor.tab_widget().setCurrentWidget(editor.closing)
    before = dump(editor)
    rows = editor.closing.findChildren(type(paragraph_box(editor, 0, 0)))
    editor.tab_widget().setCurrentWidget(editor.closing)
    box = [b for b in rows if b.toPlainText() == "理论学习不深"]
    assert box
    box = box[0]
    put_cursor(box, 2)
    commit(box, "甲")
    assert editor.report().closing.shortcomings[0] == "理论甲学习不深"
    QTest.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert dump(editor) == before


def test_a_kind_change_undoes_and_redoes(editor: ReportEditor) -> None:
    before = dump(editor)
    editor.tab_widget().setCurrentWidget(editor.basic)
    combo = editor.basic.findChildren(QComboBox)[0]
    combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
    assert dump(editor) != before
    editor.undo_stack().undo()
    assert dump(editor) == before
    editor.undo_stack().redo()
    editor.undo_stack().undo()
    assert dump(editor) == before


def test_enter_type_backspace_past_the_start_then_undo_all(editor: ReportEditor) -> None:
    before = dump(editor)
    box = paragraph_box(editor, 0, 1)
    put_cursor(box, len(box.toPlainText()))
    QTest.keyClick(box, Qt.Key.Key_Return)
    new = QApplication.focusWidget()
    commit(new, "新段")
    QTest.keyClick(new, Qt.Key.Key_Backspace)
    QTest.keyClick(new, Qt.Key.Key_Backspace)
    QTest.keyClick(new, Qt.Key.Key_Backspace)  # merges with the one before
    stack = editor.undo_stack()
    while stack.canUndo():
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert dump(editor) == before
    while stack.canRedo():
        stack.redo()
    while stack.canUndo():
        stack.undo()
    assert dump(editor) == before
