"""The window's file commands: save and reopen, closing with changes, locks, recent files,
drag and drop, save as next year."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from qt_helpers import ScriptedPrompts, close_window, edit_report, make_window

from nianbao_gui.app.dialogs.messages import LockAnswer, SaveAnswer
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import DraftLock, load_draft, save_draft


def sample() -> Report:
    return Report(
        year=2024,
        author_name="张三",
        opening=["今年以来，在镇党委的正确领导下。"],
        sections=[Section(heading="加强学习", paragraphs=["认真学习。"])],
        date=_dt.date(2025, 1, 5),
    )


def test_open_edit_save_reopen_gives_the_same_draft(qtbot, tmp_path: Path) -> None:
    draft = tmp_path / "述职.json"
    save_draft(sample(), draft)
    window = make_window(qtbot)
    assert window.files.open_path(draft)
    assert window.windowTitle().startswith("述职[*]")
    assert not window.isWindowModified()

    edit_report(window, lambda r: setattr(r, "title", "二〇二四年述职报告"))
    assert window.isWindowModified()
    window.ui.actionSave.trigger()
    assert not window.isWindowModified()
    assert window.autosave_label.text().startswith("已保存 ")
    assert load_draft(draft).title == "二〇二四年述职报告"
    close_window(window)

    again = make_window(qtbot)
    assert again.files.open_path(draft)
    assert again.report() == load_draft(draft)
    assert again.report().title == "二〇二四年述职报告"
    close_window(again)


def test_an_unsaved_new_report_asks_where_to_save(qtbot, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    target = tmp_path / "新草稿.json"
    prompts.paths.append(target)
    window = make_window(qtbot, prompts)
    window.new_document(sample(), "新报告")
    edit_report(window, lambda r: setattr(r, "position", "副镇长"))
    assert window.files.save()
    assert load_draft(target).position == "副镇长"
    assert window.windowTitle().startswith("新草稿[*]")
    assert str(target) == window.settings.recent_files[0]
    close_window(window)


@pytest.mark.parametrize("answer", [SaveAnswer.SAVE, SaveAnswer.DISCARD, SaveAnswer.CANCEL])
def test_closing_with_changes_asks(qtbot, tmp_path: Path, answer: SaveAnswer) -> None:
    draft = tmp_path / "a.json"
    save_draft(sample(), draft)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.open_path(draft)
    window.show()
    edit_report(window, lambda r: setattr(r, "author_name", "李四"))
    prompts.save_answers.append(answer)

    closed = window.close()

    assert prompts.asked("ask_save_changes") == ["a"]
    saved_name = load_draft(draft).author_name
    if answer is SaveAnswer.CANCEL:
        assert not closed and window.isVisible()
        assert saved_name == "张三" and window.isWindowModified()
        close_window(window)
    elif answer is SaveAnswer.SAVE:
        assert closed and saved_name == "李四"
    else:
        assert closed and saved_name == "张三"
    if closed:  # the lock is released: another window may open the draft at once
        with DraftLock(draft):
            pass
        assert window.session.store.pending() == []


def test_closing_without_changes_does_not_ask(qtbot, tmp_path: Path) -> None:
    draft = tmp_path / "a.json"
    save_draft(sample(), draft)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.open_path(draft)
    assert window.close()
    assert prompts.asked("ask_save_changes") == []


def test_opening_another_draft_asks_about_unsaved_changes_first(qtbot, tmp_path: Path) -> None:
    first, second = tmp_path / "一.json", tmp_path / "二.json"
    save_draft(sample(), first)
    save_draft(Report(year=2023), second)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.open_path(first)
    edit_report(window, lambda r: setattr(r, "title", "改过"))
    prompts.save_answers.append(SaveAnswer.CANCEL)
    assert not window.files.open_path(second)
    assert window.document.path == first and window.report().title == "改过"
    # the second draft was not left locked by the cancelled attempt
    with DraftLock(second):
        pass
    close_window(window)


@pytest.mark.parametrize("answer", list(LockAnswer))
def test_a_draft_locked_by_someone_else(qtbot, tmp_path: Path, answer: LockAnswer) -> None:
    draft = tmp_path / "共用.json"
    save_draft(sample(), draft)
    other = DraftLock(draft)
    other.acquire()
    prompts = ScriptedPrompts()
    prompts.lock_answers.append(answer)
    window = make_window(qtbot, prompts)

    opened = window.files.open_path(draft)

    assert len(prompts.asked("ask_lock_conflict")) == 1
    assert prompts.asked("ask_lock_conflict")[0]  # the owner is named
    if answer is LockAnswer.CANCEL:
        assert not opened and window.document is None
    elif answer is LockAnswer.READ_ONLY:
        assert opened and window.document.read_only
        assert "只读" in window.windowTitle()
        # 保存 on a read-only draft means 另存为, never writing over the other's file
        copy = tmp_path / "副本.json"
        prompts.paths.append(copy)
        edit_report(window, lambda r: setattr(r, "title", "我的"))
        assert window.files.save()
        assert load_draft(copy).title == "我的" and load_draft(draft).title == ""
    else:
        assert opened and not window.document.read_only
        assert not other.held or other.token != window.document._lock.token
    close_window(window)
    other.release()


def test_a_bad_draft_is_a_chinese_message_not_a_crash(qtbot, tmp_path: Path) -> None:
    broken = tmp_path / "坏.json"
    broken.write_text('{"title": "半截', encoding="utf-8")
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    assert not window.files.open_path(broken)
    (error,) = prompts.errors
    assert "坏.json" in error.what and error.todo
    close_window(window)


def test_recent_files_menu(qtbot, tmp_path: Path) -> None:
    first, second = tmp_path / "一.json", tmp_path / "二.json"
    save_draft(sample(), first)
    save_draft(sample(), second)
    window = make_window(qtbot)
    window.files.open_path(first)
    window.files.open_path(second)
    actions = [a for a in window.ui.menuRecent.actions() if a.statusTip()]
    assert [a.statusTip() for a in actions] == [str(second), str(first)]
    actions[1].trigger()
    assert window.document.path == first
    # remembered across windows (Settings on disk, saved by themselves on the change)
    from nianbao_gui.core.settings import load_settings

    assert load_settings().recent_files[:2] == (str(first), str(second))
    # the menu follows the settings, whoever changes them
    window.settings.recent_files = ()
    assert [a.text() for a in window.ui.menuRecent.actions()] == ["（暂无）"]
    assert load_settings().recent_files == ()
    close_window(window)


def test_dropping_a_draft_opens_it_and_a_report_imports_it(qtbot, tmp_path: Path, seed_text):
    draft = tmp_path / "拖入.json"
    save_draft(sample(), draft)
    report_txt = tmp_path / "去年.txt"
    report_txt.write_text(seed_text, encoding="utf-8")
    window = make_window(qtbot)
    window.show()

    for path in (draft, report_txt):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        event = QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        if path is report_txt:
            window.prompts.save_answers.append(SaveAnswer.DISCARD)
        window.dropEvent(event)
        assert event.isAccepted()
        qtbot.waitUntil(lambda p=path: window.document and window.document.name_hint != "")
        QApplication.processEvents()
    assert window.document.path is None and window.document.dirty  # imported: unsaved
    assert window.document.display_name() == "去年"
    assert window.report().sections  # the seed's sections arrived
    close_window(window)


def test_dragging_something_else_is_refused(qtbot, tmp_path: Path) -> None:
    from nianbao_gui.app.main_window import dropped_file

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "图片.png"))])
    assert dropped_file(mime) is None
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "报告.DOCX"))])
    assert dropped_file(mime) == tmp_path / "报告.DOCX"


def test_save_as_next_year(qtbot, tmp_path: Path) -> None:
    draft = tmp_path / "2024.json"
    report = sample()
    report.title = "2024年度述职述廉报告"
    save_draft(report, draft)
    prompts = ScriptedPrompts()
    target = tmp_path / "2025.json"
    prompts.paths.append(target)
    window = make_window(qtbot, prompts)
    window.files.open_path(draft)
    window.ui.actionNextYear.trigger()

    carried = load_draft(target)
    assert carried.year == 2025 and carried.date is None
    # an automatic title stays automatic: it follows the year from now on
    assert carried.title == "" and carried.effective_title() == "2025年度述职述廉报告"
    assert carried.made_from == draft.name  # for 对比去年: beside it, so relative
    assert carried.sections == report.sections and carried.opening == report.opening
    assert window.document.path == target
    assert load_draft(draft) == report  # last year's draft untouched
    close_window(window)


def test_drafts_list_carries_a_draft_into_next_year(qtbot, tmp_path: Path) -> None:
    from nianbao_gui.core.paths import drafts_dir

    draft = drafts_dir() / "旧.json"
    save_draft(sample(), draft)
    prompts = ScriptedPrompts()
    prompts.drafts_answers.append(("next_year", draft))
    prompts.paths.append(drafts_dir() / "新.json")
    window = make_window(qtbot, prompts)
    window.ui.actionDrafts.trigger()
    assert load_draft(drafts_dir() / "新.json").year == 2025
    close_window(window)


def test_the_drafts_dialog_lists_drafts(qtbot) -> None:
    from nianbao_gui.app.dialogs.drafts_list import DraftsDialog
    from nianbao_gui.core.paths import drafts_dir

    save_draft(sample(), drafts_dir() / "甲.json")
    dialog = DraftsDialog()
    qtbot.addWidget(dialog)
    table = dialog.ui.table
    assert table.rowCount() == 1
    cells = [table.item(0, column).text() for column in range(table.columnCount())]
    assert "2024" in cells and "张三" in cells and "甲.json" in cells
    dialog.ui.nextYearButton.click()
    assert dialog.result_action == ("next_year", drafts_dir() / "甲.json")


def test_a_draft_taken_over_elsewhere_becomes_read_only(qtbot, tmp_path: Path) -> None:
    draft = tmp_path / "被接管.json"
    save_draft(sample(), draft)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.open_path(draft)
    DraftLock(draft).acquire(take_over=True)  # a colleague chose 强行接管
    window.document.heartbeat.timeout.emit()
    (error,) = prompts.errors
    assert "接管" in error.what
    assert window.document.read_only and "只读" in window.windowTitle()
    # 保存 now asks for a new file instead of overwriting the colleague's work
    copy = tmp_path / "我的副本.json"
    prompts.paths.append(copy)
    edit_report(window, lambda r: setattr(r, "title", "我的修改"))
    assert window.files.save()
    assert load_draft(copy).title == "我的修改" and load_draft(draft).title == ""
    close_window(window)


def test_saving_over_a_draft_taken_over_is_refused(qtbot, tmp_path: Path) -> None:
    draft = tmp_path / "抢.json"
    save_draft(sample(), draft)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.open_path(draft)
    DraftLock(draft).acquire(take_over=True)
    edit_report(window, lambda r: setattr(r, "title", "不该写进去"))
    assert not window.files.save()
    assert prompts.errors and load_draft(draft).title == ""
    assert window.document.read_only
    close_window(window)


def test_the_drafts_dialog_marks_a_broken_draft(qtbot) -> None:
    from nianbao_gui.app.dialogs.drafts_list import DraftsDialog
    from nianbao_gui.core.paths import drafts_dir

    (drafts_dir() / "坏.json").write_text("{", encoding="utf-8")
    dialog = DraftsDialog()
    qtbot.addWidget(dialog)
    assert dialog.ui.table.rowCount() == 1
    assert "无法打开" in dialog.ui.table.item(0, 0).text()
    assert dialog.ui.table.item(0, 0).toolTip()


def test_a_draft_in_a_read_only_folder_opens_read_only(qtbot, tmp_path: Path, monkeypatch):
    from nianbao_gui.core.errors import FileAccessError

    draft = tmp_path / "光盘上.json"
    save_draft(sample(), draft)

    def no_lock_file(self: DraftLock, take_over: bool = False) -> None:
        raise FileAccessError("无法在草稿所在的文件夹里建立锁定文件", "请确认该文件夹可以写入")

    monkeypatch.setattr(DraftLock, "acquire", no_lock_file)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    assert window.files.open_path(draft)
    assert window.document.read_only and "只读" in window.windowTitle()
    assert window.report() == load_draft(draft)
    assert prompts.errors == []
    close_window(window)


def test_a_draft_under_another_name_is_opened_as_a_draft(qtbot, tmp_path: Path) -> None:
    """A draft renamed to .txt (a mail attachment, a careless save) is known by its content:
    it opens as the draft it is, instead of being refused by the importer."""
    draft = tmp_path / "年报.txt"
    save_draft(sample(), tmp_path / "年报.json")
    (tmp_path / "年报.json").rename(draft)
    window = make_window(qtbot)
    assert window.files.open_path(draft)
    assert window.document.path == draft and not window.document.dirty
    assert window.report() == sample()
    assert not window.prompts.asked("error")
    close_window(window)
