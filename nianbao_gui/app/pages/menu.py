"""The window's page commands: 导出 PDF, 打印 (Ctrl+P), 打印预览 and the 预览 pane.

Installed by MainWindow._install_pages (one call): the actions go into the 文件 menu after
the Word export, the preview is a dock on the right, hidden until 预览 (F9) is chosen. Only
this small module loads at start; the preview, the printing code, the core's layout and
QtPrintSupport load the first time they are used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from ...core.errors import NianbaoError

if TYPE_CHECKING:
    from ...core.typeset import ExportOptions
    from ..main_window import MainWindow
    from .preview import PreviewPane
    from .printing import PagePrinting

PDF_FILTER = "PDF 文件 (*.pdf)"
HALF_PAGE = 842 / (595 + 2 * 16) / 2  # an A4 page's height at the pane's width (preview.py), halved


class PageCommands:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._preview: PreviewPane | None = None
        self._stale = True  # the pane does not show the draft as it is (edited while hidden)
        self._printing: PagePrinting | None = None
        self.ask_pdf_path = self._ask_pdf_path  # tests answer it
        self.run_dialog: Any = None  # tests answer the print dialogs (printing.PagePrinting)
        # no shortcut: Ctrl+Shift+E is 导出并打开's (two actions on one key fire neither)
        self.export_pdf_action = self._action("导出 PDF…", self.export_pdf)
        self.print_action = self._action("打印…", self.print_dialog, QKeySequence.StandardKey.Print)
        self.print_preview_action = self._action("打印预览…", self.print_preview)
        self.preview_action = self._action("预览", self.toggle_preview, "F9")
        self.preview_action.setCheckable(True)
        menu = window.ui.menuFile
        anchor = window.ui.actionExportOpen
        actions = menu.actions()
        after = actions[actions.index(anchor) + 1] if anchor in actions[:-1] else None
        for action in (
            self.export_pdf_action,
            self.print_action,
            self.print_preview_action,
            self.preview_action,
        ):
            if after is not None:
                menu.insertAction(after, action)
            else:
                menu.addAction(action)
        self.dock = QDockWidget("预览", window)
        self.dock.setObjectName("previewDock")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._dock_shown)
        window.editor.changed.connect(self.on_edited)
        # another draft opened (the form recounts) or the fonts chosen in the settings
        window.editor.counts_changed.connect(self.on_edited)
        window.editor.settings_changed.connect(self.on_edited)

    def _action(self, text: str, slot: Any, keys: Any = None) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda *_: slot())
        return action

    # --- what the pages show: the window's report and export settings -------------------------

    def report(self) -> Any:
        return self.window.report()

    def options(self) -> ExportOptions:
        # imported here: not needed for the first paint
        from ...core.typeset import ExportOptions

        return ExportOptions.from_settings(self.window.settings)

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
        """Under the 体检/数据 docks Qt gave the preview what was left, ~120 px on a 768-px
        screen (and 数据 opened over the preview got ~180 px): when the preview or a dock
        beside it is opened, the preview gets at least half a page at its width (and half
        the height), the docks above the rest. Docks elsewhere, floating or hidden are left
        as they are; a height she dragged stays until one of them is opened again."""
        window, dock = self.window, self.dock
        if dock.isHidden() or dock.isFloating():
            return
        area = window.dockWidgetArea(dock)
        above: list[QDockWidget] = []
        for other in window.findChildren(QDockWidget):
            if other is dock or other.isHidden() or other.isFloating():
                continue
            if window.dockWidgetArea(other) != area or other in window.tabifiedDockWidgets(dock):
                continue
            if not any(other in window.tabifiedDockWidgets(seen) for seen in above):
                above.append(other)  # one dock of each tab group
        if not above:
            return
        central = window.centralWidget()  # as tall as the dock area beside it
        total = central.height() if central is not None else window.height()
        width = dock.width()
        half_page = int(width * HALF_PAGE)
        least = min(total // 3, 8 * dock.fontMetrics().height())  # the list above stays usable
        preview = max(0, min(max(total // 2, half_page), total - least * len(above)))
        rest = (total - preview) // len(above)
        window.resizeDocks([*above, dock], [rest] * len(above) + [preview], Qt.Orientation.Vertical)

    def _dock_shown(self, visible: bool) -> None:
        self.preview_action.setChecked(visible)
        # left open last time (window_state), or shown again from the dock's own menu (right
        # click on a dock's title bar) after edits made while it was closed: not old pages
        if visible:
            self._redraw_if_stale()

    def _redraw_if_stale(self) -> None:
        if self._stale and not self.dock.isHidden() and self.window.document is not None:
            self._stale = False
            self.preview.redraw_now()

    def on_edited(self, *_: object) -> None:
        if self.window.document is None:
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

            self._printing = PagePrinting(self.report, self.options, self.window, self._run)
        return self._printing

    def _run(self, dialog: Any) -> int:
        """Show a print dialog modally (or let a test answer it: ``run_dialog``)."""
        if self.run_dialog is not None:
            return int(self.run_dialog(dialog))
        return int(dialog.exec())

    def print_dialog(self) -> int:
        if self.window.document is None:
            return 0
        try:
            return self.printing.print_dialog()
        except NianbaoError as error:
            self.window.prompts.error(error)
            return 0

    def print_preview(self) -> Any:
        if self.window.document is None:
            return None
        return self.printing.print_preview()

    def _ask_pdf_path(self, suggested: Path) -> Path | None:
        from ..dialogs.messages import ask_save_name

        return ask_save_name(self.window, "导出 PDF", suggested, PDF_FILTER, ".pdf")

    def export_pdf(self) -> Path | None:
        """导出 PDF: 体检 first (placeholders left: ask), then the core's PDF export."""
        window = self.window
        ready = window.exports.export_ready()
        if ready is None:
            return None
        from ...core.naming import draft_stem

        report, folder = ready  # the leader in the name, as the Word file's: 张's ≠ 李's PDF
        path = self.ask_pdf_path(folder / f"{draft_stem(report)}.pdf")
        if path is None:
            return None
        from PySide6.QtWidgets import QApplication

        # a first PDF with new characters makes font subsets: 0.1 s with TrueType fonts, ~1.5 s
        # with CFF ones such as Noto CJK (README); later ones are fast
        window.statusBar().showMessage("正在导出 PDF……")
        window.statusBar().repaint()  # shown now: the export holds the event loop until done
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
            window.statusBar().clearMessage()
            window.prompts.error(failure)
            return None
        window.settings.export_folder = str(path.parent)  # saved on change
        window.statusBar().showMessage(f"已导出 PDF：{path}", 8000)
        # one message: 打开 / 打开所在文件夹 as after a Word export, with the fonts' notes in it
        window.exports.after_export(path, warnings)
        return path
