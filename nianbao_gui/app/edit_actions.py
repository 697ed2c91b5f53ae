"""The 编辑 menu: 撤销/重做 on the draft's history, the find bar, the size of the text.

The actions come from ui/main_window.ui; this module connects them to the editor's undo
stack (the menu names the step: "撤销 全部修复（5 处）") and builds the find bar the first
time it is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
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
        ui.actionUndo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        # Ctrl+Y as in Word and WPS, Ctrl+Shift+Z as elsewhere
        ui.actionRedo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        ui.actionZoomIn.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        ui.actionFind.triggered.connect(lambda: self.find(replace=False))
        ui.actionReplace.triggered.connect(lambda: self.find(replace=True))
        ui.actionZoomIn.triggered.connect(lambda: self.zoom(1))
        ui.actionZoomOut.triggered.connect(lambda: self.zoom(-1))
        ui.actionZoomReset.triggered.connect(lambda: self.zoom(0))
        stack = self.stack()
        if stack is None:
            for action in (ui.actionUndo, ui.actionRedo):
                action.setEnabled(False)
            return
        ui.actionUndo.triggered.connect(stack.undo)
        ui.actionRedo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(ui.actionUndo.setEnabled)
        stack.canRedoChanged.connect(ui.actionRedo.setEnabled)
        stack.undoTextChanged.connect(lambda text: self._name(ui.actionUndo, "撤销", text))
        stack.redoTextChanged.connect(lambda text: self._name(ui.actionRedo, "重做", text))
        ui.actionUndo.setEnabled(stack.canUndo())
        ui.actionRedo.setEnabled(stack.canRedo())

    def stack(self) -> Any:
        undo_stack = getattr(self.window.editor, "undo_stack", None)
        return undo_stack() if undo_stack is not None else None

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

    def zoom(self, step: int) -> None:
        zoom = getattr(self.window.editor, "zoom", None)
        if zoom is not None:
            zoom(step)
