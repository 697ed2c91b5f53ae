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
    shade = QAction("标出与去年相同的句子", window)
    shade.setObjectName("actionShade")
    shade.setCheckable(True)
    shade.toggled.connect(lambda on: toggle_shading(window, on))
    ui.menuCheck.addAction(shade)
    ui.actionShade = shade
    window.document_shown.connect(lambda: _another_draft(window))


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


def toggle_shading(window: MainWindow, on: bool) -> None:
    """Shade the sentences still last year's in the form, or stop (检查 menu's toggle)."""
    from .shading import Shading

    shading = getattr(window, "_shading", None)
    if shading is None:
        shading = Shading(window)
        window._shading = shading  # type: ignore[attr-defined]
    if not on:
        shading.hide()
        return
    found = compare_actions(window).last_year()
    if found is None:  # no draft, or no last year's chosen: the toggle goes back off
        window.ui.actionShade.setChecked(False)
        return
    shading.show(found[1])


def _another_draft(window: MainWindow) -> None:
    """Last year's report belongs to the draft that was open: forget it, stop shading."""
    compare = getattr(window, "_compare", None)
    if compare is not None:
        compare.forget()
    window.ui.actionShade.setChecked(False)
