"""Blocks copied from a spreadsheet keep every column (a bug: a block whose first cell is empty,
as Excel copies a table with an empty corner, lost a column when pasted into a paragraph).
Three shapes, through the three ways a block comes in: pasted into a table's cells, pasted
into a paragraph (offered as a table), and a .txt imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_gui_tables import click_cell, draft, shown, table_editor

from nianbao_gui.core.importer.api import import_report

EMPTY_CORNER = "\t2024年\t2025年\n地区生产总值\t28.6\t30.1\n"
TRAILING_EMPTY = "指标\t2024年\t\n产值\t28.6\t\n"
SHORT_ROW = "指标\t2024年\t2025年\n产值\t28.6\n增幅\t6.2%\t5.1%\n"

AS_TABLE = {
    EMPTY_CORNER: [["", "2024年", "2025年"], ["地区生产总值", "28.6", "30.1"]],
    TRAILING_EMPTY: [["指标", "2024年", ""], ["产值", "28.6", ""]],
    SHORT_ROW: [["指标", "2024年", "2025年"], ["产值", "28.6", ""], ["增幅", "6.2%", "5.1%"]],
}
BLOCKS = pytest.mark.parametrize("block", list(AS_TABLE), ids=["corner", "trailing", "short"])


@BLOCKS
def test_a_block_pasted_into_the_cells_keeps_its_columns(qtbot: QtBot, block: str) -> None:
    editor = shown(qtbot, draft())  # 指标 | 2024年 | 2025年 / 产值 | 28.6 | **
    before = editor.report().model_dump()
    QGuiApplication.clipboard().setText(block)
    table = table_editor(editor)
    click_cell(table, 0, 0)
    QTest.keyClick(table.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = editor.report().sections[0].tables[0].rows
    expected = AS_TABLE[block]
    if block == SHORT_ROW:  # a short row writes its own cells, the others keep their text
        expected = [expected[0], ["产值", "28.6", "**"], expected[2]]
    assert rows == expected
    editor.history.stack.undo()
    assert editor.report().model_dump() == before


@BLOCKS
def test_a_block_pasted_into_a_paragraph_becomes_a_table_with_every_column(
    qtbot: QtBot, block: str
) -> None:
    editor = shown(qtbot, draft())
    section_editor = editor.section_tabs[0].editor
    assert section_editor is not None
    asked: list[tuple[int, int]] = []
    section_editor.paragraphs.ask_table = lambda rows, columns: (
        asked.append((rows, columns)) or True
    )
    QGuiApplication.clipboard().setText(block)
    box = section_editor.paragraphs.editor_at(1)
    assert box is not None
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    expected = AS_TABLE[block]
    assert asked == [(len(expected), 3)]
    section = editor.report().sections[0]
    assert section.paragraphs == ["主要指标如下。", "其他工作。"]
    assert section.tables[1].rows == expected


def test_lines_not_all_with_a_tab_are_not_offered_as_a_table(qtbot: QtBot) -> None:
    editor = shown(qtbot, draft())
    section_editor = editor.section_tabs[0].editor
    assert section_editor is not None
    asked: list[tuple[int, int]] = []
    section_editor.paragraphs.ask_table = lambda rows, columns: (
        asked.append((rows, columns)) or True
    )
    QGuiApplication.clipboard().setText("\t第一段，缩进。\n第二段\t中间有制表符。\n第三段。\n")
    box = section_editor.paragraphs.editor_at(1)
    assert box is not None
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Home)
    QTest.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert asked == []
    paragraphs = editor.report().sections[0].paragraphs
    assert paragraphs == [
        "主要指标如下。",
        "第一段，缩进。",
        "第二段\t中间有制表符。",
        "第三段。其他工作。",
    ]


@BLOCKS
def test_a_txt_with_the_block_imports_a_table_with_every_column(tmp_path: Path, block: str) -> None:
    path = tmp_path / "报告.txt"
    text = f"关于2025年工作的述职报告\n\n一、经济发展\n主要指标如下。\n{block}其他工作。\n"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    (section,) = result.report.sections
    assert section.paragraphs == ["主要指标如下。", "其他工作。"]
    assert [table.rows for table in section.tables] == [AS_TABLE[block]]
    assert section.tables[0].after == section.paragraph_ids[0]
