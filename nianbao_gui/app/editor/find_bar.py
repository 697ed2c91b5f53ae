"""The find and replace bar (Ctrl+F, Ctrl+H): a strip under the form, not a dialog.

It reads the report to count and walk the matches (core.search) and asks for everything
else with signals: ``goto_requested`` to select a match in the form, ``edits_requested`` to
replace (the window makes each request one undo step, so 全部替换 is undone in one Ctrl+Z).

The bar remembers where the match it went to starts (``_anchor``), not its number: after any
change (typing, an undo, a replacement) the numbers shift, and 替换 must hit the match that was
selected, or none. It keeps the field's text up to the end of that match and the number of
fields too: when a section or paragraph is deleted, another field takes its path, and a match
there at the same offset (领导… and 领导…) is not the one that was selected. After a replacement
the walk goes on after the inserted text, so a replacement that contains the needle is not
found again.

Keyboard focus stays in the bar while it walks and replaces (as in Word): the match is selected
in the form, but a second Enter goes to the next match instead of splitting the paragraph
under the selection. Esc (``closed``) hands the focus to the form, at the match. Ctrl+Z and
Ctrl+Y in the find or replace box undo and redo her typing in that box, as in any text box;
they never change the report from there (the draft's 撤销 is the 编辑 menu's, and Ctrl+Z in the
form).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.fields import FieldPath, get_text, iter_text_fields
from ...core.model import Report
from ...core.search import Match, find_all, replace_all, replace_at
from ..widgets.inputs import OneLine
from ..widgets.look import fix_label_size, mute


class FindBar(QWidget):
    goto_requested = Signal(object, int, int)  # path, start, end
    edits_requested = Signal(str, list)  # label, [(path, new text)]
    closed = Signal()

    def __init__(self, report: Callable[[], Report], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self.matches: list[Match] = []
        self.current = -1  # the selected match, -1: none
        self._resume = 0  # with none selected: the match 下一个 goes to
        # path, start; the selected match's field up to its end (None: none selected), and
        # how many text fields the report had then
        self._anchor: tuple[FieldPath, int, str | None, int] | None = None
        self._stale = True

        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("查找的文字")
        self.find_edit.setClearButtonEnabled(True)
        self.count_label = mute(QLabel())
        fix_label_size(self.count_label, "第 9999 / 9999 处")
        self.prev_button = QPushButton("上一个")
        self.next_button = QPushButton("下一个")
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("关闭查找（Esc）")
        close.setAutoRaise(True)
        self.replace_edit = QLineEdit()
        self.replace_edit.setPlaceholderText("替换为")
        self.replace_button = QPushButton("替换")
        self.replace_all_button = QPushButton("全部替换")
        self.replace_all_button.setToolTip(
            "替换全文中的每一处（可用“编辑 → 撤销”一次撤销，或回到报告中按 Ctrl+Z）"
        )
        for edit in (self.find_edit, self.replace_edit):
            edit.setValidator(OneLine(edit))  # a pasted line break: no field of the draft has one

        top = QHBoxLayout()
        top.addWidget(QLabel("查找："))
        top.addWidget(self.find_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.prev_button)
        top.addWidget(self.next_button)
        top.addWidget(close)
        self.replace_row = QWidget()
        bottom = QHBoxLayout(self.replace_row)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(QLabel("替换："))
        bottom.addWidget(self.replace_edit, 1)
        bottom.addWidget(self.replace_button)
        bottom.addWidget(self.replace_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.replace_row)
        # Tab goes from 查找 to 替换为 as in Word's dialog, not to 上一个: what she typed after
        # Tab went nowhere, and 全部替换 then deleted every match (hidden boxes are skipped)
        chain = (self.find_edit, self.replace_edit, self.replace_button, self.replace_all_button)
        for first, then in zip(chain, (*chain[1:], self.prev_button), strict=True):
            QWidget.setTabOrder(first, then)

        self.find_edit.textChanged.connect(self._needle_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_current)
        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_everywhere)
        close.clicked.connect(self.close_bar)
        self._show_count()

    # --- opening ---------------------------------------------------------------------------

    def open(self, *, replace: bool, selected: str = "") -> None:
        self.replace_row.setVisible(replace)
        if selected and "\n" not in selected:
            self.find_edit.setText(selected)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.report_changed()

    def close_bar(self) -> None:
        self.closed.emit()  # first: the form takes the focus back before Qt hands it on
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    # --- matches ---------------------------------------------------------------------------

    def report_changed(self) -> None:
        """The report changed: matches are counted again (now if shown, else when opened)."""
        self._stale = True
        if self.isVisible():
            self._refresh()

    def draft_changed(self) -> None:
        """Another draft is shown: its matches, from its start."""
        self._anchor = None
        self.report_changed()

    def _needle_changed(self) -> None:
        self._anchor = None
        self._refresh()

    def _refresh(self) -> None:
        self._stale = False
        report = self._report()
        self.matches = find_all(report, self.find_edit.text())
        self.current, self._resume = -1, 0
        if self._anchor is not None and self.matches:
            self._place(report, *self._anchor)
        self._show_count()

    def _place(
        self, report: Report, path: FieldPath, start: int, head: str | None, fields: int
    ) -> None:
        """Select the match that starts at ``start`` of ``path`` (if one was selected there, the
        field still begins with ``head`` and no field came or went), else make the first match
        at or after that place the next one."""
        order = {field.path: i for i, field in enumerate(iter_text_fields(report))}
        if path not in order:  # the field is gone: start again from the top
            self._anchor = None
            return
        key = (order[path], start)
        before = sum(1 for m in self.matches if (order[m.path], m.start) < key)
        here = self.matches[before] if before < len(self.matches) else None
        unchanged = head is not None and get_text(report, path).startswith(head)
        same = unchanged and len(order) == fields
        if same and here is not None and here.path == path and here.start == start:
            self.current = before
        else:
            self._resume = before

    def selected_match(self) -> Match | None:
        """The match selected in the form now, if any."""
        if self._stale or not 0 <= self.current < len(self.matches):
            return None
        return self.matches[self.current]

    def _show_count(self) -> None:
        n = len(self.matches)
        needle = self.find_edit.text()
        if not needle:
            text = ""
        elif not n:
            text = "没有找到"
        elif self.current < 0:
            text = f"共 {n} 处"
        else:
            text = f"第 {self.current + 1} / {n} 处"
        self.count_label.setText(text)
        for button in (self.prev_button, self.next_button, self.replace_button):
            button.setEnabled(n > 0)
        self.replace_all_button.setEnabled(n > 0)

    def _go(self, step: int) -> None:
        if self._stale:
            self._refresh()
        if not self.matches:
            return
        if self.current < 0:
            self.current = (self._resume if step > 0 else self._resume - 1) % len(self.matches)
        else:
            self.current = (self.current + step) % len(self.matches)
        self._show_count()
        match = self.matches[self.current]
        report = self._report()
        head = get_text(report, match.path)[: match.end]
        self._anchor = (match.path, match.start, head, sum(1 for _ in iter_text_fields(report)))
        self.goto_requested.emit(match.path, match.start, match.end)

    def find_next(self) -> None:
        with self._focus_kept():
            self._go(1)

    def find_previous(self) -> None:
        with self._focus_kept():
            self._go(-1)

    @contextmanager
    def _focus_kept(self) -> Iterator[None]:
        """Give the focus back to the bar's field or button that had it, after the form took
        it to select a match (or to show a replacement)."""
        widget = QApplication.focusWidget()
        mine = widget is not None and self.isAncestorOf(widget)
        try:
            yield
        finally:
            if mine and widget is not None and widget.isVisible():
                if not widget.isEnabled():  # a button with nothing left to do
                    widget = self.find_edit
                # a line edit keeps its selection only when a popup takes its focus: the match
                # in a heading or the title stays selected, as one in a paragraph does
                widget.setFocus(Qt.FocusReason.PopupFocusReason)

    # --- replacing ------------------------------------------------------------------------

    def replace_current(self) -> None:
        """Replace the selected match (or go to the first), then go to the next."""
        with self._focus_kept():
            self._replace_current()

    def _replace_current(self) -> None:
        if self._stale:
            self._refresh()
        if not self.matches:
            return
        if self.current < 0:
            self.find_next()
            return
        match = self.matches[self.current]
        needle, replacement = self.find_edit.text(), self.replace_edit.text()
        new = replace_at(get_text(self._report(), match.path), match, needle, replacement)
        # go on after the inserted text: a replacement that holds the needle is not found again
        after = match.start + len(replacement) if new is not None else match.start
        self._anchor = (match.path, after, None, 0)
        if new is not None:
            self.edits_requested.emit(f"替换“{needle}”", [(match.path, new)])
        self._refresh()
        if self.matches:
            self._go(1)

    def replace_everywhere(self) -> None:
        with self._focus_kept():
            self._replace_everywhere()

    def _replace_everywhere(self) -> None:
        needle, replacement = self.find_edit.text(), self.replace_edit.text()
        changes, count = replace_all(self._report(), needle, replacement)
        if changes:
            self.edits_requested.emit(f"全部替换（{count} 处）", changes)
        self._anchor = None
        self._refresh()
        self.count_label.setText(f"已替换 {count} 处")
