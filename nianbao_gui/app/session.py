"""The open draft as every feature of the window sees it: one object between the main window
and its features (对比去年, 数据, 预览, the 编辑 menu, the start page …).

A ``Session`` holds the form (``ReportEditor``: the report model and its history), the
``Document`` (file, autosave, lock), the settings and the prompts, and says what happened:
``draft_shown`` (another draft is in the form), ``changed(path)`` (an edit, an undo or a
redo), ``saved(moment)`` and ``settings_changed``. A feature gets the session and the one dock
or menu it owns; it never sees the window, and only main.py knows the window's class.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from ..core.fields import FieldPath
from ..core.model import Report
from ..core.settings import Settings
from .dialogs.messages import Prompts
from .editor.commands import History
from .editor.report_editor import ReportEditor
from .files.document import Document


class Session(QObject):
    draft_shown = Signal()  # another draft is in the form (its model and history are new)
    changed = Signal(object)  # the path changed: an edit, an undo or a redo
    saved = Signal(object)  # the moment the draft was saved
    settings_changed = Signal()  # the machine's settings (fonts) changed in the form

    def __init__(
        self,
        editor: ReportEditor,
        settings: Settings,
        prompts: Prompts,
        status: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.settings = settings
        self.prompts = prompts
        self._status = status
        self.document: Document | None = None
        # (the editor's changed follows the model's, after its widgets are in line)
        editor.model.changed.connect(lambda path, *_: self._last_path(path))
        editor.changed.connect(lambda: self.changed.emit(self._path))
        editor.settings_changed.connect(self.settings_changed)
        self._path: FieldPath = ()

    def show_status(self, text: str, ms: int = 8000, *, now: bool = False) -> None:
        """A line in the status bar for ``ms`` (0: until replaced); ``""`` clears it.
        ``now``: painted at once (before work that holds the event loop)."""
        if text:
            self._status.showMessage(text, ms)
        else:
            self._status.clearMessage()
        if now:
            self._status.repaint()

    def _last_path(self, path: FieldPath) -> None:
        self._path = path

    @property
    def history(self) -> History:
        return self.editor.history

    def report(self) -> Report:
        return self.editor.report()

    def set_document(self, document: Document) -> None:
        """``document`` is the open draft now: the form shows it, with a new history. The
        window emits ``draft_shown`` once it has wired the rest (autosave, title …)."""
        self.document = document
        self.editor.set_report(document.report)  # a new history: undo never crosses drafts

    def apply_edits(
        self, label: str, changes: Sequence[tuple[FieldPath, Any]], *, take_focus: bool = True
    ) -> None:
        """Text changes asked for by a panel (修复, 替换, 数据): one undo step."""
        if self.document is not None:
            self.editor.apply_text_edits(label, changes, take_focus=take_focus)
