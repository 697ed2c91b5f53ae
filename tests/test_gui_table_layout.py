"""The table's grid in the form fills its tab's width, its columns in the proportions the
export gives them (core.tables.column_twips), following the window as it is resized; rows
grow to hold wrapped text (issue 22 follow-up: the grid used ~400 px of a 1,150 px tab)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.app.widgets.table_editor import TableEditor
from nianbao_gui.core.model import Merge, Report, Section, Table
from nianbao_gui.core.settings import Settings
from nianbao_gui.core.tables import column_twips

LONG = "规模以上工业企业实现工业增加值同比增长，其中高新技术产业占比进一步提高"


def draft() -> Report:
    section = Section(heading="经济发展", paragraphs=["主要指标如下。", "其他工作。"])
    report = Report(year=2025, sections=[section])  # gives the paragraphs their ids
    table = Table(
        caption="主要经济指标完成情况",
        header_rows=2,
        rows=[
            ["指标", "完成情况", "", "增幅"],
            ["", "2024年", "2025年", ""],
            ["地区生产总值", "28.6", "30.4", "6.3"],
            ["社会消费品零售总额", "9.7", "10.3", "6.2"],
            [LONG, "1", "2", "3"],
        ],
        merges=[
            Merge(top=0, left=0, height=2, width=1),
            Merge(top=0, left=1, height=1, width=2),
            Merge(top=0, left=3, height=2, width=1),
        ],
        after=section.paragraph_ids[0],
    )
    section.tables.append(table)
    return Report.model_validate(report.model_dump())


def shown(qtbot: QtBot, width: int) -> tuple[ReportEditor, TableEditor]:
    editor = ReportEditor(Settings())
    qtbot.addWidget(editor)
    editor.set_report(draft())
    editor.resize(width, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tab_widget().setCurrentWidget(editor.section_tabs[0])
    QApplication.processEvents()
    section_editor = editor.section_tabs[0].editor
    assert section_editor is not None
    return editor, section_editor.table_editors[0]


def widths(table: TableEditor) -> list[int]:
    return [table.grid.columnWidth(c) for c in range(table.grid.columnCount())]


def assert_fills(qtbot: QtBot, table: TableEditor) -> None:
    def fills() -> bool:
        return abs(sum(widths(table)) - table.grid.viewport().width()) <= 2

    qtbot.waitUntil(fills, timeout=2000)
    total = table.grid.viewport().width()
    expected = column_twips(table.table, total)  # the export's proportions, in pixels
    assert all(abs(a - b) <= 2 for a, b in zip(widths(table), expected, strict=True))


def test_the_columns_fill_the_width_in_the_export_s_proportions(qtbot: QtBot) -> None:
    _editor, table = shown(qtbot, 1200)
    assert table.grid.viewport().width() > 900  # the grid is as wide as the tab
    assert_fills(qtbot, table)
    first, second = widths(table)[:2]
    assert first > 2 * second  # the long labels' column is the widest, as on paper


def test_the_columns_follow_the_window(qtbot: QtBot) -> None:
    editor, table = shown(qtbot, 1200)
    assert_fills(qtbot, table)
    wide = sum(widths(table))
    editor.resize(800, 800)
    QApplication.processEvents()
    assert_fills(qtbot, table)
    assert sum(widths(table)) < wide - 300


def test_rows_grow_to_hold_wrapped_text(qtbot: QtBot) -> None:
    _editor, table = shown(qtbot, 800)
    assert_fills(qtbot, table)
    grid = table.grid
    one_line = grid.rowHeight(2)
    qtbot.waitUntil(lambda: grid.rowHeight(4) > 1.5 * one_line)  # LONG wraps to two lines
    # the whole grid shows: no row hidden under a scroll bar
    rows = sum(grid.rowHeight(r) for r in range(grid.rowCount()))
    assert grid.viewport().height() >= rows


def test_cells_are_set_as_on_paper_with_air_around_the_text(qtbot: QtBot) -> None:
    _editor, table = shown(qtbot, 1000)
    grid = table.grid
    centre = Qt.AlignmentFlag.AlignHCenter
    assert grid.item(2, 0).textAlignment() & Qt.AlignmentFlag.AlignLeft  # a row label
    assert grid.item(2, 1).textAlignment() & centre  # a figure, centred as exported
    assert grid.item(1, 1).textAlignment() & centre  # a header cell
    line = grid.fontMetrics().height()
    assert grid.rowHeight(2) >= line + line // 2  # not cramped to the bare line height
