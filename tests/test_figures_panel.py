"""The 数据 panel: every slot with its place and context, a value typed in the panel goes
into the paragraph (through the editor), progress 已填 n / m, the spreadsheet menu."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from qt_helpers import ScriptedPrompts, close_window, make_window

from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.templates import example_report


def _report() -> Report:
    return Report(
        year=2025,
        sections=[
            Section(
                heading="抓好农业",
                paragraphs=["完成播种**亩，新建农田**亩。", "XX村建成示范点。"],
            )
        ],
    )


def _window(qtbot, report: Report, prompts: ScriptedPrompts | None = None):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, prompts or ScriptedPrompts())
    window.new_document(report, "测试")
    window.figures.show_panel()
    return window


def test_the_panel_lists_every_slot_with_place_and_context(qtbot) -> None:
    window = _window(qtbot, example_report())
    panel = window.figures.panel
    model = panel.model
    assert model.rowCount() == 38 and panel.progress_text() == "已填 0 / 38"
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(5)]
    assert headers == ["位置", "前文", "占位", "后文", "填写"]
    first = [model.index(0, column).data() for column in range(4)]
    assert first[0].startswith("一、强化学习意识") and first[2] == "**"
    assert first[1].endswith("业务知识提高。") and first[3].startswith("、**、**")
    close_window(window)


def test_typing_a_value_fills_the_paragraph(qtbot) -> None:
    window = _window(qtbot, _report())
    panel = window.figures.panel
    model = panel.model
    assert model.flags(model.index(1, 4)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, 1)) & Qt.ItemFlag.ItemIsEditable
    model.setData(model.index(1, 4), "1200")  # typed into 填写 of the second ** (新建农田)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    report = window.report()
    assert report.sections[0].paragraphs[0] == "完成播种**亩，新建农田1200亩。"
    assert panel.progress_text() == "已填 1 / 3"
    assert window.document.dirty  # an edit like any other
    assert panel.table.currentIndex().row() == 1  # the next slot is ready to type into
    assert panel.fill(0, "3.5") and panel.fill(0, "城关")
    assert report.sections[0].paragraphs == [
        "完成播种3.5亩，新建农田1200亩。",
        "城关村建成示范点。",
    ]
    assert panel.progress_text() == "已填 3 / 3" and model.rowCount() == 0
    close_window(window)


def test_fills_go_through_the_editors_apply_text_edits(qtbot) -> None:
    window = _window(qtbot, _report())
    calls: list[tuple[str, list]] = []
    original = window.editor.apply_text_edits

    def spy(label, changes, **keywords):  # type: ignore[no-untyped-def]
        calls.append((label, changes))
        assert keywords == {"take_focus": False}  # the keyboard stays in the panel
        original(label, changes, **keywords)

    window.editor.apply_text_edits = spy
    window.figures.panel.fill(0, "12")
    ((label, changes),) = calls
    assert "12" in label
    assert changes == [(("sections", 0, "paragraphs", 0), "完成播种12亩，新建农田**亩。")]
    close_window(window)


def test_a_slot_edited_in_the_form_meanwhile_is_not_filled(qtbot) -> None:
    prompts = ScriptedPrompts()
    window = _window(qtbot, _report(), prompts)
    panel = window.figures.panel
    window.report().sections[0].paragraphs[0] = "今年完成播种**亩。"  # changed behind the list
    assert not panel.fill(0, "12")
    assert prompts.errors and "已经改动" in prompts.errors[0].what
    assert window.report().sections[0].paragraphs[0] == "今年完成播种**亩。"
    close_window(window)


def test_clicking_a_row_shows_its_place(qtbot) -> None:
    window = _window(qtbot, _report())
    asked: list[tuple] = []
    window.figures.panel.focus_requested.connect(lambda *args: asked.append(args))
    panel = window.figures.panel
    panel.table.clicked.emit(panel.model.index(2, 0))
    assert asked == [(("sections", 0, "paragraphs", 1), 0, 2)]
    close_window(window)


def test_export_and_fill_the_table_from_the_menu(qtbot, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    window = _window(qtbot, _report(), prompts)
    table = tmp_path / "数据.xlsx"
    prompts.paths.append(table)
    window.ui.actionFiguresExport.trigger()
    assert table.is_file() and prompts.infos
    book = openpyxl.load_workbook(table)
    sheet = book.active
    sheet.cell(row=2, column=5).value = 800
    sheet.cell(row=3, column=5).value = "1200"
    sheet.cell(row=4, column=2).value = "改过的前文"  # this row is refused
    sheet.cell(row=4, column=5).value = "城关"
    book.save(table)
    prompts.paths.append(table)
    prompts.partial_answers.append(True)  # fill the two that can be filled
    window.ui.actionFiguresFill.trigger()
    paragraphs = window.report().sections[0].paragraphs
    assert paragraphs == ["完成播种800亩，新建农田1200亩。", "XX村建成示范点。"]
    _title, text, details = prompts.infos[-1]
    assert "2 处可以填入" in text and "第4行" in details
    assert window.figures.panel.progress_text() == "已填 2 / 3"
    close_window(window)


def test_the_data_menu(qtbot) -> None:
    window = make_window(qtbot)
    menu = window.ui.menuData
    assert menu.title() == "数据(&D)"
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == ["数据面板（待填的数字）", "导出表格…", "从表格填入…"]
    assert window.ui.actionFigures.shortcut().toString() == "Ctrl+D"
    assert window._figures is None  # nothing built until used
    close_window(window)


def test_a_value_with_line_breaks_never_breaks_the_paragraph(qtbot) -> None:
    """A value pasted into 填写 keeps no line break in the paragraph: a trailing one is
    trimmed, one inside (two cells copied) is refused with a message (test_figures_edge.py),
    and the core joins any that reach it (core.figures.filled_texts)."""
    window = _window(qtbot, _report())
    panel = window.figures.panel
    assert panel.fill(0, "3.5\n")
    assert not panel.fill(1, "城\r\n关")  # refused: the paragraph is not split
    assert window.report().sections[0].paragraphs == [
        "完成播种3.5亩，新建农田**亩。",
        "XX村建成示范点。",
    ]
    close_window(window)
