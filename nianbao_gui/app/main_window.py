"""The main window: the form (ReportEditor), the 体检 dock, menus, status bar.

The static parts come from ``ui/main_window.ui`` (compiled into forms/), the menus and their
commands from action_table.py. The window makes the ``Session`` (session.py), which holds the
open draft (document.py: file, lock, autosave), and hands each feature the session and the one
dock, menu or area it owns (docks.py); no feature sees the window. The window only listens:
to the session for its title, the welcome page and the status bar's labels. Every question
to the user goes through ``Prompts`` so that tests can answer it. File commands live in
``actions.py`` (FileActions), export in ``export_actions.py`` (ExportActions).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import QLabel, QMainWindow

from ..core.model import Report
from ..core.paths import data_dir
from ..core.settings import Settings, load_settings
from . import window_state
from .action_table import ActionTable
from .collector import SETTLE_DELAY_MS, settle
from .dialogs.messages import Prompts
from .docks import Docks
from .editor.report_editor import ReportEditor
from .files.document import Document
from .forms.ui_main_window import Ui_MainWindow
from .session import Session

if TYPE_CHECKING:
    from .check.check_dock import CheckDock
    from .check.check_panel import CheckPanel
    from .figures.figures_actions import FiguresActions
    from .files.start_page import StartPage

DRAFT_SUFFIXES = {".json"}
IMPORT_SUFFIXES = {".txt", ".docx"}


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        prompts: Prompts | None = None,
        store: Any = None,
        open_url: Callable[[QUrl], Any] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else load_settings()
        self.prompts = prompts or Prompts(self)
        self.prompts.parent = self
        self.open_url = open_url or QDesktopServices.openUrl
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        # every menu command, its keys and when it is enabled: one table (action_table.py)
        self.commands = ActionTable(self, self.menuBar(), self)
        for name, item in (*self.commands.menus.items(), *self.commands.actions.items()):
            setattr(self.ui, name, item)
        self.editor = ReportEditor(self.settings, self)
        self.ui.editorLayout.addWidget(self.editor)
        self.editor.hide()  # until a draft is shown (_draft_shown): a first start shows none
        # what every feature gets instead of the window: the draft, the settings, the prompts
        status = self.statusBar()
        session = Session(self.editor, self.settings, self.prompts, status, self, store=store)
        self.session = session
        # the collector's settle after a draft is shown (collector.py): the window's own timer,
        # so that a settle never outlives its window (a stray one froze the next window's start)
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_DELAY_MS)
        self._settle_timer.timeout.connect(settle)
        self._follow_session()  # before the features: the window is in line when they hear
        self.docks = Docks(self, self.ui.checkDock)
        self._checks: CheckDock | None = None  # 体检 and its dock, built when first needed
        self._start_page: StartPage | None = None  # welcome page, example banner (start_page)
        self._figures: FiguresActions | None = None  # the 数据 menu's dock (figures_actions)
        self.ui.checkDock.hide()
        self.count_label = QLabel()
        self.autosave_label = QLabel()
        self.statusBar().addPermanentWidget(self.autosave_label)
        self.statusBar().addPermanentWidget(self.count_label)

        from .files.actions import FileActions  # the menu commands, kept out of this module

        self.files = FileActions(session, self.ui.menuRecent)
        from .export.export_actions import ExportActions

        self.exports = ExportActions(
            session,
            self.open_url,
            self.files.save,
            check=lambda: self.checks.run(),
            fill_in=lambda: self.figures.fill_in(),  # 先去补全: built when first asked
        )
        from .editor.edit_actions import EditActions

        undo, redo = self.commands["actionUndo"], self.commands["actionRedo"]
        self.edits = EditActions(session, undo, redo, self.ui.editorLayout)
        self.commands.follow_history(session.history.stack)  # 撤销/重做 greyed when empty
        self._connect()
        self._install_pages()
        self.restore_window_state()

    # --- wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        from .compare.menus import LastYearMenu  # 检查 › 对比去年, 标出与去年相同的句子

        self.last_year = LastYearMenu(self.session, self.docks, self.ui.actionShade)
        self.editor.counts_changed.connect(self.show_count)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state_changed)

    def _install_pages(self) -> None:
        """导出 PDF, 打印 (Ctrl+P), 打印预览 and the 预览 pane (app/pages, issue 14)."""
        from .pages.menu import PageCommands

        self.pages = PageCommands(self.session, self.docks, self.exports, self.ui.actionPreview)

    @property
    def checks(self) -> CheckDock:
        """体检 (F7) and its dock, loaded when first used or shown (not at start)."""
        if self._checks is None:
            from .check.check_dock import CheckDock

            dock, area = self.ui.checkDock, self.ui.checkDockLayout
            self._checks = CheckDock(self.session, dock, area, self.docks)
        return self._checks

    @property
    def check_panel(self) -> CheckPanel:
        return self.checks.panel

    @property
    def start_page(self) -> StartPage:
        if self._start_page is None:
            from .files.start_page import StartPage

            area = self.ui.editorLayout
            self._start_page = StartPage(self.session, area, self.files)
        return self._start_page

    @property
    def figures(self) -> FiguresActions:
        if self._figures is None:
            from .figures.figures_actions import FiguresActions

            self._figures = FiguresActions(self.session, self.docks)
        return self._figures

    def open_data_folder(self) -> None:
        self.open_url(QUrl.fromLocalFile(str(data_dir())))

    def show_guide(self) -> None:
        from .dialogs.guide import GuideDialog

        GuideDialog(self).exec()

    def show_welcome(self) -> None:
        """The welcome page instead of the form (a first start: nothing to open yet)."""
        self.start_page.show_welcome()
        self._draft_commands(False)
        self.setWindowTitle("年报助手")

    def _draft_commands(self, on: bool) -> None:
        """Greyed out while no draft is open, so that a click never silently does nothing."""
        docks = [self.ui.checkDock.toggleViewAction(), self.pages.dock.toggleViewAction()]
        self.commands.set_draft_open(on, docks)  # (the docks' own menu too)

    @property
    def document(self) -> Document | None:
        return self.session.document

    # --- the open draft, as the session announces it ------------------------------------

    def _follow_session(self) -> None:
        session = self.session
        session.draft_shown.connect(self._draft_shown)
        session.dirty_changed.connect(self.setWindowModified)
        session.name_changed.connect(self.update_title)
        session.saved.connect(self.show_saved)
        session.autosaved.connect(self.show_autosaved)
        session.autosave_failed.connect(self.show_autosave_failed)
        session.welcome_requested.connect(self.show_welcome)
        session.example_shown.connect(lambda: self.start_page.show_example_banner())

    def _draft_shown(self) -> None:
        document = self.document
        assert document is not None
        # a draft just shown: collect once and freeze what the window is made of (collector.py),
        # after the first paint and the start-up's own work, not before them
        self._settle_timer.start()
        if self._start_page is not None:  # the welcome page, the example's banner go
            self._start_page.document_shown()
            self._draft_commands(True)
        self.editor.show()  # hidden until the first draft (built then, not at start)
        self.update_title()  # first: the mark needs the title's [*] (else Qt warns)
        self.setWindowModified(document.dirty)
        self.show_count(self.editor.total_chars())
        self.autosave_label.clear()
        self.ui.actionSave.setEnabled(True)
        if self._checks is None and self.ui.checkDock.isVisibleTo(self):  # (its own menu)
            self.checks.draft_shown()  # built now: it follows the drafts from here on

    def new_document(self, report: Report, name_hint: str = "", *, dirty: bool = False) -> None:
        self.session.new_draft(report, name_hint, dirty=dirty)  # (the tests' way in)

    def update_title(self) -> None:
        doc = self.document
        name = doc.display_name() if doc else "年报助手"
        suffix = "（只读）" if doc and doc.read_only else ""
        # [*] is where Qt shows the modified mark (setWindowModified)
        self.setWindowTitle(f"{name}{suffix}[*] — 年报助手")

    def report(self) -> Report:
        return self.editor.report()

    # --- status bar ------------------------------------------------------------------------

    def show_count(self, count: int) -> None:
        self.count_label.setText(f"全文 {count} 字")

    def show_saved(self, moment: _dt.datetime) -> None:
        self.autosave_label.setText(f"已保存 {moment:%H:%M:%S}")
        self.update_title()

    def show_autosaved(self, moment: _dt.datetime) -> None:
        settle()  # the user paused: a full collection now, not in the middle of typing
        self.autosave_label.setText(f"已自动保存 {moment:%H:%M:%S}")

    def show_autosave_failed(self, error: BaseException) -> None:
        self.autosave_label.setText("自动保存失败，请尽快手动保存（Ctrl+S）")
        self.autosave_label.setToolTip(str(error))

    # --- window state (window_state.py) ---------------------------------------------------

    def restore_window_state(self) -> None:
        if window_state.restore(self) and self.ui.checkDock.isVisibleTo(self):
            self.checks.panel  # noqa: B018  (left open last time: built with it)

    def save_window_state(self) -> None:
        window_state.save(self)

    # --- events ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_window_state()
        self.session.close_draft()
        self._settle_timer.stop()  # the window goes: no settle after it
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        # leaving the window (another program, a dialog) is a natural moment to autosave
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.session.autosave_soon()
        super().changeEvent(event)

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.session.autosave_soon()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # after the drop returns: a modal dialog inside a drop handler blocks the source app
        QTimer.singleShot(0, self, lambda: self.files.open_path(path))  # not after the window


def dropped_file(mime: Any) -> Path | None:
    """The first local draft or report among dropped URLs, else None."""
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in DRAFT_SUFFIXES | IMPORT_SUFFIXES:
                return path
    return None
