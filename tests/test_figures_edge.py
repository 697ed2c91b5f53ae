"""The 数据 panel and the spreadsheet round trip under what a secretary really does: fill a
few figures by hand, undo, switch panels, paste odd things into the spreadsheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QTabBar
from qt_helpers import ScriptedPrompts, close_window, make_window

from nianbao_gui.core.model import Report, Section


def _report(*paragraphs: str) -> Report:
    texts = list(paragraphs) or ["完成播种**亩，新建农田**亩。", "XX村建成示范点。"]
    return Report(year=2025, sections=[Section(heading="抓好农业", paragraphs=texts)])


def _window(qtbot, report: Report, prompts: ScriptedPrompts | None = None):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, prompts or ScriptedPrompts())
    window.new_document(report, "测试")
    window.figures.show_panel()
    return window


def _click_tab(window, title: str) -> None:  # type: ignore[no-untyped-def]
    """What her click on a tab below the docks does."""
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.tabText(index) == title:
                bar.setCurrentIndex(index)
                return
    titles = [bar.tabText(i) for bar in window.findChildren(QTabBar) for i in range(bar.count())]
    raise AssertionError(f"no tab {title} among {titles}")


def test_progress_follows_an_undo_made_while_the_panel_was_behind_the_check_panel(
    qtbot,
) -> None:
    window = _window(qtbot, _report())
    window.show()
    qtbot.waitExposed(window)
    panel = window.figures.panel
    assert panel.fill(0, "800") and panel.progress_text() == "已填 1 / 3"
    window.ui.checkDock.show()
    _click_tab(window, "数据")
    _click_tab(window, "体检")  # the 体检 tab in front: the 数据 panel is hidden
    qtbot.waitUntil(lambda: window.figures.dock.visibleRegion().isEmpty())
    window.ui.actionUndo.trigger()
    assert window.report().sections[0].paragraphs[0] == "完成播种**亩，新建农田**亩。"
    qtbot.wait(600)  # longer than the refresh delay after an edit
    _click_tab(window, "数据")
    qtbot.waitUntil(lambda: not window.figures.dock.visibleRegion().isEmpty())
    qtbot.waitUntil(lambda: panel.progress_text() == "已填 0 / 3")
    assert panel.model.rowCount() == 3
    close_window(window)


def _export_table(window, prompts: ScriptedPrompts, table: Path):  # type: ignore[no-untyped-def]
    prompts.paths.append(table)
    window.ui.actionFiguresExport.trigger()
    assert table.is_file() and not prompts.errors


def _fill_table(window, prompts: ScriptedPrompts, table: Path, values: dict[int, object]):  # type: ignore[no-untyped-def]
    book = openpyxl.load_workbook(table)
    for row, value in values.items():
        book.active.cell(row=row, column=5).value = value
    book.save(table)
    prompts.paths.append(table)
    window.ui.actionFiguresFill.trigger()


def test_a_paragraph_with_a_control_character_exports_and_fills(qtbot, tmp_path: Path) -> None:
    # import keeps control characters pasted from other programs; .xlsx cannot hold them
    prompts = ScriptedPrompts()
    window = _window(qtbot, _report("完成\x0b播种**亩。"), prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    _fill_table(window, prompts, table, {2: "800"})
    assert window.report().sections[0].paragraphs == ["完成\x0b播种800亩。"]
    assert not prompts.errors
    close_window(window)


def test_a_value_with_a_line_break_is_refused_with_its_reason(qtbot, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    window = _window(qtbot, _report(), prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    prompts.partial_answers.append(True)  # fill the row that can be filled
    _fill_table(window, prompts, table, {2: "12\n34", 3: "1200"})  # Alt+Enter in a cell
    assert window.report().sections[0].paragraphs[0] == "完成播种**亩，新建农田1200亩。"
    _title, text, details = prompts.infos[-1]
    assert "1 处可以填入" in text and "改动过" not in text  # not blamed on an edit
    assert "第2行" in details and "换行" in details
    close_window(window)


def test_a_figure_typed_in_the_panel_does_not_refuse_its_neighbours_rows(
    qtbot, tmp_path: Path
) -> None:
    # she fills the figures she knows in the panel and sends the table for the rest
    prompts = ScriptedPrompts()
    report = _report("完成播种**亩，新建农田**亩。", "培训**、**、**人次。")
    window = _window(qtbot, report, prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    panel = window.figures.panel
    assert panel.fill(0, "800") and panel.fill(1, "12")  # 播种, and the first 培训 figure
    _fill_table(window, prompts, table, {3: "1200", 5: "30", 6: "45"})
    assert window.report().sections[0].paragraphs == [
        "完成播种800亩，新建农田1200亩。",
        "培训12、30、45人次。",
    ]
    assert [title for title, *_ in prompts.infos] == ["导出表格"]  # nothing refused
    assert panel.progress_text() == "已填 5 / 5"
    close_window(window)


def test_a_row_whose_own_words_changed_is_still_refused_next_to_a_filled_figure(
    qtbot, tmp_path: Path
) -> None:
    prompts = ScriptedPrompts()
    window = _window(qtbot, _report("完成播种**亩，新建农田**亩。"), prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    window.figures.panel.fill(0, "800")
    text = window.report().sections[0].paragraphs[0].replace("新建农田", "改造农田")
    window.figures.apply("改", [(("sections", 0, "paragraphs", 0), text)])
    _fill_table(window, prompts, table, {3: "1200"})
    assert window.report().sections[0].paragraphs == ["完成播种800亩，改造农田**亩。"]
    assert "第3行" in prompts.infos[-1][2]
    close_window(window)


def test_a_value_pasted_with_a_line_break_into_the_panel_is_refused(qtbot) -> None:
    prompts = ScriptedPrompts()
    window = _window(qtbot, _report(), prompts)
    panel = window.figures.panel
    assert not panel.fill(0, "12\n34")  # two cells copied from a spreadsheet
    assert window.report().sections[0].paragraphs[0] == "完成播种**亩，新建农田**亩。"
    assert "换行" in str(prompts.errors[-1]) and not window.document.dirty
    assert panel.fill(0, "1200\n")  # one cell copied: Excel adds the line break at the end
    assert window.report().sections[0].paragraphs[0] == "完成播种1200亩，新建农田**亩。"
    close_window(window)


def test_a_date_excel_made_of_a_value_is_written_as_a_chinese_date(tmp_path: Path) -> None:
    import datetime

    from nianbao_gui.core.figures import find_slots
    from nianbao_gui.core.figures_xlsx import read_xlsx, write_xlsx

    table = tmp_path / "数据.xlsx"
    write_xlsx(find_slots(_report("于**召开大会。")), table)
    book = openpyxl.load_workbook(table)
    book.active.cell(row=2, column=5).value = datetime.datetime(2025, 3, 5)  # typed 2025/3/5
    book.save(table)
    (row,) = read_xlsx(table)
    assert row.value == "2025年3月5日"
