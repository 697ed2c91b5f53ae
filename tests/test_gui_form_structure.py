"""Structural edits change only what changed (issue 21 item 4): adding, moving or deleting a
section inserts, moves or removes one tab; a subsection added, moved or deleted touches one
child editor, and a collapsed box stays collapsed. The buttons ask; the editor decides."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from test_gui_form_editor import commit, sample_report

from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.core.settings import Settings


def make_editor(qtbot: QtBot) -> ReportEditor:
    editor = ReportEditor(Settings())
    qtbot.addWidget(editor)
    editor.set_report(sample_report())
    editor.confirm = lambda _text: True
    return editor


def titles(editor: ReportEditor) -> list[str]:
    tabs = editor.tab_widget()
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_moving_a_section_moves_its_tab_and_keeps_the_others(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    first, second, third = editor.section_tabs
    for tab in (first, second, third):
        editor.tab_widget().setCurrentWidget(tab)  # built
    boxes = [tab.editor.heading_edit for tab in (first, second, third)]  # type: ignore[union-attr]
    editor.tab_widget().setCurrentWidget(first)
    QTest.mouseClick(first.right, Qt.MouseButton.LeftButton)
    assert editor.section_tabs == [second, first, third]
    now = [t.editor.heading_edit for t in editor.section_tabs]  # type: ignore[union-attr]
    assert now == [boxes[1], boxes[0], boxes[2]]
    assert titles(editor)[2:5] == ["一、强化道德修养", "二、强化学习意识", "三、强化责任意识"]
    # the moved tab's widgets write to where its section now is
    commit(first.editor.heading_edit, "！")  # type: ignore[union-attr]
    assert editor.report().sections[1].heading == "强化学习意识！"
    commit(second.editor.heading_edit, "？")  # type: ignore[union-attr]
    assert editor.report().sections[0].heading == "强化道德修养？"
    assert not second.left.isEnabled() and first.left.isEnabled()
    editor.undo_stack().undo()
    editor.undo_stack().undo()
    editor.undo_stack().undo()  # the move
    assert editor.section_tabs == [first, second, third]
    assert editor.report().sections[0].heading == "强化学习意识"
    assert titles(editor)[2] == "一、强化学习意识"


def test_adding_and_deleting_a_section_touch_one_tab(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    first, second, third = editor.section_tabs
    editor.tab_widget().setCurrentWidget(second)
    QTest.mouseClick(second.add_after, Qt.MouseButton.LeftButton)
    new = editor.section_tabs[2]
    assert editor.section_tabs == [first, second, new, third]
    assert editor.tab_widget().currentWidget() is new  # its heading is where the cursor is
    assert third.index == 3 and titles(editor)[5] == "四、强化责任意识"
    editor.tab_widget().setCurrentWidget(second)
    QTest.mouseClick(second.remove, Qt.MouseButton.LeftButton)
    assert editor.section_tabs == [first, new, third]
    assert [t.index for t in editor.section_tabs] == [0, 1, 2]
    editor.undo_stack().undo()
    assert len(editor.section_tabs) == 4 and editor.section_tabs[0] is first
    assert editor.report().sections[1].heading == "强化道德修养"


def test_a_collapsed_subsection_stays_collapsed_when_a_sibling_moves(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    tab = editor.section_tabs[2]
    editor.tab_widget().setCurrentWidget(tab)
    assert tab.editor is not None
    politics, civil = tab.editor.children_editors
    civil.set_expanded(False)
    QTest.mouseClick(politics.down, Qt.MouseButton.LeftButton)
    assert tab.editor.children_editors == [civil, politics]  # the same boxes, moved
    assert not civil.is_expanded()
    assert civil.number_label.text() == "（一）" and politics.number_label.text() == "（二）"
    assert civil.children_editors[0].path == ("sections", 2, "children", 0, "children", 0)
    commit(politics.heading_edit, "！")
    assert editor.report().sections[2].children[1].heading == "政法工作。！"
    tab.editor.add_child(0)
    assert tab.editor.children_editors[1:] == [civil, politics] and not civil.is_expanded()
    politics.set_expanded(False)  # (the cursor goes to the heading after a delete: opened)
    QTest.mouseClick(tab.editor.children_editors[0].remove, Qt.MouseButton.LeftButton)
    assert tab.editor.children_editors == [civil, politics] and not politics.is_expanded()
    assert [e.index for e in tab.editor.children_editors] == [1, 2]


def test_the_tab_bars_menu_moves_a_section(qtbot: QtBot) -> None:
    """Right-click on a section's tab → 右移: the same request as the tab's own button."""
    editor = make_editor(qtbot)
    editor.show()
    first, second, third = editor.section_tabs
    bar = editor.tab_widget().tabBar()
    where = bar.tabRect(editor.tab_widget().indexOf(first)).center()
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        chosen.extend(a.text() for a in menu.actions() if a.isEnabled() and a.text())
        item = next(a for a in menu.actions() if a.text() == "右移")
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(item).center())

    QTimer.singleShot(0, choose)
    click = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, bar.mapToGlobal(where))
    QApplication.sendEvent(bar, click)
    assert chosen == ["右移", "在后面新增一级标题", "删除这一部分……"]  # 左移: it is the first
    assert editor.section_tabs == [second, first, third]
