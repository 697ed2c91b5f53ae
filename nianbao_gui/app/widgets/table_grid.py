"""The grid of a table editor: cells edited in place, keys as in a spreadsheet.

Enter moves down after a cell is written, Ctrl+V pastes a block (``pasted``). A cell's
editor (opened by a double-click or by typing) is a text box like every other of the form:
each key reaches the draft as it is typed (``typed``), one undo step per run of typing, and
it is told when it opens and closes (``box_opened`` / ``box_closed``) so that the binder can
announce it (the draft's undo keys, zoom).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)

from .inputs import OneLine

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """Makes a cell's editor: a one-line box whose every edit is reported (``typed``)."""

    typed = Signal(int, int, str)  # row, column, the box's text
    opened = Signal(QWidget)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QLineEdit(parent)
        box.setFrame(False)
        box.setValidator(OneLine(box))  # a pasted line break never reaches the cell
        row, column = index.row(), index.column()
        box.textEdited.connect(lambda text: self.typed.emit(row, column, text))
        self.opened.emit(box)
        return box

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # air above and below the text: rows of bare line height look cramped
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + option.fontMetrics.height() // 2)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        # the cell shows what was just typed (the draft follows each key): setting the same
        # text again would move the cursor to the end
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QLineEdit) and editor.text() != text:
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QLineEdit) and editor.text() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class CellGrid(QTableWidget):
    """The grid: Enter moves down after a cell is written, Ctrl+V pastes a block. Its columns
    share its whole width as ``widths(total)`` says (the export's proportions), its rows are
    as tall as their wrapped text, and it is as tall as its rows (no scroll bar inside the
    form's own)."""

    pasted = Signal(int, int, str)  # row, column, clipboard text
    box_opened = Signal(QWidget)  # a cell's editor opened …
    box_closed = Signal(QWidget)  # … and closes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells = CellDelegate(self)
        self.setItemDelegate(self.cells)
        self.cells.opened.connect(self.box_opened)
        self.widths: Callable[[int], list[int]] | None = None  # set by its table's editor
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def fit(self) -> None:
        """Columns across the width, rows to their text, the grid to its rows."""
        if self.widths is not None and self.columnCount():
            self.updateGeometries()  # the row numbers' width (more rows, more digits) first
            for column, width in enumerate(self.widths(self.viewport().width())):
                self.setColumnWidth(column, width)
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(rows + self.horizontalHeader().height() + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # the window was resized
            self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if text:
                self.pasted.emit(max(self.currentRow(), 0), max(self.currentColumn(), 0), text)
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.state() != QAbstractItemView.State.EditingState:
            self._step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        self.box_closed.emit(editor)
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in the cell
            self._step(1)

    def open_box(self) -> QLineEdit | None:
        """The cell editor open now, if any."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        box = self.indexWidget(self.currentIndex())
        return box if isinstance(box, QLineEdit) else None

    def _step(self, delta: int) -> None:
        row = min(max(self.currentRow() + delta, 0), self.rowCount() - 1)
        self.setCurrentCell(row, max(self.currentColumn(), 0))
