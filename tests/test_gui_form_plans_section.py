"""A section that holds next year's plans (issue 17 item 3) in the form: its tab shows and
toggles the mark, and the 结尾 tab does not claim nothing is written when the plans (and
perhaps the 不足) live in that section."""

from __future__ import annotations

from conftest import REPO
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.core.importer import import_report
from nianbao_gui.core.settings import Settings

FIXTURES = REPO / "tests" / "fixtures" / "import"


def shown_editor(qtbot: QtBot, name: str) -> ReportEditor:
    editor = ReportEditor(Settings())
    qtbot.addWidget(editor)
    editor.confirm = lambda text: True
    editor.set_report(import_report(FIXTURES / name).report)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_the_plans_section_is_marked_and_the_closing_says_where_the_plans_are(
    qtbot: QtBot,
) -> None:
    editor = shown_editor(qtbot, "shortcomings-and-plans-subsections.txt")
    tab = editor.section_tabs[2]
    editor.tab_widget().setCurrentWidget(tab)
    assert tab.holds_plans.isChecked()
    assert [c.heading for c in editor.report().sections[2].children] == [
        "壮大集体经济",
        "改善人居环境",
    ]

    editor.tab_widget().setCurrentWidget(editor.closing)
    shortcomings = editor.closing.shortcomings.empty_label
    plans = editor.closing.plans.empty_label
    assert shortcomings.isVisible() and plans.isVisible()
    assert "还没有填写" not in shortcomings.text()
    assert "“三、存在的不足和下一步打算”" in shortcomings.text()
    assert plans.text() == "今后打算写在正文的“三、存在的不足和下一步打算”中，这里不必再填。"

    # she unticks the mark: an ordinary section again, and the closing's lists are just empty
    editor.tab_widget().setCurrentWidget(tab)
    box = tab.holds_plans
    QTest.mouseClick(
        box, Qt.MouseButton.LeftButton, pos=QPoint(box.height() // 2, box.height() // 2)
    )
    assert not editor.report().sections[2].holds_plans
    editor.tab_widget().setCurrentWidget(editor.closing)
    assert shortcomings.text() == "还没有填写不足。"
    assert plans.text() == "还没有填写今后打算。"
