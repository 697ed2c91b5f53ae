"""对比去年's shading reaches the cells of a table (issue 22 item 4): a figure cell with last
year's value under the same row label and the same year column (its year moved on) is
shaded; one she updated is not; the shading goes when it is turned off."""

from __future__ import annotations

from pathlib import Path

from qt_helpers import ScriptedPrompts, close_window, make_window

from nianbao_gui.app.compare.shading import SHADE
from nianbao_gui.app.widgets.table_editor import TableEditor
from nianbao_gui.core.model import Report, Section, Table
from nianbao_gui.core.storage import save_draft


def _draft(year: int, rows: list[list[str]], made_from: str = "") -> Report:
    section = Section(heading="抓好发展", paragraphs=["主要指标如下。"])
    section.tables.append(Table(rows=rows, after=""))
    return Report(year=year, author_name="张明华", sections=[section], made_from=made_from)


def test_the_form_shades_cells_still_last_years(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    last = tmp_path / "2024.json"
    rows = [["指标", "2023年", "2024年"], ["产值", "26.9", "28.6"], ["税收", "1.10", "1.20"]]
    save_draft(_draft(2024, rows), last)
    this = tmp_path / "2025.json"
    # 产值 for 2025 still last year's 28.6; 税收 updated
    rows = [["指标", "2024年", "2025年"], ["产值", "28.6", "28.6"], ["税收", "1.20", "1.35"]]
    save_draft(_draft(2025, rows, made_from=last.name), this)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.open_path(this)
    window.editor.tab_widget().setCurrentIndex(2)
    qtbot.wait(20)
    editor = window.editor.findChildren(TableEditor)[0]
    window.ui.actionShade.setChecked(True)
    qtbot.wait(20)

    def shaded() -> list[tuple[int, int]]:
        grid = editor.grid
        return [
            (r, c)
            for r in range(grid.rowCount())
            for c in range(grid.columnCount())
            if grid.item(r, c).background().color() == SHADE
        ]

    # the 2025 column's 28.6 is last year's 2024 figure under the same label: shaded; the
    # 2024 column holding last year's 2024 figures is right, and 1.35 was updated
    assert shaded() == [(1, 2)]
    window.ui.actionShade.setChecked(False)
    assert shaded() == []
    window.document.discard_changes()
    close_window(window)
