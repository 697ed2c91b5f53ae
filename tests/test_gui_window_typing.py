"""Typing into the real form inside the window, and the program's entry point."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit
from qt_helpers import close_window, make_window, run_python, type_into

from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import RecoveryStore, load_draft, save_draft


def test_typing_chinese_marks_the_draft_and_autosaves(qtbot, tmp_path: Path) -> None:
    draft = tmp_path / "打字.json"
    save_draft(
        Report(year=2024, sections=[Section(heading="学习", paragraphs=["认真学习"])]), draft
    )
    window = make_window(qtbot)
    window.files.open_path(draft)
    window.show()
    qtbot.waitExposed(window)
    assert window.editor.focus_field(("sections", 0, "paragraphs", 0), 4, 4)
    target = window.focusWidget()  # offscreen windows are never active
    assert isinstance(target, QPlainTextEdit)
    before = window.count_label.text()
    type_into(target, "党的理论")

    assert window.report().sections[0].paragraphs[0] == "认真学习党的理论"
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: window.count_label.text() != before)  # counts may be deferred
    assert window.count_label.text() == f"全文 {window.editor.total_chars()} 字"
    assert window.document.timer.isActive()
    window.document.timer.timeout.emit()
    (entry,) = RecoveryStore().pending()
    assert RecoveryStore().load(entry).sections[0].paragraphs[0] == "认真学习党的理论"

    window.ui.actionSave.trigger()
    assert load_draft(draft).sections[0].paragraphs[0] == "认真学习党的理论"
    assert RecoveryStore().pending() == []
    close_window(window)


_MAIN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from nianbao_gui.app.main import create_application, main
from nianbao_gui.app.main_window import MainWindow
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import save_draft

save_draft(Report(year=2020, title="从命令行打开"), sys.argv[1])
create_application()  # a timer needs the application's event dispatcher
seen = {}

def look_and_quit():
    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    seen["title"] = windows[-1].windowTitle()
    seen["hook"] = type(sys.excepthook).__name__
    windows[-1].close()
    QApplication.instance().quit()

QTimer.singleShot(100, look_and_quit)
code = main([sys.argv[1]])
print(code, seen["title"], seen["hook"], sep="\\n")
"""


def test_main_opens_the_file_given_and_exits_cleanly(tmp_path: Path) -> None:
    """In a process of its own: once ``app.exec()`` has returned, Qt fires no timer in that
    process again, and every later test waiting for one (a list following the form, a
    syntax highlighter) would fail."""
    draft = tmp_path / "命令行.json"
    result = run_python(tmp_path, "-c", _MAIN, str(draft))
    code, title, hook = result.stdout.splitlines()[-3:]
    assert code == "0"
    assert title.startswith("命令行[*]")
    assert hook == "CrashHandler"
