"""Found walking through issue 22's tables as a secretary would (QA pass): the keys she uses
in a table must not take her to a place where her next keys overwrite other text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from qt_helpers import type_into
from test_gui_tables import click_cell, draft, shown, table_editor, undo_all


def test_tab_in_the_last_cell_adds_a_row_instead_of_going_back_to_the_header(
    qtbot: QtBot,
) -> None:
    """Tab after the last cell used to wrap to the header's first cell with its text
    selected: the next indicator she typed replaced "指标". As in a Word/WPS table, Tab in the
    last cell adds a row and goes to its first cell (one undo step)."""
    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    table = table_editor(editor)
    click_cell(table, 1, 2)
    QTest.keyClick(table.grid, Qt.Key.Key_3)  # the first key opens the cell's editor
    box = table.grid.viewport().findChild(QLineEdit)
    assert box is not None
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert table_editor(editor).grid.item(0, 0).text() == "指标"
    qtbot.waitUntil(lambda: table_editor(editor).grid.rowCount() == 3)
    table = table_editor(editor)
    grid = table.grid
    assert (grid.currentRow(), grid.currentColumn()) == (2, 0)
    type_into(grid, "新增就业")
    box = grid.viewport().findChild(QLineEdit)
    assert box is not None
    QTest.keyClick(box, Qt.Key.Key_Tab)
    rows = editor.report().sections[0].tables[0].rows
    assert rows == [["指标", "2024年", "2025年"], ["产值", "28.6", "3"], ["新增就业", "", ""]]
    assert editor.history.stack.undoText() == "输入"
    editor.history.stack.undo()
    assert editor.history.stack.undoText() == "插入行"
    undo_all(editor)
    assert editor.report().model_dump() == before


def test_chinese_typed_on_a_selected_cell_replaces_its_text(qtbot: QtBot) -> None:
    """A commit from the input method on a selected (not yet opened) cell opened its editor
    and dropped the Chinese: she typed 新增就业 and the cell still said 产值."""
    editor = shown(qtbot, draft())
    table = table_editor(editor)
    click_cell(table, 1, 0)
    type_into(table.grid, "新增就业")
    box = table.grid.viewport().findChild(QLineEdit)
    assert box is not None and box.text() == "新增就业"
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert editor.report().sections[0].tables[0].rows[1][0] == "新增就业"
    assert editor.history.stack.undoText() == "输入"


def test_the_data_panel_shows_which_cell_a_figure_is_in(qtbot: QtBot) -> None:
    """The panel's 位置 showed "（一）经济发展。 · 表…" cut off at the column's edge, and two
    cells of one table looked the same: the cell's place (表1 第2行 第3列) is what shows."""
    from qt_helpers import close_window, make_window

    window = make_window(qtbot)
    report = draft()
    report.sections[0].heading = "加快经济发展，推动产业转型升级"
    window.new_document(report, "测试")
    window.resize(1366, 740)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    panel = window.figures.panel
    qtbot.waitUntil(lambda: panel.isVisible())
    index = panel.model.index(0, 0)
    shown_text = str(index.data())
    assert shown_text.startswith("表1 第2行 第3列"), shown_text
    width = panel.table.fontMetrics().horizontalAdvance(shown_text)
    assert width <= panel.table.columnWidth(0)  # whole, not cut off
    assert "加快经济发展" in str(index.data(Qt.ItemDataRole.ToolTipRole))
    close_window(window)


def test_a_block_pasted_into_an_open_cell_fills_the_cells(qtbot: QtBot) -> None:
    """Ctrl+V of rows copied from Excel while a cell was being typed in (after a double-click
    or F2, as in Word) put the whole block, tabs and all, into that one cell:
    "村集体经济收入\\t120\\t150新增就业…". It fills the cells from there, as Ctrl+V on the
    selected cell does, in one undo step."""
    from PySide6.QtGui import QGuiApplication

    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    table = table_editor(editor)
    click_cell(table, 1, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_F2)
    box = table.grid.viewport().findChild(QLineEdit)
    assert box is not None
    QGuiApplication.clipboard().setText("村集体经济收入\t120\t150\n新增就业\t300\t320\n")
    QTest.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = editor.report().sections[0].tables[0].rows
    assert rows[1:] == [["村集体经济收入", "120", "150"], ["新增就业", "300", "320"]]
    assert editor.history.stack.undoText() == "粘贴到表格"
    undo_all(editor)
    assert editor.report().model_dump() == before


def test_shift_tab_in_the_first_cell_stays_there(qtbot: QtBot) -> None:
    """Shift+Tab in the first cell wrapped to the last cell, its figure selected to be typed
    over."""
    editor = shown(qtbot, draft())
    table = table_editor(editor)
    click_cell(table, 0, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_F2)
    box = table.grid.viewport().findChild(QLineEdit)
    assert box is not None
    QTest.keyClick(box, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert (table.grid.currentRow(), table.grid.currentColumn()) == (0, 0)
    assert editor.report().sections[0].tables[0].rows[1] == ["产值", "28.6", "**"]


def test_delete_clears_the_selected_cells_as_in_a_spreadsheet(qtbot: QtBot) -> None:
    """Delete on selected cells did nothing (Excel/WPS 表格 clear them): she had to open
    each cell and erase it. One undo step, named, and undo brings the figures back."""
    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    table = table_editor(editor)
    click_cell(table, 1, 1)
    grid = table.grid
    rect = grid.visualRect(grid.model().index(1, 2))
    QTest.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, rect.center()
    )
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert editor.report().sections[0].tables[0].rows[1] == ["产值", "", ""]
    assert editor.history.stack.undoText() == "清除内容"
    undo_all(editor)  # (Ctrl+Z is the window's: tests/test_gui_table_undo_keys.py)
    assert editor.report().model_dump() == before


def test_ctrl_c_copies_the_selected_cells_as_rows_for_a_spreadsheet(qtbot: QtBot) -> None:
    """Ctrl+C on selected cells copied only the current one ("**"): pasted into Excel or WPS
    the table was one figure. It copies the block, tab-separated rows; Ctrl+X also clears it
    (one undo step)."""
    from PySide6.QtGui import QGuiApplication

    editor = shown(qtbot, draft())
    table = table_editor(editor)
    grid = table.grid
    click_cell(table, 0, 0)
    rect = grid.visualRect(grid.model().index(1, 2))
    shift = Qt.KeyboardModifier.ShiftModifier
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, shift, rect.center())
    QTest.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "指标\t2024年\t2025年\n产值\t28.6\t**\n"
    click_cell(table, 1, 1)
    QTest.keyClick(grid, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "28.6\n"
    assert editor.report().sections[0].tables[0].rows[1] == ["产值", "", "**"]
    assert editor.history.stack.undoText() == "剪切"


def test_a_check_finding_in_a_cell_selects_its_text_there(qtbot: QtBot) -> None:
    """Clicking a 体检 row of a cell made the cell current with nothing selected in it: what
    she typed next replaced the whole cell (约**亿元 became 5). The cell opens with the
    finding's text selected, as in a paragraph."""
    from PySide6.QtWidgets import QApplication
    from qt_helpers import close_window, make_window

    from nianbao_gui.app.check.check_panel import CheckPanel

    window = make_window(qtbot)
    report = draft()
    report.sections[0].tables[0].rows[1][2] = "约**亿元"
    window.new_document(report, "测试")
    window.resize(1366, 740)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: window.findChild(CheckPanel) is not None)
    panel = window.findChild(CheckPanel)
    qtbot.waitUntil(lambda: any("表1" in i.text(0) for i in panel.finding_items()))
    item = next(i for i in panel.finding_items() if "表1" in i.text(0))
    tree = item.treeWidget()
    tree.scrollToItem(item)
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    box = QApplication.focusWidget()
    assert isinstance(box, QLineEdit) and box.selectedText() == "**"
    QTest.keyClick(box, Qt.Key.Key_5)
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.report().sections[0].tables[0].rows[1][2] == "约5亿元"
    close_window(window)


def window_with(qtbot: QtBot, report):  # type: ignore[no-untyped-def]
    """The window at 1366×768 with ``report`` open and active."""
    from qt_helpers import make_window

    window = make_window(qtbot)
    window.new_document(report, "测试")
    window.resize(1366, 740)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_find_in_a_cell_leaves_the_match_selected_in_the_open_cell(qtbot: QtBot) -> None:
    """查找 made a cell with a match current, nothing selected in it: after Esc the next key
    she typed replaced the whole cell (约28亿元 became 5). As a 体检 row does, the cell opens
    with the match selected, after 替换 and going back (上一个) as well."""
    from PySide6.QtWidgets import QApplication
    from qt_helpers import close_window

    report = draft()
    report.sections[0].tables[0].rows[1][1:] = ["28.6", "约28亿元"]
    window = window_with(qtbot, report)
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = window.edits.find_bar
    QTest.keyClicks(bar.find_edit, "28")
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Tab)
    QTest.keyClicks(bar.replace_edit, "30")
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_Return)  # to the first match …
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_Return)  # … replaced, on to the next
    assert bar.count_label.text() == "第 1 / 1 处"
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_Escape)
    box = QApplication.focusWidget()
    assert isinstance(box, QLineEdit) and box.selectedText() == "28"
    QTest.keyClick(box, Qt.Key.Key_5)
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.report().sections[0].tables[0].rows[1][1:] == ["30.6", "约5亿元"]
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(bar.find_edit, "30")
    QTest.mouseClick(bar.prev_button, Qt.MouseButton.LeftButton)
    QTest.keyClick(bar.prev_button, Qt.Key.Key_Escape)
    box = QApplication.focusWidget()
    assert isinstance(box, QLineEdit) and box.selectedText() == "30"
    QTest.keyClick(box, Qt.Key.Key_9)
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.report().sections[0].tables[0].rows[1][1:] == ["9.6", "约5亿元"]
    close_window(window)


def test_the_context_menus_paste_in_an_open_cell_fills_the_cells(qtbot: QtBot) -> None:
    """粘贴 from the right-click menu of a cell being typed in put rows copied from Excel, tabs
    and all, into that one cell (Ctrl+V there fills the cells). It does what Ctrl+V does."""
    from PySide6.QtGui import QContextMenuEvent, QGuiApplication
    from PySide6.QtWidgets import QApplication, QMenu

    def open_cell(row: int, column: int) -> QLineEdit:
        click_cell(table_editor(editor), row, column)
        grid = table_editor(editor).grid
        QTest.keyClick(grid, Qt.Key.Key_F2)
        box = grid.indexWidget(grid.currentIndex())  # (the last cell's may not be deleted yet)
        assert isinstance(box, QLineEdit)
        return box

    def paste_by_menu(box: QLineEdit) -> None:
        """A right-click in the box (as tests/test_gui_form_structure.py), then 粘贴 in its
        menu (Qt 6 pops the menu up without waiting)."""
        where = box.rect().center()
        click = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, box.mapToGlobal(where))
        QApplication.sendEvent(box, click)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        paste = next(a for a in menu.actions() if a.objectName() == "edit-paste")
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(paste).center())

    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    box = open_cell(1, 0)
    QGuiApplication.clipboard().setText("村集体经济收入\t120\t150\n新增就业\t300\t320\n")
    paste_by_menu(box)
    rows = editor.report().sections[0].tables[0].rows
    assert rows[1:] == [["村集体经济收入", "120", "150"], ["新增就业", "300", "320"]]
    assert editor.history.stack.undoText() == "粘贴到表格"
    undo_all(editor)
    assert editor.report().model_dump() == before
    # a figure (no tab) is pasted where the cursor is, by the menu as by Ctrl+V
    QGuiApplication.clipboard().setText("0")
    box = open_cell(1, 1)
    QTest.keyClick(box, Qt.Key.Key_End)
    QTest.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    paste_by_menu(box)
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert editor.report().sections[0].tables[0].rows[1][1] == "28.600"


def test_the_whole_count_shows_once_at_1366x768(qtbot: QtBot) -> None:
    """"全文 2526 字" stood twice, one above the other: in the page's footer (本页 … 全文 …) and
    in the status bar. The footer counts the page, the status bar the whole report."""
    from PySide6.QtWidgets import QLabel
    from qt_helpers import close_window

    window = window_with(qtbot, draft())
    window.resize(1366, 768)
    tab = window.editor.section_tabs[0]
    window.editor.tab_widget().setCurrentWidget(tab)
    total = window.editor.total_chars()
    shown = [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisible() and "全文" in label.text()
    ]
    assert shown == [f"全文 {total} 字"]
    assert tab.footer.isVisible() and tab.footer.text() == f"本页 {tab.count} 字"
    close_window(window)


def test_a_data_panel_row_of_a_cell_selects_the_figure_there(qtbot: QtBot) -> None:
    """A click on a 数据 row of a cell made the cell current, nothing selected in it: the
    figure she typed then replaced the whole cell (约**亿元 became 5), as 体检 and 查找 did."""
    from PySide6.QtWidgets import QApplication
    from qt_helpers import close_window

    report = draft()
    report.sections[0].tables[0].rows[1][2] = "约**亿元"
    window = window_with(qtbot, report)
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    panel = window.figures.panel
    qtbot.waitUntil(lambda: panel.isVisible())
    rect = panel.table.visualRect(panel.model.index(0, 0))
    QTest.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    box = QApplication.focusWidget()
    assert isinstance(box, QLineEdit) and box.selectedText() == "**"
    QTest.keyClick(box, Qt.Key.Key_5)
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.report().sections[0].tables[0].rows[1][2] == "约5亿元"
    close_window(window)


def test_a_same_as_last_year_row_of_a_cell_selects_the_figure_there(
    qtbot: QtBot, tmp_path  # type: ignore[no-untyped-def]
) -> None:
    """A click on a 与去年相同 row of a cell made the cell current, nothing selected in it:
    this year's figure typed then replaced the whole cell (增长28.6% became 3)."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from qt_helpers import ScriptedPrompts, close_window, make_window

    from nianbao_gui.core.model import Report, Section, Table
    from nianbao_gui.core.storage import save_draft

    def made(year: int, rows: list[list[str]], made_from: str = "") -> Report:
        section = Section(heading="抓好发展", paragraphs=["主要指标如下。"])
        section.tables.append(Table(rows=rows, after=""))
        return Report(year=year, author_name="张明华", sections=[section], made_from=made_from)

    last, this = Path(tmp_path) / "2024.json", Path(tmp_path) / "2025.json"
    rows = [["指标", "本年"], ["产值", "增长28.6%"]]
    save_draft(made(2024, rows), last)
    save_draft(made(2025, rows, made_from=last.name), this)
    window = make_window(qtbot, ScriptedPrompts())
    window.files.open_path(this)
    window.resize(1366, 740)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.ui.actionCompare.trigger()  # 检查 › 对比去年…
    panel = window.last_year.compare.panel
    assert panel.list.count() == 1
    item = panel.list.item(0)
    rect = panel.list.visualItemRect(item)
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    box = QApplication.focusWidget()
    assert isinstance(box, QLineEdit) and box.selectedText() == "28.6%"
    QTest.keyClicks(box, "31%")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.report().sections[0].tables[0].rows[1][1] == "增长31%"
    window.document.discard_changes()
    close_window(window)
