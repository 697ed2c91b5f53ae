"""检查 › 标出与去年相同的句子: the form shades every sentence still word for word last year's,
so she sees at a glance what is left to rewrite.

A syntax highlighter on each paragraph editor's document does it: it colours the text
only (the draft is not touched) and follows her typing, a sentence losing its shade as soon as
it differs from last year's. Every box the form's binder announces (a tab opened for the first
time, a paragraph split with Enter, paragraphs pasted) gets one as it appears. The two reports'
years count as the same, as in 对比去年: when she sets the draft's year, the shading is made
again for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...core.checks.same_as_last import LastYear
from ...core.checks.targets import Kind, Target
from ...core.model import Report, Table
from ..editor.binder import Binder
from ..widgets.table_editor import TableEditor

SHADE = QColor("#e3ecf7")  # a pale blue: visible, and unlike the yellow of the fill column


class _SameAsLast(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, known: LastYear) -> None:
        super().__init__(document)
        self.known = known
        self.shade = QTextCharFormat()
        self.shade.setBackground(SHADE)
        self.shade.setToolTip("与去年的报告一字不差")

    def highlightBlock(self, text: str) -> None:
        for start, end in self.known.same_sentences(text):
            self.setFormat(start, end - start, self.shade)


class Shading:
    """The shading of one form: its binder's text boxes, the draft it shows (``report``),
    and its ``changed`` signal (the year set)."""

    def __init__(self, binder: Binder, report: Callable[[], Report], changed: Any) -> None:
        self.binder = binder
        self.report = report
        self.known: LastYear | None = None
        self._last: Report | None = None
        self._year: int | None = None  # the draft's year the shading was made for
        binder.editor_bound.connect(self._shade)
        binder.table_bound.connect(self._shade_table)
        changed.connect(self._follow_year)

    @property
    def on(self) -> bool:
        return self.known is not None

    def show(self, last: Report) -> int:
        """Shade what the open draft shares with ``last``; the number of editors shaded."""
        self.hide()
        self._last, self._year = last, self.report().year
        self.known = LastYear(last, self._year)
        for table in self.binder.tables():
            self._shade_table(table)
        return sum(self._shade(box) for box in self.binder.text_boxes())

    def _follow_year(self) -> None:
        if self._last is not None and self.report().year != self._year:
            self.show(self._last)

    def _shade(self, box: QWidget) -> bool:
        """A highlighter on ``box`` (a paragraph's text box) if it has none yet."""
        if self.known is None or not isinstance(box, QPlainTextEdit):
            return False
        document = box.document()
        if document.findChild(_SameAsLast) is not None:
            return False
        _SameAsLast(document, self.known)
        return True

    def _shade_table(self, table: QWidget) -> None:
        """A table editor shades its cells still as last year's (TableEditor.set_shade)."""
        if self.known is not None and isinstance(table, TableEditor):
            table.set_shade(self._cell_same)

    def _cell_same(self, table: Table, row: int, column: int) -> bool:
        """A cell that is last year's: a figure under the same row label and column header,
        or a sentence word for word."""
        known = self.known
        if known is None:
            return False
        text = table.rows[row][column]
        header = table.rows[max(table.header_rows - 1, 0)]
        context = f"{table.rows[row][0]}\x02{header[column]}"
        target = Target(("cell",), text, Kind.CELL, context=context)
        key = known.cell_key(target, self.report().year)
        return bool(key and key in known.figures) or bool(known.same_sentences(text))

    def hide(self) -> None:
        self.known = self._last = None
        for table in self.binder.tables():
            if isinstance(table, TableEditor):
                table.set_shade(None)
        for box in self.binder.text_boxes():
            if not isinstance(box, QPlainTextEdit):
                continue
            for highlighter in box.document().findChildren(_SameAsLast):
                highlighter.setDocument(None)
                # no longer the document's child at once: show() (换一份去年的… shows
                # another last year right after) must not take it for a live one
                highlighter.setParent(None)
                highlighter.deleteLater()
