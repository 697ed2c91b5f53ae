"""The rows of the 体检 panel: one per finding, one per group of identical findings.

Rows are updated in place (a row that already shows its finding is not touched), and a
group's own rows are built only when it is first opened.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from ...core.checks import Category, Finding
from .live_check import RowText

FINDING_ROLE = Qt.ItemDataRole.UserRole  # a leaf row's Finding
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's group key (category, code, message)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # a leaf row's RowText

GroupKey = tuple[Category, str, str]


def group_key(finding: Finding) -> GroupKey:
    return (finding.category, finding.code, finding.message)


def build_group_of(item: QTreeWidgetItem, store: dict[GroupKey, Any]) -> None:
    """An opened row: if it is a group whose rows were not built yet, build them. A leaf
    row (it shows a finding) never gets rows: '*' and expandAll() open leaves too, and a
    leaf inside a group shares the group's key, so its rows would open in turn, without end."""
    is_group = item.parent() is not None and item.data(0, FINDING_ROLE) is None
    if is_group and item.childCount() == 0:
        build_group(item, store)


def sync_children(
    parent: QTreeWidgetItem,
    keys: list[GroupKey],
    groups: dict[GroupKey, list[tuple[Finding, RowText]]],
    store: dict[GroupKey, Any],
) -> None:
    """Make ``parent``'s rows stand for ``keys`` in that order, reusing the rows there;
    ``store`` keeps the findings of every group (rows built when it is opened)."""
    wanted = set(keys)
    for i in reversed(range(parent.childCount())):
        old = parent.child(i)
        if old is None or old.data(0, KEY_ROLE) not in wanted:
            parent.takeChild(i)
    for i, key in enumerate(keys):
        rows = groups[key]
        child = parent.child(i) if i < parent.childCount() else None
        grouped = len(rows) > 1
        if child is not None and child.data(0, KEY_ROLE) == key:
            if (child.data(0, FINDING_ROLE) is None) != grouped:  # one ↔ several
                parent.takeChild(i)
                child = None
        else:
            child = None
        if child is None:
            child = QTreeWidgetItem()
            child.setData(0, KEY_ROLE, key)
            if grouped:  # closed, but with the mark that opens it
                child.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            parent.insertChild(i, child)
        if grouped:
            store[key] = rows
            _fill_group(child, key, rows, store)
        else:
            fill_leaf(child, *rows[0], in_group=False)


def _fill_group(
    item: QTreeWidgetItem,
    key: GroupKey,
    rows: list[tuple[Finding, RowText]],
    store: dict[GroupKey, Any],
) -> None:
    """A row for several identical findings. Its own rows are built when it is first opened
    (``build_group``): a draft with hundreds of findings lists quickly."""
    set_text(item, 0, f"{key[2]}（{len(rows)} 处）")
    _tip(item, 0, f"{key[2]}\n共 {len(rows)} 处，展开后逐一点击可跳到每一处。")
    set_text(item, 1, "")
    if item.childCount() or item.isExpanded():
        build_group(item, store)


def build_group(item: QTreeWidgetItem, store: dict[GroupKey, Any]) -> None:
    """Make the rows of a group stand for its findings (reusing the rows there)."""
    rows = store.get(item.data(0, KEY_ROLE), [])
    while item.childCount() > len(rows):
        item.takeChild(item.childCount() - 1)
    for i, (finding, text) in enumerate(rows):
        child = item.child(i) if i < item.childCount() else None
        if child is None:
            child = QTreeWidgetItem()
            child.setData(0, KEY_ROLE, item.data(0, KEY_ROLE))
            item.addChild(child)
        fill_leaf(child, finding, text, in_group=True)


def fill_leaf(item: QTreeWidgetItem, finding: Finding, text: RowText, in_group: bool) -> None:
    """Show ``finding`` in ``item``; a row that already shows it is left alone, so that a
    re-check after a keystroke touches only the rows of the paragraph typed in."""
    shown = item.data(0, FINDING_ROLE)
    if shown is finding:
        return
    if shown == finding and item.data(0, ROW_ROLE) == text:
        if shown.text != finding.text:  # the field changed elsewhere: keep what it reads now
            item.setData(0, FINDING_ROLE, finding)
        return
    # the place on a line of its own: beside the text it was cut off in a narrow dock
    where = f"〔{text.context}〕\n{text.place}" if text.context else text.place
    set_text(item, 0, where if in_group else f"{finding.message}\n{where}")
    tip = [text.full_place, finding.message]
    if text.wide_context:
        tip.append(f"〔{text.wide_context}〕")
    if finding.fix is not None:
        tip.append(f"可一键修复：{finding.fix_label()}")
    _tip(item, 0, "\n".join(tip))
    item.setData(0, FINDING_ROLE, finding)
    item.setData(0, ROW_ROLE, text)
    fixable = finding.fix is not None
    set_text(item, 1, "修复" if fixable else "")
    _tip(item, 1, f"{finding.fix_label()}（可撤销）" if fixable else "")
    if fixable and (shown is None or shown.fix is None):
        item.setForeground(1, QBrush(QPalette().color(QPalette.ColorRole.Link)))


def set_text(item: QTreeWidgetItem, column: int, text: str) -> None:
    if item.text(column) != text:  # unchanged rows cost nothing to update
        item.setText(column, text)


def _tip(item: QTreeWidgetItem, column: int, text: str) -> None:
    if item.toolTip(column) != text:
        item.setToolTip(column, text)


class WrappedRows(QStyledItemDelegate):
    """Rows as tall as their wrapped text. Qt sizes a row before it knows the width it is
    drawn in, so only the text's own line breaks counted: a long message took the lines of
    the place under it, which was cut off with "…". The width of the first column (less the
    indentation of the row's depth) is given; a resized column lays the rows out again."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.timeout.connect(tree.doItemsLayout)
        tree.header().sectionResized.connect(self._column_resized)

    def _column_resized(self, column: int, old: int, new: int) -> None:
        if column == 0 and old != new:
            self._relayout.start(0)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.column() != 0:
            return super().sizeHint(option, index)
        depth, parent = 1 if self._tree.rootIsDecorated() else 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._tree.columnWidth(0) - depth * self._tree.indentation()
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, max(width, 40), 100_000)  # only the width counts
        return super().sizeHint(sized, index)
