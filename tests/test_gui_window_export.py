"""Import and export from the window, the 体检 before export, and the 体检 dock."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from qt_helpers import ScriptedPrompts, close_window, edit_report, make_window

from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.settings import FontChoice, load_settings
from nianbao_gui.core.storage import save_draft


def clean_report() -> Report:
    return Report(
        year=2024,
        opening=["今年以来，我认真履行职责。"],
        sections=[Section(heading="加强学习", paragraphs=["认真学习党的理论。"])],
    )


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_import_from_the_menu(qtbot, tmp_path: Path, seed_text: str) -> None:
    source = tmp_path / "2022年述职述廉报告.txt"
    source.write_text(seed_text, encoding="utf-8")
    prompts = ScriptedPrompts()
    prompts.paths.append(source)
    window = make_window(qtbot, prompts)
    window.ui.actionImport.trigger()
    assert prompts.errors == []
    assert window.document.display_name() == "2022年述职述廉报告"
    assert window.document.dirty and window.isWindowModified()
    assert len(window.report().sections) >= 3
    assert window.settings.last_folder == str(tmp_path)
    assert load_settings().last_folder == str(tmp_path)  # saved by the settings themselves
    close_window(window)


def test_export_settings_changed_in_the_form_are_saved_at_once(qtbot) -> None:
    window = make_window(qtbot)
    basic = window.editor.basic
    basic.fonts.setCurrentIndex(basic.fonts.findData("windows"))
    basic.level3_bold.setChecked(True)
    saved = load_settings()  # what the next start (or the command line) reads
    assert (saved.fonts, saved.level3_bold) == (FontChoice.WINDOWS, True)
    close_window(window)


def test_a_failed_import_is_a_chinese_message(qtbot, tmp_path: Path) -> None:
    source = tmp_path / "坏的.docx"
    source.write_bytes(b"not a zip file at all")
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    assert not window.files.import_path(source)
    (error,) = prompts.errors
    assert error.what and error.todo
    assert window.document is None
    close_window(window)


def test_export_writes_a_docx_after_a_check(qtbot, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    target = tmp_path / "导出.docx"
    prompts.paths.append(target)
    window = make_window(qtbot, prompts)
    window.new_document(clean_report(), "新报告")
    assert window.exports.export() == target
    assert "认真学习党的理论" in docx_text(target)
    assert window.check_panel.findings is not None  # the 体检 ran first
    assert not window.ui.checkDock.isHidden()
    assert window.open_url.urls == []
    close_window(window)


def test_export_and_open_opens_the_document(qtbot, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    target = tmp_path / "打开.docx"
    prompts.paths.append(target)
    window = make_window(qtbot, prompts)
    window.new_document(clean_report(), "新报告")
    window.ui.actionExportOpen.trigger()
    assert target.is_file()
    (url,) = window.open_url.urls
    assert Path(url.toLocalFile()) == target
    close_window(window)


@pytest.mark.parametrize("go_on", [False, True])
def test_export_asks_when_placeholders_are_left(qtbot, tmp_path: Path, go_on: bool) -> None:
    report = clean_report()
    report.sections[0].paragraphs.append("全年共办理案件**件。")
    prompts = ScriptedPrompts()
    prompts.placeholder_answers.append(go_on)
    target = tmp_path / "有占位符.docx"
    if go_on:
        prompts.paths.append(target)
    window = make_window(qtbot, prompts)
    window.new_document(report, "新报告")
    window.exports.export()
    (count,) = prompts.asked("confirm_placeholders")
    assert count >= 1
    assert target.exists() is go_on
    assert window.check_panel.findings  # the findings are listed in the dock
    close_window(window)


def test_a_locked_output_file_is_a_message_not_a_crash(qtbot, tmp_path: Path, monkeypatch):
    target = tmp_path / "被WPS打开.docx"
    target.write_bytes(b"old")
    prompts = ScriptedPrompts()
    prompts.paths.append(target)
    window = make_window(qtbot, prompts)
    window.new_document(clean_report(), "新报告")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    assert window.exports.export() is None
    monkeypatch.undo()
    (error,) = prompts.errors
    assert "被WPS打开.docx" in error.what and error.todo
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob("*.tmp"))
    close_window(window)


def test_a_failed_save_is_a_message_and_the_draft_stays_dirty(qtbot, tmp_path, monkeypatch):
    draft = tmp_path / "d.json"
    save_draft(clean_report(), draft)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.open_path(draft)
    edit_report(window, lambda r: setattr(r, "title", "新"))

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    assert not window.files.save()
    monkeypatch.undo()
    (error,) = prompts.errors
    assert error.what and error.todo
    assert window.document.dirty and window.isWindowModified()
    close_window(window)


def test_check_panel_lists_findings_and_leads_to_the_field(qtbot) -> None:
    report = clean_report()
    report.opening = ["今年以来，,我认真履行职责。"]
    window = make_window(qtbot)
    window.new_document(report, "新报告")
    focused: list[tuple[object, int, int]] = []
    window.check_panel.focus_requested.connect(lambda p, s, e: focused.append((p, s, e)))
    window.ui.actionCheck.trigger()
    tree = window.check_panel.tree
    rows = window.check_panel.finding_items()
    assert rows and tree.topLevelItemCount() >= 1  # findings grouped under categories
    item = next(row for row in rows if row.data(0, 256).path == ("opening", 0))
    # the message, then the text around the finding and the place
    assert (
        item.text(0)
        == "标点重复“，,”，应为一个“，”\n〔今年以来【，,】我认真履行职责…〕\n开篇 · 第1段"
    )
    assert "开篇 · 第1段" in item.toolTip(0)
    tree.itemClicked.emit(item, 0)
    assert focused[-1] == (("opening", 0), 4, 6)
    close_window(window)


def test_fix_all_changes_the_model_refreshes_and_rechecks(qtbot) -> None:
    report = clean_report()
    report.opening = ["\u00a0今年以来，,我认真履行职责。"]
    window = make_window(qtbot)
    window.new_document(report, "新报告")
    window.checks.run()
    before = len(window.check_panel.findings)
    count_before = window.count_label.text()
    assert window.check_panel.fix_all_button.isEnabled()
    window.check_panel.fix_all_button.click()
    assert window.report().opening[0] == "今年以来，我认真履行职责。"
    assert len(window.check_panel.findings) < before
    assert window.check_panel.notice.text().startswith("已修复 2 处：开篇 · 第1段 ")
    # the status bar's total follows the fixed text
    assert window.count_label.text() == f"全文 {window.editor.total_chars()} 字" != count_before
    assert window.document.dirty  # a fix is an edit: saved and autosaved like one
    close_window(window)


def test_one_fix_button(qtbot) -> None:
    """The 修复 column of a row fixes that finding only."""
    report = clean_report()
    report.opening = ["今年以来，,我认真履行职责;"]
    window = make_window(qtbot)
    window.new_document(report, "新报告")
    window.checks.run()
    panel = window.check_panel
    row = next(r for r in panel.finding_items() if r.data(0, 256).seen == "，,")
    assert row.text(1) == "修复"
    panel.tree.itemClicked.emit(row, 1)
    assert window.report().opening[0] == "今年以来，我认真履行职责;"
    assert window.document.dirty
    close_window(window)


def test_export_suggests_the_last_word_folder_not_the_data_folder(qtbot, tmp_path: Path) -> None:
    from nianbao_gui.core.paths import drafts_dir

    draft = drafts_dir() / "在数据文件夹.json"
    save_draft(clean_report(), draft)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.open_path(draft)
    prompts.paths.append(tmp_path / "第一次.docx")
    window.exports.export()
    prompts.paths.append(None)  # cancelled the second time
    window.exports.export()
    first, second = prompts.asked("export_path")
    assert first.parent != drafts_dir()  # Documents (or home) the first time
    assert second.parent == tmp_path  # then where the user put the last one
    assert second.name == "2024年度述职述廉报告.docx"
    close_window(window)
