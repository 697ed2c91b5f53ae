"""The welcome page has no draft: what would act on one is greyed out, and the 体检 panel (left
open last time) says why it is empty (issue 17 item 12)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from nianbao_gui.core.model import Report, Section
from tests.qt_helpers import ScriptedPrompts, close_window, make_window

# what works with no draft open: start one, find one, leave, help
WITHOUT_A_DRAFT = {
    "新建(&N)…",
    "打开(&O)…",
    "草稿列表(&L)…",
    "从已有报告导入(&I)…",
    "退出(&X)",
    "打开数据文件夹(&D)",
    "关于年报助手(&A)",
    "使用说明(&G)",
}


def _welcome(qtbot: QtBot, prompts: ScriptedPrompts | None = None, *, panel_open: bool = False):  # type: ignore[no-untyped-def]
    if panel_open:  # the 体检 dock left open in the last session
        first = make_window(qtbot)
        first.files.open_example()
        first.checks.run()
        first.show()
        qtbot.waitExposed(first)
        close_window(first)  # saves the window state
    window = make_window(qtbot, prompts)
    window.files.start()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_on_the_welcome_page_only_what_needs_no_draft_is_enabled(qtbot: QtBot) -> None:
    window = _welcome(qtbot)
    enabled = {
        action.text()
        for action in window.findChildren(QAction)
        if action.isEnabled() and action.text() and action.menu() is None
    }
    assert enabled == WITHOUT_A_DRAFT
    fired: list[bool] = []
    window.ui.actionSave.triggered.connect(lambda *_: fired.append(True))
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert fired == [] and window.prompts.calls == []
    close_window(window)


def test_the_check_panel_says_why_it_is_empty_and_follows_a_new_draft(qtbot: QtBot) -> None:
    prompts = ScriptedPrompts()
    window = _welcome(qtbot, prompts, panel_open=True)
    assert window.ui.checkDock.isVisible() and window.document is None
    panel = window.check_panel
    assert "还没有打开报告" in panel.summary.text()
    assert not window.ui.actionCheck.isEnabled()
    assert not panel.recheck_button.isEnabled() and not panel.fix_all_button.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_F7)
    assert panel.findings == []
    prompts.new_reports.append(
        Report(year=2025, sections=[Section(heading="学习", paragraphs=["完成**件。"])])
    )
    window.start_page.welcome.buttons["new"].click()  # 新建空白报告
    assert window.ui.actionCheck.isEnabled() and panel.recheck_button.isEnabled()
    assert "还没有打开报告" not in panel.summary.text()
    QTest.mouseClick(panel.recheck_button, Qt.MouseButton.LeftButton)  # 重新体检
    assert panel.findings
    close_window(window)
