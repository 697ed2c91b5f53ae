"""What every tab of the report editor shares: a scrolling page, a count footer, lazy build.

A page is built the first time it is shown (``ensure_built``): a long report's section tabs
then cost nothing until opened. Its character count is computed from the model when (re)built
and then moved by the difference of each changed text (``add_chars``), so a keystroke never
recounts the page. A page knows its ``FormContext`` (the binder, the confirmation), never the
editor that holds it: what it wants done it emits as a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...core.fields import FieldPath
from ...core.outline import char_count
from ..widgets.look import em, fix_label_size, mute

if TYPE_CHECKING:
    from ...core.model import Report
    from ..editor.binder import Binder
    from ..editor.structure import StructureRequests
    from ..editor.table_structure import TableRequests


class FormContext:
    """What the widgets of every tab share: the binder (and through it the model and the
    undo history), the question asked before deleting text, and where to ask for a section
    to be added, moved or deleted (``requests``, structure.py) and for a table to be added,
    changed, moved or deleted (``tables``, table_structure.py). ``confirm`` is looked up at
    call time, so a test can replace ``ReportEditor.confirm`` after the tabs are built."""

    def __init__(
        self,
        binder: Binder,
        confirm: Callable[[str], bool],
        requests: StructureRequests,
        tables: TableRequests,
    ) -> None:
        self.binder = binder
        self.confirm = confirm
        self.requests = requests
        self.tables = tables

    def report(self) -> Report:
        report: Report = self.binder.root()
        return report


def count_texts(texts: list[str]) -> int:
    return sum(char_count(text) for text in texts)


class TabPage(QWidget):
    """One tab. Subclasses implement ``build``, ``model_count``, ``title`` and ``locate``."""

    prefixes: tuple[FieldPath, ...] = ()  # the report paths this page binds

    def __init__(self, ctx: FormContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.built = False
        self.count = 0
        self.content: QWidget | None = None
        em_ = em(self)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.footer = QLabel()
        mute(self.footer)
        fix_label_size(self.footer, "本页 999999 字")  # the whole: the status bar's
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, em_ // 3)
        layout.setSpacing(em_ // 3)
        layout.addWidget(self.scroll_area, 1)
        footer_row = QVBoxLayout()
        footer_row.setContentsMargins(em_, 0, em_, 0)
        footer_row.addWidget(self.footer)
        layout.addLayout(footer_row)

    # --- for subclasses -----------------------------------------------------------------

    def report(self) -> Report:
        return self.ctx.report()

    def build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def model_count(self) -> int:
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def locate(self, path: FieldPath) -> QWidget | None:
        """The widget that shows ``path``, scrolled into sight (its box opened); None when
        this page has none. The editor selects the place in it (ReportEditor.focus_field)."""
        raise NotImplementedError

    def follow(self, path: FieldPath) -> None:
        """The model changed at ``path`` (``()``: all of it): update what shows derived values."""

    # --- building -----------------------------------------------------------------------

    def ensure_built(self) -> None:
        if self.built:
            return
        em_ = em(self)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(em_, em_, em_, em_)
        layout.setSpacing(em_)
        self.ctx.binder.loading = True
        try:
            self.build(layout)
        finally:
            self.ctx.binder.loading = False
        layout.addStretch(1)
        self.content = content
        self.scroll_area.setWidget(content)
        self.built = True

    def teardown(self) -> None:
        """Forget this page's bindings (its widgets are about to be deleted)."""
        for prefix in self.prefixes:
            self.ctx.binder.forget_prefix(prefix)

    # --- counts -------------------------------------------------------------------------

    def recount(self) -> None:
        self.count = self.model_count()
        self.show_count()

    def add_chars(self, delta: int) -> None:
        self.count += delta
        self.show_count()

    def show_count(self) -> None:
        self.footer.setText(f"本页 {self.count} 字")

    def scroll_to(self, widget: QWidget) -> None:
        margin = self.fontMetrics().height() * 2
        self.scroll_area.ensureWidgetVisible(widget, margin, margin)
