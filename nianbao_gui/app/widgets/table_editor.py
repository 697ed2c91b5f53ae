"""A table of a section (model.Table) in the form, where it stands among the paragraphs.

Cells are edited in place in a grid (table_grid.py); Tab moves right and Enter down, as in
Excel and WPS 表格 (Shift: back); typing in a cell, 表题, 单位 or 注 reaches the draft key by
key, one undo step per run of typing (``TableRequests.typed``), and their undo keys run the
draft's history (the binder announces them: Binder.announce_table), and Esc in a cell puts
it back as it was when its editor opened (``TableRequests.reverted``); a block copied from a
spreadsheet (tab-separated rows) pastes into the cells from the current one, the table
growing to hold it. Rows and columns are added,
deleted and moved, cells merged and split, from the buttons above the grid; the table itself
moves past a paragraph up or down, or is deleted. The widget never changes the model: it asks
(``TableRequests``, with its table's path and what is asked: a ``core/table_edit.py`` change),
the editor makes one undo step (editor/table_structure.py), and the grid follows the model.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import table_edit
from ...core.fields import FieldPath, one_line
from ...core.model import Table
from ...core.tables import centred, column_twips, covered
from ..editor.table_structure import TableAsk, TableRequests
from .inputs import OneLine
from .look import text_font
from .paragraph_list import tool_button
from .table_grid import CellGrid

SHADE = QColor("#e3ecf7")  # 对比去年's pale blue (shading.py)


class TableEditor(QFrame):
    """One table; its text boxes (表题, 单位, 注, an open cell's editor) are told to whoever
    announces boxes (Binder.announce_table): ``text_boxes`` now, ``box_opened`` /
    ``box_closed`` as a cell's editor comes and goes."""

    box_opened = Signal(QWidget)
    box_closed = Signal(QWidget)

    def __init__(self, requests: TableRequests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.requests = requests
        self.path: FieldPath = ()  # the table's, set by its section editor (read at each ask)
        requests.refused.connect(self._refused)
        self.table = Table()
        self.number = 0
        self._loading = False
        self._grid_shows: object = None  # what the grid shows: rows, merges, header rows
        self.shade: Callable[[Table, int, int], bool] | None = None  # 对比去年's shading
        self.title = QLabel()
        self.caption = QLineEdit()
        self.caption.setPlaceholderText("表题（可不填），如：主要经济指标完成情况")
        self.caption.setToolTip("表题：写在表格上方，居中")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("单位（可不填），如：单位：万元")
        self.unit.setToolTip("计量单位：写在表格右上方")
        self.note = QLineEdit()
        self.note.setPlaceholderText("注（可不填），写在表下")
        self.note.setToolTip("表注：写在表格下方")
        self.header_rows = QSpinBox()
        self.header_rows.setPrefix("表头 ")
        self.header_rows.setSuffix(" 行")
        self.grid = CellGrid()
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.grid.setTabKeyNavigation(True)
        self.grid.itemChanged.connect(self._cell_changed)
        self.grid.pasted.connect(self._paste)
        self.grid.row_wanted.connect(self._append_row)
        self.grid.clear_wanted.connect(self._clear)
        self.grid.cells.typed.connect(self._cell_typed)
        self.grid.reverted.connect(self._cell_reverted)
        self.grid.covered = lambda: covered(self.table)
        self.grid.box_opened.connect(self.box_opened)
        self.grid.box_closed.connect(self.box_closed)
        self.grid.setFont(text_font(self))  # the report's text, as in a paragraph (zoom)
        # the export's column widths, shared out over the grid's width (pixels, not twips)
        self.grid.widths = lambda total: column_twips(self.table, total)

        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        self.buttons: dict[str, QWidget] = {}
        for name, tip, action in (
            ("插入行", "在当前行下面插入一行", self._insert_row),
            ("删除行", "删除当前行", self._delete_row),
            ("上移行", "把当前行移到上一行之前", lambda: self._move_row(-1)),
            ("下移行", "把当前行移到下一行之后", lambda: self._move_row(1)),
            ("插入列", "在当前列右边插入一列", self._insert_column),
            ("删除列", "删除当前列", self._delete_column),
            ("左移列", "把当前列移到左边一列之前", lambda: self._move_column(-1)),
            ("右移列", "把当前列移到右边一列之后", lambda: self._move_column(1)),
            ("合并", "把选中的单元格合并为一格（文字合在一起）", self._merge),
            ("拆分", "把当前的合并单元格拆开", self._split),
            ("删除表格", "删除整个表格", lambda: requests.remove_requested.emit(self.path)),
            ("表格上移", "把整个表格移到它前面一段之前", lambda: self._move_table(-1)),
            ("表格下移", "把整个表格移到它后面一段之后", lambda: self._move_table(1)),
        ):
            button = tool_button(name, tip)
            button.clicked.connect(action)
            self.buttons[name] = button
        texts = QHBoxLayout()
        texts.addWidget(self.caption, 2)
        texts.addWidget(self.unit, 1)
        texts.addWidget(self.header_rows)
        for name, widget in self.buttons.items():  # the whole table's own, under the others
            (texts if name.startswith("表格") else bar).addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(texts)
        layout.addWidget(self.grid)
        layout.addWidget(self.note)
        for key, edit in (("caption", self.caption), ("unit", self.unit), ("note", self.note)):
            edit.setValidator(OneLine(edit))  # a pasted line break never reaches the draft
            # each key reaches the draft as typed: one undo step per run, as in a paragraph
            edit.textEdited.connect(lambda text, key=key: self._typed((key,), text))
        self.header_rows.valueChanged.connect(self._header_rows_changed)

    def text_boxes(self) -> list[QWidget]:
        """Its text boxes now: 表题, 单位, 注, and a cell's editor while one is open."""
        box = self.grid.open_box()
        return [self.caption, self.unit, self.note, *([box] if box is not None else [])]

    def follow_zoom(self) -> None:
        """编辑 → 放大/缩小 changed the size of the report's text: the cells follow."""
        self.grid.setFont(text_font(self))
        self._fit_rows()

    # --- model → widget -----------------------------------------------------------------

    def set_shade(self, shade: Callable[[Table, int, int], bool] | None) -> None:
        """Shade the cells ``shade`` says are still last year's (None: no shading)."""
        self.shade = shade
        self._grid_shows = None  # shaded anew
        self.set_table(self.table, self.number)

    def set_table(self, table: Table, number: int) -> None:
        self._loading = True
        try:
            self.table, self.number = table, number
            self.title.setText(f"表{number}")
            for edit, text in ((self.caption, table.caption), (self.unit, table.unit)):
                if edit.text() != text:
                    edit.setText(text)
            if self.note.text() != table.note:
                self.note.setText(table.note)
            self.header_rows.setRange(0, len(table.rows))
            self.header_rows.setValue(table.header_rows)
            grid = (
                tuple(map(tuple, table.rows)),
                tuple((m.top, m.left, m.height, m.width) for m in table.merges),
                table.header_rows,
            )
            if grid != self._grid_shows:  # not for a key typed in 表题, 单位 or 注
                self._grid_shows = grid
                self._show_grid(table)
        finally:
            self._loading = False

    def _show_grid(self, table: Table) -> None:
        row, column = self.grid.currentRow(), self.grid.currentColumn()
        self.grid.clearSpans()
        self.grid.setRowCount(len(table.rows))
        self.grid.setColumnCount(len(table.rows[0]))
        hidden = covered(table)
        for r, cells in enumerate(table.rows):
            for c, text in enumerate(cells):
                item = self.grid.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.grid.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text)
                font = item.font()
                font.setBold(r < table.header_rows)
                item.setFont(font)
                # as on paper (table_xml): header cells and figures centred
                across = r < table.header_rows or centred(text)
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignVCenter
                    | (Qt.AlignmentFlag.AlignHCenter if across else Qt.AlignmentFlag.AlignLeft)
                )
                same = self.shade is not None and bool(text) and self.shade(table, r, c)
                item.setBackground(SHADE if same else QBrush())
                item.setToolTip("与去年的报告相同" if same else "")
                # a cell covered by a merge takes no text: the export would drop it
                editable = Qt.ItemFlag.ItemIsEditable
                flags = item.flags()
                item.setFlags(flags & ~editable if (r, c) in hidden else flags | editable)
        for merge in table.merges:
            self.grid.setSpan(merge.top, merge.left, merge.height, merge.width)
        self._fit_rows()
        if row >= 0 and column >= 0:
            self.grid.setCurrentCell(
                min(row, len(table.rows) - 1), min(column, len(table.rows[0]) - 1)
            )

    def _fit_rows(self) -> None:
        self.grid.fit()

    def set_number(self, number: int) -> None:
        """Tables before this one came or went: it is 表``number`` now."""
        if number != self.number:
            self.number = number
            self.title.setText(f"表{number}")

    def _refused(self, path: FieldPath, why: str) -> None:
        if path == self.path:
            self.title.setText(f"表{self.number}　{why}")

    # --- widget → requests --------------------------------------------------------------

    def _request(self, label: str, change: Callable[..., Table], *args: object) -> None:
        self.requests.change_requested.emit(self.path, TableAsk(label, change, args))

    def _move_table(self, delta: int) -> None:
        self.requests.move_requested.emit(self.path, delta)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        r, c = item.row(), item.column()
        text = one_line(item.text())
        if self.table.rows[r][c] != text:
            self._request("编辑单元格", table_edit.set_cell, r, c, text)

    def _typed(self, where: tuple[str | int, ...], text: str) -> None:
        if not self._loading:
            self.requests.typed.emit((*self.path, *where), text)

    def _cell_typed(self, row: int, column: int, text: str) -> None:
        if (row, column) not in covered(self.table):
            self._typed(("rows", row, column), one_line(text))

    def _cell_reverted(self, row: int, column: int, began: str, shown: str) -> None:
        """Esc in a cell: its text as when its editor opened (one step, if it changed). Only
        if the draft holds what the editor showed: never over another cell's text."""
        rows = self.table.rows
        here = rows[row][column] if row < len(rows) and column < len(rows[row]) else None
        if here == one_line(shown) != began:
            self.requests.reverted.emit((*self.path, "rows", row, column), began)

    def _header_rows_changed(self, value: int) -> None:
        if not self._loading and value != self.table.header_rows:
            self._request("修改表头行数", table_edit.set_field, "header_rows", value)

    def _here(self) -> tuple[int, int]:
        return max(self.grid.currentRow(), 0), max(self.grid.currentColumn(), 0)

    def _insert_row(self) -> None:
        row, _ = self._here()
        self._request("插入行", table_edit.insert_row, row + 1)

    def _append_row(self) -> None:
        rows = self.grid.rowCount()
        self._request("插入行", table_edit.insert_row, rows)
        if self.grid.rowCount() > rows:
            self.grid.setCurrentCell(rows, 0)

    def _clear(self, cells: list[tuple[int, int]], label: str) -> None:
        if any(self.table.rows[r][c] for r, c in cells):
            self._request(label, table_edit.clear_cells, cells)

    def _delete_row(self) -> None:
        row, _ = self._here()
        self._request("删除行", table_edit.delete_row, row)

    def _move_row(self, step: int) -> None:
        row, column = self._here()
        self._request("移动行", table_edit.move_row, row, step)
        self.grid.setCurrentCell(min(max(row + step, 0), self.grid.rowCount() - 1), column)

    def _insert_column(self) -> None:
        _, column = self._here()
        self._request("插入列", table_edit.insert_column, column + 1)

    def _delete_column(self) -> None:
        _, column = self._here()
        self._request("删除列", table_edit.delete_column, column)

    def _move_column(self, step: int) -> None:
        row, column = self._here()
        self._request("移动列", table_edit.move_column, column, step)
        self.grid.setCurrentCell(row, min(max(column + step, 0), self.grid.columnCount() - 1))

    def _merge(self) -> None:
        ranges = self.grid.selectedRanges()
        if not ranges:
            return
        top = min(r.topRow() for r in ranges)
        bottom = max(r.bottomRow() for r in ranges)
        left = min(r.leftColumn() for r in ranges)
        right = max(r.rightColumn() for r in ranges)
        self._request("合并单元格", table_edit.merge_cells, top, left, bottom, right)

    def _split(self) -> None:
        row, column = self._here()
        self._request("拆分单元格", table_edit.split_cell, row, column)

    def _paste(self, row: int, column: int, text: str) -> None:
        block = table_edit.parse_rows(text)  # a short row writes only its own cells
        if block:
            self._request("粘贴到表格", table_edit.paste_block, row, column, block)
