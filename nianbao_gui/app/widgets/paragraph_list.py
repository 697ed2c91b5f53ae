"""An editable list of paragraphs (or of shortcomings items) with add, remove and move.

Bound as a whole list (``value()``, ``set_value(list)``, ``set_item``). The list never
changes itself: typing in one paragraph is reported as ``item_edited(index, text)``, and
adding, removing, moving, splitting, merging and pasting as ``items_requested(label, items,
after, before, sources)`` — the whole new list with where the cursor goes after the step and
after its undo, ``(index, start, end)``, and for each new item the old index it continues
(None: a new paragraph), so that each paragraph keeps its identity (core/identity.py). The
binder turns both into undo steps; the rows follow the model when it changes. Rows are reused
when the list changes, so a structural change does not rebuild every editor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import table_edit
from ...core.fields import quote
from .look import em, mute
from .paragraph_edit import GrowingPlainTextEdit, ParagraphEdit


def ask_confirmation(parent: QWidget | None, text: str) -> bool:
    """The default confirmation: a Chinese question with 删除 / 取消 (取消 is the default)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("确认删除")
    box.setText(text)
    delete = box.addButton("删除", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def ask_table(parent: QWidget | None, rows: int, columns: int) -> bool:
    """粘贴的内容是表格（制表符分隔的行）时问：做成表格，还是按段落粘贴。"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("粘贴表格")
    box.setText(f"粘贴的内容像是从表格复制来的（{rows} 行 {columns} 列）。要做成表格吗？")
    table = box.addButton("做成表格", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("按段落粘贴", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(table)
    box.exec()
    return box.clickedButton() is table


def paragraph_label(index: int) -> str:
    return f"第{index + 1}段"


class _Row(ParagraphEdit):
    def __init__(self, owner: ParagraphList) -> None:
        super().__init__(
            placeholder=owner.placeholder, min_lines=owner.min_lines, max_lines=owner.max_lines
        )
        self.editor.splits_paragraphs = True
        self.title_label.setMinimumWidth(em(self) * 4)
        self.up = tool_button("上移", "把这一段移到上一段之前")
        self.down = tool_button("下移", "把这一段移到下一段之后")
        self.remove = tool_button("删除", "删除这一段")
        for button in (self.up, self.down, self.remove):
            self.header.addWidget(button)


def tool_button(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    # not in the Tab chain: Tab goes from paragraph to paragraph, as in a document
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class ParagraphList(QWidget):
    item_edited = Signal(int, str)
    items_requested = Signal(str, list, object, object, object)  # … after, before, sources
    table_requested = Signal(int, list)  # after paragraph, rows: a pasted block as a table

    def __init__(
        self,
        *,
        label: Callable[[int], str] = paragraph_label,
        add_text: str = "＋ 添加段落",
        item_name: str = "段",
        placeholder: str = "",
        empty_hint: str = "还没有内容，点击下面的按钮添加。",
        min_lines: int = 3,
        max_lines: int = 20,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.label = label
        self.item_name = item_name
        self.placeholder = placeholder
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.confirm: Callable[[str], bool] = lambda text: ask_confirmation(self, text)
        self.place: Callable[[], str] = lambda: ""  # where the list is, for questions
        self.rows: list[_Row] = []
        # a section's list (its owner takes table_requested) offers to make a table of a
        # block pasted from a spreadsheet; the question is asked through ``ask_table``
        self.offers_tables = False
        self.ask_table: Callable[[int, int], bool] = lambda rows, columns: ask_table(
            self, rows, columns
        )
        self.attachments: list[tuple[int, QWidget]] = []  # (after paragraph, widget): tables

        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        spacing = self.fontMetrics().height() // 2
        self._rows_layout.setSpacing(spacing)
        self.empty_label = QLabel(empty_hint)
        mute(self.empty_label)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.insert_item(len(self.rows)))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._rows_layout)
        layout.addLayout(buttons)

    # --- bindable -----------------------------------------------------------------------

    def value(self) -> list[str]:
        return [row.value() for row in self.rows]

    def set_value(self, items: list[str]) -> None:
        while len(self.rows) > len(items):
            row = self.rows.pop()
            self._rows_layout.removeWidget(row)
            row.deleteLater()
        while len(self.rows) < len(items):
            self._add_row()
        for row, text in zip(self.rows, items, strict=True):
            row.set_value(text)
        self._renumber()
        self.place_attachments()

    def set_attachments(self, attachments: list[tuple[int, QWidget]]) -> None:
        """Widgets that stand among the rows (a section's tables): each after the row of its
        index (−1: before the first). The list's value stays the paragraphs."""
        for _, widget in self.attachments:
            if all(widget is not w for _, w in attachments):
                self._rows_layout.removeWidget(widget)
        self.attachments = list(attachments)
        self.place_attachments()

    def place_attachments(self) -> None:
        order: list[QWidget] = [w for after, w in self.attachments if after < 0]
        for index, row in enumerate(self.rows):
            order.append(row)
            order += [w for after, w in self.attachments if after == index]
        order += [w for after, w in self.attachments if after >= len(self.rows)]
        for position, widget in enumerate(order):
            if self._rows_layout.indexOf(widget) != position:
                self._rows_layout.removeWidget(widget)
                self._rows_layout.insertWidget(position, widget)

    def set_item(self, index: int, text: str) -> None:
        self.rows[index].set_value(text)

    def text_editors(self) -> list[QWidget]:
        return [row.editor for row in self.rows]

    # --- requests (each one undo step) ---------------------------------------------------

    def _request(
        self,
        label: str,
        items: list[str],
        after: tuple[int, int, int] | None,
        before: tuple[int, int, int] | None,
        sources: Sequence[int | tuple[int, ...] | None],
    ) -> None:
        self.items_requested.emit(label, items, after, before, sources)

    def insert_item(self, index: int, text: str = "") -> None:
        items = self.value()
        items.insert(index, text)
        sources: list[int | None] = list(range(len(items) - 1))
        sources.insert(index, None)
        self._request(f"添加{self.item_name}", items, (index, 0, 0), None, sources)

    def remove_item(self, index: int) -> None:
        items = self.value()
        text = items[index]
        if text.strip():
            place = self.place()
            where = f"{place}的" if place else ""
            question = f"确定删除{where}{self.label(index)}吗？\n{quote(text)}"
            if not self.confirm(question):
                return
        del items[index]
        after = (min(index, len(items) - 1), 0, 0) if items else None
        sources: list[int | None] = [i for i in range(len(items) + 1) if i != index]
        self._request(f"删除{self.label(index)}", items, after, (index, 0, len(text)), sources)

    def move_item(self, index: int, delta: int) -> None:
        target = index + delta
        items = self.value()
        if not 0 <= target < len(items):
            return
        items.insert(target, items.pop(index))
        sources: list[int | None] = list(range(len(items)))
        sources.insert(target, sources.pop(index))
        word = "上移" if delta < 0 else "下移"
        label = f"{word}{self.label(index)}"
        self._request(label, items, (target, -1, -1), (index, -1, -1), sources)

    def split_item(self, index: int, position: int) -> None:
        items = self.value()
        text = items[index]
        items[index : index + 1] = [text[:position], text[position:]]
        # the first half keeps the id; Enter at the very start puts a new empty paragraph
        # before the text, which keeps its own
        halves: list[int | None] = [None, index] if position == 0 and text else [index, None]
        sources = [*range(index), *halves, *range(index + 1, len(items) - 1)]
        self._request("分段", items, (index + 1, 0, 0), (index, position, position), sources)

    def merge_item(self, index: int) -> None:
        """Join paragraph ``index`` to the one before; the cursor stays at the joint."""
        if index <= 0:
            return
        items = self.value()
        joint = len(items[index - 1])
        items[index - 1 : index + 1] = [items[index - 1] + items[index]]
        # the joined paragraph is both (identity.carry_ids): a figure of either is found in it
        sources: list[int | tuple[int, ...] | None] = [*range(index - 1), (index - 1, index)]
        sources += range(index + 1, len(items) + 1)
        self._request("合并段落", items, (index - 1, joint, joint), (index, 0, 0), sources)

    def paste_items(self, index: int, lines: list[str]) -> None:
        """Pasted ``lines``: a spreadsheet block (every line with a tab) may become a table,
        its columns read from the lines as copied; else one paragraph a non-empty line."""
        block = table_edit.spreadsheet_block("\n".join(lines)) if self.offers_tables else None
        if block is not None and self.ask_table(len(block), len(block[0])):
            self.table_requested.emit(index, block)
            return
        parts = [part for line in lines if (part := line.strip())]
        if not parts:
            return
        row = self.rows[index]
        cursor = row.editor.textCursor()
        text = row.value()
        start = row.editor.python_index(cursor.selectionStart())
        end = row.editor.python_index(cursor.selectionEnd())
        before, after = text[:start], text[end:]
        new = [before + parts[0], *parts[1:-1], parts[-1] + after]
        items = self.value()
        count = len(items)
        items[index : index + 1] = new
        last = index + len(new) - 1
        joint = len(parts[-1])
        # the paragraph pasted into keeps its id in the first part; the others are new
        sources = [*range(index + 1), *[None] * (len(new) - 1), *range(index + 1, count)]
        label = f"粘贴（{len(parts)} 段）"
        self._request(label, items, (last, joint, joint), (index, start, end), sources)

    # --- focus --------------------------------------------------------------------------

    def editor_at(self, index: int) -> GrowingPlainTextEdit | None:
        """The text box of item ``index`` (the form marks a place in it: ReportEditor)."""
        return self.rows[index].editor if 0 <= index < len(self.rows) else None

    def row_widget(self, index: int) -> QWidget | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    # --- rows ---------------------------------------------------------------------------

    def _add_row(self) -> None:
        row = _Row(self)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        if len(self.rows) > 1:
            QWidget.setTabOrder(self.rows[-2].editor, row.editor)
        row.edited.connect(lambda text, r=row: self._on_row_edited(r, text))
        row.up.clicked.connect(lambda _=False, r=row: self.move_item(self.rows.index(r), -1))
        row.down.clicked.connect(lambda _=False, r=row: self.move_item(self.rows.index(r), 1))
        row.remove.clicked.connect(lambda _=False, r=row: self.remove_item(self.rows.index(r)))
        row.editor.split_requested.connect(
            lambda pos, r=row: self.split_item(self.rows.index(r), pos)
        )
        row.editor.merge_requested.connect(lambda r=row: self.merge_item(self.rows.index(r)))
        row.editor.paste_requested.connect(
            lambda parts, r=row: self.paste_items(self.rows.index(r), parts)
        )

    def _on_row_edited(self, row: _Row, text: str) -> None:
        if not self.signalsBlocked():
            self.item_edited.emit(self.rows.index(row), text)

    def _renumber(self) -> None:
        last = len(self.rows) - 1
        for index, row in enumerate(self.rows):
            row.title_label.setText(self.label(index))
            row.up.setEnabled(index > 0)
            row.down.setEnabled(index < last)
            row.remove.setToolTip(f"删除{self.label(index)}")
        self.empty_label.setVisible(not self.rows)
