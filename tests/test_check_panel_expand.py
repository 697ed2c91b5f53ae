"""'*' (Qt's "open everything under this row") and expandAll() in the 体检 list: a leaf row
never gets rows of its own, and the key returns at once (issue 17 item 2)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from nianbao_gui.app.check.check_rows import FINDING_ROLE
from nianbao_gui.core.importer import import_text
from tests.conftest import SEED
from tests.qt_helpers import close_window, make_window

LIMIT = 2000  # rows opened: far more than the seed has; beyond it the old code never ends


def _all_items(tree) -> list[QTreeWidgetItem]:  # type: ignore[no-untyped-def]
    items: list[QTreeWidgetItem] = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        items.append(item)
        stack.extend(item.child(i) for i in range(item.childCount()))
    return items


def _open_seed(qtbot: QtBot):  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.new_document(import_text(SEED.read_text(encoding="utf-8")).report, "种子")
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F7)
    panel = window.check_panel
    opened: list[object] = []

    def guard(item: QTreeWidgetItem) -> None:
        # the old code built a group's rows under each opened leaf, without end: stop it
        opened.append(item)
        if len(opened) > LIMIT:
            panel._group_rows.clear()

    panel.tree.itemExpanded.connect(guard)
    return window, panel, opened


def _no_leaf_has_rows(tree) -> None:  # type: ignore[no-untyped-def]
    for item in _all_items(tree):
        if item.data(0, FINDING_ROLE) is not None:
            assert item.childCount() == 0, item.text(0)


@pytest.mark.parametrize("which", ["first", "category", "group", "leaf in a group"])
def test_star_on_any_row_returns_at_once(qtbot: QtBot, which: str) -> None:
    window, panel, opened = _open_seed(qtbot)
    tree = panel.tree
    categories = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    groups = [
        c.child(j)
        for c in categories
        for j in range(c.childCount())
        if c.child(j).data(0, FINDING_ROLE) is None
    ]
    assert groups, "the seed has groups of identical findings"
    if which == "first":
        item = categories[0].child(0)
    elif which == "category":
        item = categories[0]
    elif which == "group":
        item = groups[0]
    else:
        groups[0].setExpanded(True)
        item = groups[0].child(0)
    tree.setCurrentItem(item)
    tree.setFocus()
    start = time.perf_counter()
    QTest.keyClick(tree, Qt.Key.Key_Asterisk)
    elapsed = time.perf_counter() - start
    assert len(opened) <= LIMIT
    _no_leaf_has_rows(tree)
    assert elapsed < 0.1, f"'*' took {elapsed * 1000:.0f} ms"
    close_window(window)


def test_expand_all_opens_every_group_and_no_leaf(qtbot: QtBot) -> None:
    window, panel, opened = _open_seed(qtbot)
    start = time.perf_counter()
    panel.tree.expandAll()
    elapsed = time.perf_counter() - start
    assert len(opened) <= LIMIT
    _no_leaf_has_rows(panel.tree)
    rows = [i for i in _all_items(panel.tree) if i.data(0, FINDING_ROLE) is not None]
    assert len(rows) == len(panel.findings)  # every group's rows are there, once
    assert elapsed < 0.1, f"expandAll took {elapsed * 1000:.0f} ms"
    close_window(window)
