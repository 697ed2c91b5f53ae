"""The 体检 panel's 【版面】 group: laid out at F7 with the export's fonts, kept through live
re-checks (they do not lay out the pages), and a click selects the text the row names."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from nianbao_gui.app.check.check_rows import FINDING_ROLE
from nianbao_gui.core.checks import Category
from nianbao_gui.core.model import Report, ReportKind
from tests.qt_helpers import close_window, make_window


def _orphan_report() -> Report:
    # 56 characters: two full lines of 28 after a 2-character indent leaves 2 on the third;
    # 54 + "好。" puts "。" alone — whatever the font, "国" is one em everywhere
    return Report(
        kind=ReportKind.SHUZHI, year=2024, title="述职报告", opening=["国" * 54 + "好。"]
    )


def test_f7_lists_layout_findings_and_live_rechecks_keep_them(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.new_document(_orphan_report())
    window.show()
    findings = window.checks.run()
    layout = [f for f in findings if f.category is Category.LAYOUT]
    assert layout and layout[0].path == ("opening", 0)
    panel = window.check_panel
    headings = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert any(text.startswith("版面（") and "F7" in text for text in headings)
    # a live re-check (typing elsewhere) keeps the group
    window.editor.apply_text_edits("修改", [(("title",), "述职报告（初稿）")])
    qtbot.waitUntil(lambda: not panel.live.busy, timeout=3000)
    panel.live.start_now()
    qtbot.waitUntil(lambda: not panel.live.busy, timeout=3000)
    assert any(f.category is Category.LAYOUT for f in panel.findings)
    # a click selects exactly what the finding saw
    row = next(
        item
        for item in panel.finding_items()
        if getattr(item.data(0, FINDING_ROLE), "category", None) is Category.LAYOUT
    )
    panel._item_clicked(row, 0)
    focus = QApplication.focusWidget()
    assert isinstance(focus, QPlainTextEdit)
    assert focus.textCursor().selectedText() == layout[0].seen
    close_window(window)
