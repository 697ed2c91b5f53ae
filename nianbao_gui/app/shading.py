"""检查 › 标出与去年相同的句子: the form shades every sentence still word for word last year's,
so she sees at a glance what is left to rewrite.

A syntax highlighter on each paragraph editor's document does it: it colours the text
only (the draft is not touched) and follows her typing, a sentence losing its shade as soon as
it differs from last year's. Editors built later (a tab opened for the first time, a form
rebuilt) get one when their tab is shown. The two reports' years count as the same, as in
对比去年: when she sets the draft's year, the shading is made again for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from ..core.checks.same_as_last import LastYear
from ..core.checks.targets import Kind, Target
from ..core.model import Report, Table
from .widgets.table_editor import TableEditor

if TYPE_CHECKING:
    from .main_window import MainWindow

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
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.known: LastYear | None = None
        self._last: Report | None = None
        self._year: int | None = None  # the draft's year the shading was made for
        tabs = window.editor.tab_widget()
        tabs.currentChanged.connect(lambda _index: QTimer.singleShot(0, self.attach))
        window.editor.changed.connect(self._follow_year)

    @property
    def on(self) -> bool:
        return self.known is not None

    def show(self, last: Report) -> int:
        """Shade what the open draft shares with ``last``; the number of editors shaded."""
        self.hide()
        self._last, self._year = last, self.window.report().year
        self.known = LastYear(last, self._year)
        return self.attach()

    def _follow_year(self) -> None:
        if self._last is not None and self.window.report().year != self._year:
            self.show(self._last)

    def attach(self) -> int:
        """A highlighter on every paragraph editor built so far that has none yet; every
        table editor shades its cells still as last year's (TableEditor.shade)."""
        if self.known is None:
            return 0
        count = 0
        for edit in self.window.editor.findChildren(QPlainTextEdit):
            document = edit.document()
            if document.findChild(_SameAsLast) is None:
                _SameAsLast(document, self.known)
                count += 1
        for table in self.window.editor.findChildren(TableEditor):
            table.set_shade(self._cell_same)
        return count

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
        key = known.cell_key(target, self.window.report().year)
        return bool(key and key in known.figures) or bool(known.same_sentences(text))

    def hide(self) -> None:
        self.known = self._last = None
        for table in self.window.editor.findChildren(TableEditor):
            table.set_shade(None)
        for edit in self.window.editor.findChildren(QPlainTextEdit):
            for highlighter in edit.document().findChildren(_SameAsLast):
                highlighter.setDocument(None)
                # no longer the document's child at once: attach() (换一份去年的… shows
                # another last year right after) must not take it for a live one
                highlighter.setParent(None)
                highlighter.deleteLater()
