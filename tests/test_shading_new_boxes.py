"""与去年相同 shading follows the boxes the form makes (issue 21 item 3): the binder announces
each text box as it appears, so a box made by Enter or by a paste is shaded at once (the old
shading searched the widget tree when a tab was shown, and missed them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit
from qt_helpers import close_window

from tests.test_trial_lastyear_compare import _compared, _shaded, _typed_at

SECOND = "深入开展人居环境整治，完成改厕860户，群众满意度明显提升。"


def _boxes(window: Any) -> dict[str, list[tuple[int, int]]]:
    boxes = window.editor.binder.text_boxes()
    return {b.toPlainText(): _shaded(b) for b in boxes if isinstance(b, QPlainTextEdit)}


def test_enter_splits_a_shaded_paragraph_and_every_box_stays_shaded(qtbot, tmp_path) -> None:
    window = _compared(qtbot, tmp_path)
    window.editor.tab_widget().setCurrentIndex(2)  # 一、抓好农业
    window.ui.actionShade.setChecked(True)
    box = _typed_at(window, 16, 16, "")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # two paragraphs become three: a new box
    assert window.report().sections[0].paragraphs[2] == SECOND
    qtbot.wait(20)  # a highlighter colours its document from the event loop
    shaded = _boxes(window)
    assert shaded["全年完成粮食播种面积3.5万亩。"] == [(0, 16)]
    assert shaded["坚持把粮食安全放在首位。"] == [(0, 12)]
    assert shaded[SECOND] == [(0, len(SECOND))]  # in the box Enter made
    close_window(window)


def test_paragraphs_pasted_with_last_years_text_are_shaded(qtbot, tmp_path) -> None:
    window = _compared(qtbot, tmp_path)
    window.editor.tab_widget().setCurrentIndex(2)
    window.ui.actionShade.setChecked(True)
    box = _typed_at(window, 0, 0, "")
    pasted = "坚持把粮食安全放在首位。\n新写的一段。\n" + SECOND
    QGuiApplication.clipboard().setText(pasted)
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    paragraphs = window.report().sections[0].paragraphs
    assert len(paragraphs) == 4 and paragraphs[3] == SECOND  # two boxes more
    qtbot.wait(20)
    assert _boxes(window)[SECOND] == [(0, len(SECOND))]  # in a box the paste made
    joined = _boxes(window)[paragraphs[2]]  # SECOND, then the old first paragraph
    assert joined == [(0, len(paragraphs[2]))]  # every sentence of it, one run
    assert _boxes(window)["新写的一段。"] == []
    close_window(window)
