"""The 数据 panel: every figure slot still to fill (``**``, ``XX``…), with its place and the
words around it, and a cell to type the value right there.

The list is a to-do list: a filled slot leaves it, and ``已填 12 / 38`` counts what was filled
since the draft was opened. The panel changes nothing itself: a value becomes
``edits_requested(label, changes)`` (the window hands it to the editor, one undo step); a
click on a row becomes ``focus_requested`` (the form shows the place).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import NianbaoError
from ..core.figures import Slot, filled_texts, find_slots, still_there
from ..core.model import Report

COLUMNS = ("位置", "前文", "占位", "后文", "填写")
VALUE = 4
_SLOT_ROLE = Qt.ItemDataRole.UserRole
_READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
_FILL_COLOUR = QColor("#fff2cc")  # as in the spreadsheet: the column to fill


class FiguresPanel(QWidget):
    edits_requested = Signal(str, object)  # label, list[(FieldPath, text)]
    focus_requested = Signal(object, int, int)  # FieldPath, start, end
    failed = Signal(object)  # a NianbaoError
    export_requested = Signal()
    fill_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self.slots: list[Slot] = []
        self.total = 0  # slots when the draft was first listed, plus any typed in since
        self._filling = False  # the table is being rebuilt: its changes are not hers
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(self.progress_label.fontMetrics().height() // 2 + 2)
        row = QHBoxLayout()
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        layout.addLayout(row)
        hint = QLabel("在“填写”一栏输入数字，按回车填入报告；点击一行可跳到原文。")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("中")
        for column, width in enumerate((10, 8, 3, 8, 6)):
            self.table.setColumnWidth(column, width * em)
        header.setStretchLastSection(True)
        self.table.itemChanged.connect(self._item_changed)
        self.table.cellClicked.connect(self._cell_clicked)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        export = QPushButton("导出表格…")
        export.setToolTip("把待填的数据导出为 Excel 表格，请各站所在“填写”一栏填写")
        fill = QPushButton("从表格填入…")
        export.clicked.connect(self.export_requested.emit)
        fill.clicked.connect(self.fill_requested.emit)
        buttons.addWidget(export)
        buttons.addWidget(fill)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # --- listing ---------------------------------------------------------------------------

    def set_report(self, report: Report) -> None:
        """A draft opened: list its slots; the progress counts from here."""
        self._report = report
        self.total = 0
        self.refresh()

    def refresh(self) -> None:
        """List the slots of the draft as it is now (after a fill or an edit in the form)."""
        report = self._report
        self.slots = find_slots(report) if report is not None else []
        self.total = max(self.total, len(self.slots))
        self._filling = True
        self.table.setUpdatesEnabled(False)
        try:
            self.table.clearContents()
            self.table.setRowCount(len(self.slots))
            for row, slot in enumerate(self.slots):
                self._set_row(row, slot)
        finally:
            self.table.setUpdatesEnabled(True)
            self._filling = False
        self._show_progress()

    def _set_row(self, row: int, slot: Slot) -> None:
        texts = (slot.place, slot.before, slot.placeholder, slot.after)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setFlags(_READ_ONLY)
            if column == 0:
                item.setData(_SLOT_ROLE, row)
                item.setToolTip(f"{slot.place}\n{slot.before}【{slot.placeholder}】{slot.after}")
            if column == 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        value = QTableWidgetItem("")
        value.setBackground(_FILL_COLOUR)
        value.setToolTip(f"这里应填{slot.hint}")
        self.table.setItem(row, VALUE, value)

    def filled(self) -> int:
        return self.total - len(self.slots)

    def progress_text(self) -> str:
        return f"已填 {self.filled()} / {self.total}"

    def _show_progress(self) -> None:
        self.progress_label.setText(self.progress_text())
        self.progress.setMaximum(max(self.total, 1))
        self.progress.setValue(self.filled() if self.total else 1)

    # --- filling ---------------------------------------------------------------------------

    def fill(self, row: int, value: str) -> bool:
        """Put ``value`` into the slot of ``row`` (asks the window; False when refused)."""
        report = self._report
        value = value.strip()
        if report is None or not value or not 0 <= row < len(self.slots):
            return False
        slot = self.slots[row]
        if not still_there(report, slot):
            self.failed.emit(
                NianbaoError(
                    f"“{slot.place}”处的文字已经改动，没有填入“{value}”。",
                    "列表已按现在的报告更新，请在新的一行中填写。",
                )
            )
            self.refresh()
            return False
        changes = filled_texts(report, [(slot, value)])
        self.edits_requested.emit(f"填写数据“{value}”", changes)
        self.refresh()
        self._edit_next(row)
        return True

    def _edit_next(self, row: int) -> None:
        """The next slot's cell, ready to type into (the filled row has left the list)."""
        if not self.slots:
            return
        row = min(row, len(self.slots) - 1)
        item = self.table.item(row, VALUE)
        if item is not None:
            self.table.setCurrentItem(item)
            self.table.scrollToItem(item)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != VALUE or not item.text().strip():
            return
        row, value = item.row(), item.text()
        # after the cell's editor has closed: filling rebuilds the table under it
        QTimer.singleShot(0, lambda: self.fill(row, value))

    def _cell_clicked(self, row: int, column: int) -> None:
        if 0 <= row < len(self.slots) and column != VALUE:
            slot = self.slots[row]
            self.focus_requested.emit(slot.path, slot.start, slot.end)
