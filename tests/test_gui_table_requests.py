"""Tables move, come and go the way sections do (issue 21 item 4): the table editor's buttons
ask (TableRequests), the editor makes the undo step (table_structure.py), and a change to one
table touches only that table's editor: the section's paragraphs, its subsections' boxes (a
collapsed one stays collapsed) and its other tables keep their widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.app.widgets.section_editor import SectionEditor
from nianbao_gui.app.widgets.table_editor import TableEditor
from nianbao_gui.core.model import Report, Section, Table
from nianbao_gui.core.settings import Settings


def draft() -> Report:
    """一、经济发展: two paragraphs, 表1 after the first, 表2 after the second, two
    subsections; 二、民生: 表3."""
    economy = Section(
        heading="经济发展",
        paragraphs=["主要指标如下。", "农业情况如下。"],
        children=[
            Section(heading="工业。", paragraphs=["工业产值增长。"]),
            Section(heading="农业。", paragraphs=["粮食丰收。"]),
        ],
    )
    living = Section(heading="民生", paragraphs=["民生支出如下。"])
    report = Report.model_validate(Report(year=2025, sections=[economy, living]).model_dump())
    economy, living = report.sections
    economy.tables = [
        Table(rows=[["指标", "2025年"], ["产值", "28.6"]], after=economy.paragraph_ids[0]),
        Table(rows=[["作物", "产量"], ["粮食", "**"]], after=economy.paragraph_ids[1]),
    ]
    living.tables = [Table(rows=[["项目", "金额"], ["教育", "**"]], after=living.paragraph_ids[0])]
    return Report.model_validate(report.model_dump())


def shown(qtbot: QtBot) -> ReportEditor:
    editor = ReportEditor(Settings())
    qtbot.addWidget(editor)
    editor.confirm = lambda text: True
    editor.set_report(draft())
    editor.resize(1100, 900)
    editor.show()
    qtbot.waitExposed(editor)
    for tab in reversed(editor.section_tabs):  # both built
        editor.tab_widget().setCurrentWidget(tab)
    return editor


def economy(editor: ReportEditor) -> SectionEditor:
    section_editor = editor.section_tabs[0].editor
    assert section_editor is not None
    return section_editor


def click(button: QWidget) -> None:
    assert isinstance(button, QAbstractButton)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))


def click_cell(table: TableEditor, row: int, column: int) -> None:
    grid = table.grid
    rect = grid.visualRect(grid.model().index(row, column))
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def widgets(section_editor: SectionEditor) -> list[QWidget]:
    """Every box of the section whose object must survive a table change."""
    children = section_editor.children_editors
    return [
        section_editor.heading_edit,
        *section_editor.paragraphs.rows,
        *section_editor.paragraphs.text_editors(),
        *children,
        *(child.heading_edit for child in children),
        *(box for child in children for box in child.paragraphs.text_editors()),
        *section_editor.table_editors,
    ]


def order(section_editor: SectionEditor) -> list[QWidget]:
    layout = section_editor.paragraphs._rows_layout
    items = (layout.itemAt(i) for i in range(layout.count()))
    return [w for item in items if item is not None and (w := item.widget()) is not None]


def test_a_row_added_then_ctrl_z_restores_the_draft_and_keeps_every_other_box(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.qt_helpers import close_window, window_with_draft

    window = window_with_draft(qtbot, draft(), tmp_path / "述职.json", (1200, 900))
    editor = window.editor
    section_editor = economy(editor)
    section_editor.children_editors[1].set_expanded(False)
    before = editor.report().model_dump()
    kept = widgets(section_editor)
    table = section_editor.table_editors[0]

    click_cell(table, 1, 0)
    click(table.buttons["插入行"])
    assert editor.report().sections[0].tables[0].rows == [
        ["指标", "2025年"],
        ["产值", "28.6"],
        ["", ""],
    ]
    assert table.grid.rowCount() == 3
    assert widgets(section_editor) == kept  # the same objects, none rebuilt
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert editor.report().model_dump() == before  # the exact draft
    assert table.grid.rowCount() == 2
    assert widgets(section_editor) == kept
    assert not section_editor.children_editors[1].is_expanded()  # still collapsed
    close_window(window)


def test_table_commands_touch_only_their_table_and_a_collapsed_box_stays_collapsed(
    qtbot: QtBot,
) -> None:
    editor = shown(qtbot)
    section_editor = economy(editor)
    farming = section_editor.children_editors[1]
    farming.set_expanded(False)
    kept = widgets(section_editor)
    first, second = section_editor.table_editors
    shown_second = second.table
    for name in ("插入列", "下移行", "删除列", "插入行"):
        click_cell(first, 0, 0)
        click(first.buttons[name])
    assert widgets(section_editor) == kept
    assert second.table is shown_second  # the other table was not even shown again
    assert not farming.is_expanded()
    assert editor.history.stack.count() == 4


def test_moving_a_table_past_a_paragraph_and_back(qtbot: QtBot) -> None:
    editor = shown(qtbot)
    before = editor.report().model_dump()
    section_editor = economy(editor)
    rows = section_editor.paragraphs.rows
    first, second = section_editor.table_editors
    assert order(section_editor) == [rows[0], first, rows[1], second]
    click(first.buttons["表格下移"])
    section = editor.report().sections[0]
    assert section.tables[0].after == section.paragraph_ids[1]
    assert order(section_editor) == [rows[0], rows[1], first, second]
    assert section_editor.table_editors == [first, second]
    click(first.buttons["表格上移"])
    click(first.buttons["表格上移"])
    assert order(section_editor) == [first, rows[0], rows[1], second]
    click(first.buttons["表格上移"])  # nothing above the first paragraph: no step
    assert editor.history.stack.count() == 3
    editor.history.stack.undo()
    editor.history.stack.undo()
    editor.history.stack.undo()
    assert editor.report().model_dump() == before
    assert order(section_editor) == [rows[0], first, rows[1], second]


def test_deleting_a_table_keeps_the_next_ones_editor_and_renumbers(qtbot: QtBot) -> None:
    editor = shown(qtbot)
    before = editor.report().model_dump()
    section_editor = economy(editor)
    first, second = section_editor.table_editors
    living = editor.section_tabs[1].editor
    assert living is not None
    (third,) = living.table_editors
    assert (first.title.text(), second.title.text(), third.title.text()) == ("表1", "表2", "表3")
    asked: list[str] = []
    editor.confirm = lambda text: asked.append(text) or True
    click(first.buttons["删除表格"])
    assert asked and "表1" in asked[0] and "一、经济发展" in asked[0]
    assert section_editor.table_editors == [second]  # its editor kept, re-pathed
    assert second.path == ("sections", 0, "tables", 0)
    assert (second.title.text(), third.title.text()) == ("表1", "表2")  # 二、's too
    click_cell(second, 1, 0)
    click(second.buttons["插入行"])  # asks for its table at its new place
    assert len(editor.report().sections[0].tables[0].rows) == 3
    editor.history.stack.undo()
    editor.history.stack.undo()
    assert editor.report().model_dump() == before
    assert section_editor.table_editors[1] is second and second.title.text() == "表2"
    assert third.title.text() == "表3"


def test_inserting_a_table_renumbers_the_tables_after_it(qtbot: QtBot) -> None:
    editor = shown(qtbot)
    section_editor = economy(editor)
    first, second = section_editor.table_editors
    living = editor.section_tabs[1].editor
    assert living is not None
    click(section_editor.insert_table)  # after the last paragraph, after 表2
    assert section_editor.table_editors[:2] == [first, second]
    assert section_editor.table_editors[2].title.text() == "表3"
    assert living.table_editors[0].title.text() == "表4"
    editor.history.stack.undo()
    assert section_editor.table_editors == [first, second]
    assert living.table_editors[0].title.text() == "表3"


def test_a_refused_change_is_said_on_the_table_and_makes_no_step(qtbot: QtBot) -> None:
    editor = shown(qtbot)
    table = economy(editor).table_editors[0]
    click_cell(table, 0, 0)
    click(table.buttons["删除行"])
    click_cell(table, 0, 0)
    click(table.buttons["删除行"])  # the last row
    assert editor.history.stack.count() == 1
    assert "表格至少要有一行" in table.title.text()
    other = economy(editor).table_editors[1]
    assert other.title.text() == "表2"  # said only on the table asked of


def test_a_cell_changed_elsewhere_shows_in_its_table(qtbot: QtBot) -> None:
    """全部替换 or 数据 write one cell (an edit at the cell's path, the table object kept):
    the grid shows it, and after undo the old text again."""
    editor = shown(qtbot)
    table = economy(editor).table_editors[1]
    assert editor.apply_text_edits("填入", [(("sections", 0, "tables", 1, "rows", 1, 1), "620吨")])
    assert table.grid.item(1, 1).text() == "620吨"
    editor.history.stack.undo()
    assert table.grid.item(1, 1).text() == "**"


def test_a_moved_section_s_table_asks_for_its_own_place(qtbot: QtBot) -> None:
    editor = shown(qtbot)
    living_tab = editor.section_tabs[1]
    editor.tab_widget().setCurrentWidget(living_tab)
    click(living_tab.left)
    assert editor.section_tabs[0] is living_tab
    living = living_tab.editor
    assert living is not None
    (table,) = living.table_editors
    assert table.path == ("sections", 0, "tables", 0) and table.title.text() == "表1"
    economy_editor = editor.section_tabs[1].editor
    assert economy_editor is not None
    assert [t.title.text() for t in economy_editor.table_editors] == ["表2", "表3"]
    click_cell(table, 1, 0)
    click(table.buttons["插入行"])
    assert len(editor.report().sections[0].tables[0].rows) == 3
    assert len(editor.report().sections[1].tables[0].rows) == 2
