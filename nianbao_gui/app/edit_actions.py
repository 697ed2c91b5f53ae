"""The 编辑 menu: 撤销/重做 on the draft's history, the find bar, the size of the text.

The actions, their keys and when they are enabled are in action_table.py; this module holds
their handlers, names the step in the menu ("撤销 全部修复（5 处）") and builds the find bar
the first time it is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from shiboken6 import isValid

if TYPE_CHECKING:
    from .find_bar import FindBar
    from .main_window import MainWindow


class EditActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._find_bar: FindBar | None = None
        ui = window.ui
        stack = self.stack()
        window.commands.follow_history(stack)
        stack.undoTextChanged.connect(lambda text: self._name(ui.actionUndo, "撤销", text))
        stack.redoTextChanged.connect(lambda text: self._name(ui.actionRedo, "重做", text))

    def stack(self) -> QUndoStack:
        stack: QUndoStack = self.window.editor.undo_stack()
        return stack

    def undo(self) -> None:
        self.stack().undo()

    def redo(self) -> None:
        self.stack().redo()

    @staticmethod
    def _name(action: Any, verb: str, step: str) -> None:
        if not isValid(action):  # the window is being torn down
            return
        key = "U" if verb == "撤销" else "R"
        action.setText(f"{verb} {step}(&{key})" if step else f"{verb}(&{key})")

    # --- find and replace -----------------------------------------------------------------

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from .find_bar import FindBar

            window = self.window
            bar = FindBar(window.report, window)
            window.ui.editorLayout.addWidget(bar)
            bar.goto_requested.connect(window.editor.focus_field)
            bar.edits_requested.connect(window.apply_edits)
            window.editor.changed.connect(bar.report_changed)
            window.document_shown.connect(bar.draft_changed)  # set_report emits no changed
            bar.closed.connect(self._back_to_form)
            bar.hide()
            self._find_bar = bar
        return self._find_bar

    def _back_to_form(self) -> None:
        """The find bar closed: the cursor goes back to the form, at the last match."""
        field = self.window.editor.focusWidget()
        if field is not None and field.isVisible():
            field.setFocus(Qt.FocusReason.PopupFocusReason)  # a line edit keeps the selection

    def find(self, *, replace: bool) -> None:
        focus = QApplication.focusWidget()
        selected = ""
        if isinstance(focus, QLineEdit):
            selected = focus.selectedText()
        elif isinstance(focus, QPlainTextEdit):
            selected = focus.textCursor().selectedText()
        self.find_bar.open(replace=replace, selected=selected)

    # --- text size ------------------------------------------------------------------------

    def find_text(self) -> None:
        self.find(replace=False)

    def replace_text(self) -> None:
        self.find(replace=True)

    def zoom(self, step: int) -> None:
        self.window.editor.zoom(step)

    def zoom_in(self) -> None:
        self.zoom(1)

    def zoom_out(self) -> None:
        self.zoom(-1)

    def zoom_reset(self) -> None:
        self.zoom(0)
