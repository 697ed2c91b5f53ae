"""A hostile trial of the 体检 panel in the window (issue 11): stale rows clicked after edits
the live re-check has not seen yet never select, or fix, other text."""

from __future__ import annotations

from typing import Any

from checks_support import report_with as core_report
from qt_helpers import close_window, type_into

from nianbao_gui.core.checks import check_report, locate
from nianbao_gui.core.fields import set_text
from nianbao_gui.core.model import Report, Section
from tests.test_gui_window_check_live import editor_at, open_window, report_with, stars_rows

TWIN = "全年排查纠纷**件。"


def test_a_filled_placeholder_is_not_followed_into_an_identical_paragraph() -> None:
    """Two paragraphs read the same; the first one's ``**`` is filled in. Its finding is gone:
    the second paragraph's ``**`` is another finding, not this one moved."""
    report = core_report(TWIN, more=["认真学习。", TWIN])
    findings = check_report(report)
    first = next(f for f in findings if f.seen == "**" and f.path[-1] == 0)
    set_text(report, first.path, "全年排查纠纷12件。")
    assert locate(report, first, siblings=findings) is None


def test_a_paragraph_moved_among_identical_ones_is_still_followed() -> None:
    report = core_report(TWIN, more=[TWIN])
    findings = check_report(report)
    first = next(f for f in findings if f.seen == "**" and f.path[-1] == 0)
    report.sections[0].paragraphs.insert(0, "新的一段。")
    moved = locate(report, first, siblings=findings)
    assert moved is not None and moved.path == ("sections", 0, "paragraphs", 1)


def test_a_stale_row_never_selects_the_same_text_in_an_identical_paragraph(qtbot) -> None:
    window = open_window(qtbot, report_with(TWIN, "认真学习。", TWIN))
    panel = window.check_panel
    first, _third = stars_rows(panel)
    widget = editor_at(window, ("sections", 0, "paragraphs", 0), 6, 8)
    type_into(widget, "12")  # faster than the live re-check: the row still says 第1段
    focused: list[Any] = []
    panel.focus_requested.connect(lambda *args: focused.append(args))
    panel.tree.itemClicked.emit(first, 0)
    assert focused == []  # not the ** of 第3段
    assert "已改动" in panel.notice.text()
    close_window(window)


def test_a_stale_row_fixes_nothing_in_an_identical_paragraph(qtbot) -> None:
    twin = "学习;工作。"
    window = open_window(qtbot, report_with(twin, twin))
    panel = window.check_panel
    first = next(r for r in panel.finding_items() if r.data(0, 256).path[-1] == 0)
    widget = editor_at(window, ("sections", 0, "paragraphs", 0), 2, 3)
    type_into(widget, "、")  # corrected by hand
    panel.tree.itemClicked.emit(first, 1)  # then its 修复
    assert window.report().sections[0].paragraphs == ["学习、工作。", twin]
    assert "已改动" in panel.notice.text()
    close_window(window)


def test_a_stale_row_of_a_deleted_section_never_selects_the_next_sections_text(qtbot) -> None:
    """The first section is deleted; the second one's paragraph now has the first one's path
    and, by chance, a ``**`` at the same offset: the row of the deleted one is gone."""
    report = Report(
        year=2024,
        sections=[
            Section(heading="强化学习", paragraphs=["**件，工作扎实。"]),
            Section(heading="狠抓落实", paragraphs=["**人，成效明显。"]),
        ],
    )
    window = open_window(qtbot, report)
    panel = window.check_panel
    first = next(r for r in stars_rows(panel) if r.data(0, 256).path[1] == 0)
    focused: list[Any] = []
    panel.focus_requested.connect(lambda *args: focused.append(args))
    window.editor.confirm = lambda _text: True
    window.editor.remove_section(0)
    panel.tree.itemClicked.emit(first, 0)
    assert focused == []
    assert "已改动" in panel.notice.text()
    panel.tree.itemClicked.emit(first, 1)  # nor is its fix made on the other one
    assert window.report().sections[0].paragraphs == ["**人，成效明显。"]
    close_window(window)
