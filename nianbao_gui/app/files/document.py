"""The open draft's lifecycle: its file, the dirty flag, the lock, saving and autosave.

No report logic here. The report itself is the editor's live model (``bind``); this object
decides when it is written where:
- ``save``/``save as`` go through ``storage.save_draft`` (atomic, with backups);
- every change restarts a single-shot timer; ~3 s after typing stops, and whenever the
  window loses focus, the report goes to the RecoveryStore (a small JSON write, well under a
  frame; see benchmarks/bench_gui_window.py), so a crash or power cut loses seconds at most;
- a successful save, a clean close, or an autosave after undoing back to the saved text
  discards the recovery entry;
- a DraftLock is held while a draft is open so that two copies (or two PCs on a share) do not
  overwrite each other;
- the dirty flag (the window's ``*``) follows the undo stack's clean state (``track``): undoing
  back to the saved text makes the draft clean again. A draft that was never saved, or came
  back from a recovery file, stays dirty until saved.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from ...core.model import Report

_log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 3000


LOCK_HEARTBEAT_MS = 2 * 60 * 1000
"""Well inside storage's STALE_AFTER (10 min): a lock we hold never looks abandoned."""


def recovery_key(path: Path | None) -> str:
    """Stable for a saved draft (same file → same entry, across runs); fresh for a new one."""
    return str(_storage().key_for(path, uuid.uuid4().hex))


def _storage() -> Any:
    # imported on first use: storage pulls in nothing heavy, but keeping the window module
    # importable without it lets the window start even if a storage module is broken
    from ...core import storage

    return storage


class Document(QObject):
    """One open draft. ``path`` is None until first saved (a new or imported report)."""

    dirty_changed = Signal(bool)
    path_changed = Signal()
    autosaved = Signal(object)  # datetime of the write
    autosave_failed = Signal(object)  # the NianbaoError / OSError
    lock_lost = Signal(object)  # DraftLockedError: someone took the draft over

    def __init__(
        self,
        report: Report,
        path: Path | None = None,
        *,
        store: Any = None,
        lock: Any = None,
        read_only: bool = False,
        name_hint: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._report = report
        self._source: Callable[[], Report] | None = None
        self.path = path
        self.read_only = read_only
        self.name_hint = name_hint
        self._lock = lock
        self._store = store
        self.key = recovery_key(path)
        self._dirty = False
        self._never_saved_work = False  # imported, restored: unsaved whatever the stack says
        self._stack: Any = None
        self._stack_clean = True
        self._unsaved_in_recovery = False  # changed since the last recovery write
        self.last_autosave: _dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(LOCK_HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.refresh_lock)
        if lock is not None:
            self.heartbeat.start()

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        store: Any = None,
        take_over: bool = False,
        read_only: bool = False,
        parent: QObject | None = None,
    ) -> Document:
        """Load and lock a draft; raises DraftError, DraftLockedError (owner=…), FileAccessError."""
        storage = _storage()
        lock = None
        if not read_only:
            lock = storage.DraftLock(path)
            lock.acquire(take_over=take_over)
        try:
            report = storage.load_draft(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        document = cls(report, path, store=store, lock=lock, read_only=read_only, parent=parent)
        document._keep_clear_of_pending()
        return document

    def _keep_clear_of_pending(self) -> None:
        """A crash's unsaved work for this file still waits (以后再说 at the start), or the
        file is open for writing elsewhere (a 只读 opening): this opening autosaves under a
        key of its own, so that neither its autosaves nor its save or clean close replace or
        delete that work; a crash's is offered at the next start."""
        try:
            waiting = self.read_only or self.store.file_for(self.key).exists()
        except Exception:  # no data folder: no recovery entry either
            return
        if waiting:
            self.key = _storage().key_for(None, uuid.uuid4().hex)

    @classmethod
    def restore(
        cls,
        entry: Any,
        *,
        store: Any,
        take_over: bool = False,
        as_new: bool = False,
        parent: QObject | None = None,
    ) -> Document:
        """The unsaved work of a recovery entry, locked like ``open`` locks a draft.

        The draft it belongs to (``entry.source``) is locked again; ``DraftLockedError``
        when someone else holds it (``take_over`` to take it), ``FileAccessError`` when its
        folder is gone. ``as_new``: the recovered text becomes a new, unnamed draft and the
        file stays as it is. Raises DraftError when the entry cannot be read.
        """
        storage = _storage()
        report = store.load(entry)
        source = None if as_new or not entry.source else Path(entry.source)
        lock = None
        if source is not None:
            lock = storage.DraftLock(source)
            lock.acquire(take_over=take_over)
        name = "恢复的报告" if source is None else ""
        document = cls(report, source, store=store, lock=lock, name_hint=name, parent=parent)
        document.restored_from_recovery(entry.key)
        return document

    # --- the report ------------------------------------------------------------------------

    def bind(self, source: Callable[[], Report]) -> None:
        """Read the report from the editor from now on (its live, edited-in-place model)."""
        self._source = source

    @property
    def report(self) -> Report:
        return self._source() if self._source is not None else self._report

    @property
    def store(self) -> Any:
        if self._store is None:
            self._store = _storage().RecoveryStore()
        return self._store

    def display_name(self) -> str:
        if self.path is not None:
            return self.path.stem
        return self.name_hint or "未命名报告"

    # --- dirty flag and autosave -----------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, value: bool) -> None:
        if value != self._dirty:
            self._dirty = value
            self.dirty_changed.emit(value)

    def track(self, stack: Any) -> None:
        """Follow an undo stack (QUndoStack): at its clean index the draft equals the file."""
        self._stack = stack
        stack.setClean()
        self._stack_clean = True
        stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self._stack_clean = clean
        self._update_dirty()

    def _untrack(self) -> None:
        stack, self._stack = self._stack, None
        if stack is not None:
            with contextlib.suppress(RuntimeError):  # the stack went first (window closing)
                stack.cleanChanged.disconnect(self._on_clean_changed)

    def _update_dirty(self) -> None:
        stack_dirty = self._stack is not None and not self._stack_clean
        self._set_dirty(self._never_saved_work or stack_dirty)

    def mark_unsaved(self) -> None:
        """Work that is in no file (an import, a copy, a restore): dirty until saved."""
        self._never_saved_work = True
        self.mark_changed()

    def mark_changed(self) -> None:
        """After every change: the autosave countdown starts again, the dirty flag follows."""
        self._unsaved_in_recovery = True
        if self._stack is None:
            self._set_dirty(True)
        else:
            self._update_dirty()
        self.timer.start()

    def _mark_clean(self) -> None:
        self._never_saved_work = False
        if self._stack is not None and isValid(self._stack):
            self._stack.setClean()
        self._stack_clean = True
        self._set_dirty(False)

    def autosave_now(self) -> bool:
        """Write the report to the recovery store if it changed since the last write.

        Never raises: a failed autosave is reported through ``autosave_failed`` and retried
        at the next change; the user's typing must not be interrupted by a dialog.
        """
        self.timer.stop()
        if not self._unsaved_in_recovery:
            return False
        if not self._dirty:  # undone back to the file's text: the entry holds undone work
            self._discard_recovery(self.key)
            self._unsaved_in_recovery = False
            return False
        try:
            source = str(self.path) if self.path is not None else None
            self.store.write(self.key, self.report, source=source)
        except Exception as error:  # any failure: keep editing, say so in the status bar
            _log.warning("autosave failed for %s", self.key, exc_info=True)
            self.autosave_failed.emit(error)
            return False
        self._unsaved_in_recovery = False
        self.last_autosave = _dt.datetime.now()
        self.autosaved.emit(self.last_autosave)
        return True

    def restored_from_recovery(self, key: str) -> None:
        """The report came from a recovery entry: keep its key, and it is unsaved work."""
        self.key = key
        self._unsaved_in_recovery = False
        self._never_saved_work = True
        self._set_dirty(True)

    def refresh_lock(self) -> bool:
        """Renew the lock's heartbeat; False (and ``lock_lost``) if it was taken over."""
        if self._lock is None:
            return True
        from ...core.errors import DraftLockedError, FileAccessError

        try:
            self._lock.refresh()
        except FileAccessError:
            return True  # the share is away for a moment; try again at the next tick
        except DraftLockedError as error:
            self._lock = None
            self.heartbeat.stop()
            self.read_only = True
            self.lock_lost.emit(error)
            return False
        return True

    def _check_lock_still_ours(self) -> None:
        """Before writing over the file: DraftLockedError if someone took it over."""
        from ...core.errors import DraftLockedError, FileAccessError

        assert self._lock is not None
        try:
            self._lock.refresh()
        except FileAccessError:
            pass  # cannot renew just now; the save itself will say if the folder is gone
        except DraftLockedError:
            self._lock = None
            self.heartbeat.stop()
            self.read_only = True  # from now on 保存 means 另存为
            raise

    # --- saving ----------------------------------------------------------------------------

    def save(self, path: Path | None = None) -> list[str]:
        """Save to ``path`` (save as) or to the current file; raises NianbaoError on failure.
        Returns notes on what the save could not do besides (storage.save_draft).

        Saving under a new name locks the new file first and lets go of the old one after.
        """
        storage = _storage()
        target = path or self.path
        if target is None:
            raise ValueError("save() without a path on a draft never saved")
        new_file = self.path is None or target.resolve() != self.path.resolve()
        new_lock = None
        if new_file or self._lock is None:
            new_lock = storage.DraftLock(target)
            new_lock.acquire()
        else:
            self._check_lock_still_ours()
        # over another file only after a question promising its earlier version is kept
        replacing = new_file and target.exists()
        try:
            notes: list[str] = storage.save_draft(self.report, target, backup_required=replacing)
        except BaseException:
            if new_lock is not None:
                new_lock.release()
            raise
        old_key = self.key
        if new_lock is not None:
            self._release_lock()
            self._lock = new_lock
            self.heartbeat.start()
        if self._lock is not None:
            self._lock.after_save()  # a hard-linked draft has a new identity now
        self.read_only = False
        self.timer.stop()
        if not self._discard_recovery(old_key):
            notes.append(
                "自动保存的旧内容没能删除（数据文件夹不能写入）；下次启动时如提示恢复，可选择不恢复。"
            )
        if new_file:
            self.path = target
            self.key = recovery_key(target)
            self.path_changed.emit()
        self._unsaved_in_recovery = False
        self._mark_clean()
        return notes

    # --- closing ---------------------------------------------------------------------------

    def discard_changes(self) -> None:
        """The user chose 不保存: the unsaved work is dropped, recovery entry included."""
        self.timer.stop()
        self._discard_recovery(self.key)
        self._unsaved_in_recovery = False
        self._mark_clean()

    def close(self) -> None:
        """Let go of the draft. The recovery entry goes when nothing unsaved is left in it;
        otherwise (closing without asking, e.g. at logout) it stays for the next start."""
        self.timer.stop()
        if not self._dirty:
            self._discard_recovery(self.key)
        elif self._unsaved_in_recovery:
            self.autosave_now()
        self._release_lock()
        self._untrack()

    def _discard_recovery(self, key: str) -> bool:
        try:
            self.store.discard(key)
        except Exception:  # a leftover recovery file is harmless; it is offered once more
            _log.warning("could not discard recovery entry %s", key, exc_info=True)
            return False
        return True

    def _release_lock(self) -> None:
        self.heartbeat.stop()
        if self._lock is not None:
            try:
                self._lock.release()
            except Exception:
                _log.warning("could not release the lock on %s", self.path, exc_info=True)
            self._lock = None
