"""Hostile trial of the window's file commands (helper trial t4).

- 另存为明年的报告 onto the draft that is open: after “要用张明华的报告替换它吗？” came “草稿正由
  root@vm 打开……请等对方关闭”, about her own window. Next year's report may not replace this
  year's draft (open or copied from the list): said plainly, and the dialog comes again.
- 另存为明年的报告 with unsaved changes answered 取消: next year's draft was written, the window
  stayed on this year's, and nothing said the new file existed.
"""

from __future__ import annotations

from pathlib import Path

from qt_helpers import ScriptedPrompts, close_window, edit_report, make_window

from nianbao_gui.app.dialogs.messages import SaveAnswer
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import load_draft, save_draft


def _report(name: str) -> Report:
    return Report(year=2025, author_name=name, opening=[f"{name}的报告。"])


def test_next_year_may_not_replace_this_years_open_draft(qtbot, tmp_path: Path) -> None:
    mine = tmp_path / "张.json"
    save_draft(_report("张明华"), mine)
    before = mine.read_bytes()
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    assert window.files.open_draft(mine)
    prompts.paths.extend([mine, None])  # she picks this year's draft, then closes the dialog
    window.files.save_as_next_year()
    assert prompts.asked("confirm_replace_draft") == []
    assert len(prompts.asked("save_path")) == 2  # the dialog again after the message
    (error,) = prompts.errors
    assert "本年" in str(error) and "打开" not in str(error)
    assert mine.read_bytes() == before and window.document.path == mine
    close_window(window)


def test_next_year_from_the_list_may_not_replace_the_draft_it_copies(
    qtbot, tmp_path: Path
) -> None:
    mine = tmp_path / "张.json"
    save_draft(_report("张明华"), mine)
    before = mine.read_bytes()
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    prompts.drafts_answers.append(("next_year", mine))
    prompts.paths.extend([mine, None])
    window.files.drafts_list()
    assert prompts.asked("confirm_replace_draft") == [] and len(prompts.errors) == 1
    assert mine.read_bytes() == before
    close_window(window)


def test_next_year_written_but_not_opened_is_said(qtbot, tmp_path: Path) -> None:
    mine = tmp_path / "张.json"
    save_draft(_report("张明华"), mine)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    assert window.files.open_draft(mine)
    edit_report(window, lambda report: setattr(report, "opening", ["改了一句。"]))
    target = tmp_path / "明年.json"
    prompts.paths.append(target)
    prompts.save_answers.append(SaveAnswer.CANCEL)
    window.files.save_as_next_year()
    assert load_draft(target).year == 2026  # written: she asked for it
    assert window.document.path == mine and window.document.dirty
    said = [text for _title, text, _details in prompts.infos]
    assert any(str(target) in text and "没有打开" in text for text in said), said
    assert str(target) in window.settings.recent_files  # where the message says to find it
    prompts.save_answers.append(SaveAnswer.DISCARD)
    close_window(window)


def test_a_name_typed_without_its_extension_is_asked_about_before_replacing(
    qtbot, tmp_path: Path
) -> None:
    # The export dialogs gave back “报告” as typed; the window added .docx (.pdf, .xlsx)
    # after the dialog, whose question about replacing had looked for “报告”: an existing
    # 报告.docx (perhaps edited in Word since) was replaced without a word.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from nianbao_gui.app.dialogs.messages import WORD_FILTER, save_dialog

    mine = tmp_path / "报告.docx"
    mine.write_bytes(b"edited in Word")
    dialog = save_dialog(None, "导出 Word 文档", mine, WORD_FILTER, ".docx")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # offscreen: Qt's own dialog
    qtbot.addWidget(dialog)
    dialog.selectFile("报告")
    asked: list[str] = []

    def answer() -> None:  # the question, wherever it is among the windows
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        shown = [box for box in boxes if box.isVisible()]
        if not shown:
            if not dialog.isHidden():  # not asked yet (and still asking)
                QTimer.singleShot(20, answer)
            return
        asked.append(shown[0].text())
        shown[0].reject()  # 否: keep the file

    QTimer.singleShot(20, answer)
    dialog.show()
    dialog.accept()
    # not accepted: the question came (answered 否; after an earlier test's quit() a nested
    # event loop may end it at once, which is 否 as well); without it accept() returns 报告
    assert dialog.result() == 0 and all("报告.docx" in text for text in asked)
    assert dialog.selectedFiles() == [str(mine)] and mine.read_bytes() == b"edited in Word"
