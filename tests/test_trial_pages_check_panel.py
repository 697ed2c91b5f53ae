"""Found by the pages trial: a 【版面】 row's click goes to what it names."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QDateEdit
from qt_helpers import close_window, make_window

from nianbao_gui.app.check.check_rows import FINDING_ROLE
from nianbao_gui.core.checks import Category
from nianbao_gui.core.checks.pages import FONT_STAND_IN
from nianbao_gui.core.model import Report, ReportKind


def test_a_last_page_with_only_the_date_goes_to_the_date(qtbot) -> None:
    # the row (and a 体检 row on the date's year) showed the 基本信息 tab with nothing
    # focused: the tab had no widget for the path ("date",)
    report = Report(
        kind=ReportKind.SHUZHI,
        year=2024,
        title="述职报告",
        opening=["国" * (26 + 17 * 28)],
        signature="某某镇人民政府",
        date=_dt.date(2025, 1, 5),
    )
    window = make_window(qtbot)
    window.new_document(report)
    window.show()
    window.checks.run()
    panel = window.check_panel
    (row,) = [
        item
        for item in panel.finding_items()
        if item.data(0, FINDING_ROLE).category is Category.LAYOUT
        and item.data(0, FINDING_ROLE).code != FONT_STAND_IN  # this machine's fonts: not here
    ]
    assert item_path(row) == ("date",)
    panel._item_clicked(row, 0)
    assert isinstance(window.focusWidget(), QDateEdit)  # offscreen windows are never active
    close_window(window)


def item_path(item) -> tuple:  # type: ignore[no-untyped-def,type-arg]
    return tuple(item.data(0, FINDING_ROLE).path)
