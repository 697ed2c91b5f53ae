"""Issue 18 item 6: the data folder turns read-only (a bind mount remounted read-only, as
root would meet it) before or while the window is open. Logging never raises; autosave
failures are shown; Ctrl+S of a draft in a writable folder saves it and says what could not
be done (its earlier version); the window starts with a draft given on the command line."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
from qt_helpers import close_window, make_window, real_editor_available, type_into
from readonly_support import read_only

from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import backups_of, load_draft, save_draft

needs_editor = pytest.mark.skipif(not real_editor_available(), reason="ReportEditor not there")


@pytest.fixture
def root_handlers():
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in set(root.handlers) - set(before):
        root.removeHandler(handler)
        handler.close()


def test_a_log_that_cannot_be_opened_never_raises(tmp_path: Path, root_handlers: None) -> None:
    from nianbao_gui.app.crash import setup_logging

    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    setup_logging(blocker / "logs")  # the log's folder is a file: it cannot be opened
    logging.getLogger("nianbao.test").warning("没有地方写")  # used to raise NotADirectoryError


def test_a_log_that_cannot_be_written_anywhere_is_dropped_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from nianbao_gui.core.logfile import SafeFileHandler

    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    handler = SafeFileHandler(blocker / "a.log", blocker / "b.log")
    logger = logging.getLogger("nianbao.test.nowhere")
    logger.addHandler(handler)
    try:
        logger.warning("丢掉")
        assert handler.written_to is None
        assert capsys.readouterr().err == ""  # no "--- Logging error ---" in English
    finally:
        logger.removeHandler(handler)
        handler.close()


def test_the_log_goes_to_the_temporary_folder_when_the_data_folder_is_read_only(
    tmp_path: Path,
) -> None:
    from nianbao_gui.core.logfile import SafeFileHandler

    folder = tmp_path / "logs"
    folder.mkdir()
    fallback = tmp_path / "fallback.log"
    handler = SafeFileHandler(folder / "nianbao.log", fallback)
    logger = logging.getLogger("nianbao.test.ro")
    logger.addHandler(handler)
    try:
        with read_only(folder):
            logger.warning("写到别处")
            assert handler.written_to == fallback
        assert "写到别处" in fallback.read_text(encoding="utf-8")
    finally:
        logger.removeHandler(handler)
        handler.close()


def test_the_crash_handler_survives_a_read_only_log_and_does_not_claim_it(
    tmp_path: Path, root_handlers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nianbao_gui.app.crash import CrashHandler, setup_logging

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "no-temp"))  # no fallback either
    folder = tmp_path / "logs"
    folder.mkdir()
    log = setup_logging(folder)
    shown: list[str] = []
    handler = CrashHandler(log, lambda: None, shown.append)
    with read_only(folder):
        try:
            raise RuntimeError("boom")
        except RuntimeError as error:
            handler(type(error), error, error.__traceback__)  # used to raise PermissionError
    assert "日志文件无法写入" in shown[0] and "已记录在" not in shown[0]


def _start_once(data: Path, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "nianbao_gui"], env=env, capture_output=True, timeout=120)
    assert (data / "logs").is_dir() and (data / "recovery").is_dir()


def test_the_window_opens_a_draft_with_the_data_folder_read_only_from_the_start(
    tmp_path: Path,
) -> None:
    data = tmp_path / "ro"
    data.mkdir()
    draft = tmp_path / "x.json"
    save_draft(Report(year=2024, title="只读数据文件夹"), draft)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    env.update(QT_QPA_PLATFORM="offscreen", NIANBAO_DATA_DIR=str(data), NIANBAO_SMOKE_TEST="1")
    _start_once(data, env)  # creates logs/ and recovery/, as the reproduction does
    with read_only(data):
        done = subprocess.run(
            [sys.executable, "-m", "nianbao_gui", str(draft)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr  # was 1, with a traceback
    assert "Traceback" not in done.stderr
    assert "first paint of MainWindow 'x[*]" in done.stderr or "first paint of MainWindow 'x" in (
        done.stderr
    )


@needs_editor
def test_a_draft_saves_while_the_data_folder_is_read_only(
    qtbot, tmp_path: Path, _private_data_dir: Path
) -> None:
    draft = tmp_path / "work" / "述职.json"
    draft.parent.mkdir()
    save_draft(
        Report(year=2024, sections=[Section(heading="学习", paragraphs=["认真学习"])]), draft
    )
    save_draft(
        Report(year=2024, sections=[Section(heading="学习", paragraphs=["认真学习。"])]), draft
    )
    kept_before = backups_of(draft)
    window = make_window(qtbot)
    window.files.open_path(draft)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with read_only(_private_data_dir):
        assert window.editor.focus_field(("sections", 0, "paragraphs", 0), 4, 4)
        target = window.focusWidget()
        assert isinstance(target, QPlainTextEdit)
        type_into(target, "党的理论")
        assert window.isWindowModified()
        # the autosave, ~3 s after typing stops: its failure is shown (it used to raise
        # PermissionError from the log call before the status bar was told)
        qtbot.waitUntil(lambda: "自动保存失败" in window.autosave_label.text(), timeout=6000)
        assert "已自动保存" not in window.autosave_label.text()

        QTest.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

        assert load_draft(draft).sections[0].paragraphs[0].startswith("认真学习党的理论")
        assert not window.isWindowModified()  # the draft itself was saved: no [*]
        said = window.statusBar().currentMessage()
        assert "已保存" in said and "较早版本" in said, said  # and what could not be done
        assert backups_of(draft) == kept_before  # indeed nothing kept
    close_window(window)


def test_the_about_box_opens_without_a_data_folder(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nianbao_gui.app.dialogs.about import AboutDialog

    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(blocker / "nb"))
    dialog = AboutDialog()  # raised NotADirectoryError from logs_dir()
    qtbot.addWidget(dialog)
    assert "数据文件夹无法建立" in dialog.ui.dataLabel.text()


def test_a_new_draft_is_saved_with_the_data_folder_read_only(
    qtbot, tmp_path: Path, _private_data_dir: Path
) -> None:
    from qt_helpers import ScriptedPrompts, edit_report

    prompts = ScriptedPrompts()
    target = tmp_path / "新的.json"
    prompts.paths.append(target)
    window = make_window(qtbot, prompts)
    window.new_document(Report(year=2024), "新报告")
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with read_only(_private_data_dir):  # no drafts/ in it yet: it cannot be made
        edit_report(window, lambda r: setattr(r, "title", "只读时新建"))
        assert window.editor.focus_field(("title",), 0, 0)
        focused = window.focusWidget()
        QTest.keyClick(focused, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert load_draft(target).title == "只读时新建"  # the dialog opened (it raised)
        ((name, suggested),) = prompts.calls
        assert name == "save_path" and _private_data_dir not in Path(suggested).parents
        assert not window.isWindowModified()
    close_window(window)


@needs_editor
def test_an_autosave_that_cannot_be_removed_after_the_save_is_said(
    qtbot, tmp_path: Path, _private_data_dir: Path
) -> None:
    from nianbao_gui.core.storage import RecoveryStore

    draft = tmp_path / "述职.json"
    save_draft(
        Report(year=2024, sections=[Section(heading="学习", paragraphs=["认真学习"])]), draft
    )
    window = make_window(qtbot)
    window.files.open_path(draft)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.editor.focus_field(("sections", 0, "paragraphs", 0), 4, 4)
    target = window.focusWidget()
    type_into(target, "党的")
    qtbot.waitUntil(lambda: "已自动保存" in window.autosave_label.text(), timeout=6000)
    with read_only(_private_data_dir):  # the recovery file is there and cannot go now
        type_into(target, "理论")
        QTest.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert load_draft(draft).sections[0].paragraphs[0].startswith("认真学习党的理论")
        assert not window.isWindowModified()
        said = window.statusBar().currentMessage()
        assert "自动保存的旧内容没能删除" in said, said
    assert len(RecoveryStore().pending()) == 1  # as said: offered once more at the next start
    close_window(window)
