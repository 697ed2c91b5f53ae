"""Shared by the window benchmarks (bench_gui_form, bench_gui_window, bench_undo,
bench_check_live): the window on a large draft, and a paragraph focused for typing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nianbao_gui.core.fields import FieldPath, iter_text_fields
from nianbao_gui.core.model import Report


def show_draft(report: Report, size: tuple[int, int]) -> Any:
    """A MainWindow of ``size`` showing ``report`` as a new, unsaved draft (大报告)."""
    from nianbao_gui.app.main_window import MainWindow

    window = MainWindow()
    window.new_document(report, "大报告")
    window.resize(*size)
    window.show()
    return window


def longest_in_last_section(report: Report) -> FieldPath:
    """The longest paragraph in the last section: the worst ordinary place to type."""
    last = len(report.sections) - 1
    fields = [f for f in iter_text_fields(report) if f.path[:2] == ("sections", last)]
    return max(fields, key=lambda f: len(f.text)).path


def focus_for_typing(editor: Any, path: FieldPath, at: int, settle: Callable[[], None]) -> Any:
    """The paragraph editor of ``path`` (in a ReportEditor) focused with the cursor at ``at``."""
    from PySide6.QtWidgets import QPlainTextEdit

    assert editor.focus_field(path, at, at)
    editor.activateWindow()
    settle()
    target = editor.window().focusWidget()
    assert isinstance(target, QPlainTextEdit), target
    return target
