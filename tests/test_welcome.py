"""The way in: welcome page, the example that says so, 使用说明, Chinese file dialogs."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel
from qt_helpers import ScriptedPrompts, close_window, make_window

from nianbao_gui.core.model import Report


def test_the_welcome_page_offers_three_ways_in(qtbot) -> None:
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.start()
    welcome = window.start_page.welcome
    assert [button.text() for button in welcome.buttons.values()] == [
        "从去年的报告开始（导入 .docx/.txt）",
        "新建空白报告",
        "看示例",
    ]
    assert not window.editor.isVisibleTo(window)
    prompts.paths.append(None)  # 从去年的报告开始: the import dialog, cancelled
    welcome.buttons["import"].click()
    assert len(prompts.asked("import_path")) == 1 and welcome.isVisibleTo(window)
    prompts.new_reports.append(Report(year=2025))  # 新建空白报告
    welcome.buttons["new"].click()
    assert window.document is not None and window.report().year == 2025
    assert not welcome.isVisibleTo(window) and window.editor.isVisibleTo(window)
    close_window(window)


def test_import_from_the_welcome_page(qtbot, tmp_path: Path, seed_text: str) -> None:
    source = tmp_path / "2024年述职报告.txt"
    source.write_text(seed_text, encoding="utf-8")
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.start()
    prompts.paths.append(source)
    window.start_page.welcome.buttons["import"].click()
    assert window.document is not None and window.document.dirty
    assert window.report().made_from == str(source)
    close_window(window)


def test_the_example_says_it_is_an_example(qtbot) -> None:
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.start()
    window.start_page.welcome.buttons["example"].click()
    banner = window.start_page.banner
    assert banner.isVisibleTo(window) and "示例报告" in banner.label.text()
    prompts.new_reports.append(Report(year=2025))
    window.files.new()  # her own report: the banner goes
    assert not banner.isVisibleTo(window)
    close_window(window)


def test_help_opens_the_chinese_guide(qtbot) -> None:
    from nianbao_gui.app.dialogs.guide import GuideDialog, guide_text

    window = make_window(qtbot)
    actions = [action.text() for action in window.ui.menuHelp.actions()]
    assert actions[0] == "使用说明(&G)" and window.ui.actionGuide.shortcut().toString() == "F1"
    text = guide_text()
    assert text.startswith("# 年报助手 使用说明") and "从去年的报告开始" in text
    dialog = GuideDialog(window)
    qtbot.addWidget(dialog)
    assert "体检" in dialog.browser.toPlainText()
    close_window(window)


def test_qt_file_dialog_is_fully_chinese(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from nianbao_gui.app.main import install_chinese_translations

    assert install_chinese_translations(QApplication.instance())
    dialog = QFileDialog(None, "保存草稿", str(Path.home()), "年报草稿 (*.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert len(labels) >= 3
    # no English words left (Look in, Files of type …); shortcut marks like (&L) are fine
    assert not [text for text in labels if re.search(r"[A-Za-z]{2,}", text)], labels
    dialog.close()


def test_the_new_dialog_mentions_import(qtbot) -> None:
    from nianbao_gui.app.dialogs.new_draft import NewDraftDialog

    dialog = NewDraftDialog()
    qtbot.addWidget(dialog)
    hint = dialog.findChild(QLabel, "importHint")
    assert hint is not None and "从已有报告导入" in hint.text()
