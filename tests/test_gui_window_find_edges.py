"""Find and replace at its edges: a replacement that holds the needle, fields of 基本信息 and
结尾, collapsed subsections, Ctrl+Z in the find field, another draft, edits while a match is
selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nianbao_gui.core.fields import iter_text_fields, read_path, write_path
from nianbao_gui.core.search import find_all
from tests.qt_helpers import close_window, make_window
from tests.test_gui_form_editor import sample_report
from tests.test_gui_form_undo import dump
from tests.test_gui_window_find import open_window, replace_bar, selected_text


def test_replace_all_with_needle_inside_then_undo_redo(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    before = window.report().to_json()
    bar = replace_bar(window, "工作")
    total = len(find_all(window.report(), "工作"))
    bar.replace_edit.setText("工作组工作")
    bar.replace_all_button.click()
    assert len(find_all(window.report(), "工作组工作")) == total
    assert bar.count_label.text() == f"已替换 {total} 处"
    after = window.report().to_json()
    window.ui.actionUndo.trigger()
    assert window.report().to_json() == before
    assert bar.count_label.text() == f"共 {total} 处"
    window.ui.actionRedo.trigger()
    assert window.report().to_json() == after
    assert bar.count_label.text() == f"共 {2 * total} 处"
    close_window(window)


def test_find_in_collapsed_subsection_expands_and_selects(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    editor = window.editor
    tab = editor.section_tabs[2]
    editor.tab_widget().setCurrentWidget(tab)
    sub = tab.editor.find_editor(("sections", 2, "children", 1))
    sub.set_expanded(False)
    window.ui.actionFind.trigger()
    bar = window.edits.find_bar
    bar.find_edit.setText("低保")
    editor.tab_widget().setCurrentWidget(editor.basic)
    bar.find_next()
    assert sub.is_expanded()
    assert selected_text() == "低保"
    close_window(window)


def test_replace_in_title_author_and_shortcomings(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    editor = window.editor
    report_title = "张明华述职报告"
    editor.apply_text_edits("t", [(("title",), report_title), (("author_name",), "张明华")])
    bar = replace_bar(window, "张明华", "李四")
    bar.replace_all_button.click()
    assert window.report().title == "李四述职报告"
    assert window.report().author_name == "李四"
    editor.tab_widget().setCurrentWidget(editor.basic)
    assert editor.basic.author_name.text() == "李四"
    bar.find_edit.setText("理论学习")
    bar.replace_edit.setText("理论研读")
    bar.replace_current()
    assert selected_text() == "理论学习"
    bar.replace_current()
    assert window.report().closing.shortcomings[0] == "理论研读不深"
    editor.tab_widget().setCurrentWidget(editor.closing)
    window.ui.actionUndo.trigger()
    assert window.report().closing.shortcomings[0] == "理论学习不深"
    close_window(window)


def test_ctrl_z_in_the_find_and_replace_boxes_undoes_her_typing_there(qtbot: QtBot) -> None:
    """Inside the find or replace box, Ctrl+Z and Ctrl+Y undo and redo what she typed in that
    box; the report (its last edit on another tab) is left alone (issue 17 item 8). The
    draft's 撤销 is still the menu's, and Ctrl+Z once she is back in the form."""
    window = open_window(qtbot)
    editor = window.editor
    window.editor.focus_field(("title",))
    QTest.keyClicks(QApplication.focusWidget(), "X")  # the last edit of the report
    edited = dump(editor)
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # 替换
    bar = window.edits.find_bar
    ctrl = Qt.KeyboardModifier.ControlModifier
    assert QApplication.focusWidget() is bar.find_edit
    QTest.keyClicks(bar.find_edit, "abc")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)
    assert bar.find_edit.text() == "" and dump(editor) == edited
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, ctrl)
    assert bar.find_edit.text() == "abc" and dump(editor) == edited
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not bar.find_edit
    bar.replace_edit.setFocus()
    QTest.keyClicks(bar.replace_edit, "de")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)
    assert bar.replace_edit.text() == "" and bar.find_edit.text() == "abc"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)  # nothing more: nothing
    assert dump(editor) == edited
    # 全部替换 is one step of the draft's history, undone from the 编辑 menu
    bar.find_edit.setText("强化")
    bar.replace_edit.setText("加强")
    bar.replace_all_button.click()
    assert dump(editor) != edited
    assert "撤销" in bar.replace_all_button.toolTip()
    window.ui.actionUndo.trigger()
    assert dump(editor) == edited
    close_window(window)


def test_replace_one_with_needle_inside_moves_on(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    bar = replace_bar(window, "强化", "强化再强化")
    total = len(find_all(window.report(), "强化"))
    bar.replace_current()  # goes to the first
    for _ in range(total):
        bar.replace_current()
    assert len(find_all(window.report(), "强化再强化")) == total
    close_window(window)


def test_find_bar_follows_another_draft(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.ui.actionFind.trigger()
    bar = window.edits.find_bar
    bar.find_edit.setText("强化")
    other = sample_report()
    other.sections = other.sections[:1]
    window.new_document(other)
    total = len(find_all(window.report(), "强化"))
    assert bar.count_label.text() == f"共 {total} 处"
    bar.find_previous()
    assert selected_text() == "强化"
    close_window(window)


def test_replace_hits_the_selected_match_after_typing(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    editor = window.editor
    bar = replace_bar(window, "强化", "加强")
    bar.find_next()
    bar.find_next()  # the second: 二、强化道德修养
    assert bar.current == 1
    # the user adds a match before it (in the first heading)
    editor.apply_text_edits("t", [(("opening", 0), "强化" + window.report().opening[0])])
    bar.replace_current()
    assert window.report().sections[1].heading == "加强道德修养"
    close_window(window)


def test_a_pasted_line_break_never_reaches_a_replacement(qtbot: QtBot) -> None:
    """A heading or a paragraph holds no line break: the bar's fields are one line each."""
    window = open_window(qtbot)
    bar = replace_bar(window, "强化")
    QApplication.clipboard().setText("加\n强")
    bar.replace_edit.setFocus()
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    bar.replace_all_button.click()
    assert window.report().sections[0].heading == "加强学习意识"
    bar.find_edit.clear()
    bar.find_edit.setFocus()
    QApplication.clipboard().setText("加强\n")
    QTest.keyClick(bar.find_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert bar.find_edit.text() == "加强"
    assert bar.count_label.text() == f"共 {len(find_all(window.report(), '加强'))} 处"
    close_window(window)


def test_enter_walks_the_matches_and_never_edits_the_draft(qtbot: QtBot) -> None:
    """Enter, Enter, Enter in the find field: the next match each time, the focus stays in
    the bar (it used to go to the paragraph, where the second Enter split it); Esc hands the
    focus to the form at the match."""
    window = open_window(qtbot)
    before = window.report().to_json()
    bar = replace_bar(window, "强化")
    total = len(find_all(window.report(), "强化"))
    for n in (1, 2, 3):
        QTest.keyClick(bar.find_edit, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is bar.find_edit
        assert bar.count_label.text() == f"第 {n} / {total} 处"
        assert selected_text() == "强化"  # a heading: a line edit keeps its selection
    assert window.report().to_json() == before
    bar.replace_edit.setText("加强")
    bar.replace_edit.setFocus()
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_Return)  # replaces the third, goes on
    assert QApplication.focusWidget() is bar.replace_edit
    assert len(find_all(window.report(), "强化")) == total - 1
    bar.replace_all_button.setFocus()
    QTest.keyClick(bar.replace_all_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is bar.find_edit  # the button has nothing left to do
    assert find_all(window.report(), "强化") == []
    bar.find_edit.setText("加强")
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Return)
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    focus = QApplication.focusWidget()
    assert focus is not None and window.editor.isAncestorOf(focus)
    assert selected_text() == "加强"
    close_window(window)


@pytest.mark.parametrize("one", [True, False])
def test_find_reaches_and_selects_every_field(qtbot: QtBot, one: bool) -> None:
    """Every searched field (结尾's headings too, written as one paragraph or not) has a
    visible box in the form, and 下一个 selects the match in it."""
    report = sample_report()
    report.closing.one_paragraph = one
    report.closing.shortcomings_heading = "存在不足"
    report.closing.plans_heading = "今后打算"
    report.signature = "张三"
    report.title = "标题"
    report.position = "镇长"
    report.organisation = "某镇"
    report.author_name = "张三"
    paths = [f.path for f in iter_text_fields(report)]
    for p in paths:
        write_path(report, p, read_path(report, p) + "ＱＱ")
    window = make_window(qtbot)
    window.new_document(report)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.ui.actionFind.trigger()
    bar = window.edits.find_bar
    bar.find_edit.setText("ＱＱ")
    bad = []
    for p in paths:
        bar.find_next()
        w = QApplication.focusWidget()
        if selected_text() != "ＱＱ" or w is None or not w.isVisible():
            bad.append((p, selected_text(), type(w).__name__))
    assert bad == []
    close_window(window)
