"""Menu entries added to the window's designed menus: 帮助 › 使用说明 (F1) and the 数据 menu
(the figures panel, the spreadsheet round trip). What they open is loaded when chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from .compare import CompareActions
    from .main_window import MainWindow


def install_menus(window: MainWindow) -> None:
    ui = window.ui
    guide = QAction("使用说明(&G)", window)
    guide.setShortcut(QKeySequence("F1"))
    guide.setObjectName("actionGuide")
    guide.triggered.connect(lambda: open_guide(window))
    ui.menuHelp.insertAction(ui.actionOpenDataFolder, guide)
    ui.actionGuide = guide

    data = QMenu("数据(&D)", window)
    data.setObjectName("menuData")
    window.menuBar().insertMenu(ui.menuHelp.menuAction(), data)
    ui.actionFigures = data.addAction("数据面板（待填的数字）")
    ui.actionFigures.setShortcut(QKeySequence("Ctrl+D"))
    ui.actionFigures.triggered.connect(lambda: window.figures.show_panel())
    data.addSeparator()
    ui.actionFiguresExport = data.addAction("导出表格…")
    ui.actionFiguresExport.triggered.connect(lambda: window.figures.export_table())
    ui.actionFiguresFill = data.addAction("从表格填入…")
    ui.actionFiguresFill.triggered.connect(lambda: window.figures.fill_from_table())
    ui.menuData = data

    compare = QAction("对比去年…", window)
    compare.setObjectName("actionCompare")
    compare.setToolTip("与去年的草稿或报告对比：列出一字未改的句子和未变的数字")
    compare.triggered.connect(lambda: compare_actions(window).compare())
    ui.menuCheck.addAction(compare)
    ui.actionCompare = compare


def open_guide(window: MainWindow) -> None:
    from .dialogs.guide import GuideDialog

    GuideDialog(window).exec()


def compare_actions(window: MainWindow) -> CompareActions:
    """The window's 对比去年 (built when first used)."""
    found = getattr(window, "_compare", None)
    if found is None:
        from .compare import CompareActions

        found = CompareActions(window)
        window._compare = found  # type: ignore[attr-defined]
    return found
