"""The open report as the window sees it: the one source of truth, and its change signal.

Only undo commands (commands.py) write through ``set``; every widget follows ``changed``.
Paths are the core's field paths (``("sections", 2, "paragraphs", 0)``); a structural value
(a list of paragraphs or sections) changes as a whole, a text field as one string.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from ..core.fields import FieldPath, read_path, write_path
from ..core.identity import ids_path
from ..core.model import Report


class ReportModel(QObject):
    """Holds the report; ``changed(path, old, new)`` after every write. A new report
    (``set_report``) is shown by its editor as a whole, not followed change by change."""

    changed = Signal(object, object, object)

    def __init__(self, report: Report | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report if report is not None else Report()

    def set_report(self, report: Report) -> None:
        self.report = report

    def get(self, path: FieldPath) -> Any:
        return read_path(self.report, path)

    def set(self, path: FieldPath, value: Any, ids: list[str] | None = None) -> None:
        """Write one value (validated by pydantic on assignment) and tell the widgets.

        ``ids``: for a list of paragraphs, their identities, written with it (identity.py)."""
        old = read_path(self.report, path)
        write_path(self.report, path, value)
        where = ids_path(path)
        if ids is not None and where is not None:
            write_path(self.report, where, ids)
        self.changed.emit(path, old, read_path(self.report, path))

    def probe(self, path: FieldPath, value: Any) -> Any:
        """The value as the model would store it; raises ValidationError without writing.

        A shallow copy of the owning model takes the assignment, so a year out of range is
        refused before any command exists (an undo step must never hold an invalid value).
        """
        parent = read_path(self.report, path[:-1]) if len(path) > 1 else self.report
        last = path[-1]
        if isinstance(last, int) or not hasattr(parent, "model_copy"):
            return value
        copy = parent.model_copy()
        setattr(copy, last, value)
        return getattr(copy, last)
