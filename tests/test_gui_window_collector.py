"""A draft shown: the collector runs once and freezes what the window is made of, so the
full collections that fall in the middle of typing walk only what is new (collector.py)."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication

from nianbao_gui.app.collector import SETTLE_DELAY_MS
from nianbao_gui.core.model import Report
from tests.qt_helpers import close_window, make_window


def test_showing_a_draft_freezes_the_window_and_the_next_draft_collects_again(qtbot) -> None:
    gc.unfreeze()
    window = make_window(qtbot)
    window.new_document(Report(year=2024), "一")
    QApplication.processEvents()
    assert gc.get_freeze_count() == 0  # not before the window has painted
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 10_000, timeout=5000)  # window, modules
    window.session.close_draft()
    gc.unfreeze()
    window.new_document(Report(year=2025), "二")
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)  # again for this draft
    close_window(window)
    gc.unfreeze()


def test_a_window_that_went_leaves_no_settle_behind(qtbot) -> None:
    """The settle after a draft is shown belongs to its window: closed before the delay, it
    never runs (a leftover once froze the next window before its first paint)."""
    window = make_window(qtbot)
    window.new_document(Report(year=2024), "一")
    close_window(window)
    gc.unfreeze()
    qtbot.wait(SETTLE_DELAY_MS + 300)
    assert gc.get_freeze_count() == 0
