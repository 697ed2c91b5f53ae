"""The open draft as every feature of the window sees it: one object between the main window
and its features (文件, 导出, 对比去年, 数据, 预览, the 编辑 menu, the start page …).

A ``Session`` holds the form (``ReportEditor``: the report model and its history), the
``Document`` (file, autosave, lock), the recovery store, the settings and the prompts. It
shows a draft, makes a new one and closes it (``show_draft``, ``new_draft``,
``close_draft``), and says what happened: ``draft_shown`` (another draft is in the form),
``changed(path)`` (an edit, an undo or a redo), ``saved(moment)``, ``settings_changed``, and
the open file's own news (``dirty_changed``, ``name_changed``, ``autosaved``,
``autosave_failed``). A feature gets the session and the one dock or menu it owns; the
window only listens to the session (title, welcome page, autosave labels), and only main.py
knows the window's class.

One session per window, not per draft: the form and its history widgets are the window's,
and a draft shown replaces the session's ``Document`` and the form's model and history, which
``draft_shown`` announces. So features connect once; a session per draft would need every
feature to rewire on each draft, or a forwarding object that is this one by another name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar

from ..core.fields import FieldPath
from ..core.model import Report
from ..core.settings import Settings
from .crash import Kept
from .dialogs.messages import Prompts
from .editor.commands import History
from .editor.report_editor import ReportEditor
from .files.document import Document


class Session(QObject):
    draft_shown = Signal()  # another draft is in the form (its model and history are new)
    changed = Signal(object)  # the path changed: an edit, an undo or a redo
    saved = Signal(object)  # the moment the draft was saved
    settings_changed = Signal()  # the machine's settings (fonts) changed in the form
    # the open draft's file, passed on from its Document so that listeners connect once
    dirty_changed = Signal(bool)
    name_changed = Signal()  # its file, or whether it may be written, changed (the title)
    autosaved = Signal(object)  # the moment of the write
    autosave_failed = Signal(object)  # the error
    # asked of the window by the file commands
    welcome_requested = Signal()  # nothing to open: the welcome page instead of the form
    example_shown = Signal()  # the draft just shown is the example: say so over it

    def __init__(
        self,
        editor: ReportEditor,
        settings: Settings,
        prompts: Prompts,
        status: QStatusBar,
        parent: QObject | None = None,
        *,
        store: Any = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.settings = settings
        self.prompts = prompts
        self._status = status
        self._store = store
        self.document: Document | None = None
        # (the editor's changed follows the model's, after its widgets are in line)
        editor.model.changed.connect(lambda path, *_: self._last_path(path))
        editor.changed.connect(lambda: self.changed.emit(self._path))
        editor.changed.connect(self._edited)
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

    @property
    def store(self) -> Any:
        """The recovery store (autosaves), opened when first needed."""
        if self._store is None:
            from ..core.storage import RecoveryStore

            self._store = RecoveryStore()
        return self._store

    def report(self) -> Report:
        return self.editor.report()

    # --- the open draft --------------------------------------------------------------------

    def _relays(self, document: Document) -> list[tuple[Any, Any]]:
        return [
            (document.dirty_changed, self.dirty_changed),
            (document.path_changed, self.name_changed),
            (document.autosaved, self.autosaved),
            (document.autosave_failed, self.autosave_failed),
            (document.lock_lost, self._lock_lost),
        ]

    def show_draft(self, document: Document) -> None:
        """``document`` is the open draft now: the form shows it, with a new history (undo
        never crosses drafts). The previous one must already be closed (``close_draft``)."""
        document.setParent(self)
        self.document = document
        self.editor.set_report(document.report)
        document.bind(self.editor.report)
        document.track(self.history.stack)
        for signal, slot in self._relays(document):
            signal.connect(slot)
        self.draft_shown.emit()

    def new_draft(self, report: Report, name_hint: str = "", *, dirty: bool = False) -> None:
        """Show ``report`` as a draft not yet saved anywhere (``dirty``: unsaved work)."""
        document = Document(report, store=self.store, name_hint=name_hint, parent=self)
        self.show_draft(document)
        if dirty:
            document.mark_unsaved()

    def close_draft(self) -> None:
        """Let go of the open draft (its lock, its recovery entry if nothing is unsaved)."""
        document, self.document = self.document, None
        if document is not None:
            document.close()
            for signal, slot in self._relays(document):
                signal.disconnect(slot)
            document.deleteLater()

    def _edited(self) -> None:
        if self.document is not None:
            self.document.mark_changed()

    def _lock_lost(self, error: BaseException) -> None:
        """Someone took the draft over: keep the text, make 保存 ask for a new file."""
        self.name_changed.emit()
        self.prompts.error(error)

    def autosave_soon(self) -> None:
        # deferred to the event loop: never write in the middle of a focus change
        if self.document is not None:
            QTimer.singleShot(0, self._autosave_if_open)

    def _autosave_if_open(self) -> None:
        if self.document is not None:
            self.document.autosave_now()

    def emergency_save(self) -> Kept | None:
        """After an unexpected error: make sure the work is on disk; say where it is (the
        draft file, or a recovery copy while the draft is not saved)."""
        document = self.document
        if document is None:
            return None
        if not document.dirty:
            return Kept(str(document.path), True) if document.path is not None else None
        document.mark_changed()  # force a fresh write even if the timer already wrote
        document.autosave_now()
        try:
            for entry in self.store.pending():
                if entry.key == document.key:
                    return Kept(str(entry.path), False)
        except Exception:
            return None
        return None

    def apply_edits(
        self, label: str, changes: Sequence[tuple[FieldPath, Any]], *, take_focus: bool = True
    ) -> None:
        """Text changes asked for by a panel (修复, 替换, 数据): one undo step."""
        if self.document is not None:
            self.editor.apply_text_edits(label, changes, take_focus=take_focus)
