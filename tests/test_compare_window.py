"""检查 › 对比去年 in the window: the draft compared with the one it was made from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qt_helpers import ScriptedPrompts, close_window, make_window

from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import save_draft

LAST = Report(
    year=2024,
    author_name="张明华",
    sections=[
        Section(
            heading="抓好农业",
            paragraphs=[
                "全年完成粮食播种面积3.5万亩。坚持把粮食安全放在首位。",
                "深入开展人居环境整治，完成改厕860户，群众满意度明显提升。",
            ],
        )
    ],
)


def _made_from_last_year(qtbot, tmp_path: Path) -> tuple[Any, ScriptedPrompts]:
    """A window on this year's draft made (复制为明年的报告) from LAST saved as 2024.json."""
    last = tmp_path / "2024.json"
    save_draft(LAST, last)
    prompts = ScriptedPrompts()
    prompts.paths.append(tmp_path / "2025.json")
    window = make_window(qtbot, prompts)
    window.files.open_path(last)
    window.ui.actionNextYear.trigger()  # remembers 2024.json
    return window, prompts


def test_compare_with_the_draft_it_was_made_from(qtbot, tmp_path: Path) -> None:
    window, prompts = _made_from_last_year(qtbot, tmp_path)
    paragraphs = window.report().sections[0].paragraphs
    paragraphs[1] = "持续改善农村人居环境，新改建卫生厕所932户，村容村貌焕然一新。"  # rewritten
    window.ui.actionCompare.trigger()
    panel = window.last_year.compare.panel
    rows = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(rows) == 2 and "【坚持把粮食安全放在首位。】" in rows[1]
    assert "【全年完成粮食播种面积3.5万亩。】" in rows[0]
    assert not any("932" in row or "人居环境" in row for row in rows)
    assert "2024.json" in panel.summary.text() and "2 句一字未改" in panel.summary.text()
    asked: list[tuple] = []
    panel.focus_requested.connect(lambda *args: asked.append(args))
    panel.list.itemClicked.emit(panel.list.item(1))
    assert asked == [(("sections", 0, "paragraphs", 0), 16, 28)]
    assert prompts.asked("last_year_path") == []  # it knew where to look
    close_window(window)


def test_without_a_remembered_draft_she_is_asked(qtbot, tmp_path: Path) -> None:
    last = tmp_path / "去年.json"
    save_draft(LAST, last)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.new_document(LAST.model_copy(deep=True), "新")
    prompts.paths.append(None)
    window.ui.actionCompare.trigger()
    assert len(prompts.asked("last_year_path")) == 1 and window.last_year.compare.panel is None
    prompts.paths.append(last)
    findings = window.last_year.compare.compare()
    assert len(findings) == 3  # an unchanged copy: every sentence listed
    close_window(window)


def test_the_form_shades_sentences_still_last_years(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from nianbao_gui.app.compare.shading import SHADE

    window, _prompts = _made_from_last_year(qtbot, tmp_path)
    window.editor.tab_widget().setCurrentIndex(2)  # 一、抓好农业
    qtbot.wait(20)  # the tab's editors are built when it is shown
    window.ui.actionShade.setChecked(True)
    qtbot.wait(20)  # a highlighter colours on the next turn of the event loop
    edits = [e for e in window.editor.findChildren(QPlainTextEdit) if e.isVisibleTo(window)]
    first = next(e for e in edits if e.toPlainText().startswith("全年完成"))

    def shaded(edit: QPlainTextEdit) -> list[tuple[int, int]]:
        block = edit.document().firstBlock()
        return [
            (r.start, r.length)
            for r in block.layout().formats()
            if r.format.background().color() == SHADE
        ]

    assert shaded(first) == [(0, 28)]  # both sentences (one run of the same colour)
    first.setPlainText("全年完成粮食播种面积3.8万亩。坚持把粮食安全放在首位。")  # she rewrites
    qtbot.wait(20)
    assert shaded(first) == [(16, 12)]
    window.ui.actionShade.setChecked(False)
    assert shaded(first) == []
    # only the colour: the text is hers as typed
    assert window.report().sections[0].paragraphs[0] == first.toPlainText()
    window.document.discard_changes()
    close_window(window)


def test_the_draft_itself_is_not_compared_with_itself(qtbot, tmp_path: Path) -> None:
    window, prompts = _made_from_last_year(qtbot, tmp_path)
    prompts.paths.append(window.document.path)  # she picks this year's draft by mistake
    assert window.last_year.compare.compare(choose=True) == []
    assert "正在编辑的草稿" in str(prompts.errors[-1])
    assert window.last_year.compare.panel is None  # no "3 句一字未改" claimed
    close_window(window)


def test_an_unreadable_remembered_file_lets_her_choose_another(qtbot, tmp_path: Path) -> None:
    window, prompts = _made_from_last_year(qtbot, tmp_path)
    (tmp_path / "2024.json").write_bytes(b"{broken")  # last year's draft damaged since
    other = tmp_path / "去年备份.json"
    save_draft(LAST, other)
    prompts.paths.append(other)
    window.ui.actionCompare.trigger()
    assert "已损坏" in str(prompts.errors[-1]) and len(prompts.asked("last_year_path")) == 1
    assert "去年备份.json" in window.last_year.compare.panel.summary.text()
    close_window(window)


def test_the_shading_follows_another_last_year_chosen(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from nianbao_gui.app.compare.shading import SHADE

    window, prompts = _made_from_last_year(qtbot, tmp_path)
    window.editor.tab_widget().setCurrentIndex(2)  # 一、抓好农业
    qtbot.wait(20)
    window.ui.actionShade.setChecked(True)
    qtbot.wait(20)
    other = LAST.model_copy(deep=True)
    other.sections[0].paragraphs = ["另一份报告的文字。"]  # nothing in common with this year
    save_draft(other, tmp_path / "另一份.json")
    prompts.paths.append(tmp_path / "另一份.json")
    window.last_year.compare.compare(choose=True)  # 换一份去年的…
    qtbot.wait(20)
    edits = [e for e in window.editor.findChildren(QPlainTextEdit) if e.isVisibleTo(window)]
    first = next(e for e in edits if e.toPlainText().startswith("全年完成"))
    formats = first.document().firstBlock().layout().formats()
    assert not [r for r in formats if r.format.background().color() == SHADE]
    assert window.ui.actionShade.isChecked()
    close_window(window)
