"""One paragraph of long Chinese text: an editor that grows with its text, and a live count.

The editor's height follows its text (estimated from the length, never from a full layout, so
a keystroke stays cheap) between a few lines and about twenty; longer paragraphs scroll inside.
Enter does not put a line break into the paragraph (a report paragraph is one paragraph): in a
list it splits the paragraph at the cursor (``split_requested``) and Backspace at the start
joins it to the one before (``merge_requested``), as in a word processor; pasted text with
line breaks asks the list to make one paragraph per line (``paste_requested``).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.outline import char_count
from .look import em, fix_label_size, mute, text_font


class GrowingPlainTextEdit(QPlainTextEdit):
    """A QPlainTextEdit whose preferred height follows the length of its text."""

    split_requested = Signal(int)  # cursor position (Python index) where Enter was pressed
    paste_requested = Signal(list)  # the pasted text's lines, as copied
    merge_requested = Signal()  # Backspace at the very start: join with the paragraph before

    def __init__(self, min_lines: int = 3, max_lines: int = 20, parent: QWidget | None = None):
        super().__init__(parent)
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.splits_paragraphs = False
        self._lines = min_lines
        self.setTabChangesFocus(True)  # Tab goes to the next field, as in any form
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        self._em = 0
        self.textChanged.connect(self._update_lines)

    def _estimate_lines(self) -> int:
        # A CJK character is about one em wide; counting lines from the length avoids laying
        # out the whole document on every keystroke.
        if not self._em:
            self._em = em(self)
        per_line = max(8, (self.viewport().width() - 8) // self._em)
        text = self.toPlainText()
        lines = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        return max(self.min_lines, min(self.max_lines, lines + 1))

    def _update_lines(self) -> None:
        lines = self._estimate_lines()
        if lines != self._lines:
            self._lines = lines
            self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._em = 0
            self._update_lines()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._update_lines()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin())
        return QSize(super().sizeHint().width(), self._lines * line + frame + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(em(self) * 10, self.sizeHint().height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.splits_paragraphs and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            cursor = self.textCursor()
            self.split_requested.emit(self.python_index(cursor.position()))
            return
        if (
            self.splits_paragraphs
            and event.key() == Qt.Key.Key_Backspace
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and not self.textCursor().hasSelection()
            and self.textCursor().position() == 0
        ):
            self.merge_requested.emit()
            return
        super().keyPressEvent(event)

    def python_index(self, utf16_position: int) -> int:
        text = self.toPlainText()
        encoded = text.encode("utf-16-le")[: utf16_position * 2]
        return len(encoded.decode("utf-16-le", errors="ignore"))

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        lines = text.replace("\r\n", "\n").split("\n")
        parts = [part for line in lines if (part := line.strip())]
        if self.splits_paragraphs and len(parts) > 1:
            # the lines as copied: an empty first or last cell of a spreadsheet row is a tab
            # at the line's edge, which stripping would lose (ParagraphList.paste_items)
            self.paste_requested.emit(lines)
            return
        if "\n" in text or "\r" in text:
            # A single pasted paragraph broken into lines by a PDF or a web page: join it.
            self.insertPlainText("".join(parts))
            return
        super().insertFromMimeData(source)


class ParagraphEdit(QWidget):
    """A titled paragraph editor with its own character count.

    Bindable: ``value()``, ``set_value()`` and ``edited(str)`` (user edits only).
    """

    edited = Signal(str)

    def __init__(
        self,
        title: str = "",
        *,
        placeholder: str = "",
        min_lines: int = 3,
        max_lines: int = 20,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loading = False
        self.editor = GrowingPlainTextEdit(min_lines, max_lines)
        self.editor.setFont(text_font(self))
        self.editor.setPlaceholderText(placeholder)
        self.title_label = QLabel(title)
        self.count_label = QLabel()
        mute(self.count_label)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fix_label_size(self.count_label, "99999 字")

        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        self.header.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addWidget(self.editor)
        self._count = 0
        self._show_count(0)
        self.editor.textChanged.connect(self._on_text_changed)

    def _show_count(self, count: int) -> None:
        self._count = count
        self.count_label.setText(f"{count} 字")

    def _on_text_changed(self) -> None:
        text = self.editor.toPlainText()
        count = char_count(text)
        if count != self._count:
            self._show_count(count)
        if not self._loading and not self.signalsBlocked():
            self.edited.emit(text)

    def value(self) -> str:
        return self.editor.toPlainText()

    def set_value(self, text: str) -> None:
        if self.editor.toPlainText() == text:
            return
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False

    def count(self) -> int:
        return self._count
