"""The 编辑 menu: 撤销/重做 on the draft's history, the find bar, the size of the text.

The actions, their keys and when they are enabled are in action_table.py; this module holds
their handlers, names the step in the menu ("撤销 全部修复（5 处）") and builds the find bar
the first time it is asked for. It gets the session, the 撤销 and 重做 actions it names and
the area under the form where the find bar goes: not the window, not the action table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QApplication, QBoxLayout, QLineEdit, QPlainTextEdit
from shiboken6 import isValid

if TYPE_CHECKING:
    from ..session import Session
    from .find_bar import FindBar


class EditActions:
    """The 编辑 menu's handlers; ``area`` is the layout under the form, where the find bar goes."""

    def __init__(self, session: Session, undo: QAction, redo: QAction, area: QBoxLayout) -> None:
        self.session = session
        self.area = area
        self._find_bar: FindBar | None = None
        stack = self.stack()  # (whether they are enabled: the table follows it, follow_history)
        stack.undoTextChanged.connect(lambda text: self._name(undo, "撤销", text))
        stack.redoTextChanged.connect(lambda text: self._name(redo, "重做", text))

    def stack(self) -> QUndoStack:
        return self.session.history.stack

    def undo(self) -> None:
        self.stack().undo()

    def redo(self) -> None:
        self.stack().redo()

    @staticmethod
    def _name(action: QAction, verb: str, step: str) -> None:
        if not isValid(action):  # the window is being torn down
            return
        key = "U" if verb == "撤销" else "R"
        action.setText(f"{verb} {step}(&{key})" if step else f"{verb}(&{key})")

    # --- find and replace -----------------------------------------------------------------

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from .find_bar import FindBar

            session = self.session
            bar = FindBar(session.report, self.area.parentWidget())
            self.area.addWidget(bar)
            bar.goto_requested.connect(session.editor.open_place)
            bar.edits_requested.connect(session.apply_edits)
            session.changed.connect(lambda _path: bar.report_changed())
            session.draft_shown.connect(bar.draft_changed)  # set_report emits no changed
            bar.closed.connect(self._back_to_form)
            bar.hide()
            self._find_bar = bar
        return self._find_bar

    def _back_to_form(self) -> None:
        """The find bar closed: the cursor goes back to the form, at the last match, selected
        (in a cell, the cell's editor opens again: it closed when the bar took the focus back)."""
        match = self.find_bar.selected_match()
        if match is not None:
            self.session.editor.open_place(match.path, match.start, match.end)
            return
        field = self.session.editor.focusWidget()
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
        self.session.editor.zoom(step)

    def zoom_in(self) -> None:
        self.zoom(1)

    def zoom_out(self) -> None:
        self.zoom(-1)

    def zoom_reset(self) -> None:
        self.zoom(0)
