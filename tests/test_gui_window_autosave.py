"""Autosave to the recovery store, the offer at the next start, and the crash handler."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from qt_helpers import ScriptedPrompts, close_window, edit_report, make_window

from nianbao_gui.app.dialogs.messages import LockAnswer, SaveAnswer
from nianbao_gui.app.dialogs.recovery import RecoveryDialog, describe_entry
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import RecoveryStore, load_draft, save_draft


def _first(entries: list[object]) -> object:
    return entries[0]


def test_typing_restarts_a_single_shot_autosave_timer(qtbot) -> None:
    window = make_window(qtbot)
    window.new_document(Report(year=2024), "新报告")
    timer = window.document.timer
    assert not timer.isActive()
    edit_report(window, lambda r: setattr(r, "title", "甲"))
    assert timer.isActive() and timer.isSingleShot()
    assert 1000 <= timer.interval() <= 10000
    assert RecoveryStore().pending() == []  # nothing written while the user types
    close_window(window)


def test_autosave_writes_the_recovery_file_and_says_so(qtbot) -> None:
    window = make_window(qtbot)
    window.new_document(Report(year=2024), "新报告")
    edit_report(window, lambda r: setattr(r, "author_name", "王五"))
    window.document.timer.timeout.emit()  # the 3 seconds have passed

    (entry,) = RecoveryStore().pending()
    assert RecoveryStore().load(entry).author_name == "王五"
    assert entry.source is None
    assert window.autosave_label.text().startswith("已自动保存 ")
    assert window.document.dirty  # autosave is not a save
    close_window(window)


def test_losing_focus_autosaves(qtbot) -> None:
    window = make_window(qtbot)
    window.new_document(Report(year=2024), "新报告")
    edit_report(window, lambda r: setattr(r, "position", "镇长"))
    window.changeEvent(QEvent(QEvent.Type.ActivationChange))  # offscreen: never active
    qtbot.waitUntil(lambda: bool(RecoveryStore().pending()))
    assert not window.document.timer.isActive()
    close_window(window)


def _autosaved_title(qtbot, tmp_path: Path) -> tuple[Path, Any]:
    """年报.json (title 旧标题) open in a window, its new title 崩溃前写的标题 autosaved."""
    draft = tmp_path / "年报.json"
    save_draft(Report(year=2024, title="旧标题"), draft)
    first = make_window(qtbot)
    first.files.open_path(draft)
    edit_report(first, lambda r: setattr(r, "title", "崩溃前写的标题"))
    first.document.timer.timeout.emit()
    return draft, first


def _recovering_window(qtbot, lock: LockAnswer) -> tuple[Any, ScriptedPrompts]:
    """A window started that recovers the first entry offered and answers ``lock`` when the
    draft is held."""
    prompts = ScriptedPrompts()
    prompts.recovery_answers.append(_first)
    prompts.lock_answers.append(lock)
    second = make_window(qtbot, prompts)
    second.files.start()
    return second, prompts


def test_a_crash_is_recovered_by_the_next_window(qtbot, tmp_path: Path) -> None:
    draft, first = _autosaved_title(qtbot, tmp_path)
    # the crash: no close, no save, the lock file stays behind. Its process (this one) is
    # alive, so the lock is not stale and the user is asked before taking it over.
    first.document.heartbeat.stop()
    first.document._lock.token = ""  # forget it without removing the file

    second, prompts = _recovering_window(qtbot, LockAnswer.TAKE_OVER)

    (offered,) = prompts.asked("offer_recovery")
    assert offered[0].source == draft
    assert second.report().title == "崩溃前写的标题"
    assert second.document.dirty and second.document.path == draft
    assert load_draft(draft).title == "旧标题"  # nothing written until the user saves
    assert second.files.save()
    assert load_draft(draft).title == "崩溃前写的标题"
    assert RecoveryStore().pending() == []  # a successful save discards the entry
    close_window(second)
    first.session.document = None
    close_window(first)


def test_a_recovered_draft_held_by_someone_else_becomes_a_new_draft(qtbot, tmp_path: Path) -> None:
    """Document.restore locks like Document.open: declining the take-over keeps the file as
    it is and makes the recovered text a new, unnamed draft."""
    _draft, first = _autosaved_title(qtbot, tmp_path)

    second, prompts = _recovering_window(qtbot, LockAnswer.READ_ONLY)
    assert prompts.asked("ask_lock_conflict")
    assert second.report().title == "崩溃前写的标题"
    assert second.document.path is None and second.document.display_name() == "恢复的报告"
    assert second.document.dirty
    assert first.document._lock is not None  # the first window still holds its draft
    close_window(second)
    close_window(first)


def test_an_unsaved_new_report_is_recovered_too(qtbot) -> None:
    window = make_window(qtbot)
    window.new_document(Report(year=2023), "新报告")
    edit_report(window, lambda r: setattr(r, "organisation", "某某镇"))
    window.document.autosave_now()
    key = window.document.key
    window.session.document = None  # crashed

    prompts = ScriptedPrompts()
    prompts.recovery_answers.append(_first)
    again = make_window(qtbot, prompts)
    again.files.start()
    assert again.report().organisation == "某某镇"
    assert again.document.path is None and again.document.key == key
    close_window(again)
    assert RecoveryStore().pending() == []


def test_declining_recovery_keeps_or_discards(qtbot) -> None:
    store = RecoveryStore()
    store.write("new:x", Report(year=2020, title="留着"))
    prompts = ScriptedPrompts()
    prompts.recovery_answers.extend([None, RecoveryDialog.DISCARD])
    window = make_window(qtbot, prompts)
    window.files.start()  # 以后再说: kept, the example is shown
    assert len(store.pending()) == 1
    assert window.report().title != "留着"
    window.files.start()  # 丢弃
    assert store.pending() == []
    close_window(window)


def test_save_and_clean_close_leave_no_recovery_entry(qtbot, tmp_path: Path) -> None:
    draft = tmp_path / "d.json"
    save_draft(Report(year=2024), draft)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.open_path(draft)
    edit_report(window, lambda r: setattr(r, "title", "一"))
    window.document.autosave_now()
    assert RecoveryStore().pending()
    window.files.save()
    assert RecoveryStore().pending() == []
    edit_report(window, lambda r: setattr(r, "title", "二"))
    window.document.autosave_now()
    prompts.save_answers.append(SaveAnswer.DISCARD)
    assert window.close()
    assert RecoveryStore().pending() == []


def test_recovery_dialog_describes_entries(qtbot, tmp_path: Path) -> None:
    store = RecoveryStore()
    store.write("draft:a", Report(), source=tmp_path / "述职.json")
    (entry,) = store.pending()
    text = describe_entry(entry)
    assert "述职.json" in text and "自动保存" in text
    dialog = RecoveryDialog([entry])
    qtbot.addWidget(dialog)
    dialog._restore()
    assert dialog.chosen == entry


def test_unexpected_error_is_logged_saved_and_shown(qtbot, tmp_path: Path) -> None:
    from nianbao_gui.app.crash import CrashHandler, setup_logging

    log = setup_logging(tmp_path)
    window = make_window(qtbot)
    window.new_document(Report(year=2024), "新报告")
    edit_report(window, lambda r: setattr(r, "title", "不能丢"))
    shown: list[str] = []
    handler = CrashHandler(log, window.session.emergency_save, shown.append)
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        handler(type(error), error, error.__traceback__)

    (message,) = shown
    assert "程序遇到意外错误" in message and str(log) in message
    (entry,) = RecoveryStore().pending()
    assert str(entry.path) in message
    assert RecoveryStore().load(entry).title == "不能丢"
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
    assert window.isEnabled()  # the program goes on
    close_window(window)


def test_a_full_log_is_rotated_at_start_and_the_oldest_dropped(tmp_path: Path) -> None:
    from nianbao_gui.app.crash import rotate_log

    log = tmp_path / "nianbao.log"
    for name, text in [
        ("nianbao.log", "now" * 10),
        ("nianbao.log.1", "one"),
        ("nianbao.log.2", "two"),
        ("nianbao.log.3", "three"),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    rotate_log(log, max_bytes=100)  # under the limit: nothing moves
    assert log.read_text(encoding="utf-8") == "now" * 10
    rotate_log(log, max_bytes=10)
    assert not log.exists()
    assert (tmp_path / "nianbao.log.1").read_text(encoding="utf-8") == "now" * 10
    assert (tmp_path / "nianbao.log.2").read_text(encoding="utf-8") == "one"
    assert (tmp_path / "nianbao.log.3").read_text(encoding="utf-8") == "two"
    assert not (tmp_path / "nianbao.log.4").exists()  # "three", the oldest, is gone
    rotate_log(tmp_path / "missing.log")  # no log yet: nothing to do, no error


def test_the_log_file_appears_with_the_first_line_logged(tmp_path: Path) -> None:
    import logging

    from nianbao_gui.app.crash import setup_logging

    folder = tmp_path / "logs"
    folder.mkdir()
    log = setup_logging(folder)
    try:
        assert not log.exists()  # a start that logs nothing leaves no file behind
        logging.getLogger("nianbao.test").warning("第一行")
        assert "第一行" in log.read_text(encoding="utf-8")
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", None) == str(log):
                logging.getLogger().removeHandler(handler)
                handler.close()


def test_autosave_failure_is_shown_in_the_status_bar_not_a_dialog(qtbot, monkeypatch) -> None:
    from nianbao_gui.core.errors import FileAccessError

    window = make_window(qtbot)
    window.new_document(Report(year=2024), "新报告")

    def fail(*args: object, **kwargs: object) -> None:
        raise FileAccessError("磁盘已满", "请清理")

    monkeypatch.setattr(window.session.store, "write", fail)
    edit_report(window, lambda r: setattr(r, "title", "x"))
    assert not window.document.autosave_now()
    assert "自动保存失败" in window.autosave_label.text()
    assert window.prompts.errors == []
    close_window(window)


def test_status_shows_time_of_autosave(qtbot) -> None:
    window = make_window(qtbot)
    window.show_autosaved(_dt.datetime(2025, 1, 5, 9, 8, 7))
    assert window.autosave_label.text() == "已自动保存 09:08:07"
    close_window(window)


def test_switching_to_another_program_autosaves(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    window = make_window(qtbot)
    window.new_document(Report(year=2024), "新报告")
    edit_report(window, lambda r: setattr(r, "signature", "张三"))
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    qtbot.waitUntil(lambda: bool(RecoveryStore().pending()))
    (entry,) = RecoveryStore().pending()
    assert RecoveryStore().load(entry).signature == "张三"
    close_window(window)


def test_undoing_back_to_the_saved_text_drops_the_autosaved_change(qtbot, tmp_path: Path) -> None:
    """An autosaved change she then undid must not be offered after a crash as her work: at
    the saved text the draft file holds everything, so the next autosave drops the entry."""
    draft = tmp_path / "d.json"
    save_draft(Report(year=2024, title="原标题"), draft)
    window = make_window(qtbot, ScriptedPrompts())
    window.files.open_path(draft)
    edit_report(window, lambda r: setattr(r, "title", "改过的标题"))
    window.document.autosave_now()
    assert RecoveryStore().pending()
    window.editor.undo_stack().undo()
    assert not window.document.dirty and window.report().title == "原标题"
    window.document.autosave_now()
    assert RecoveryStore().pending() == []  # the crash now offers nothing
    window.editor.undo_stack().redo()  # and redone, it is autosaved again
    window.document.autosave_now()
    (entry,) = RecoveryStore().pending()
    assert RecoveryStore().load(entry).title == "改过的标题"
    close_window(window)
