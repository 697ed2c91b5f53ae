"""What the export asks and says: 先去补全 opens the 数据 panel (issue 17 item 11); after a
PDF export one message, not two (item 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from nianbao_gui.app.dialogs.export_done import export_done_box
from nianbao_gui.core.model import Report, Section
from tests.qt_helpers import ScriptedPrompts, close_window, make_window


def _report(*paragraphs: str) -> Report:
    return Report(
        year=2024,
        opening=["今年以来，我认真履行职责。"],
        sections=[Section(heading="加强学习", paragraphs=["认真学习党的理论。", *paragraphs])],
    )


def _shown(qtbot: QtBot, report: Report, prompts: ScriptedPrompts):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, prompts)
    window.new_document(report, "测试")
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.mark.parametrize("opened_before", [False, True])
def test_fill_in_first_opens_the_data_panel(qtbot: QtBot, opened_before: bool) -> None:
    prompts = ScriptedPrompts()
    prompts.placeholder_answers.append(False)  # 先去补全
    window = _shown(qtbot, _report("全年共办理案件**件。"), prompts)
    if opened_before:  # 体检 and 数据 open as tabs; the export's check brings 体检 to the front
        QTest.keyClick(window, Qt.Key.Key_F7)
        QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # 导出 Word
    assert prompts.asked("confirm_placeholders") == [1]
    assert window.check_panel.findings  # 体检 lists them too, in the tab beside
    assert prompts.asked("export_path") == []  # nothing exported
    dock = window.findChild(QDockWidget, "figuresDock")  # built when first shown
    assert dock is not None
    # the 数据 tab is the one in front (Qt moves a tab behind out of sight, still "visible")
    qtbot.waitUntil(lambda: not dock.widget().visibleRegion().isEmpty())
    assert dock.widget().model.rowCount() == 1
    close_window(window)


def test_fill_in_first_without_figures_shows_the_check(qtbot: QtBot) -> None:
    """No figure to fill, an empty paragraph: 先去补全 leaves 体检 in front, which lists it;
    the 数据 panel (nothing for it to list) is not built."""
    prompts = ScriptedPrompts()
    prompts.placeholder_answers.append(False)  # 先去补全
    window = _shown(qtbot, _report(""), prompts)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # 导出 Word
    assert prompts.asked("confirm_placeholders") == [1]
    assert prompts.asked("export_path") == []
    assert window.findChild(QDockWidget, "figuresDock") is None
    assert "empty.paragraph" in [f.code for f in window.check_panel.findings]
    panel = window.check_panel
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())
    close_window(window)


def test_the_message_after_export_has_its_space() -> None:
    box, _answers = export_done_box(None, Path("/tmp/报告.docx"), None, False)
    assert box.text().startswith("已导出 Word 文档：")
    box, _answers = export_done_box(None, Path("/tmp/报告.pdf"), None, False)
    assert box.text().startswith("已导出 PDF 文件：")


def test_a_pdf_export_with_notes_is_one_message(qtbot: QtBot, tmp_path: Path) -> None:
    """The fonts' notes (a character no font has) and 导出完成 were two boxes in a row."""
    prompts = ScriptedPrompts()
    window = _shown(qtbot, _report("认真学习\ue000党的理论。"), prompts)  # a private-use sign
    target = tmp_path / "报告.pdf"
    prompts.paths.append(target)
    assert window.pages.export_pdf() == target
    assert prompts.infos == []  # no message before the one after the export
    assert [path for path, _draft, _dirty in prompts.asked("after_export")] == [target]
    (notes,) = prompts.export_notes
    assert any("所有字体中都没有" in note for note in notes)
    close_window(window)


def test_the_notes_are_in_the_message_after_export() -> None:
    notes = [f"第{n}段：含有 Word 无法保存的字符，已删除。" for n in range(1, 8)]
    box, _answers = export_done_box(None, Path("/tmp/报告.docx"), None, False, notes[:1])
    assert "请注意：\n· 第1段" in box.informativeText() and not box.detailedText()
    assert "草稿本身还没有保存" in box.informativeText()
    box, _answers = export_done_box(None, Path("/tmp/报告.docx"), None, False, notes)
    assert "另有 2 条" in box.informativeText() and "第7段" in box.detailedText()
