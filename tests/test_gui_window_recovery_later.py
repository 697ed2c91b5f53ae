"""以后再说 in the recovery question keeps the crash's work for the next start, even when
the draft it belongs to is opened meanwhile (QA pass of issue 21, item 3)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from qt_helpers import ScriptedPrompts, close_window, make_window

from nianbao_gui.app.dialogs.messages import LockAnswer
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import RecoveryStore, load_draft, save_draft


def crashed_on(qtbot, draft: Path) -> None:
    """A window that opened ``draft``, had a change autosaved, and died (no close)."""
    save_draft(Report(year=2024, title="旧标题"), draft)
    first = make_window(qtbot)
    first.files.open_path(draft)
    report = first.report()
    first.session.apply_edits("标题", [(("title",), "崩溃前写的标题")], take_focus=False)
    assert report is first.report()
    first.document.timer.timeout.emit()
    first.document.heartbeat.stop()
    first.document._lock.token = ""  # the crash: the lock file stays behind
    first.session.document = None


def crash_titles() -> list[str]:
    store = RecoveryStore()
    return [store.load(entry).title for entry in store.pending()]


def test_later_then_the_same_draft_opened_and_closed_keeps_the_crash_work(
    qtbot, tmp_path: Path
) -> None:
    draft = tmp_path / "年报.json"
    crashed_on(qtbot, draft)
    assert crash_titles() == ["崩溃前写的标题"]

    prompts = ScriptedPrompts()
    prompts.recovery_answers.append(None)  # 以后再说
    prompts.lock_answers.append(LockAnswer.TAKE_OVER)
    second = make_window(qtbot, prompts)
    second.files.start()  # 以后再说: the last draft opens, as saved
    assert second.document.path == draft and second.report().title == "旧标题"
    second.show()
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    QTest.keyClick(second, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # 保存
    assert load_draft(draft).title == "旧标题"
    second.close()  # clean: nothing to ask
    assert not second.isVisible()
    # the crash's text is still offered next time (it was deleted by the save and the close)
    assert crash_titles() == ["崩溃前写的标题"]
    close_window(second)


def test_an_unexpected_error_does_not_call_a_recovery_copy_a_saved_draft(
    qtbot, tmp_path: Path
) -> None:
    """She types, an error comes: the message said 您的草稿已保存在 <recovery file>, and a
    不保存 at the close (she believed it saved) dropped the text."""
    from PySide6.QtWidgets import QPlainTextEdit
    from qt_helpers import type_into, window_with_draft

    from nianbao_gui.app.crash import CrashHandler, setup_logging
    from nianbao_gui.core.model import Section

    draft = tmp_path / "年报.json"
    report = Report(year=2024, sections=[Section(heading="加强学习", paragraphs=["认真学习。"])])
    window = window_with_draft(qtbot, report, draft)
    tab = window.editor.section_tabs[0]
    box = next(b for b in tab.findChildren(QPlainTextEdit) if b.isVisible())
    type_into(box, "刚写的一句。")
    assert window.isWindowModified()
    shown: list[str] = []
    handler = CrashHandler(setup_logging(tmp_path), window.session.emergency_save, shown.append)
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        handler(type(error), error, error.__traceback__)
    (message,) = shown
    (entry,) = RecoveryStore().pending()
    assert "刚写的一句" in str(RecoveryStore().load(entry).model_dump())
    assert "您的草稿已保存" not in message
    assert "还没有保存到草稿文件" in message and "Ctrl+S" in message
    assert str(entry.path) in message
    close_window(window)


def test_a_second_window_reading_the_draft_leaves_the_first_ones_autosave(
    qtbot, tmp_path: Path
) -> None:
    """The draft is open and edited in one window; a second opens it 只读 and is closed:
    the first window's autosaved work stays (the second shared its recovery entry and its
    clean close deleted it)."""
    from PySide6.QtWidgets import QPlainTextEdit
    from qt_helpers import type_into, window_with_draft

    from nianbao_gui.core.model import Section

    draft = tmp_path / "年报.json"
    report = Report(year=2024, sections=[Section(heading="加强学习", paragraphs=["认真学习。"])])
    first = window_with_draft(qtbot, report, draft)
    boxes = first.editor.section_tabs[0].findChildren(QPlainTextEdit)
    box = next(b for b in boxes if b.isVisible())
    type_into(box, "第一个窗口写的。")

    prompts = ScriptedPrompts()
    prompts.lock_answers.append(LockAnswer.READ_ONLY)
    second = make_window(qtbot, prompts)
    assert second.files.open_path(draft)
    assert second.document.read_only
    first.document.timer.timeout.emit()  # the first window's autosave after the pause
    assert len(RecoveryStore().pending()) == 1
    second.close()
    assert not second.isVisible()
    (entry,) = RecoveryStore().pending()
    assert "第一个窗口写的" in str(RecoveryStore().load(entry).model_dump())
    close_window(first)


def test_a_restored_draft_gets_its_title_before_its_modified_mark(qtbot, qtlog) -> None:
    """Restored at the start (unsaved work): the title with its [*] is set before the mark,
    so Qt does not warn 'The window title does not contain a [*] placeholder'."""
    first = make_window(qtbot)
    first.new_document(Report(year=2023), "新报告")
    first.session.apply_edits("单位", [(("organisation",), "某某镇")], take_focus=False)
    first.document.autosave_now()
    first.session.document = None  # crashed

    prompts = ScriptedPrompts()
    prompts.recovery_answers.append(lambda entries: entries[0])
    again = make_window(qtbot, prompts)
    again.show()  # as main() does: shown, then started
    again.files.start()
    assert again.report().organisation == "某某镇"
    assert again.isWindowModified() and "[*]" in again.windowTitle()
    assert not [r for r in qtlog.records if "placeholder" in r.message]
    close_window(again)
