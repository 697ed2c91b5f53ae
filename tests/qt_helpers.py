"""Shared helpers for the Qt tests (window helper; the form helper may add functions at the end).

- ``ScriptedPrompts``: the window's questions answered from a script, every call recorded.
- ``make_window``: a MainWindow with scripted prompts, a recording ``open_url``, the real
  ReportEditor (or a minimal stand-in while it does not exist yet).
- ``type_into``: Chinese text typed the way an input method commits it (qtbot.keyClicks
  aborts on non-ASCII characters).
- ``run_python``: a fresh Python process on a first start (its own data folder), offscreen
  unless told otherwise, for what must happen before a QApplication exists.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from nianbao_gui.app.dialogs.messages import LockAnswer, Prompts, SaveAnswer
from nianbao_gui.core.model import Report


def run_python(tmp_path: Path, *python_args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python python_args`` in ``tmp_path`` with a fresh data folder and ``env`` on top of
    this environment (offscreen by default); asserts that it exits 0."""
    environment = {k: v for k, v in os.environ.items() if k != "NIANBAO_DATA_DIR"}
    environment.update(QT_QPA_PLATFORM="offscreen", NIANBAO_DATA_DIR=str(tmp_path / "data"))
    environment.update(env)
    result = subprocess.run(
        [sys.executable, *python_args],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


class ScriptedPrompts(Prompts):
    """Answers come from queues; an unexpected question fails the test loudly."""

    def __init__(self) -> None:
        super().__init__(None)
        self.calls: list[tuple[str, Any]] = []
        self.save_answers: deque[SaveAnswer] = deque()
        self.lock_answers: deque[LockAnswer] = deque()
        self.paths: deque[Path | None] = deque()
        self.placeholder_answers: deque[bool] = deque()
        self.recovery_answers: deque[Any] = deque()
        self.new_reports: deque[Report | None] = deque()
        self.drafts_answers: deque[tuple[str, Path] | None] = deque()
        self.replace_answers: deque[bool] = deque()
        self.export_answers: deque[str] = deque()  # empty: the message is closed
        self.export_notes: list[list[str]] = []  # what each message after an export noted
        self.partial_answers: deque[bool] = deque()
        self.errors: list[BaseException] = []
        self.infos: list[tuple[str, str, str]] = []

    def _next(self, queue: deque[Any], name: str, arg: Any = None) -> Any:
        self.calls.append((name, arg))
        if not queue:
            raise AssertionError(f"unexpected question: {name}({arg!r})")
        return queue.popleft()

    def error(self, error: BaseException, title: str = "") -> None:
        self.calls.append(("error", error))
        self.errors.append(error)

    def info(self, title: str, text: str, details: str = "") -> None:
        self.calls.append(("info", text))
        self.infos.append((title, text, details))

    def ask_save_changes(self, name: str) -> SaveAnswer:
        return self._next(self.save_answers, "ask_save_changes", name)  # type: ignore[no-any-return]

    def ask_lock_conflict(self, path: Path, owner: str) -> LockAnswer:
        return self._next(self.lock_answers, "ask_lock_conflict", owner)  # type: ignore[no-any-return]

    def ask_partial_fill(self, filled: int, refused: int, details: str) -> bool:
        self.infos.append(("从表格填入", f"{refused} 行不能填入，{filled} 处可以填入", details))
        return self._next(self.partial_answers, "ask_partial_fill", (filled, refused))  # type: ignore[no-any-return]

    def confirm_placeholders(self, count: int) -> bool:
        return self._next(self.placeholder_answers, "confirm_placeholders", count)  # type: ignore[no-any-return]

    def confirm_replace_draft(self, path: Path, existing: str | None, new: str) -> bool:
        return self._next(self.replace_answers, "confirm_replace_draft", (path, existing, new))  # type: ignore[no-any-return]

    def after_export(
        self, path: Path, draft: Path | None, dirty: bool, notes: Sequence[str] = ()
    ) -> str:
        self.calls.append(("after_export", (path, draft, dirty)))
        self.export_notes.append(list(notes))
        return self.export_answers.popleft() if self.export_answers else ""

    def offer_recovery(self, entries: list[object]) -> object | None:
        answer = self._next(self.recovery_answers, "offer_recovery", entries)
        return answer(entries) if callable(answer) else answer

    def new_draft(self) -> Report | None:
        return self._next(self.new_reports, "new_draft")  # type: ignore[no-any-return]

    def drafts_list(self) -> tuple[str, Path] | None:
        return self._next(self.drafts_answers, "drafts_list")  # type: ignore[no-any-return]

    def about(self) -> None:
        self.calls.append(("about", None))

    def _path(self, name: str, suggested: Any) -> Path | None:
        return self._next(self.paths, name, suggested)  # type: ignore[no-any-return]

    def open_path(self, folder: Path) -> Path | None:
        return self._path("open_path", folder)

    def import_path(self, folder: Path) -> Path | None:
        return self._path("import_path", folder)

    def save_path(self, suggested: Path, title: str = "") -> Path | None:
        return self._path("save_path", suggested)

    def export_path(self, suggested: Path) -> Path | None:
        return self._path("export_path", suggested)

    def pdf_path(self, suggested: Path) -> Path | None:
        return self._path("pdf_path", suggested)

    def table_export_path(self, suggested: Path) -> Path | None:
        return self._path("table_export_path", suggested)

    def table_import_path(self, folder: Path) -> Path | None:
        return self._path("table_import_path", folder)

    def last_year_path(self, folder: Path) -> Path | None:
        return self._path("last_year_path", folder)

    def asked(self, name: str) -> list[Any]:
        return [arg for called, arg in self.calls if called == name]


class UrlRecorder:
    def __init__(self, result: bool = True) -> None:
        self.urls: list[QUrl] = []
        self.result = result

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return self.result


def make_window(qtbot: Any, prompts: ScriptedPrompts | None = None, **kwargs: Any) -> Any:
    """A MainWindow under qtbot with scripted prompts; ``window.prompts`` and
    ``window.open_url`` (a UrlRecorder) are there to inspect."""
    from nianbao_gui.app.main_window import MainWindow
    from nianbao_gui.core.settings import load_settings

    kwargs.setdefault("open_url", UrlRecorder())
    # as the program does: the settings of the (test's private) data folder, saved on change
    settings = kwargs.pop("settings", None) or load_settings()
    window = MainWindow(settings, prompts=prompts or ScriptedPrompts(), **kwargs)
    qtbot.addWidget(window)
    return window


def window_with_draft(
    qtbot: Any, report: Report, path: Path, size: tuple[int, int] = (1200, 800)
) -> Any:
    """A window showing ``report`` saved at ``path``, active, on its first section's tab; the
    editor's confirmations answered yes."""
    from nianbao_gui.core.storage import save_draft

    save_draft(report, path)
    window = make_window(qtbot)
    assert window.files.open_path(path)
    window.resize(*size)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.confirm = lambda text: True
    window.editor.tab_widget().setCurrentWidget(window.editor.section_tabs[0])
    return window


def edit_report(window: Any, change: Any) -> None:
    """Change the report as an edit would: ``change(report)`` on a copy, then one undo step
    that sets each top-level field that differs."""
    editor = window.editor
    history = editor.history
    current = editor.report()
    copy = current.model_copy(deep=True)
    change(copy)
    changes = [
        ((name,), getattr(copy, name))
        for name in type(copy).model_fields
        if getattr(copy, name) != getattr(current, name)
    ]
    history.edit("测试修改", changes)


def type_into(widget: QWidget, text: str) -> None:
    """Commit ``text`` into the focused editor as a Chinese input method would."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def close_window(window: Any) -> None:
    """Close without questions (tests that are not about closing)."""
    if window.document is not None:
        window.document.discard_changes()
    window.close()
