"""Ctrl+Z / Ctrl+Y in a text box: the draft's history, not the box's own.

Qt's text boxes keep an undo history of their own and claim the standard undo keys before
the window's 撤销/重做 shortcuts see them. That history misses every structural step (a split,
a merge, a deleted paragraph) and is wiped whenever the box's text is set from the model, so
every text box the binder binds gets this filter, and its own undo is switched off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from .commands import History


def is_undo(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo)


def is_redo(event: QKeyEvent) -> bool:
    combo = event.keyCombination()
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift_ctrl = ctrl | Qt.KeyboardModifier.ShiftModifier
    return (
        event.matches(QKeySequence.StandardKey.Redo)
        or (combo.key() == Qt.Key.Key_Y and combo.keyboardModifiers() == ctrl)
        or (combo.key() == Qt.Key.Key_Z and combo.keyboardModifiers() == shift_ctrl)
    )


class UndoKeys(QObject):
    """Ctrl+Z / Ctrl+Y in a text box go to the draft's history, not the box's own.

    A text box claims the standard undo keys for itself (it accepts their ShortcutOverride)
    and would undo only its own text, missing every structural step. This filter takes the
    keys first and runs the draft's undo or redo."""

    def __init__(self, history: History) -> None:
        super().__init__()
        self.history = history

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or not (is_undo(event) or is_redo(event)):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the box as a key press: handled below
            return True
        stack = self.history.stack
        stack.undo() if is_undo(event) else stack.redo()
        return True


def route_undo_keys(widget: QWidget, keys: UndoKeys) -> None:
    widget.installEventFilter(keys)
    if isinstance(widget, QPlainTextEdit):
        widget.setUndoRedoEnabled(False)  # one history: the draft's
