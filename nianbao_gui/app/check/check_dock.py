"""检查 › 体检 (F7) and its dock: the panel (check_panel.py), built the first time it is shown
or used, the check itself (also the one before every export) and the panel following each
draft shown. It gets the session, its own dock and the dock area (docks.py), never the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QBoxLayout, QDockWidget

    from ...core.checks import Finding
    from ..docks import Docks
    from ..session import Session
    from .check_panel import CheckPanel


class CheckDock:
    def __init__(self, session: Session, dock: QDockWidget, area: QBoxLayout, docks: Docks):
        self.session = session
        self.dock = dock
        self.area = area  # the dock's own layout, where the panel goes
        self.docks = docks
        self._panel: CheckPanel | None = None
        session.draft_shown.connect(self.draft_shown)

    @property
    def built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> CheckPanel:
        """Built the first time it is shown or used: most sessions start without it, and its
        module and widgets were about 10 ms of every start."""
        if self._panel is None:
            from ...core.typeset import ExportOptions
            from .check_panel import CheckPanel

            session = self.session
            panel = CheckPanel()
            self.area.addWidget(panel)
            panel.focus_requested.connect(session.editor.open_place)
            panel.edits_requested.connect(session.apply_edits)  # one undo step each
            panel.layout_options = lambda: ExportOptions.from_settings(session.settings)
            session.editor.changed.connect(panel.report_changed)  # the live re-check
            if session.document is not None:
                panel.set_report(session.document.report)
            self._panel = panel
        return self._panel

    def visible(self) -> bool:
        """Shown in the window (left open last time, or opened since)."""
        host = self.dock.parentWidget()
        return self.dock.isVisibleTo(host) if host is not None else self.dock.isVisible()

    def run(self) -> list[Finding]:
        """F7, and before an export: check the draft now and show what was found."""
        if self.session.document is None:  # the welcome page: nothing to check or claim
            return []
        self.show()
        return self.panel.check(self.session.report())

    def show(self) -> None:
        self.panel  # noqa: B018  (built before its dock is shown)
        dock = self.dock
        opened = dock.isHidden()
        dock.show()
        dock.raise_()
        if dock.width() < 300:  # first time (or squeezed): wide enough to read a message
            self.docks.widen(dock, 260, 460, 1 / 3)
        if opened:  # over an open 预览: each gets a fair part of the height
            self.docks.share_height()

    def draft_shown(self) -> None:
        document = self.session.document
        if document is None:
            return
        if self.visible():  # left open last time: fresh findings
            self.panel.check(document.report)
        elif self._panel is not None:  # hidden: it follows the new draft when shown
            self._panel.set_report(document.report)
