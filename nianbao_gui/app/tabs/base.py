"""What every tab of the report editor shares: a scrolling page, a count footer, lazy build.

A page is built the first time it is shown (``ensure_built``): a long report's section tabs
then cost nothing until opened. Its character count is computed from the model when (re)built
and then kept up to date by the deltas the binder reports for each edited field, so a
keystroke never recounts the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...core.fields import FieldPath
from ...core.outline import char_count
from ..binder import FormContext
from ..widgets.look import em, fix_label_size, mute

if TYPE_CHECKING:
    from ...core.model import Report
    from ..report_editor import ReportEditor


def count_texts(texts: list[str]) -> int:
    return sum(char_count(text) for text in texts)


class TabPage(QWidget):
    """One tab. Subclasses implement ``build``, ``model_count``, ``title`` and ``focus``."""

    prefixes: tuple[FieldPath, ...] = ()  # the report paths this page binds

    def __init__(self, host: ReportEditor) -> None:
        super().__init__()
        self.host = host
        self.built = False
        self.count = 0
        self.content: QWidget | None = None
        em_ = em(self)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.footer = QLabel()
        mute(self.footer)
        fix_label_size(self.footer, "本页 999999 字　　全文 999999 字")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, em_ // 3)
        layout.setSpacing(em_ // 3)
        layout.addWidget(self.scroll_area, 1)
        footer_row = QVBoxLayout()
        footer_row.setContentsMargins(em_, 0, em_, 0)
        footer_row.addWidget(self.footer)
        layout.addLayout(footer_row)
        self.ctx = FormContext(
            host.binder,
            confirm=lambda text: self.host.confirm(text),
            counter=self.add_chars,
            on_structure=self._structure_changed,
            on_heading=self._heading_changed,
        )

    # --- for subclasses -----------------------------------------------------------------

    def report(self) -> Report:
        return self.host.report()

    def build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def model_count(self) -> int:
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def focus(self, path: FieldPath, start: int, end: int) -> bool:
        raise NotImplementedError

    def _heading_changed(self) -> None:
        self.host.update_tab_title(self)

    def _structure_changed(self) -> None:
        self.recount()
        self.host.structure_edited()

    # --- building -----------------------------------------------------------------------

    def ensure_built(self) -> None:
        if self.built:
            return
        em_ = em(self)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(em_, em_, em_, em_)
        layout.setSpacing(em_)
        self.host.binder.loading = True
        try:
            self.build(layout)
        finally:
            self.host.binder.loading = False
        layout.addStretch(1)
        self.content = content
        self.scroll_area.setWidget(content)
        self.built = True

    def teardown(self) -> None:
        """Forget this page's bindings (its widgets are about to be deleted)."""
        for prefix in self.prefixes:
            self.host.binder.forget_prefix(prefix)

    # --- counts -------------------------------------------------------------------------

    def recount(self) -> None:
        self.count = self.model_count()
        self.show_count()

    def add_chars(self, delta: int) -> None:
        self.count += delta
        self.show_count()

    def show_count(self) -> None:
        self.footer.setText(f"本页 {self.count} 字　　全文 {self.host.shown_total} 字")
        self.host.update_tab_title(self)

    def scroll_to(self, widget: QWidget) -> None:
        margin = self.fontMetrics().height() * 2
        self.scroll_area.ensureWidgetVisible(widget, margin, margin)
