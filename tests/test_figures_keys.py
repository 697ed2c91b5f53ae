"""The 数据 panel driven by the keyboard as its hint says: type a value in 填写, press Enter,
type the next one (issue 17 items 1 and 9)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from qt_helpers import close_window, make_window
from test_gui_window_marks import marked_boxes

from nianbao_gui.app.figures.figures_panel import VALUE
from nianbao_gui.core.model import Report, Section


def _open(qtbot, report: Report):  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.new_document(report, "测试")
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # 数据面板
    panel = window.figures.panel
    table = panel.table  # the dock is laid out wide enough to show 填写
    qtbot.waitUntil(
        lambda: table.viewport().rect().contains(table.visualRect(table.model().index(0, VALUE)))
    )
    return window, panel


def _click_value_cell(panel, row: int) -> None:  # type: ignore[no-untyped-def]
    table = panel.table
    rect = table.visualRect(panel.model.index(row, VALUE))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _type_and_enter(qtbot, panel, value: str) -> None:  # type: ignore[no-untyped-def]
    rows = panel.model.rowCount()
    for key in value:  # each key to where the keyboard is then, as a person types
        QTest.keyClick(QApplication.focusWidget(), key)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == rows - 1, timeout=2000)


def test_type_enter_type_enter_fills_each_value_in_its_own_place(qtbot) -> None:
    report = Report(
        year=2025,
        sections=[Section(heading="抓好农业", paragraphs=["完成播种**亩，新建农田**亩。"])],
    )
    window, panel = _open(qtbot, report)
    _click_value_cell(panel, 0)
    _type_and_enter(qtbot, panel, "12")
    # the keyboard stays in the panel, on the next row's 填写 cell
    assert panel.table.hasFocus() or panel.table.isAncestorOf(QApplication.focusWidget())
    assert panel.table.currentIndex().row() == 0
    assert panel.table.currentIndex().column() == VALUE
    _type_and_enter(qtbot, panel, "30")
    assert window.report().sections[0].paragraphs == ["完成播种12亩，新建农田30亩。"]
    close_window(window)


def test_ten_values_typed_with_enter_in_a_row_each_land_in_their_own_place(qtbot) -> None:
    paragraphs = [f"第{n}项完成**件，涉及**人。" for n in range(1, 6)]
    report = Report(year=2025, sections=[Section(heading="抓好农业", paragraphs=paragraphs)])
    window, panel = _open(qtbot, report)
    assert panel.model.rowCount() == 10
    _click_value_cell(panel, 0)
    for value in range(11, 21):
        _type_and_enter(qtbot, panel, str(value))
    assert window.report().sections[0].paragraphs == [
        f"第{n}项完成{9 + 2 * n}件，涉及{10 + 2 * n}人。" for n in range(1, 6)
    ]
    assert panel.progress_text() == "已填 10 / 10"
    # the place filled last is shown in the form, selected; no earlier one stays marked
    assert marked_boxes(window) == ["20"]
    close_window(window)


def test_a_pause_between_values_keeps_the_next_row_ready(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The list follows the form a moment after each change (REFRESH_MS): that must not lose
    the row ready to type into, nor digits typed into its cell meanwhile."""
    from nianbao_gui.app.figures.figures_actions import REFRESH_MS

    paragraphs = ["完成播种**亩，新建农田**亩。", "建成示范点**个。"]
    report = Report(year=2025, sections=[Section(heading="抓好农业", paragraphs=paragraphs)])
    window, panel = _open(qtbot, report)
    _click_value_cell(panel, 0)
    _type_and_enter(qtbot, panel, "12")
    QTest.keyClick(QApplication.focusWidget(), "3")  # at once: the list has not followed yet
    qtbot.wait(REFRESH_MS + 200)  # she pauses inside the cell while it would
    QTest.keyClick(QApplication.focusWidget(), "0")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
    qtbot.wait(REFRESH_MS + 200)  # she looks at the report before the next value
    assert panel.table.currentIndex().row() == 0
    assert panel.table.currentIndex().column() == VALUE
    _type_and_enter(qtbot, panel, "5")
    assert window.report().sections[0].paragraphs == [
        "完成播种12亩，新建农田30亩。",
        "建成示范点5个。",
    ]
    close_window(window)


def test_ctrl_d_takes_the_keyboard_to_the_value_cell(qtbot) -> None:
    """Ctrl+D (and the export's 先去补全) while she types in a paragraph: the number she types
    next, and its Enter, go into 填写, not into the paragraph (found in the Xvfb QA session:
    "12" + Enter split the paragraph into "12" and the rest)."""
    text = "完成播种**亩，新建农田**亩。"
    report = Report(year=2025, sections=[Section(heading="抓好农业", paragraphs=[text])])
    window = make_window(qtbot)
    window.new_document(report, "测试")
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.focus_field(("sections", 0, "paragraphs", 0), 0, 0)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    panel = window.figures.panel
    _type_and_enter(qtbot, panel, "12")
    assert window.report().sections[0].paragraphs == ["完成播种12亩，新建农田**亩。"]
    close_window(window)


def test_ctrl_z_in_the_panel_keeps_the_keyboard_there(qtbot) -> None:
    """A wrong value filled with Enter, Ctrl+Z, the right value and Enter: the undo took the
    keyboard into the paragraph, with ** selected, so the next Enter split it (found in the
    Xvfb QA session: ['完成播种13', '亩，新建农田**亩。'])."""
    report = Report(
        year=2025,
        sections=[Section(heading="抓好农业", paragraphs=["完成播种**亩，新建农田**亩。"])],
    )
    window, panel = _open(qtbot, report)
    _type_and_enter(qtbot, panel, "12")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report().sections[0].paragraphs == ["完成播种**亩，新建农田**亩。"]
    assert panel.isAncestorOf(QApplication.focusWidget())
    _type_and_enter(qtbot, panel, "13")  # the place the undo brought back
    assert window.report().sections[0].paragraphs == ["完成播种13亩，新建农田**亩。"]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.report().sections[0].paragraphs == ["完成播种13亩，新建农田**亩。"]
    assert panel.isAncestorOf(QApplication.focusWidget())
    close_window(window)
