"""The start when the last draft was moved or deleted since (QA pass of issue 21, item 5):
she is told, instead of finding an older draft or the welcome page without a word."""

from __future__ import annotations

from pathlib import Path

from qt_helpers import close_window, make_window

from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import save_draft


def test_an_older_draft_opened_instead_says_why(qtbot, tmp_path: Path) -> None:
    older, last = tmp_path / "去年的.json", tmp_path / "今年的.json"
    save_draft(Report(year=2023, title="去年的"), older)
    window = make_window(qtbot)
    window.settings.add_recent(older)
    window.settings.add_recent(last)  # opened last time, then moved away
    window.show()
    window.files.start()
    assert window.document.path == older
    message = window.statusBar().currentMessage()
    assert "今年的.json" in message and "找不到" in message and "文件 → 打开" in message
    assert "去年的" in message  # what is open instead
    close_window(window)


def test_the_welcome_page_instead_says_why(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot)
    window.settings.add_recent(tmp_path / "今年的.json")
    window.show()
    window.files.start()
    assert window.document is None and window.start_page.welcome.isVisibleTo(window)
    message = window.statusBar().currentMessage()
    assert "今年的.json" in message and "找不到" in message
    close_window(window)
