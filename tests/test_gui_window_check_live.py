"""The live 体检 panel: it follows the text, never selects other text, groups identical
findings, says what a fix changed, keeps its rows still, and re-checks by itself."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
from qt_helpers import close_window, edit_report, make_window, type_into

from nianbao_gui.core.checks.pages import FONT_STAND_IN
from nianbao_gui.core.model import Report, Section

PARAGRAPH = ("sections", 0, "paragraphs", 0)
TEXT = "全年排查纠纷**件，化解**件，调解**起，涉及**人。"


def report_with(*paragraphs: str) -> Report:
    child = Section(heading="政法工作。", run_in=True, paragraphs=["扎实开展普法教育。"])
    return Report(
        year=2024,
        sections=[
            Section(
                heading="强化责任意识，切实认真履职尽责",
                paragraphs=list(paragraphs),
                children=[child],
            )
        ],
    )


def open_window(qtbot: Any, report: Report) -> Any:
    window = make_window(qtbot)
    window.new_document(report, "体检")
    window.show()
    qtbot.waitExposed(window)
    window.checks.run()
    return window


def editor_at(window: Any, path: tuple[Any, ...], start: int, end: int) -> QPlainTextEdit:
    assert window.editor.focus_field(path, start, end)
    widget = window.focusWidget()
    assert isinstance(widget, QPlainTextEdit)
    return widget


def selection(widget: QPlainTextEdit) -> tuple[int, str]:
    cursor = widget.textCursor()
    return cursor.selectionStart(), cursor.selectedText()


def stars_rows(panel: Any) -> list[Any]:
    return [row for row in panel.finding_items() if row.data(0, 256).seen == "**"]


def test_after_edits_every_row_selects_exactly_the_text_it_names(qtbot) -> None:
    """Done when of issue 11: insert before and between placeholders, replace one, then
    click every row: each selects the text it names, at its new place, or says it is gone."""
    window = open_window(qtbot, report_with(TEXT))
    panel = window.check_panel
    rows = stars_rows(panel)
    assert len(rows) == 4
    # edits in the form, faster than the live re-check: the rows still hold the old offsets
    widget = editor_at(window, PARAGRAPH, 0, 0)
    type_into(widget, "今年")  # before the first placeholder
    at = widget.toPlainText().index("化解")
    editor_at(window, PARAGRAPH, at, at)
    type_into(widget, "成功")  # between the first and the second
    third = widget.toPlainText().index("调解**") + 2
    editor_at(window, PARAGRAPH, third, third + 2)
    type_into(widget, "15")  # the third placeholder filled in
    text = widget.toPlainText()
    assert text == "今年全年排查纠纷**件，成功化解**件，调解15起，涉及**人。"
    assert window.report().sections[0].paragraphs[0] == text
    assert panel.live.busy  # the re-check is still to come

    expected = [i for i in range(len(text) - 1) if text[i : i + 2] == "**"]
    selected = []
    for row in rows:
        widget.textCursor().clearSelection()
        editor_at(window, PARAGRAPH, 0, 0)  # the caret away from every placeholder
        panel.tree.itemClicked.emit(row, 0)
        start, chosen = selection(widget)
        if chosen:
            assert chosen == "**" == row.data(0, 256).seen
            # the row names this very place: the text before it as the row shows it
            before = row.text(0).split("〔", 1)[1].split("【", 1)[0].lstrip("…")
            assert text[:start].endswith(before)
            selected.append(start)
        else:
            assert "已改动" in panel.notice.text()
    assert selected == expected  # three placeholders found; the one filled in is gone
    close_window(window)


def test_a_click_after_the_paragraph_was_deleted_says_so(qtbot) -> None:
    window = open_window(qtbot, report_with("认真学习。", "共**件。"))
    panel = window.check_panel
    (row,) = stars_rows(panel)
    focused: list[Any] = []
    panel.focus_requested.connect(lambda *args: focused.append(args))
    edit_report(window, lambda r: r.sections[0].paragraphs.pop())
    panel.tree.itemClicked.emit(row, 0)
    assert focused == []
    assert "已改动" in panel.notice.text()
    assert not stars_rows(panel)  # checked again at once
    close_window(window)


def test_a_click_follows_a_paragraph_moved_by_one_added_before_it(qtbot) -> None:
    window = open_window(qtbot, report_with("认真学习。", "共**件。"))
    panel = window.check_panel
    (row,) = stars_rows(panel)
    edit_report(window, lambda r: r.sections[0].paragraphs.insert(0, "新的一段。"))
    panel.tree.itemClicked.emit(row, 0)
    widget = window.focusWidget()
    assert isinstance(widget, QPlainTextEdit) and widget.toPlainText() == "共**件。"
    assert selection(widget) == (1, "**")
    assert row.text(0).endswith("· 第3段")  # the row says where it is now
    close_window(window)


def test_identical_findings_share_one_row_with_a_count(qtbot) -> None:
    paragraphs = [f"第{i}项工作完成**件。" for i in range(1, 34)]
    window = open_window(qtbot, report_with(*paragraphs))
    panel = window.check_panel
    category = panel.tree.topLevelItem(0)
    assert category.text(0) == "占位符与空白（33）"
    assert category.childCount() == 1
    group = category.child(0)
    assert group.text(0) == "“**”是占位符，请填入实际内容（33 处）"
    assert not group.isExpanded()
    assert group.childCount() == 0  # its rows are built when it is first opened
    panel.tree.itemClicked.emit(group, 0)
    assert group.isExpanded()  # one click opens it
    assert group.childCount() == 33
    first = group.child(0)
    # the text around it, then a place short enough to read in a narrow dock
    assert first.text(0) == "〔第1项工作完成【**】件。〕\n一、强化责任意识，切… · 第1段"
    tip = first.toolTip(0)
    assert "一、强化责任意识，切实认真履职尽责 · 第1段" in tip  # the whole place
    assert "第1项工作完成【**】件。" in tip
    close_window(window)


def test_a_run_in_heading_paragraph_has_its_numbers_and_heading(qtbot) -> None:
    window = open_window(qtbot, report_with("认真学习。"))
    edit_report(window, lambda r: setattr(r.sections[0].children[0], "paragraphs", ["共**件"]))
    panel = window.check_panel
    panel.recheck()
    (row,) = stars_rows(panel)
    # its numbers as written, the heading without its full stop (一（一）政法工作。 read oddly)
    assert row.text(0).endswith("一、（一）政法工作 · 第1段")
    close_window(window)


def test_fix_all_is_one_edit_and_says_what_it_changed(qtbot) -> None:
    window = open_window(qtbot, report_with("今年以来，,我认真履行职责。", "学习;工作。"))
    panel = window.check_panel
    requested: list[tuple[str, Any]] = []
    panel.edits_requested.connect(lambda label, changes: requested.append((label, changes)))
    panel.fix_all_button.click()
    ((label, changes),) = requested  # one edit: one undo step
    assert label == "全部修复（2 处）"
    assert changes == [
        (PARAGRAPH, "今年以来，我认真履行职责。"),
        (("sections", 0, "paragraphs", 1), "学习；工作。"),
    ]
    assert panel.notice.text() == (
        "已修复 2 处：一、强化责任意识，切… · 第1段 改为“，”；"
        "一、强化责任意识，切… · 第2段 改为“；”。"
    )
    assert "强化责任意识，切实认真履职尽责 · 第2段：改为“；”" in panel.notice.toolTip()
    assert window.report().sections[0].paragraphs == ["今年以来，我认真履行职责。", "学习；工作。"]
    assert window.document.dirty
    close_window(window)


def test_one_fix_is_one_edit_named_by_its_fix(qtbot) -> None:
    window = open_window(qtbot, report_with("今年以来，,我认真履行职责;"))
    panel = window.check_panel
    requested: list[tuple[str, Any]] = []
    panel.edits_requested.connect(lambda label, changes: requested.append((label, changes)))
    row = next(r for r in panel.finding_items() if r.data(0, 256).seen == ";")
    panel.tree.itemClicked.emit(row, 1)
    assert requested == [("修复（改为“；”）", [(PARAGRAPH, "今年以来，,我认真履行职责；")])]
    assert panel.notice.text() == "已修复 1 处：一、强化责任意识，切… · 第1段 改为“；”。"
    close_window(window)


def test_a_fix_of_a_row_whose_text_changed_changes_nothing_else(qtbot) -> None:
    window = open_window(qtbot, report_with("今年以来，,我认真履行职责。"))
    panel = window.check_panel
    (row,) = [r for r in panel.finding_items() if r.data(0, 256).seen == "，,"]
    edit_report(window, lambda r: r.sections[0].paragraphs.__setitem__(0, "今年以来，我履行职责。"))
    panel.tree.itemClicked.emit(row, 1)  # its 修复, after the user corrected it by hand
    assert window.report().sections[0].paragraphs[0] == "今年以来，我履行职责。"
    assert "已改动" in panel.notice.text()
    close_window(window)


def test_the_panel_never_changes_the_model_itself(qtbot) -> None:
    window = open_window(qtbot, report_with("今年以来，,我认真履行职责。"))
    panel = window.check_panel
    panel.edits_requested.disconnect()  # nobody applies the edit
    panel.fix_all_button.click()
    assert window.report().sections[0].paragraphs[0] == "今年以来，,我认真履行职责。"
    close_window(window)


def test_rows_stay_in_place_after_a_fix(qtbot) -> None:
    """Groups keep the order they were first listed in, so the row under the mouse does
    not jump when the finding that put its group first is fixed."""
    window = open_window(qtbot, report_with("甲，,乙。", "丙;丁。", "戊，,己。"))
    panel = window.check_panel

    def groups() -> list[str]:
        category = panel.tree.topLevelItem(0)
        return [category.child(i).text(0).split("\n")[0] for i in range(category.childCount())]

    doubled, half_width = groups()
    assert doubled.startswith("标点重复") and half_width.startswith("中文里用了半角")
    panel.tree.topLevelItem(0).child(0).setExpanded(True)
    first = panel.tree.topLevelItem(0).child(0).child(0)  # 甲，,乙
    marker = Qt.ItemDataRole.UserRole + 9
    panel.tree.topLevelItem(0).setData(0, marker, "punctuation row")
    panel.tree.topLevelItem(0).child(1).setData(0, marker, "half-width row")
    panel.tree.itemClicked.emit(first, 1)  # its 修复
    assert window.report().sections[0].paragraphs[0] == "甲，乙。"
    # 丙;丁 is now the first problem in reading order, and still the second row
    assert groups() == [doubled.removesuffix("（2 处）"), half_width]
    # updated in place: the very rows that were there
    assert panel.tree.topLevelItem(0).data(0, marker) == "punctuation row"
    assert panel.tree.topLevelItem(0).child(1).data(0, marker) == "half-width row"
    close_window(window)


def test_the_panel_checks_again_by_itself_after_typing_pauses(qtbot) -> None:
    window = open_window(qtbot, report_with("认真学习。"))
    panel = window.check_panel
    fonts = len(panel.findings)  # 【版面】 names the official fonts this machine lacks
    assert all(f.code == FONT_STAND_IN for f in panel.findings)
    widget = editor_at(window, PARAGRAPH, 4, 4)
    type_into(widget, "**")
    assert len(panel.findings) == fonts  # not while typing: the keystroke does not wait
    qtbot.waitUntil(lambda: bool(stars_rows(panel)), timeout=3000)
    assert f"发现 {1 + fonts} 个问题" in panel.summary.text()
    close_window(window)


def test_a_check_under_way_is_dropped_when_the_report_changes(qtbot) -> None:
    window = open_window(qtbot, report_with("认真学习。", "扎实工作。"))
    panel = window.check_panel
    panel.live.slice_ms = 0  # one step (one field) a slice
    panel.live.set_delay(60_000)  # the re-check the edit asks for: only when told below
    panel.live.start_now()  # a check of “认真学习。” under way …
    panel.live._step()  # … its first slice done, not its last
    assert panel.live.busy and panel.live.slices
    edit_report(window, lambda r: r.sections[0].paragraphs.__setitem__(0, "共**件。"))
    assert panel.live.dropped == 1  # … abandoned: its findings would be of the old text
    qtbot.wait(50)
    assert not stars_rows(panel)
    panel.live.start_now()
    qtbot.waitUntil(lambda: bool(stars_rows(panel)), timeout=3000)  # the fresh one listed
    assert not panel.live.busy
    close_window(window)


def test_the_live_check_lets_events_through_between_slices(qtbot) -> None:
    """Never one long stretch: events waiting (a keystroke) are handled between two slices
    of the check. (How long a slice takes is measured in bench_check_live.py.)"""
    from PySide6.QtCore import QTimer

    from nianbao_gui.app.check.check_panel import CheckPanel

    panel = CheckPanel()
    qtbot.addWidget(panel)
    panel.set_report(report_with(*["全年排查纠纷**件，化解**件，调解**起。"] * 400))
    panel.live.slice_ms = 0.5
    handled: list[bool] = []
    panel.live.start_now()
    QTimer.singleShot(0, lambda: handled.append(panel.live.busy))  # an event meanwhile
    qtbot.waitUntil(lambda: not panel.live.busy, timeout=10_000)
    assert handled == [True]  # handled while the check was still under way
    assert len(panel.live.slices) > 1
    assert len(panel.findings) == 1200
    close = panel.tree.topLevelItem(0).child(0)
    assert close.text(0).endswith("（1200 处）") and close.childCount() == 0  # built when opened


@pytest.mark.parametrize("visible", [True, False])
def test_a_hidden_panel_checks_when_it_is_shown_again(qtbot, visible: bool) -> None:
    window = open_window(qtbot, report_with("认真学习。"))
    panel = window.check_panel
    if not visible:
        window.ui.checkDock.hide()
    edit_report(window, lambda r: r.sections[0].paragraphs.__setitem__(0, "共**件。"))
    if visible:
        qtbot.waitUntil(lambda: bool(stars_rows(panel)), timeout=3000)
    else:
        qtbot.waitUntil(lambda: panel.live.waiting, timeout=3000)
        assert not stars_rows(panel)
        window.checks.show()
        qtbot.waitUntil(lambda: bool(stars_rows(panel)), timeout=3000)
    close_window(window)


def click_row(panel: Any, row: Any) -> None:
    """A click on the row as a person makes it: on its place in the list."""
    panel.tree.scrollToItem(row)
    rect = panel.tree.visualItemRect(row)
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Backspace])
def test_a_click_follows_the_text_into_a_split_off_or_joined_paragraph(qtbot, key) -> None:
    """Issue 17 item 6: Enter in the paragraph before the finding, or Backspace joining the
    finding's paragraph to the one before: the row selects its ** in its new paragraph."""
    window = open_window(qtbot, report_with("认真学习。", TEXT))
    panel = window.check_panel
    rows = stars_rows(panel)
    assert len(rows) == 4
    second = ("sections", 0, "paragraphs", 1)
    if key == Qt.Key.Key_Return:  # split 全年排查纠纷**件，| 化解**件……
        at = TEXT.index("化解")
        widget = editor_at(window, second, at, at)
    else:  # join the second paragraph to the first
        widget = editor_at(window, second, 0, 0)
    QTest.keyClick(widget, key)
    paragraphs = window.report().sections[0].paragraphs
    if key == Qt.Key.Key_Return:
        assert paragraphs == ["认真学习。", TEXT[:at], TEXT[at:]]
        where = [(1, TEXT[:at].index("**"))] + [
            (2, i) for i in range(len(TEXT) - at - 1) if TEXT[at + i : at + i + 2] == "**"
        ]
    else:
        assert paragraphs == ["认真学习。" + TEXT]
        joined = paragraphs[0]
        where = [(0, i) for i in range(len(joined) - 1) if joined[i : i + 2] == "**"]
    assert panel.live.busy  # clicked before the re-check: the rows hold the old places
    chosen = []
    for row in rows:
        click_row(panel, row)
        focused = window.focusWidget()
        assert isinstance(focused, QPlainTextEdit), panel.notice.text()
        start, text = selection(focused)
        assert text == "**"
        index = paragraphs.index(focused.toPlainText())
        chosen.append((index, start))
    assert chosen == where
    close_window(window)
