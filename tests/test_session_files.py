"""The 文件 and 导出 commands work on a Session alone (issue 21 item 1): built here with the
form, a status bar and answering prompts, and no main window at all."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenu, QStatusBar
from qt_helpers import ScriptedPrompts, UrlRecorder

from nianbao_gui.app.dialogs.messages import SaveAnswer
from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.app.export.export_actions import ExportActions
from nianbao_gui.app.files.actions import FileActions
from nianbao_gui.app.session import Session
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.settings import load_settings
from nianbao_gui.core.storage import save_draft


def _session(qtbot: Any, prompts: ScriptedPrompts) -> tuple[Session, list[str], QStatusBar]:
    settings = load_settings()
    editor = ReportEditor(settings)
    status = QStatusBar()
    qtbot.addWidget(editor)
    qtbot.addWidget(status)
    session = Session(editor, settings, prompts, status)
    heard: list[str] = []
    for name in ("draft_shown", "saved", "name_changed", "welcome_requested", "example_shown"):
        getattr(session, name).connect(lambda *_args, name=name: heard.append(name))
    return session, heard, status


def test_open_a_draft_edit_it_save_it_and_export_it_with_only_a_session(
    qtbot, tmp_path: Path
) -> None:
    draft = tmp_path / "述职报告.json"
    save_draft(
        Report(
            year=2024,
            title="2024年度述职报告",
            opening=["今年以来，我认真履行职责。"],
            sections=[Section(heading="加强学习", paragraphs=["认真学习党的理论。"])],
        ),
        draft,
    )
    prompts = ScriptedPrompts()
    session, heard, status = _session(qtbot, prompts)
    recent = QMenu()
    files = FileActions(session, recent)
    urls = UrlRecorder()
    exports = ExportActions(session, urls, files.save)

    files.start()  # no recovery, no recent draft: the welcome page is asked for
    assert heard == ["welcome_requested"]
    assert files.open_path(draft)
    assert session.document is not None and session.document.path == draft
    assert session.report().opening == ["今年以来，我认真履行职责。"]
    assert heard[-1] == "draft_shown"
    assert recent.actions()[0].text() == draft.name  # 最近打开 follows

    session.apply_edits("修改", [(("opening", 0), "今年以来，我认真履职尽责。")])
    assert session.document.dirty
    assert files.save()
    assert not session.document.dirty and "saved" in heard

    target = tmp_path / "述职报告.docx"
    prompts.paths.append(target)
    assert exports.export_and_open() == target
    with zipfile.ZipFile(target) as archive:
        assert "认真履职尽责" in archive.read("word/document.xml").decode("utf-8")
    assert [url.toLocalFile() for url in urls.urls] == [str(target)]
    assert status.currentMessage() == f"已导出：{target}"
    assert session.settings.export_folder == str(tmp_path)
    assert prompts.errors == []

    session.apply_edits("再改", [(("title",), "示例之前的标题")])
    prompts.save_answers.append(SaveAnswer.DISCARD)
    files.open_example()  # asks about the unsaved change first, then shows the example
    assert prompts.asked("ask_save_changes") == ["述职报告"]  # the file's name
    assert heard[-2:] == ["draft_shown", "example_shown"]
    assert session.document is not None and session.document.path is None
    session.close_draft()
    assert session.document is None


def test_export_without_a_draft_does_nothing_and_asks_nothing(qtbot) -> None:
    prompts = ScriptedPrompts()
    session, _heard, _status = _session(qtbot, prompts)
    exports = ExportActions(session, UrlRecorder(), lambda: True)
    assert exports.export_word() is None
    assert prompts.calls == []
