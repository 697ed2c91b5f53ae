"""A table in the form (issue 22 item 2): it stands among the paragraphs, cells are edited in
place, Tab and Enter move as in a spreadsheet, a block pasted from a spreadsheet fills the
cells, and every table command is one undo step that undo takes back exactly."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QTableWidgetSelectionRange, QToolButton
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.app.widgets.table_editor import TableEditor
from nianbao_gui.core.model import Report, Section, Table
from nianbao_gui.core.settings import Settings


def draft() -> Report:
    section = Section(heading="经济发展", paragraphs=["主要指标如下。", "其他工作。"])
    report = Report(year=2025, sections=[section])
    table = Table(
        rows=[["指标", "2024年", "2025年"], ["产值", "28.6", "**"]], after=section.paragraph_ids[0]
    )
    section.tables.append(table)
    return Report.model_validate(report.model_dump())


def shown(qtbot: QtBot, report: Report) -> ReportEditor:
    editor = ReportEditor(Settings())
    qtbot.addWidget(editor)
    editor.confirm = lambda text: True
    editor.set_report(report)
    editor.resize(1000, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tab_widget().setCurrentWidget(editor.section_tabs[0])
    return editor


def table_editor(editor: ReportEditor) -> TableEditor:
    section_editor = editor.section_tabs[0].editor
    assert section_editor is not None
    return section_editor.table_editors[0]


def click_cell(table: TableEditor, row: int, column: int) -> None:
    grid = table.grid
    rect = grid.visualRect(grid.model().index(row, column))
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click(button: QToolButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))


def undo_all(editor: ReportEditor) -> None:
    stack = editor.history.stack
    while stack.canUndo():
        stack.undo()


def test_the_table_stands_between_its_paragraphs(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    section_editor = editor.section_tabs[0].editor
    assert section_editor is not None
    layout = section_editor.paragraphs._rows_layout
    table = table_editor(editor)
    rows = section_editor.paragraphs.rows
    assert layout.indexOf(rows[0]) < layout.indexOf(table) < layout.indexOf(rows[1])
    assert table.grid.item(1, 2).text() == "**"


def test_typing_in_a_cell_then_enter_moves_down_and_undo_restores(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    table = table_editor(editor)
    click_cell(table, 0, 1)
    QTest.keyClick(table.grid, Qt.Key.Key_2)  # the first key opens the cell's editor
    cell = table.grid.viewport().findChild(QLineEdit)
    assert cell is not None and table.grid.state() == table.grid.State.EditingState
    QTest.keyClicks(cell, "023")
    assert editor.report().sections[0].tables[0].rows[0][1] == "2023"  # as typed
    QTest.keyClick(cell, Qt.Key.Key_Return)  # Qt closes the cell's editor once events run
    qtbot.waitUntil(lambda: table.grid.state() != table.grid.State.EditingState)
    assert table_editor(editor).grid.currentRow() == 1
    undo_all(editor)
    assert editor.report().model_dump() == before


def test_tab_moves_right(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    table = table_editor(editor)
    click_cell(table, 1, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_Tab)
    assert (table.grid.currentRow(), table.grid.currentColumn()) == (1, 1)


def test_pasting_a_4x5_block_fills_the_cells_and_undo_restores(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    block = "\n".join("\t".join(f"{r}{c}" for c in range(5)) for r in range(4)) + "\n"
    QGuiApplication.clipboard().setText(block)
    table = table_editor(editor)
    click_cell(table, 1, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = editor.report().sections[0].tables[0].rows
    assert len(rows) == 5 and len(rows[0]) == 5
    assert rows[1] == ["00", "01", "02", "03", "04"] and rows[4][4] == "34"
    assert editor.history.stack.count() == 1  # one step
    undo_all(editor)
    assert editor.report().model_dump() == before


def test_every_table_command_is_one_undoable_step(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    steps = 0
    for name in ("插入行", "插入列", "下移行", "右移列", "删除行", "删除列"):
        click_cell(table_editor(editor), 0, 0)
        click(table_editor(editor).buttons[name])  # type: ignore[arg-type]
        steps += 1
        assert editor.history.stack.count() == steps, name
    table = table_editor(editor)
    table.grid.setRangeSelected(QTableWidgetSelectionRange(0, 1, 0, 2), True)
    click(table.buttons["合并"])  # type: ignore[arg-type]
    assert editor.report().sections[0].tables[0].merges
    click_cell(table_editor(editor), 0, 1)
    click(table_editor(editor).buttons["拆分"])  # type: ignore[arg-type]
    assert not editor.report().sections[0].tables[0].merges
    assert editor.history.stack.count() == steps + 2
    undo_all(editor)
    assert editor.report().model_dump() == before


def test_insert_table_from_the_section_and_undo(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    section_editor = editor.section_tabs[0].editor
    assert section_editor is not None
    click(section_editor.insert_table)
    section = editor.report().sections[0]
    assert len(section.tables) == 2 and section.tables[1].after == section.paragraph_ids[-1]
    assert len(section_editor.table_editors) == 2
    editor.history.stack.undo()
    assert len(editor.report().sections[0].tables) == 1
    assert len(section_editor.table_editors) == 1


def test_a_block_pasted_into_a_paragraph_is_offered_as_a_table(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    before = editor.report().model_dump()
    section_editor = editor.section_tabs[0].editor
    assert section_editor is not None
    asked: list[tuple[int, int]] = []
    section_editor.paragraphs.ask_table = lambda rows, columns: (
        asked.append((rows, columns)) or True
    )
    QGuiApplication.clipboard().setText("指标\t数量\n改厕\t**户\n")
    box = section_editor.paragraphs.editor_at(1)
    assert box is not None
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert asked == [(2, 2)]
    section = editor.report().sections[0]
    assert section.paragraphs == ["主要指标如下。", "其他工作。"]  # nothing pasted as text
    assert section.tables[1].rows == [["指标", "数量"], ["改厕", "**户"]]
    assert section.tables[1].after == section.paragraph_ids[1]
    editor.history.stack.undo()
    assert editor.report().model_dump() == before


def test_a_table_whose_paragraph_is_deleted_stays_where_it_stood(qtbot: QtBot) -> None:
    report = draft()
    report.sections[0].paragraphs.insert(0, "开头一段。")
    report = Report.model_validate(
        report.model_dump()
        | {"sections": [report.sections[0].model_dump() | {"paragraph_ids": []}]}
    )
    section = report.sections[0]
    section.tables[0].after = section.paragraph_ids[1]  # after 主要指标如下。
    editor = shown(qtbot, report)
    before = editor.report().model_dump()
    section_editor = editor.section_tabs[0].editor
    assert section_editor is not None
    click(section_editor.paragraphs.rows[1].remove)
    now = editor.report().sections[0]
    assert now.paragraphs == ["开头一段。", "其他工作。"]
    assert now.tables[0].after == now.paragraph_ids[0]  # after the paragraph before it
    layout = section_editor.paragraphs._rows_layout
    rows = section_editor.paragraphs.rows
    table = table_editor(editor)
    assert layout.indexOf(rows[0]) < layout.indexOf(table) < layout.indexOf(rows[1])
    assert editor.history.stack.count() == 1
    editor.history.stack.undo()
    assert editor.report().model_dump() == before


def test_a_finding_in_a_cell_goes_to_the_cell(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    editor.tab_widget().setCurrentWidget(editor.opening)
    assert editor.focus_field(("sections", 0, "tables", 0, "rows", 1, 2), 0, 2)
    assert editor.tab_widget().currentWidget() is editor.section_tabs[0]
    grid = table_editor(editor).grid
    assert (grid.currentRow(), grid.currentColumn()) == (1, 2)


def test_the_table_font_size_is_a_setting_in_the_form(qtbot: QtBot) -> None:
    from nianbao_gui.core.settings import TableFontSize

    settings = Settings()
    editor = ReportEditor(settings)
    qtbot.addWidget(editor)
    editor.set_report(draft())
    editor.show()
    qtbot.waitExposed(editor)
    tab = editor.basic
    editor.tab_widget().setCurrentWidget(tab)
    combo = tab.table_font_size
    assert combo.currentText() == "四号"
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert settings.table_font_size is TableFontSize.XIAO_SI
