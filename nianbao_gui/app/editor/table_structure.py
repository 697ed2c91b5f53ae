"""Inserting, changing, moving and deleting a table, the same way as sections (structure.py).

Widgets (a table editor's buttons and cells, a section's 插入表格, a block pasted into a
paragraph) emit a request on ``TableRequests`` with the path of the table (or of its section)
and what is asked; ``TableEdits`` makes each one undo step from the model's table, never from
the widget's copy. A change inside one table sets that table (``…, "tables", i``), so only its
editor follows; adding, moving or deleting one sets the section's ``tables``, so one editor
comes, goes or moves (SectionEditor.tables_changed). Typing in a cell, 表题, unit or 注
(``typed``) is a run of typing on that text field, as in a paragraph. A change the table
refuses (the last row deleted, a merge crossing another) comes back as ``refused`` for its
editor to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...core import table_edit
from ...core.fields import FieldPath, table_numbers
from ...core.model import Section, Table
from ...core.tables import anchor_before, body
from .commands import Focus, History
from .structure import place_name


@dataclass(frozen=True)
class TableAsk:
    """What a table editor asks: ``change(table, *args)`` (a ``core.table_edit`` function),
    named ``label`` in the history."""

    label: str
    change: Callable[..., Table]
    args: tuple[Any, ...] = ()

    def apply(self, table: Table) -> Table:
        return self.change(table, *self.args)


class TableRequests(QObject):
    # the section's path, the paragraph it follows (None: the last; −1: before all), the
    # rows of a block pasted as a table (None: an empty 3 × 3 table)
    add_requested = Signal(object, object, object)
    change_requested = Signal(object, object)  # the table's path, a TableAsk
    typed = Signal(object, str)  # the path of a cell, 表题, unit or 注; its text as typed
    reverted = Signal(object, str)  # Esc in a cell: its path, its text when its editor opened
    move_requested = Signal(object, int)  # the table's path, −1 or +1 (past one paragraph)
    remove_requested = Signal(object)  # the table's path
    refused = Signal(object, str)  # the table's path, why (its editor shows it)


def _has_text(table: Table) -> bool:
    return any(text.strip() for row in table.rows for text in row)


class TableEdits:
    """Each request one undo step on the table, or on the list of the section's tables."""

    def __init__(
        self, history: History, confirm: Callable[[str], bool], requests: TableRequests
    ) -> None:
        self.history = history
        self.confirm = confirm
        self.requests = requests
        requests.add_requested.connect(self.add)
        requests.change_requested.connect(self.change)
        requests.typed.connect(self.type)
        requests.reverted.connect(self.revert)
        requests.move_requested.connect(self.move)
        requests.remove_requested.connect(self.remove)

    def _section(self, path: FieldPath) -> Section:
        section: Section = self.history.model.get(path)
        return section

    def _set_tables(
        self, label: str, section_path: FieldPath, tables: list[Table], at: int
    ) -> None:
        path = (*section_path, "tables")
        self.history.edit(label, [(path, tables)], focus=Focus((*path, at)), undo_focus=Focus(path))

    def add(
        self, section_path: FieldPath, after: int | None = None, rows: list[list[str]] | None = None
    ) -> None:
        section = self._section(section_path)
        after = len(section.paragraphs) - 1 if after is None else after
        if rows is None:
            table, label = Table(rows=[["", "", ""] for _ in range(3)]), "插入表格"
        else:
            table, label = table_edit.table_from_block(rows), "粘贴为表格"
        table = table.model_copy(update={"after": anchor_before(section, after)})
        tables = [*section.tables, table]
        self._set_tables(label, section_path, tables, len(tables) - 1)

    def change(self, path: FieldPath, ask: TableAsk) -> None:
        try:
            table: Table = self.history.model.get(path)
        except (IndexError, KeyError, AttributeError):
            return  # the table went (an undo) between the click and now
        try:
            new = ask.apply(table)
        except ValueError as error:
            self.requests.refused.emit(path, str(error))
            return
        if new != table:
            self.history.edit(ask.label, [(path, new)], focus=Focus(path))

    def type(self, path: FieldPath, text: str) -> None:
        """Typing in a table's text box: a run of typing, one step, as in a paragraph."""
        try:
            old = self.history.model.get(path)
        except (IndexError, KeyError, AttributeError):
            return  # the table went (an undo) while its box was open
        if isinstance(old, str):
            self.history.type_text(path, old, text)

    def revert(self, path: FieldPath, text: str) -> None:
        """Esc in a cell: back to its text when its editor opened, one step (as Excel puts
        the cell back; here the typing had already reached the draft key by key)."""
        try:
            old = self.history.model.get(path)
        except (IndexError, KeyError, AttributeError):
            return  # the table went (an undo) while the editor was open
        if isinstance(old, str) and old != text:
            self.history.edit("取消编辑单元格", [(path, text)], focus=Focus(path))

    def remove(self, path: FieldPath) -> None:
        section_path, index = path[:-2], path[-1]
        section = self._section(section_path)
        if not isinstance(index, int) or not 0 <= index < len(section.tables):
            return
        tables = list(section.tables)
        if _has_text(tables[index]):
            number = table_numbers(self.history.model.report).get(path, index + 1)
            where = place_name(self.history.model.report, section_path)
            if not self.confirm(f"确定删除“{where}”下的表{number}吗？表中的文字会一并删除。"):
                return
        del tables[index]
        back = Focus((*section_path, "tables"))
        self.history.edit("删除表格", [((*section_path, "tables"), tables)], focus=back)

    def move(self, path: FieldPath, delta: int) -> None:
        """The table goes past the paragraph before it (−1) or after it (+1)."""
        section_path, index = path[:-2], path[-1]
        section = self._section(section_path)
        if not isinstance(index, int) or not 0 <= index < len(section.tables):
            return
        follows = -1  # the paragraph the table now stands after, as the form shows it
        for kind, i in body(section):
            if kind == "paragraph":
                follows = i
            elif i == index:
                break
        if section.run_in and follows == 0 and delta < 0:
            return  # a run-in heading shares the first paragraph's line: nothing stands above
        target = follows + delta
        if not -1 <= target < len(section.paragraphs):
            return
        moved = section.tables[index].model_copy(update={"after": anchor_before(section, target)})
        label = "上移表格" if delta < 0 else "下移表格"
        self.history.edit(label, [(path, moved)], focus=Focus(path))
