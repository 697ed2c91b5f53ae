"""Export lands in a findable place, and the message after it says where and whether the
draft itself is saved."""

from __future__ import annotations

import os
from pathlib import Path

from qt_helpers import ScriptedPrompts, close_window, make_window

from nianbao_gui.app.dialogs.export_done import export_done_box
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.paths import EXPORT_FOLDER_NAME, export_home
from nianbao_gui.core.storage import save_draft


def _report() -> Report:
    return Report(
        year=2025,
        author_name="张明华",
        opening=["今年以来，我认真履行职责。"],
        sections=[Section(heading="加强学习", paragraphs=["认真学习党的理论。"])],
    )


def test_first_export_goes_to_the_documents_then_the_last_folder(
    qtbot, tmp_path: Path, seed_text: str
) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    source = usb / "2024年述职报告.txt"
    source.write_text(seed_text, encoding="utf-8")
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.import_path(source)  # the import source must not become the export folder
    chosen = tmp_path / "报送"
    chosen.mkdir()
    prompts.placeholder_answers.extend([True, True])
    prompts.paths.extend([chosen / "第一次.docx", None])
    window.exports.export()
    window.exports.export()
    first, second = prompts.asked("export_path")
    home = export_home()
    assert first.parent == home and home.is_dir() and home.name == EXPORT_FOLDER_NAME
    assert Path(os.environ["NIANBAO_DOCUMENTS_DIR"]) in home.parents
    assert second.parent == chosen
    close_window(window)


def test_the_message_after_export_opens_the_folder(qtbot, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.start_new(_report())
    target = tmp_path / "导出.docx"
    prompts.paths.append(target)
    prompts.export_answers.append("folder")
    assert window.exports.export() == target
    assert prompts.asked("after_export") == [(target, None, False)]
    (url,) = window.open_url.urls
    assert Path(url.toLocalFile()) == tmp_path
    close_window(window)


def test_the_message_offers_to_save_an_unsaved_draft(qtbot, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.start_new(_report(), dirty=True)
    prompts.paths.extend([tmp_path / "导出.docx", tmp_path / "草稿.json"])
    prompts.export_answers.append("save")
    window.exports.export()
    assert (tmp_path / "草稿.json").is_file() and not window.document.dirty
    close_window(window)


def test_the_message_says_plainly_whether_the_draft_is_saved(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "2025年度述职述廉报告（张明华）.docx"
    box, answers = export_done_box(None, path, None, True)
    qtbot.addWidget(box)
    assert str(path) in box.text()
    assert "草稿本身还没有保存" in box.informativeText()
    labels = {button.text() for button in box.buttons()}
    assert {"打开", "打开所在文件夹", "保存草稿", "关闭"} <= labels
    assert sorted(answers.values()) == ["folder", "open", "save"]

    draft = tmp_path / "草稿.json"
    save_draft(_report(), draft)
    saved, answers = export_done_box(None, path, draft, False)
    qtbot.addWidget(saved)
    assert saved.informativeText() == f"草稿已保存：{draft}"
    assert "保存草稿" not in {button.text() for button in saved.buttons()}
    changed, _ = export_done_box(None, path, draft, True)
    qtbot.addWidget(changed)
    assert "有修改还没有保存" in changed.informativeText()


def test_the_message_names_what_was_exported(qtbot) -> None:
    from nianbao_gui.app.dialogs.export_done import export_done_box

    box, _answers = export_done_box(None, Path("报告.pdf"), None, False)
    assert "PDF" in box.text() and "Word" not in box.text() + box.informativeText()
    box, _answers = export_done_box(None, Path("报告.docx"), None, False)
    assert "Word 文档" in box.text()
