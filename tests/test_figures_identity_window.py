"""数据 tables in the window (issue 18 items 1, 2, 12; issue 17 item 7): paragraphs moved with
上移/下移 or a copy put above keep their figures; another draft's table is refused naming
both; when some rows cannot be filled she chooses between the rest and nothing; long lists
of refusals are summarised."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from qt_helpers import ScriptedPrompts, close_window

from nianbao_gui.core.model import Report, Section
from tests.test_figures_edge import _export_table, _fill_table, _window
from tests.test_gui_form_editor import open_section
from tests.test_gui_form_undo import put_cursor

TAIL = "党支部今年以来认真落实各项工作部署，全年完成固定资产投资**万元，同比增长**%。"
A, B = "城关村" + TAIL, "新华村" + TAIL
VALUES = {2: "100", 3: "5", 4: "200", 5: "6"}


def _villages() -> Report:
    return Report(
        year=2025,
        author_name="张三",
        sections=[Section(heading="抓好发展", paragraphs=[A, B])],
    )


def _filled(village: str, first: str, second: str) -> str:
    return village + TAIL.replace("**", first, 1).replace("**", second)


def test_moved_paragraphs_keep_their_figures(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    prompts = ScriptedPrompts()
    window = _window(qtbot, _villages(), prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    tab = open_section(window.editor, 0)
    assert tab.editor is not None
    tab.editor.paragraphs.rows[0].down.click()  # 下移: 新华村 first now
    _fill_table(window, prompts, table, VALUES)
    assert window.report().sections[0].paragraphs == [
        _filled("新华村", "200", "6"),
        _filled("城关村", "100", "5"),
    ]
    assert not prompts.errors
    close_window(window)


def test_a_copy_put_above_takes_no_figure(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    prompts = ScriptedPrompts()
    window = _window(qtbot, _villages(), prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    tab = open_section(window.editor, 0)
    assert tab.editor is not None
    box = tab.editor.paragraphs.rows[0].editor
    put_cursor(box, 0)
    QTest.keyClick(box, Qt.Key.Key_Return)  # a new empty paragraph above A
    copy = tab.editor.paragraphs.rows[0].editor
    copy.setFocus()
    QApplication.clipboard().setText(A)
    copy.paste()
    assert window.report().sections[0].paragraphs == [A, A, B]
    _fill_table(window, prompts, table, VALUES)
    assert window.report().sections[0].paragraphs == [
        A,
        _filled("城关村", "100", "5"),
        _filled("新华村", "200", "6"),
    ]
    close_window(window)


def test_a_table_of_another_draft_is_refused_naming_both(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    prompts = ScriptedPrompts()
    window = _window(qtbot, _villages(), prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    other = _villages()
    other.author_name = "李四"
    window.new_document(other, "李四")
    _fill_table(window, prompts, table, VALUES)
    assert window.report().sections[0].paragraphs == [A, B]
    (error,) = prompts.errors
    assert "张三" in str(error) and "李四" in str(error)
    close_window(window)


def test_she_may_fill_nothing_when_a_row_is_refused(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    prompts = ScriptedPrompts()
    report = Report(
        year=2025, sections=[Section(heading="稳定", paragraphs=["结案**件，调解**起。"])]
    )
    window = _window(qtbot, report, prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    prompts.partial_answers.append(False)  # 一处都不填
    _fill_table(window, prompts, table, {2: dt.datetime(2025, 3, 5), 3: "12"})
    assert window.report().sections[0].paragraphs == ["结案**件，调解**起。"]
    assert not window.document.dirty
    _title, _text, details = prompts.infos[-1]
    assert "第2行" in details and "日期" in details
    prompts.partial_answers.append(True)  # 填入 1 处
    prompts.paths.append(table)
    window.ui.actionFiguresFill.trigger()
    assert window.report().sections[0].paragraphs == ["结案**件，调解12起。"]
    close_window(window)


def test_a_long_list_of_refusals_is_summarised(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    prompts = ScriptedPrompts()
    paragraphs = [f"第{i}村完成**亩。" for i in range(60)]
    window = _window(qtbot, Report(year=2025, sections=[Section(paragraphs=paragraphs)]), prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    _fill_table(window, prompts, table, {row: True for row in range(2, 62)})  # all TRUE
    _title, text, details = prompts.infos[-1]
    assert "60 行" in text
    assert len(details.splitlines()) == 21 and "等 60 行" in details
    close_window(window)


def test_a_whole_text_pasted_into_the_panel_is_no_figure(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Item 5 in the panel: a figure is short."""
    prompts = ScriptedPrompts()
    window = _window(qtbot, _villages(), prompts)
    assert not window.figures.panel.fill(0, "大" * 1000)
    assert window.report().sections[0].paragraphs == [A, B]
    assert "太长" in str(prompts.errors[-1])
    close_window(window)


def test_a_hundred_thousand_filled_rows_do_not_freeze_the_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Item 12: refused at once, in one short message (it took 41 s, 35 of them building a
    message box of 100,000 lines)."""
    import time

    from tests.test_figures_hostile_xlsx import _many_rows

    prompts = ScriptedPrompts()
    window = _window(qtbot, _villages(), prompts)
    table = tmp_path / "数据.xlsx"
    _export_table(window, prompts, table)
    _many_rows(table, 100_000)
    prompts.paths.append(table)
    started = time.monotonic()
    window.ui.actionFiguresFill.trigger()
    assert time.monotonic() - started < 2
    (error,) = prompts.errors
    assert len(str(error).splitlines()) <= 3 and "不像是导出的数据表格" in str(error)
    assert window.report().sections[0].paragraphs == [A, B]
    close_window(window)
