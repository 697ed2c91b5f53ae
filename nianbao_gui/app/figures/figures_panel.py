"""The 数据 panel: every figure slot still to fill (``**``, ``XX``…), with its place and the
words around it, and a cell to type the value right there.

The list is a to-do list: a filled slot leaves it, and ``已填 12 / 38`` counts what was filled
since the draft was opened. The panel changes nothing itself: a value becomes
``edits_requested(label, changes)`` (the window hands it to the editor, one undo step); a
click on a row becomes ``focus_requested`` (the form shows the place).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import NianbaoError
from ...core.figures import Slot, filled_texts, find_slots, moved_in, still_there
from ...core.limits import MAX_FIGURE_CHARS
from ...core.model import Report
from ..editor.undo_keys import is_redo, is_undo
from ..widgets.look import button_row

COLUMNS = ("位置", "前文", "占位", "后文", "填写")
VALUE = 4
SHOWN = 7  # characters of context in the table (the tooltip and the spreadsheet have 12)
_FILL_COLOUR = QColor("#fff2cc")  # as in the spreadsheet: the column to fill
_Index = QModelIndex | QPersistentModelIndex


_CELL = re.compile("表[0-9]+ 第[0-9]+行 第[0-9]+列$")


def _short_place(slot: Slot) -> str:
    """The place in the 位置 column: a cell's own (表1 第3行 第2列, what tells two cells of one
    table apart, ahead of the long heading that would push it out of sight); a paragraph's
    last part of the form's names."""
    label = slot.label.split(" › ")[-1]
    cell = label.rsplit(" · ", 1)[-1]
    if _CELL.match(cell):
        return cell if slot.start == 0 else f"{cell}：第{slot.start + 1}字"
    return f"{label}：第{slot.start + 1}字"


class SlotModel(QAbstractTableModel):
    """The slots as rows; only the visible rows are asked for (a 100-page draft has
    about a thousand slots: items for each cell cost 200 ms, this a few)."""

    value_entered = Signal(int, str)  # row, the value typed into 填写

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots: list[Slot] = []

    def set_slots(self, slots: list[Slot]) -> None:
        self.beginResetModel()
        self.slots = slots
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's names)
        return 0 if parent.isValid() else len(self.slots)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        slot, column = self.slots[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            # the words nearest the slot, and the place's last part (the form's names are long;
            # the tooltip has them whole)
            place = _short_place(slot)
            before, after = slot.before[-SHOWN:], slot.after[:SHOWN]
            return (place, before, slot.placeholder, after, "")[column]
        if role == Qt.ItemDataRole.EditRole:
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == VALUE:
                return f"这里应填{slot.hint}"
            cell = f"（{slot.cell}）" if slot.cell else ""
            return f"{slot.place}{cell}\n{slot.before}【{slot.placeholder}】{slot.after}"
        if role == Qt.ItemDataRole.BackgroundRole and column == VALUE:
            return _FILL_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if index.column() == VALUE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != VALUE:
            return False
        text = str(value or "").strip()
        if text:
            self.value_entered.emit(index.row(), text)
        return bool(text)


class FiguresPanel(QWidget):
    edits_requested = Signal(str, object)  # label, list[(FieldPath, text)]
    focus_requested = Signal(object, int, int)  # FieldPath, start, end
    failed = Signal(object)  # a NianbaoError
    export_requested = Signal()
    fill_requested = Signal()
    history_requested = Signal(bool)  # Ctrl+Z (True) or Ctrl+Y in the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self.slots: list[Slot] = []
        self.total = 0  # slots when the draft was first listed, plus any typed in since
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
        self.model = SlotModel(self)
        self.model.value_entered.connect(self._value_entered)
        self.table = QTableView()
        self.table.setModel(self.model)
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
        for column, width in enumerate((9, SHOWN + 1, 2.5, SHOWN + 1, 5)):
            self.table.setColumnWidth(column, int(width * em))
        header.setStretchLastSection(True)
        self.table.clicked.connect(self._clicked)
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        export, _fill = button_row(
            layout,
            ("导出表格…", self.export_requested.emit),
            ("从表格填入…", self.fill_requested.emit),
        )
        export.setToolTip("把待填的数据导出为 Excel 表格，请各站所在“填写”一栏填写")

    # --- listing ---------------------------------------------------------------------------

    def set_report(self, report: Report) -> None:
        """A draft opened: list its slots; the progress counts from here."""
        self._report = report
        self.total = 0
        self.refresh(again=True)

    def refresh(self, *, again: bool = False) -> None:
        """List the slots of the draft as it is now (after a fill or an edit in the form).
        The row ready to type into stays so: unchanged slots are not listed again, and a
        changed list keeps the current slot current (where it still is). ``again``: list
        them anew (another draft)."""
        report = self._report
        slots = find_slots(report) if report is not None else []
        if slots == self.slots and not again:
            return
        current = self.table.currentIndex()
        kept = self.slots[current.row()] if 0 <= current.row() < len(self.slots) else None
        self.slots = slots
        self.total = max(self.total, len(self.slots))
        self.model.set_slots(self.slots)
        self._show_progress()
        if kept is not None:
            row = next((i for i, slot in enumerate(slots) if _same_slot(kept, slot)), -1)
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, current.column()))

    def editing(self) -> bool:
        """A value is being typed into 填写 (listing again now would drop it)."""
        return self.table.state() == QAbstractItemView.State.EditingState

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
        if "\n" in value or "\r" in value:  # pasted from two cells: a paragraph split in two
            self.failed.emit(
                NianbaoError(
                    f"要填入“{slot.place}”的内容有换行，没有填入。",
                    "请只填一行：一个数字或名称。",
                )
            )
            return False
        if len(value) > MAX_FIGURE_CHARS:  # a whole text pasted: no figure (issue 18 item 5)
            self.failed.emit(
                NianbaoError(
                    f"要填入“{slot.place}”的内容有 {len(value)} 个字，太长，没有填入。",
                    f"这里应填一个数字或名称（最多 {MAX_FIGURE_CHARS} 字）。",
                )
            )
            return False
        if not still_there(report, slot, self.slots):
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
        index = self.model.index(min(row, len(self.slots) - 1), VALUE)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.horizontalScrollBar().setValue(0)  # the place stays in sight

    def take_keyboard(self, *, open_cell: bool = True) -> None:
        """The current (or first) row's 填写 cell gets the keyboard: after Ctrl+D or 先去补全
        the number she types, and its Enter, go there, not into the paragraph she was in."""
        if not self.slots:
            return
        self._edit_next(max(self.table.currentIndex().row(), 0))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if open_cell and not self.editing():  # open: a click on it does not hold back her keys
            self.table.edit(self.table.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z / Ctrl+Y in the list (not in a cell being typed into, which undoes its own
        typing) are the draft's, asked of the window so the keyboard can stay here."""
        kind = event.type()
        if (
            watched is self.table
            and kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and (is_undo(event) or is_redo(event))
        ):
            if kind == QEvent.Type.KeyPress:
                self.history_requested.emit(is_undo(event))
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def keep_keyboard(self, step: Callable[[], None]) -> None:
        """Run ``step`` (an undo or redo, which shows its place in the form and takes the
        keyboard there), then give the keyboard back to 填写, on the place it brought back:
        a wrong value undone is typed again here, and its Enter never splits the paragraph."""
        before = list(self.slots)
        step()
        self.refresh()
        back = [
            i for i, slot in enumerate(self.slots) if not any(_same_slot(o, slot) for o in before)
        ]
        if back:
            self.table.setCurrentIndex(self.model.index(back[0], VALUE))
        self.take_keyboard(open_cell=False)  # a digit opens the cell; Ctrl+Y still redoes

    def _value_entered(self, row: int, value: str) -> None:
        # after the cell's editor has closed: filling resets the model under it
        QTimer.singleShot(0, self, lambda: self.fill(row, value))  # not if the panel went

    def _clicked(self, index: QModelIndex) -> None:
        row = index.row()
        if 0 <= row < len(self.slots) and index.column() != VALUE:
            self.go_to(self.slots[row])

    def go_to(self, slot: Slot) -> bool:
        """Select ``slot`` in the form. The list follows the form a moment after typing: a row
        clicked before that is first found again (never other text at its old offsets)."""
        report = self._report
        if report is None:
            return False
        if not still_there(report, slot, self.slots):
            gone = moved_in(report, slot, self.slots)  # its paragraph was deleted
            self.refresh()
            moved = [] if gone else [s for s in self.slots if _same_slot(slot, s)]
            if len(moved) != 1:
                self.failed.emit(
                    NianbaoError(
                        f"“{slot.place}”处的文字已经改动。", "列表已按现在的报告更新，请重新点击。"
                    )
                )
                return False
            slot = moved[0]
        self.focus_requested.emit(slot.path, slot.start, slot.end)
        return True


def _same_slot(old: Slot, new: Slot) -> bool:
    """``new`` is ``old`` after typing before or after it, by the words on both sides."""
    return (
        new.path == old.path
        and new.placeholder == old.placeholder
        and (new.before.endswith(old.before) or old.before.endswith(new.before))
        and (new.after.startswith(old.after) or old.after.startswith(new.after))
    )
