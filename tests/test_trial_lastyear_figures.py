"""A hostile trial of the 数据 panel on last year's report: a section is deleted and, within
the panel's refresh delay, a value is typed into a row of it. The next section's paragraph
has moved into its place and reads the same around its own ``**``: the value must not land
there, and a click must not select it."""

from __future__ import annotations

from typing import Any

from qt_helpers import ScriptedPrompts, close_window

from nianbao_gui.core.model import Report, Section
from tests.test_figures_panel import _window

LOOK_ALIKE = "今年全镇共排查各类矛盾纠纷**件，调解成功率达到百分之百，群众满意。"


def _two_sections() -> Report:
    return Report(
        year=2025,
        sections=[
            Section(heading="维护稳定", paragraphs=["甲村" + LOOK_ALIKE]),
            Section(heading="化解矛盾", paragraphs=["乙村" + LOOK_ALIKE]),
        ],
    )


def _deleted_first(qtbot: Any, prompts: ScriptedPrompts) -> Any:
    window = _window(qtbot, _two_sections(), prompts)
    assert len(window.figures.panel.slots) == 2
    window.editor.confirm = lambda _text: True
    window.editor.remove_section(0)  # the list has not caught up yet (400 ms)
    return window


def test_a_value_for_a_deleted_section_never_fills_the_paragraph_that_moved_in(qtbot) -> None:
    prompts = ScriptedPrompts()
    window = _deleted_first(qtbot, prompts)
    panel = window.figures.panel
    assert panel.fill(0, "12") is False
    assert window.report().sections[0].paragraphs == ["乙村" + LOOK_ALIKE]
    (error,) = prompts.errors
    assert "已经改动" in str(error)
    close_window(window)


def test_a_row_of_a_deleted_section_never_selects_the_paragraph_that_moved_in(qtbot) -> None:
    prompts = ScriptedPrompts()
    window = _deleted_first(qtbot, prompts)
    panel = window.figures.panel
    focused: list[Any] = []
    panel.focus_requested.connect(lambda *args: focused.append(args))
    panel.table.clicked.emit(panel.model.index(0, 0))
    assert focused == []
    (error,) = prompts.errors
    assert "已经改动" in str(error)
    close_window(window)
