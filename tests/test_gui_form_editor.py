"""The report editor: every kind of field edits the live model, tabs follow the sections,
structural changes keep the model the single source of truth, focus_field selects text."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QInputMethodEvent, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.report_editor import ReportEditor, exact_total
from nianbao_gui.app.tabs.section_tab import SectionTab
from nianbao_gui.app.widgets.look import ERROR_COLOR
from nianbao_gui.core.model import Closing, Report, ReportKind, Section
from nianbao_gui.core.outline import char_count, outline_text
from nianbao_gui.core.settings import FontChoice, Settings


def sample_report() -> Report:
    """Shaped like the seed: opening, sections with run-in subsections, a one-paragraph close."""
    return Report(
        kind=ReportKind.SHUZHI_SHULIAN,
        year=2022,
        opening=["2022年，在镇党委、政府的正确领导下……现将一年来的工作汇报如下："],
        sections=[
            Section(heading="强化学习意识", paragraphs=["我始终把讲政治摆在首位。", "紧抓业务。"]),
            Section(heading="强化道德修养", paragraphs=["今年以来，我对农村有了更深的认识。"]),
            Section(
                heading="强化责任意识",
                paragraphs=["在工作中，我时刻与镇党委保持一致。"],
                children=[
                    Section(heading="政法工作。", run_in=True, paragraphs=["一是推进治理。"]),
                    Section(
                        heading="民政工作。",
                        run_in=True,
                        paragraphs=["做好低保工作。"],
                        children=[Section(heading="救助", paragraphs=["救助对象**人。"])],
                    ),
                ],
            ),
        ],
        closing=Closing(
            other_work=["在做好本职工作的同时，完成其他工作。"],
            shortcomings_intro="但也存在不足，主要表现在：",
            shortcomings=["理论学习不深", "检查督促少"],
            plans=["在今后的工作中，我将更加努力。"],
            one_paragraph=True,
        ),
    )


def commit(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method commits it (keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def sample_editor(qtbot: QtBot) -> ReportEditor:
    """The sample report in a 900×700 form (not shown) whose questions are answered yes."""
    widget = ReportEditor(Settings())
    qtbot.addWidget(widget)
    widget.confirm = lambda text: True
    widget.set_report(sample_report())
    widget.resize(900, 700)
    return widget


@pytest.fixture
def editor(qtbot: QtBot) -> ReportEditor:
    return sample_editor(qtbot)


def tab_texts(editor: ReportEditor) -> list[str]:
    tabs = editor.tab_widget()
    return [tabs.tabText(i) for i in range(tabs.count())]


def open_section(editor: ReportEditor, index: int) -> SectionTab:
    tab = editor.section_tabs[index]
    editor.tab_widget().setCurrentWidget(tab)
    assert tab.built and tab.editor is not None
    return tab


def test_tabs_in_chinese(editor: ReportEditor) -> None:
    assert tab_texts(editor) == [
        "基本信息",
        "开篇",
        "一、强化学习意识",
        "二、强化道德修养",
        "三、强化责任意识",
        "结尾",
    ]


def test_set_report_emits_no_changed(qtbot: QtBot, editor: ReportEditor) -> None:
    changes: list[int] = []
    editor.changed.connect(lambda: changes.append(1))
    open_section(editor, 2)
    editor.set_report(sample_report())
    editor.tab_widget().setCurrentIndex(5)
    editor.set_report(Report(sections=[Section(heading="唯一")]))
    assert changes == []
    assert "一、唯一" in tab_texts(editor)


def test_basic_fields_edit_the_model(qtbot: QtBot, editor: ReportEditor) -> None:
    report = editor.report()
    basic = editor.basic
    changes: list[int] = []
    editor.changed.connect(lambda: changes.append(1))
    commit(basic.author_name, "张三")
    commit(basic.title_edit, "述职报告")
    assert report.author_name == "张三" and report.title == "述职报告"

    assert basic.title_edit.placeholderText() == "2022年度述职述廉报告"
    basic.kind.setCurrentIndex(basic.kind.findData(ReportKind.ZONGJIE.value))
    assert report.kind is ReportKind.ZONGJIE
    basic.year.setText("2025")
    basic.year.textEdited.emit("2025")
    assert report.year == 2025
    assert basic.title_edit.placeholderText() == "2025年度工作总结"

    basic.show_author_line.setChecked(True)
    assert report.show_author_line is True
    basic.date.check.setChecked(True)
    basic.date.date_edit.setDate(dt.date(2025, 1, 5))
    assert report.date == dt.date(2025, 1, 5)
    basic.date.check.setChecked(False)
    assert report.date is None
    assert len(changes) >= 7


def test_bad_year_shows_a_red_chinese_message(editor: ReportEditor) -> None:
    basic = editor.basic
    basic.year.setText("3000")
    basic.year.textEdited.emit("3000")
    assert editor.report().year == 2022
    assert not basic.year_error.isHidden()
    assert "年份应在 1949 到 2200 之间" in basic.year_error.text()
    assert "year" not in basic.year_error.text()
    assert basic.year_error.palette().color(QPalette.ColorRole.WindowText) == ERROR_COLOR
    basic.year.setText("2023")
    basic.year.textEdited.emit("2023")
    assert basic.year_error.isHidden() and editor.report().year == 2023


def test_font_settings_emit_settings_changed(qtbot: QtBot) -> None:
    settings = Settings()
    editor = ReportEditor(settings)
    qtbot.addWidget(editor)
    changes: list[int] = []
    editor.changed.connect(lambda: changes.append(1))
    with qtbot.waitSignal(editor.settings_changed, timeout=1000):
        editor.basic.fonts.setCurrentIndex(editor.basic.fonts.findData("windows"))
    assert settings.fonts is FontChoice.WINDOWS
    with qtbot.waitSignal(editor.settings_changed, timeout=1000):
        editor.basic.level3_bold.setChecked(True)
    assert settings.level3_bold is True
    assert changes == []  # the report did not change


def test_heading_edit_renames_the_tab_live(editor: ReportEditor) -> None:
    tab = open_section(editor, 1)
    assert tab.editor is not None
    commit(tab.editor.heading_edit, "，时刻牢记宗旨")
    assert editor.report().sections[1].heading == "强化道德修养，时刻牢记宗旨"
    assert tab_texts(editor)[3] == "二、强化道德修养，时刻牢记宗旨"


def test_paragraphs_and_nested_subsections(editor: ReportEditor) -> None:
    tab = open_section(editor, 2)
    assert tab.editor is not None
    section = editor.report().sections[2]
    tab.editor.paragraphs.rows[0].editor.setPlainText("新的第一段")
    assert section.paragraphs == ["新的第一段"]

    second = tab.editor.children_editors[1]
    assert second.number_label.text() == "（二）"
    commit(second.heading_edit, "再改")
    assert section.children[1].heading == "民政工作。再改"
    second.run_in.setChecked(False)
    assert section.children[1].run_in is False
    fourth_parent = second.children_editors[0]
    assert fourth_parent.number_label.text() == "1．"
    fourth_parent.paragraphs.rows[0].editor.setPlainText("救助对象**人，发放**万元。")
    assert section.children[1].children[0].paragraphs == ["救助对象**人，发放**万元。"]

    fourth_parent.add_child()
    level4 = fourth_parent.children_editors[0]
    assert level4.number_label.text() == "（1）"
    assert level4.add_child_button is None  # four levels at most
    commit(level4.heading_edit, "第四级")
    assert section.children[1].children[0].children[0].heading == "第四级"


def test_subsections_add_remove_move_renumber(editor: ReportEditor) -> None:
    tab = open_section(editor, 2)
    assert tab.editor is not None
    section = editor.report().sections[2]
    tab.editor.add_child()
    assert [c.heading for c in section.children] == ["政法工作。", "民政工作。", ""]
    assert [e.number_label.text() for e in tab.editor.children_editors] == [
        "（一）",
        "（二）",
        "（三）",
    ]
    tab.editor.move_child(0, 1)
    assert [c.heading for c in section.children] == ["民政工作。", "政法工作。", ""]
    assert tab.editor.children_editors[0].heading_edit.text() == "民政工作。"
    assert tab.editor.children_editors[0].children_editors[0].heading_edit.text() == "救助"
    # typing after a move edits the moved section, not the one that was there before
    commit(tab.editor.children_editors[1].heading_edit, "好")
    assert section.children[1].heading == "政法工作。好"
    tab.editor.remove_child(0)
    assert [c.heading for c in section.children] == ["政法工作。好", ""]
    assert tab.editor.children_editors[0].number_label.text() == "（一）"


def test_removing_a_subsection_can_be_refused(editor: ReportEditor) -> None:
    tab = open_section(editor, 2)
    assert tab.editor is not None
    asked: list[str] = []
    editor.confirm = lambda text: asked.append(text) or False
    tab.editor.remove_child(0)
    assert len(editor.report().sections[2].children) == 2
    assert asked and "（一）政法工作。" in asked[0]


def test_sections_add_remove_move(editor: ReportEditor) -> None:
    report = editor.report()
    changes: list[int] = []
    editor.changed.connect(lambda: changes.append(1))
    editor.add_section()
    assert len(report.sections) == 4
    assert tab_texts(editor)[5] == "四、（未填标题）"
    assert editor.tab_widget().currentWidget() is editor.section_tabs[3]
    new = editor.section_tabs[3].editor
    assert new is not None
    commit(new.heading_edit, "强化廉洁意识")
    assert tab_texts(editor)[5] == "四、强化廉洁意识"

    editor.move_section(3, -3)
    assert report.sections[0].heading == "强化廉洁意识"
    assert tab_texts(editor)[2:6] == [
        "一、强化廉洁意识",
        "二、强化学习意识",
        "三、强化道德修养",
        "四、强化责任意识",
    ]
    assert editor.tab_widget().currentWidget() is editor.section_tabs[0]

    editor.remove_section(1)
    assert [s.heading for s in report.sections] == ["强化廉洁意识", "强化道德修养", "强化责任意识"]
    assert tab_texts(editor)[2:5] == ["一、强化廉洁意识", "二、强化道德修养", "三、强化责任意识"]
    assert len(changes) >= 4


def test_remove_section_asks_and_can_be_cancelled(editor: ReportEditor) -> None:
    asked: list[str] = []
    editor.confirm = lambda text: asked.append(text) or False
    editor.remove_section(0)
    assert len(editor.report().sections) == 3
    assert "一、强化学习意识" in asked[0]


def test_opening_and_closing(editor: ReportEditor) -> None:
    report = editor.report()
    editor.opening.ensure_built()
    editor.opening.paragraphs.insert_item(1)
    editor.opening.paragraphs.rows[1].editor.setPlainText("第二段开篇")
    assert report.opening[1] == "第二段开篇"

    closing = editor.closing
    editor.tab_widget().setCurrentWidget(closing)
    assert closing.preview.text() == "但也存在不足，主要表现在：一是理论学习不深；二是检查督促少。"
    closing.shortcomings.insert_item(2)
    closing.shortcomings.rows[2].editor.setPlainText("调查研究不够；")
    assert report.closing.shortcomings == ["理论学习不深", "检查督促少", "调查研究不够；"]
    assert closing.preview.text().endswith("三是调查研究不够。")
    assert [row.title_label.text() for row in closing.shortcomings.rows] == ["一是", "二是", "三是"]
    closing.shortcomings.move_item(2, -2)
    assert report.closing.shortcomings[0] == "调查研究不够；"
    assert closing.preview.text().startswith("但也存在不足，主要表现在：一是调查研究不够；")
    closing.shortcomings.remove_item(1)
    assert report.closing.shortcomings == ["调查研究不够；", "检查督促少"]

    commit(closing.shortcomings_heading, "存在的不足")
    commit(closing.plans_heading, "今后打算")
    closing.plans.rows[0].editor.setPlainText("继续努力。")
    closing.other_work.remove_item(0)
    closing.one_paragraph.setChecked(False)
    assert report.closing.shortcomings_heading == "存在的不足"
    assert report.closing.plans_heading == "今后打算"
    assert report.closing.plans == ["继续努力。"]
    assert report.closing.other_work == []
    assert report.closing.one_paragraph is False


def test_counts(qtbot: QtBot, editor: ReportEditor) -> None:
    report = editor.report()
    assert editor.total_chars() == exact_total(report)
    assert f"全文共 {editor.total_chars()} 字" in outline_text(report)
    tab = open_section(editor, 0)
    assert tab.editor is not None
    row = tab.editor.paragraphs.rows[0]
    before = editor.shown_total
    with qtbot.waitSignal(editor.counts_changed, timeout=1000) as signal:
        row.editor.setPlainText(row.editor.toPlainText() + "新增五个字")
    assert signal.args == [before + 5]
    assert row.count_label.text() == f"{char_count(report.sections[0].paragraphs[0])} 字"
    assert tab.count == sum(
        char_count(t) for t in [report.sections[0].heading, *report.sections[0].paragraphs]
    )
    assert f"本页 {tab.count} 字" in tab.footer.text()
    assert f"{tab.count} 字" in editor.tab_widget().tabToolTip(2)
    # the exact recount (heading numbers, 一是…) follows once typing pauses
    editor.closing.ensure_built()
    editor.closing.shortcomings.insert_item(2, "新")
    assert editor.shown_total == editor.total_chars() == exact_total(report)


def test_focus_field_selects_the_range(editor: ReportEditor) -> None:
    editor.show()
    path = ("sections", 2, "children", 1, "children", 0, "paragraphs", 0)
    tab = editor.section_tabs[2]
    assert editor.focus_field(path, 0, 2)
    assert editor.tab_widget().currentWidget() is tab
    assert tab.editor is not None
    target = tab.editor.children_editors[1].children_editors[0]
    edit = target.paragraphs.rows[0].editor
    assert edit.textCursor().selectedText() == "救助"
    assert editor.window().focusWidget() is edit

    target.set_expanded(False)
    tab.editor.children_editors[1].set_expanded(False)
    assert tab.editor.children_editors[1].summary.text() == "（已收起：2 段，15 字，1 个下级标题）"
    assert editor.focus_field(("sections", 2, "children", 1, "heading"), 2, 4)
    assert tab.editor.children_editors[1].is_expanded()
    assert tab.editor.children_editors[1].heading_edit.selectedText() == "工作"

    assert editor.focus_field(("title",), 0, 0)
    assert editor.tab_widget().currentWidget() is editor.basic
    assert editor.focus_field(("closing", "shortcomings", 1), 2, 4)
    row = editor.closing.shortcomings.rows[1].editor
    assert row.textCursor().selectedText() == "督促"
    assert editor.focus_field(("opening", 0), 0, 5)
    assert editor.opening.paragraphs.rows[0].editor.textCursor().selectedText() == "2022年"
    assert not editor.focus_field(("sections", 9, "heading"))
    assert not editor.focus_field(("nonsense",))


def test_focus_field_counts_characters_beyond_the_bmp(editor: ReportEditor) -> None:
    editor.report().opening[0] = "𠀀好的开篇"  # one code point, two UTF-16 units
    editor.refresh()
    assert editor.focus_field(("opening", 0), 1, 3)
    edit = editor.opening.paragraphs.rows[0].editor
    assert edit.textCursor().selectedText() == "好的"


def test_refresh_after_an_outside_change(editor: ReportEditor) -> None:
    tab = open_section(editor, 2)
    changes: list[int] = []
    editor.changed.connect(lambda: changes.append(1))
    report = editor.report()
    report.sections[2].paragraphs[0] = "体检修改后的段落"
    report.sections[2].children[0].heading = "政法工作"
    report.title = "新标题"
    editor.refresh()
    assert tab.editor is not None
    assert tab.editor.paragraphs.rows[0].editor.toPlainText() == "体检修改后的段落"
    assert tab.editor.children_editors[0].heading_edit.text() == "政法工作"
    assert editor.basic.title_edit.text() == "新标题"
    assert editor.tab_widget().currentWidget() is tab  # the current tab is kept

    report.sections.append(Section(heading="外部新增"))
    report.sections[2].children.pop()
    editor.refresh()
    assert tab_texts(editor)[5] == "四、外部新增"
    current = editor.tab_widget().currentWidget()
    assert isinstance(current, SectionTab) and current.index == 2
    assert current.editor is not None and len(current.editor.children_editors) == 1
    assert changes == []
    assert editor.shown_total == exact_total(report)


def test_enter_splits_a_paragraph(qtbot: QtBot, editor: ReportEditor) -> None:
    from PySide6.QtCore import Qt

    tab = open_section(editor, 0)
    assert tab.editor is not None
    edit = tab.editor.paragraphs.rows[0].editor
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(3)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert editor.report().sections[0].paragraphs == ["我始终", "把讲政治摆在首位。", "紧抓业务。"]
    assert [r.title_label.text() for r in tab.editor.paragraphs.rows][:3] == [
        "第1段",
        "第2段",
        "第3段",
    ]


def test_only_text_widgets_are_used(editor: ReportEditor) -> None:
    for page in editor._pages():
        page.ensure_built()
    edits = editor.findChildren(QLineEdit) + editor.findChildren(QPlainTextEdit)
    assert len(edits) > 20


def test_backspace_at_the_start_joins_paragraphs(qtbot: QtBot, editor: ReportEditor) -> None:
    from PySide6.QtCore import Qt

    tab = open_section(editor, 0)
    assert tab.editor is not None
    edit = tab.editor.paragraphs.rows[1].editor
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert editor.report().sections[0].paragraphs == ["我始终把讲政治摆在首位。紧抓业务。"]
    joined = tab.editor.paragraphs.rows[0].editor
    assert joined.textCursor().position() == len("我始终把讲政治摆在首位。")


def test_pasting_several_lines_makes_several_paragraphs(editor: ReportEditor) -> None:
    from PySide6.QtCore import QMimeData

    tab = open_section(editor, 1)
    assert tab.editor is not None
    edit = tab.editor.paragraphs.rows[0].editor
    cursor = edit.textCursor()
    cursor.setPosition(4)
    edit.setTextCursor(cursor)
    data = QMimeData()
    data.setText("甲段\r\n\r\n乙段\n丙段")
    edit.insertFromMimeData(data)
    assert editor.report().sections[1].paragraphs == [
        "今年以来甲段",
        "乙段",
        "丙段，我对农村有了更深的认识。",
    ]
    # one paragraph broken into lines elsewhere (a single line after cleaning) stays one
    single = QMimeData()
    single.setText("丁\n")
    edit = tab.editor.paragraphs.rows[0].editor
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.insertFromMimeData(single)
    assert editor.report().sections[1].paragraphs[0] == "今年以来甲段丁"


def test_refresh_keeps_the_tab_and_the_scroll_position(qtbot: QtBot, editor: ReportEditor) -> None:
    editor.resize(700, 400)
    editor.show()
    tab = open_section(editor, 2)
    bar = tab.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    value = bar.value()
    assert value > 0
    editor.report().sections[2].paragraphs[0] = "改过"
    editor.refresh()
    qtbot.wait(50)
    assert editor.tab_widget().currentWidget() is tab
    assert bar.value() == value
    # a structural change rebuilds the section tabs; the new page scrolls to the same place
    editor.report().sections[2].children[0].children.append(
        Section(heading="新增", paragraphs=["x"])
    )
    editor.refresh()
    new = editor.tab_widget().currentWidget()
    assert isinstance(new, SectionTab) and new is not tab and new.index == 2
    new_bar = new.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: new_bar.value() == value)
