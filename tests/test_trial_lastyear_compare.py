"""A hostile trial of 对比去年 in the window, as she rewrites last year's text: a row of
与去年相同 clicked after the form changed selects the sentence it names where it is now, or
says it was rewritten (never other text at its old offsets); a sentence she rewrote leaves the
list once she pauses, without 重新对比."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit
from qt_helpers import close_window, type_into

from tests.test_compare_window import _made_from_last_year

PARAGRAPH = ("sections", 0, "paragraphs", 0)


def _compared(qtbot: Any, tmp_path: Any) -> Any:
    window, _prompts = _made_from_last_year(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    window.ui.actionCompare.trigger()
    return window


def _typed_at(window: Any, start: int, end: int, text: str) -> QPlainTextEdit:
    assert window.editor.focus_field(PARAGRAPH, start, end)
    box = window.focusWidget()
    assert isinstance(box, QPlainTextEdit)
    type_into(box, text)
    return box


def _rows(panel: Any) -> list[str]:
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def test_a_row_clicked_after_typing_before_its_sentence_selects_that_sentence(
    qtbot, tmp_path
) -> None:
    window = _compared(qtbot, tmp_path)
    panel = window.last_year.compare.panel
    second = panel.list.item(1)  # 坚持把粮食安全放在首位。 at 16..28
    box = _typed_at(window, 0, 0, "今年")
    panel.list.itemClicked.emit(second)  # before the list has caught up
    cursor = box.textCursor()
    assert cursor.selectedText() == "坚持把粮食安全放在首位。"
    assert cursor.selectionStart() == 18
    close_window(window)


def test_a_row_of_a_rewritten_sentence_selects_nothing_and_says_so(qtbot, tmp_path) -> None:
    window = _compared(qtbot, tmp_path)
    panel = window.last_year.compare.panel
    first = panel.list.item(0)  # 全年完成粮食播种面积3.5万亩。
    box = _typed_at(window, 10, 13, "3.8")  # the figure rewritten
    before = box.textCursor().position()
    panel.list.itemClicked.emit(first)
    cursor = box.textCursor()
    assert not cursor.hasSelection() and cursor.position() == before
    assert "已经改写" in panel.summary.text()
    assert not any("播种面积" in row for row in _rows(panel))
    close_window(window)


def test_a_rewritten_sentence_leaves_the_list_when_she_pauses(qtbot, tmp_path) -> None:
    window = _compared(qtbot, tmp_path)
    panel = window.last_year.compare.panel
    assert any("坚持把粮食安全放在首位" in row for row in _rows(panel))
    _typed_at(window, 16, 18, "始终坚持")  # 坚持 → 始终坚持: rewritten
    qtbot.waitUntil(lambda: not any("粮食安全" in row for row in _rows(panel)), timeout=2000)
    assert "2 句一字未改" in panel.summary.text()  # of three
    close_window(window)


def test_after_another_draft_is_opened_the_old_rows_select_nothing_in_it(
    qtbot, tmp_path
) -> None:
    from nianbao_gui.core.model import Report, Section

    window = _compared(qtbot, tmp_path)
    panel = window.last_year.compare.panel
    assert panel.list.count() == 3
    words = "另一位领导的报告文字，内容完全不同。"
    other = Report(year=2025, sections=[Section(heading="别的工作", paragraphs=[words])])
    window.document.discard_changes()
    window.new_document(other, "别的")
    focused: list[Any] = []
    panel.focus_requested.connect(lambda *args: focused.append(args))
    if panel.list.count():
        panel.list.itemClicked.emit(panel.list.item(1))
    assert focused == []
    assert panel.list.count() == 0 and "重新对比" in panel.summary.text()
    close_window(window)



def _shaded(edit: QPlainTextEdit) -> list[tuple[int, int]]:
    from nianbao_gui.app.compare.shading import SHADE

    formats = edit.document().firstBlock().layout().formats()
    return [(r.start, r.length) for r in formats if r.format.background().color() == SHADE]


def test_the_shading_shows_what_another_last_year_chosen_shares(qtbot, tmp_path) -> None:
    """换一份去年的… with the shading on: the sentences the other file has are shaded (the
    old highlighters, still children of their documents, kept new ones from being made)."""
    from nianbao_gui.core.storage import save_draft
    from tests.test_compare_window import LAST

    window, prompts = _made_from_last_year(qtbot, tmp_path)
    window.editor.tab_widget().setCurrentIndex(2)  # 一、抓好农业
    qtbot.wait(20)
    window.ui.actionShade.setChecked(True)
    qtbot.wait(20)
    other = LAST.model_copy(deep=True)
    other.sections[0].paragraphs = ["坚持把粮食安全放在首位。"]  # one sentence in common
    save_draft(other, tmp_path / "另一份.json")
    prompts.paths.append(tmp_path / "另一份.json")
    window.last_year.compare.compare(choose=True)  # 换一份去年的…
    qtbot.wait(20)
    edits = [e for e in window.editor.findChildren(QPlainTextEdit) if e.isVisibleTo(window)]
    first = next(e for e in edits if e.toPlainText().startswith("全年完成"))
    assert _shaded(first) == [(16, 12)]
    close_window(window)


def test_the_shading_counts_the_year_she_sets_after_turning_it_on(qtbot, tmp_path) -> None:
    """Imported last year's report (its year), shading on, then the year changed and the
    year in a sentence with it: the sentence is still last year's (对比去年 lists it), so
    it stays shaded."""
    from qt_helpers import ScriptedPrompts, edit_report, make_window

    source = tmp_path / "2024年述职报告.txt"
    source.write_text(
        "2024年度述职报告\n一、抓好农业\n2024年，我坚持把粮食安全放在首位，狠抓落实。\n",
        encoding="utf-8",
    )
    window = make_window(qtbot, ScriptedPrompts())
    window.files.import_path(source)
    assert window.report().year == 2024
    window.editor.tab_widget().setCurrentIndex(2)  # 一、抓好农业
    qtbot.wait(20)
    window.ui.actionShade.setChecked(True)
    edit_report(window, lambda report: setattr(report, "year", 2025))
    this_year = "2025年，我坚持把粮食安全放在首位，狠抓落实。"
    edit_report(window, lambda report: report.sections[0].paragraphs.__setitem__(0, this_year))
    window.editor.tab_widget().setCurrentIndex(2)
    qtbot.wait(20)
    edit = next(
        e
        for e in window.editor.findChildren(QPlainTextEdit)
        if e.isVisibleTo(window) and e.toPlainText() == this_year
    )
    assert _shaded(edit) == [(0, len(this_year))]
    assert len(window.last_year.compare.compare()) == 1  # the list says the same
    close_window(window)


def test_a_paragraph_split_with_enter_keeps_its_shade_in_both_halves(qtbot, tmp_path) -> None:
    from PySide6.QtCore import Qt

    window = _compared(qtbot, tmp_path)
    window.editor.tab_widget().setCurrentIndex(2)  # 一、抓好农业
    qtbot.wait(20)
    window.ui.actionShade.setChecked(True)
    qtbot.wait(20)
    box = _typed_at(window, 16, 16, "")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # 坚持把粮食安全放在首位。 becomes a paragraph
    assert window.report().sections[0].paragraphs[1] == "坚持把粮食安全放在首位。"
    qtbot.wait(20)
    edits = [e for e in window.editor.findChildren(QPlainTextEdit) if e.isVisibleTo(window)]
    halves = {e.toPlainText(): _shaded(e) for e in edits}
    assert halves["全年完成粮食播种面积3.5万亩。"] == [(0, 16)]
    assert halves["坚持把粮食安全放在首位。"] == [(0, 12)]
    close_window(window)
