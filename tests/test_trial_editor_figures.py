"""A hostile trial of the 数据 panel (issue 11): a row clicked before the list has caught up
with the form selects its placeholder where it is now, or says it changed: never other text."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit
from qt_helpers import ScriptedPrompts, close_window, type_into

from tests.test_figures_panel import _report, _window

PARAGRAPH = ("sections", 0, "paragraphs", 0)


def shown(qtbot: Any, prompts: ScriptedPrompts | None = None) -> Any:
    window = _window(qtbot, _report(), prompts)
    window.show()
    qtbot.waitExposed(window)
    return window


def typed_at(window: Any, position: int, text: str) -> QPlainTextEdit:
    assert window.editor.focus_field(PARAGRAPH, position, position)
    box = window.focusWidget()
    assert isinstance(box, QPlainTextEdit)
    type_into(box, text)
    return box


def test_a_row_clicked_right_after_typing_before_it_selects_its_placeholder(qtbot) -> None:
    window = shown(qtbot)
    panel = window.figures.panel
    box = typed_at(window, 0, "今年")  # the list refreshes only once she pauses
    panel.table.clicked.emit(panel.model.index(0, 0))
    cursor = box.textCursor()
    assert cursor.selectedText() == "**" and cursor.selectionStart() == len("今年完成播种")
    close_window(window)


def test_a_row_whose_placeholder_was_typed_over_says_so(qtbot) -> None:
    prompts = ScriptedPrompts()
    window = shown(qtbot, prompts)
    panel = window.figures.panel
    box = typed_at(window, 0, "")
    assert window.editor.focus_field(PARAGRAPH, 4, 6)
    type_into(box, "12")  # the first ** filled in by hand
    focused: list[Any] = []
    panel.focus_requested.connect(lambda *args: focused.append(args))
    panel.table.clicked.emit(panel.model.index(0, 0))
    assert focused == []
    (error,) = prompts.asked("error")
    assert "已经改动" in str(error)
    assert [slot.before for slot in panel.slots] == ["完成播种12亩，新建农田", ""]
    close_window(window)
