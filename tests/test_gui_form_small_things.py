"""The small things of issue 11: a new heading is written like its siblings (同段), Tab goes
from paragraph to paragraph, delete questions say where and what, zoom changes the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.app.widgets.look import set_text_zoom
from nianbao_gui.core.model import Section
from nianbao_gui.core.settings import Settings
from tests.test_gui_form_editor import open_section, sample_report


def make_editor(qtbot: QtBot) -> tuple[ReportEditor, list[str]]:
    editor = ReportEditor(Settings())
    qtbot.addWidget(editor)
    asked: list[str] = []
    editor.confirm = lambda text: asked.append(text) or True
    editor.set_report(sample_report())
    editor.resize(900, 700)
    editor.show()
    return editor, asked


def test_a_new_heading_takes_its_siblings_run_in_setting(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    tab = open_section(editor, 2)
    assert tab.editor is not None
    assert all(child.run_in for child in editor.report().sections[2].children)
    tab.editor.add_child()
    assert editor.report().sections[2].children[-1].run_in
    assert tab.editor.children_editors[-1].run_in.isChecked()
    # below a heading whose children are not run-in, a new one is not either
    sub = tab.editor.children_editors[1]
    sub.add_child()
    assert editor.report().sections[2].children[1].children[-1].run_in is False


def test_a_new_section_is_written_like_its_neighbours(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    report = editor.report()
    run_in = [Section(heading=s.heading, run_in=True) for s in report.sections]
    editor.history.edit("同段", [(("sections",), run_in)])
    editor.add_section()
    assert editor.report().sections[-1].run_in is True


def test_tab_goes_from_paragraph_to_paragraph(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    tab = open_section(editor, 0)
    assert tab.editor is not None
    rows = tab.editor.paragraphs.rows
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    rows[0].editor.setFocus()
    assert QApplication.focusWidget() is rows[0].editor
    QTest.keyClick(rows[0].editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is rows[1].editor
    # the rows' 上移/下移/删除 buttons are not in the way
    for row in rows:
        for button in (row.up, row.down, row.remove):
            assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_delete_question_names_the_place_and_quotes_the_text(qtbot: QtBot) -> None:
    editor, asked = make_editor(qtbot)
    tab = open_section(editor, 2)
    assert tab.editor is not None
    tab.editor.children_editors[0].paragraphs.rows[0].remove.click()
    assert "三、强化责任意识 › （一）政法工作。" in asked[-1]
    assert "第1段" in asked[-1] and "“一是推进治理。”" in asked[-1]
    tab.editor.children_editors[1].remove.click()
    assert "（二）民政工作。" in asked[-1] and "“做好低保工作。”" in asked[-1]
    open_section(editor, 0).remove.click()
    assert "一、强化学习意识" in asked[-1] and "“我始终把讲政治摆在首位。”" in asked[-1]
    editor.tab_widget().setCurrentWidget(editor.opening)
    editor.opening.paragraphs.rows[0].remove.click()
    assert asked[-1].startswith("确定删除开篇的第1段吗？") and "……”" in asked[-1]


def test_zoom_makes_the_paragraph_text_larger_and_back(qtbot: QtBot) -> None:
    editor, _ = make_editor(qtbot)
    box = open_section(editor, 0).editor.paragraphs.rows[0].editor  # type: ignore[union-attr]
    size = box.font().pointSizeF()
    try:
        assert editor.zoom(1) > 1.0
        assert box.font().pointSizeF() > size
        # a paragraph made after the zoom has the zoomed size too
        open_section(editor, 1)
        later = editor.section_tabs[1].editor.paragraphs.rows[0].editor  # type: ignore[union-attr]
        assert later.font().pointSizeF() > size
        assert editor.zoom(0) == 1.0
        assert box.font().pointSizeF() == size
    finally:
        set_text_zoom(1.0)
