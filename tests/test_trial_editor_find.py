"""A hostile trial of the find bar (issue 11): after the text under the selected match changed
shape, 替换 never replaces a match the user was not shown."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from nianbao_gui.core.model import Report, Section
from tests.qt_helpers import close_window, make_window
from tests.test_gui_window_find import replace_bar


def open_report(qtbot: QtBot, report: Report):
    window = make_window(qtbot)
    window.new_document(report, "查找")
    window.show()
    qtbot.waitExposed(window)
    return window


def selected_text(window) -> str:
    """The selection in the form's field that took the focus last (the window need not be
    the active one: earlier tests of a whole run may hold that)."""
    widget = window.editor.focusWidget()
    return widget.textCursor().selectedText() if widget is not None else ""


def two_sections() -> Report:
    return Report(
        year=2024,
        sections=[
            Section(heading="强化学习", paragraphs=["领导带头，工作扎实。"]),
            Section(heading="狠抓落实", paragraphs=["领导重视，成效明显。"]),
        ],
    )


def test_replace_after_the_section_of_the_selected_match_was_deleted(qtbot: QtBot) -> None:
    """The second section's paragraph takes the deleted one's path, with 领导 at the same
    offset: it was never selected, so 替换 first goes to it instead of replacing it."""
    window = open_report(qtbot, two_sections())
    bar = replace_bar(window, "领导", "干部")
    bar.find_next()
    assert bar.count_label.text() == "第 1 / 2 处"
    window.editor.confirm = lambda _text: True
    window.editor.remove_section(0)
    assert bar.count_label.text() == "共 1 处"
    bar.replace_current()
    assert window.report().sections[0].paragraphs == ["领导重视，成效明显。"]
    assert bar.count_label.text() == "第 1 / 1 处" and selected_text(window) == "领导"
    bar.replace_current()  # now shown: replaced
    assert window.report().sections[0].paragraphs == ["干部重视，成效明显。"]
    close_window(window)


def test_typing_behind_the_selected_match_keeps_it_selected(qtbot: QtBot) -> None:
    window = open_report(qtbot, two_sections())
    bar = replace_bar(window, "领导", "干部")
    bar.find_next()
    paragraph = ("sections", 0, "paragraphs", 0)
    window.editor.history.type_text(paragraph, "领导带头，工作扎实。", "领导带头，工作很扎实。")
    assert bar.count_label.text() == "第 1 / 2 处"
    bar.replace_current()
    assert window.report().sections[0].paragraphs == ["干部带头，工作很扎实。"]
    close_window(window)


def test_a_paragraph_deleted_before_the_selected_match_unselects_it(qtbot: QtBot) -> None:
    """Paragraph 2 takes paragraph 1's path; its 领导 is at the same offset."""
    report = Report(
        year=2024,
        sections=[Section(heading="强化学习", paragraphs=["领导带头。", "领导重视。"])],
    )
    window = open_report(qtbot, report)
    bar = replace_bar(window, "领导", "干部")
    bar.find_next()
    window.editor.history.edit("删除段落", [(("sections", 0, "paragraphs"), ["领导重视。"])])
    assert bar.count_label.text() == "共 1 处"
    bar.replace_current()
    assert window.report().sections[0].paragraphs == ["领导重视。"]
    close_window(window)


def test_an_edit_of_another_field_keeps_the_match_selected(qtbot: QtBot) -> None:
    window = open_report(qtbot, two_sections())
    bar = replace_bar(window, "领导", "干部")
    bar.find_next()
    window.editor.history.type_text(("title",), "", "年度述职报告")
    assert bar.count_label.text() == "第 1 / 2 处"
    bar.replace_current()
    assert window.report().sections[0].paragraphs == ["干部带头，工作扎实。"]
    close_window(window)
