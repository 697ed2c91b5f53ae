"""The grid of a table editor: cells edited in place, keys as in a spreadsheet.

Enter moves down after a cell is written, Ctrl+V (or 粘贴 in an open cell's menu) pastes a
block (``pasted``). A cell's editor (opened by a double-click or by typing) is a text box like
every other of the form: each key reaches the draft as it is typed (``typed``), one undo step
per run of typing, and it is told when it opens and closes (``box_opened`` / ``box_closed``)
so that the binder can announce it (the draft's undo keys, zoom). Esc puts the cell back as
it was when its editor opened (``reverted``), as in Excel. Enter, like Qt's own Tab and
arrows, never stops on a cell covered by a merge. The columns stand still while a cell is
typed in and are fitted to the text when its editor closes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
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


class CellBox(QLineEdit):
    """A cell's editor; it remembers its cell (where it is now, should rows come or go while
    it is open) and the cell's text when it opened (Esc)."""

    block_pasted = Signal(QWidget, str)  # itself, rows copied from a spreadsheet

    def __init__(self, parent: QWidget, index: Index, began: str) -> None:
        super().__init__(parent)
        self.cell = QPersistentModelIndex(index)
        self.began = began

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_here()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # the menu's 粘贴 does what Ctrl+V does: it pasted a block, tabs and all, in this cell
        menu = self.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(self.paste_here)
        menu.popup(event.globalPos())

    def paste_here(self) -> None:
        """Cells copied from Excel/WPS (tab-separated) fill the cells from here, as on a
        selected cell, instead of landing tabs and all in this one; other text is pasted."""
        text = QGuiApplication.clipboard().text()
        if "\t" in text:
            self.block_pasted.emit(self, text)
        else:
            self.paste()


class CellDelegate(QStyledItemDelegate):
    """Makes a cell's editor: a one-line box whose every edit is reported (``typed``)."""

    typed = Signal(int, int, str)  # row, column, the box's text
    opened = Signal(QWidget)
    block_pasted = Signal(QWidget, str)  # a box, the rows pasted into it

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = CellBox(parent, index, str(index.data(Qt.ItemDataRole.EditRole) or ""))
        box.setFrame(False)
        box.setValidator(OneLine(box))  # a pasted line break never reaches the cell
        box.textEdited.connect(lambda text: self._typed(box, text))
        box.block_pasted.connect(self.block_pasted)
        self.opened.emit(box)
        return box

    def _typed(self, box: CellBox, text: str) -> None:
        if box.cell.isValid():
            self.typed.emit(box.cell.row(), box.cell.column(), text)

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
    clear_wanted = Signal(list, str)  # Delete/Ctrl+X on selected cells: (row, column)s, step
    row_wanted = Signal()  # Tab in the last cell: a new last row, as in a Word/WPS table
    box_opened = Signal(QWidget)  # a cell's editor opened …
    box_closed = Signal(QWidget)  # … and closes
    # Esc: row, column, the text when its editor opened, the text it closed on
    reverted = Signal(int, int, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells = CellDelegate(self)
        self.setItemDelegate(self.cells)
        self.cells.opened.connect(self._hold_widths)
        self.cells.opened.connect(self.box_opened)
        self.cells.block_pasted.connect(self._block_pasted)
        self.widths: Callable[[int], list[int]] | None = None  # set by its table's editor
        # the cells covered by a merge → the merged cell (set by its table's editor)
        self.covered: Callable[[], Mapping[tuple[int, int], tuple[int, int]]] = dict
        self._held: list[int] | None = None  # the widths while a cell's editor is open
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def fit(self) -> None:
        """Columns across the width, rows to their text, the grid to its rows. While a cell
        is typed in, the columns keep their shares (a cell must not slide under the keys)."""
        if self.widths is not None and self.columnCount():
            self.updateGeometries()  # the row numbers' width (more rows, more digits) first
            total = self.viewport().width()
            held = self._held if self.open_box() is not None else None
            if held is not None and len(held) == self.columnCount() and sum(held) > 0:
                widths = [total * width // sum(held) for width in held]
                widths[-1] += total - sum(widths)
            else:
                widths = self.widths(total)
            for column, width in enumerate(widths):
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
        if self.state() != QAbstractItemView.State.EditingState and self._copy_or_clear(event):
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.state() != QAbstractItemView.State.EditingState:
            self._step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # Chinese committed on a selected cell (no preedit first, as some input methods and
        # punctuation do): Qt opens the cell's editor but drops the text. Open it and give it
        # the text, which replaces the cell's as a typed key does (Excel/WPS 表格)
        if (
            event.commitString()
            and not event.preeditString()
            and self.state() != QAbstractItemView.State.EditingState
            and self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.AnyKeyPressed, event)
        ):
            box = self.open_box()
            if box is not None:
                box.selectAll()
                QGuiApplication.sendEvent(box, event)
                return
        super().inputMethodEvent(event)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(cursorAction, modifiers)
        here = self.currentIndex()
        if not (index.isValid() and here.isValid()):
            return index
        back = (index.row(), index.column()) <= (here.row(), here.column())
        if cursorAction == QAbstractItemView.CursorAction.MoveNext and back:
            # Qt wraps to the first cell, a header, whose text the next keys would replace;
            # the row is added once the cell's editor has closed
            QTimer.singleShot(0, self.row_wanted.emit)
            return QModelIndex()
        if cursorAction == QAbstractItemView.CursorAction.MovePrevious and not back:
            return QModelIndex()  # Shift+Tab in the first cell stays (Qt wraps to the last)
        return index

    def _copy_or_clear(self, event: QKeyEvent) -> bool:
        """Ctrl+C / Ctrl+X / Delete on the selected cells, as in Excel/WPS 表格: the block as
        tab-separated rows (Qt copied the current cell only), and the cells emptied."""
        cut = event.matches(QKeySequence.StandardKey.Cut)
        copy = cut or event.matches(QKeySequence.StandardKey.Copy)
        delete = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not copy
        if not (copy or delete):
            return False
        cells = sorted({(i.row(), i.column()) for i in self.selectedIndexes()})
        if not cells:
            return True
        if copy:
            top, bottom = cells[0][0], max(r for r, _ in cells)
            left, right = min(c for _, c in cells), max(c for _, c in cells)
            lines = [
                "\t".join(self._text(r, c) for c in range(left, right + 1))
                for r in range(top, bottom + 1)
            ]
            QGuiApplication.clipboard().setText("".join(f"{line}\n" for line in lines))
        if cut or delete:
            self.clear_wanted.emit(cells, "剪切" if cut else "清除内容")
        return True

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _block_pasted(self, box: QWidget, text: str) -> None:
        if not isinstance(box, CellBox) or not box.cell.isValid():
            return
        row, column = box.cell.row(), box.cell.column()
        self.commitData(box)  # what was typed in the cell first, then the block over it
        self.closeEditor(box, QAbstractItemDelegate.EndEditHint.NoHint)
        self.pasted.emit(row, column, text)

    def _hold_widths(self) -> None:
        self._held = [self.columnWidth(c) for c in range(self.columnCount())]

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        self.box_closed.emit(editor)
        super().closeEditor(editor, hint)
        self._held = None
        esc = hint == QAbstractItemDelegate.EndEditHint.RevertModelCache
        if esc and isinstance(editor, CellBox) and editor.cell.isValid():
            # the cell as it was, as in Excel
            self.reverted.emit(editor.cell.row(), editor.cell.column(), editor.began, editor.text())
        self.fit()  # the columns held while typing follow the text now
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in the cell
            self._step(1)

    def open_current(self) -> QWidget:
        """The current cell's editor, opened (a 体检 row's text is selected in it, so that
        typing replaces that text, not the whole cell); the grid if it cannot open."""
        if self.open_box() is None and self.currentIndex().isValid():
            self.edit(self.currentIndex())
        return self.open_box() or self

    def open_box(self) -> QLineEdit | None:
        """The cell editor open now, if any."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        box = self.indexWidget(self.currentIndex())
        return box if isinstance(box, QLineEdit) else None

    def _step(self, delta: int) -> None:
        """Enter: the cell below (Shift: above), past the merge the current cell spans; a
        cell covered by a merge is never the one: its merged cell is, or none."""
        row, column = max(self.currentRow(), 0), max(self.currentColumn(), 0)
        if delta > 0:
            row += self.rowSpan(row, column)  # below the whole merged cell
        else:
            row -= 1
        hidden = self.covered()
        while 0 <= row < self.rowCount():
            anchor = hidden.get((row, column))
            if anchor is None or anchor != (self.currentRow(), column):
                self.setCurrentCell(*(anchor or (row, column)))
                return
            row += 1 if delta > 0 else -1
