"""The window's page commands: 导出 PDF, 打印 (Ctrl+P), 打印预览 and the 预览 pane.

Made by the window with the session, the dock area and the export commands; the actions
(their keys and menu) are in action_table.py. The preview is a dock on the right, hidden
until 预览 (F9) is chosen. Only
this small module loads at start; the preview, the printing code, the core's layout and
QtPrintSupport load the first time they are used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from ...core.errors import NianbaoError

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from ...core.typeset import ExportOptions
    from ..docks import Docks
    from ..export.export_actions import ExportActions
    from ..session import Session
    from .preview import PreviewPane
    from .printing import PagePrinting


class PageCommands:
    def __init__(
        self, session: Session, docks: Docks, exports: ExportActions, preview_action: QAction
    ) -> None:
        self.session = session
        self.docks = docks
        self.exports = exports
        self._preview: PreviewPane | None = None
        self._stale = True  # the pane does not show the draft as it is (edited while hidden)
        self._printing: PagePrinting | None = None
        self.run_dialog: Any = None  # tests answer the print dialogs (printing.PagePrinting)
        self.preview_action = preview_action  # checked while the pane is shown
        self.dock = docks.new("预览")
        self.dock.setObjectName("previewDock")
        docks.add(self.dock, tabbed=False)
        docks.preview = self.dock
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._dock_shown)
        session.changed.connect(self.on_edited)
        # another draft opened, or the fonts chosen in the settings
        session.draft_shown.connect(self.on_edited)
        session.settings_changed.connect(self.on_edited)

    # --- what the pages show: the window's report and export settings -------------------------

    def report(self) -> Any:
        return self.session.report()

    def options(self) -> ExportOptions:
        # imported here: not needed for the first paint
        from ...core.typeset import ExportOptions

        return ExportOptions.from_settings(self.session.settings)

    # --- preview ---------------------------------------------------------------------------

    @property
    def preview(self) -> PreviewPane:
        if self._preview is None:
            from .preview import PreviewPane

            self._preview = PreviewPane(self.report, self.options, self.dock)
            self.dock.setWidget(self._preview)
        return self._preview

    def toggle_preview(self) -> None:
        """预览 (F9): show the pane with the pages as they are now, or hide it."""
        if not self.dock.isHidden():
            self.dock.hide()
            return
        self._stale = True
        self.dock.show()
        self.share_height()
        self._redraw_if_stale()

    def share_height(self) -> None:
        self.docks.share_height()

    def _dock_shown(self, visible: bool) -> None:
        self.preview_action.setChecked(visible)
        # left open last time (window_state), or shown again from the dock's own menu (right
        # click on a dock's title bar) after edits made while it was closed: not old pages
        if visible:
            self._redraw_if_stale()

    def _redraw_if_stale(self) -> None:
        if self._stale and not self.dock.isHidden() and self.session.document is not None:
            self._stale = False
            self.preview.redraw_now()

    def on_edited(self, *_: object) -> None:
        if self.session.document is None:
            return
        if self.dock.isHidden():
            self._stale = True  # laid out when shown, not at every keystroke meanwhile
        else:  # the pane is built here too when the dock was restored open before any draft
            self.preview.schedule()

    # --- print and PDF ---------------------------------------------------------------------

    @property
    def printing(self) -> PagePrinting:
        if self._printing is None:
            from .printing import PagePrinting

            parent = self.dock.parentWidget()
            self._printing = PagePrinting(self.report, self.options, parent, self._run)
        return self._printing

    def _run(self, dialog: Any) -> int:
        """Show a print dialog modally (or let a test answer it: ``run_dialog``)."""
        if self.run_dialog is not None:
            return int(self.run_dialog(dialog))
        return int(dialog.exec())

    def print_dialog(self) -> int:
        if self.session.document is None:
            return 0
        try:
            return self.printing.print_dialog()
        except NianbaoError as error:
            self.session.prompts.error(error)
            return 0

    def print_preview(self) -> Any:
        if self.session.document is None:
            return None
        return self.printing.print_preview()

    def export_pdf(self) -> Path | None:
        """导出 PDF: 体检 first (placeholders left: ask), then the core's PDF export."""
        session = self.session
        ready = self.exports.export_ready()
        if ready is None:
            return None
        from ...core.naming import draft_stem

        report, folder = ready  # the leader in the name, as the Word file's: 张's ≠ 李's PDF
        path = session.prompts.pdf_path(folder / f"{draft_stem(report)}.pdf")
        if path is None:
            return None
        from PySide6.QtWidgets import QApplication

        # a first PDF with new characters makes font subsets: 0.1 s with TrueType fonts, ~1.5 s
        # with CFF ones such as Noto CJK (README); later ones are fast
        session.show_status("正在导出 PDF……", 0, now=True)  # the export holds the loop
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        failure: NianbaoError | None = None
        try:
            from .printing import export_pdf_file

            warnings = export_pdf_file(report, path, self.options())
        except NianbaoError as error:
            failure = error
        finally:
            QApplication.restoreOverrideCursor()
        if failure is not None:
            session.show_status("")
            session.prompts.error(failure)
            return None
        session.settings.export_folder = str(path.parent)  # saved on change
        session.show_status(f"已导出 PDF：{path}")
        # one message: 打开 / 打开所在文件夹 as after a Word export, with the fonts' notes in it
        self.exports.after_export(path, warnings)
        return path
