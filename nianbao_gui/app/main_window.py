"""The main window: the form (ReportEditor), the 体检 dock, menus, status bar.

The static parts come from ``ui/main_window.ui`` (compiled into forms/). The open draft's
lifecycle is in document.py; every question to the user goes through ``Prompts`` so that
tests can answer it. File actions live in ``actions.py`` (FileActions) and export in
``export_actions.py`` (ExportActions), to keep this module to the window itself.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ..core.model import Report
from ..core.paths import data_dir
from ..core.settings import Settings, load_settings
from . import window_state
from .collector import SETTLE_DELAY_MS, settle
from .dialogs.messages import Prompts
from .document import Document
from .forms.ui_main_window import Ui_MainWindow
from .recent_menu import RecentMenu

if TYPE_CHECKING:
    from .check_panel import CheckPanel
    from .figures_actions import FiguresActions
    from .start_page import StartPage

DRAFT_SUFFIXES = {".json"}
IMPORT_SUFFIXES = {".txt", ".docx"}
EditorFactory = Callable[[Settings, QWidget], Any]


def _default_editor(settings: Settings, parent: QWidget) -> Any:
    from .report_editor import ReportEditor

    return ReportEditor(settings, parent)


class MainWindow(QMainWindow):
    document_shown = Signal()  # another draft is in the form (added parts follow it)

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        prompts: Prompts | None = None,
        editor_factory: EditorFactory | None = None,
        store: Any = None,
        open_url: Callable[[QUrl], Any] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else load_settings()
        self.prompts = prompts or Prompts(self)
        self.prompts.parent = self
        self.open_url = open_url or QDesktopServices.openUrl
        self._store = store
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.editor = (editor_factory or _default_editor)(self.settings, self)
        self.ui.editorLayout.addWidget(self.editor)
        self._check_panel: CheckPanel | None = None  # built when first needed (check_panel)
        self._start_page: StartPage | None = None  # welcome page, example banner (start_page)
        self._figures: FiguresActions | None = None  # the 数据 menu's dock (figures_actions)
        self.ui.checkDock.hide()
        self.count_label = QLabel()
        self.autosave_label = QLabel()
        self.statusBar().addPermanentWidget(self.autosave_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.document: Document | None = None

        from .actions import FileActions  # the menu commands, kept out of this module

        self.files = FileActions(self)
        from .export_actions import ExportActions

        self.exports = ExportActions(self, self.files.save, self.fill_in_placeholders)
        from .edit_actions import EditActions

        self.edits = EditActions(self)
        self._connect()
        self._install_pages()
        self.recent = RecentMenu(self.ui.menuRecent, self.settings, self.files.open_path)
        # the settings save themselves on every change; the menu follows them
        self.restore_window_state()

    # --- wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        ui, files = self.ui, self.files
        ui.actionNew.triggered.connect(files.new)
        ui.actionOpen.triggered.connect(files.open_dialog)
        ui.actionDrafts.triggered.connect(files.drafts_list)
        ui.actionSave.triggered.connect(files.save)
        ui.actionSaveAs.triggered.connect(files.save_as)
        ui.actionNextYear.triggered.connect(files.save_as_next_year)
        ui.actionImport.triggered.connect(files.import_dialog)
        ui.actionExport.triggered.connect(lambda: self.exports.export(open_after=False))
        ui.actionExportOpen.triggered.connect(lambda: self.exports.export(open_after=True))
        ui.actionQuit.triggered.connect(self.close)
        ui.actionCheck.triggered.connect(self.run_check)
        ui.actionShowCheckPanel.triggered.connect(self.show_check_panel)
        ui.actionOpenDataFolder.triggered.connect(
            lambda: self.open_url(QUrl.fromLocalFile(str(data_dir())))
        )
        ui.actionAbout.triggered.connect(self.prompts.about)
        from .menus import install_menus  # 帮助 › 使用说明 and the 数据 menu

        self.last_year = install_menus(self)  # and 检查 › 对比去年
        self.editor.changed.connect(self.on_edited)
        self.editor.counts_changed.connect(self.show_count)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state_changed)

    def _install_pages(self) -> None:
        """导出 PDF, 打印 (Ctrl+P), 打印预览 and the 预览 pane (app/pages, issue 14)."""
        from .pages.menu import PageCommands

        self.pages = PageCommands(self)

    @property
    def check_panel(self) -> CheckPanel:
        """The 体检 panel, built the first time it is shown or used: most sessions start
        without it, and its module and widgets were about 10 ms of every start."""
        if self._check_panel is None:
            from ..core.typeset import ExportOptions
            from .check_panel import CheckPanel

            panel = CheckPanel(self)
            self.ui.checkDockLayout.addWidget(panel)
            panel.focus_requested.connect(self.editor.focus_field)
            panel.edits_requested.connect(self.apply_edits)  # one undo step each
            panel.layout_options = lambda: ExportOptions.from_settings(self.settings)
            self.editor.changed.connect(panel.report_changed)  # the live re-check
            if self.document is not None:
                panel.set_report(self.document.report)
            self._check_panel = panel
        return self._check_panel

    @property
    def start_page(self) -> StartPage:
        if self._start_page is None:
            from .start_page import StartPage

            self._start_page = StartPage(self)
        return self._start_page

    @property
    def figures(self) -> FiguresActions:
        if self._figures is None:
            from .figures_actions import FiguresActions

            self._figures = FiguresActions(self)
        return self._figures

    def fill_in_placeholders(self) -> None:
        """先去补全 (the export's question): the 数据 panel lists the figures to fill; the
        体检 panel beside it, the other placeholders (an empty paragraph …)."""
        from ..core.figures import find_slots

        if self.document is None:
            return
        if find_slots(self.report()):
            self.figures.show_panel()
        else:
            self.show_check_panel()

    def show_welcome(self) -> None:
        """The welcome page instead of the form (a first start: nothing to open yet)."""
        self.start_page.show_welcome()

    @property
    def store(self) -> Any:
        if self._store is None:
            from ..core.storage import RecoveryStore

            self._store = RecoveryStore()
        return self._store

    # --- the open document -----------------------------------------------------------------

    def set_document(self, document: Document) -> None:
        """Show ``document``; the previous one must already be closed (after maybe_save)."""
        document.setParent(self)
        self.document = document
        # a draft just shown: collect once and freeze what the window is made of (collector.py),
        # after the first paint and the start-up's own work, not before them
        QTimer.singleShot(SETTLE_DELAY_MS, settle)
        if self._start_page is not None:
            self._start_page.document_shown()
        self.editor.set_report(document.report)  # a new history: undo never crosses drafts
        if self._figures is not None:
            self._figures.document_shown()
        document.bind(self.editor.report)
        stack = self.edits.stack()
        if stack is not None:
            document.track(stack)
        document.dirty_changed.connect(self.setWindowModified)
        document.path_changed.connect(self.update_title)
        document.autosaved.connect(self.show_autosaved)
        document.autosave_failed.connect(self.show_autosave_failed)
        document.lock_lost.connect(self.on_lock_lost)
        self.setWindowModified(document.dirty)
        self.update_title()
        self.show_count(self.editor.total_chars())
        self.autosave_label.clear()
        self.ui.actionSave.setEnabled(True)
        if self.ui.checkDock.isVisibleTo(self):  # left open last time: fresh findings
            self.check_panel.check(document.report)
        elif self._check_panel is not None:  # hidden: it follows the new draft when shown
            self._check_panel.set_report(document.report)
        self.document_shown.emit()

    def new_document(self, report: Report, name_hint: str = "", *, dirty: bool = False) -> None:
        doc = Document(report, store=self.store, name_hint=name_hint, parent=self)
        self.set_document(doc)
        if dirty:
            doc.mark_unsaved()

    def update_title(self) -> None:
        doc = self.document
        name = doc.display_name() if doc else "年报助手"
        suffix = "（只读）" if doc and doc.read_only else ""
        # [*] is where Qt shows the modified mark (setWindowModified)
        self.setWindowTitle(f"{name}{suffix}[*] — 年报助手")

    def report(self) -> Report:
        return self.editor.report()  # type: ignore[no-any-return]

    def on_edited(self) -> None:
        if self.document is not None:
            self.document.mark_changed()
        if self._figures is not None:
            self._figures.edited()

    def apply_edits(self, label: str, changes: list[Any]) -> None:
        """Text changes asked for by a panel (修复, 替换, 数据): one undo step."""
        doc = self.document
        if doc is None:
            return
        apply = getattr(self.editor, "apply_text_edits", None)
        if apply is not None:
            apply(label, changes)

    def maybe_save(self) -> bool:
        """True when the current draft may be replaced or closed (saved, discarded, clean)."""
        doc = self.document
        if doc is None or not doc.dirty:
            return True
        from .dialogs.messages import SaveAnswer

        answer = self.prompts.ask_save_changes(doc.display_name())
        if answer is SaveAnswer.SAVE:
            return self.files.save()
        if answer is SaveAnswer.DISCARD:
            doc.discard_changes()
            return True
        return False

    def close_document(self) -> None:
        doc, self.document = self.document, None
        if doc is not None:
            doc.close()
            doc.dirty_changed.disconnect(self.setWindowModified)
            doc.deleteLater()

    def on_lock_lost(self, error: BaseException) -> None:
        """Someone took the draft over: keep the text, make 保存 ask for a new file."""
        self.update_title()
        self.prompts.error(error)

    def emergency_save(self) -> str | None:
        """After an unexpected error: make sure the work is on disk; say where it is."""
        doc = self.document
        if doc is None:
            return None
        if not doc.dirty:
            return str(doc.path) if doc.path is not None else None
        doc.mark_changed()  # force a fresh write even if the timer already wrote
        doc.autosave_now()
        try:
            for entry in self.store.pending():
                if entry.key == doc.key:
                    return str(entry.path)
        except Exception:
            return None
        return None

    # --- status bar ------------------------------------------------------------------------

    def show_count(self, count: int) -> None:
        self.count_label.setText(f"全文 {count} 字")

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_saved(self, moment: _dt.datetime) -> None:
        self.autosave_label.setText(f"已保存 {moment:%H:%M:%S}")
        self.update_title()

    def show_example_banner(self) -> None:
        self.start_page.show_example_banner()

    def show_autosaved(self, moment: _dt.datetime) -> None:
        settle()  # the user paused: a full collection now, not in the middle of typing
        self.autosave_label.setText(f"已自动保存 {moment:%H:%M:%S}")

    def show_autosave_failed(self, error: BaseException) -> None:
        self.autosave_label.setText("自动保存失败，请尽快手动保存（Ctrl+S）")
        self.autosave_label.setToolTip(str(error))

    # --- 体检 ------------------------------------------------------------------------------

    def run_check(self) -> list[Any]:
        if self.document is None:  # the welcome page: nothing to check, nothing to claim
            return []
        self.show_check_panel()
        return self.check_panel.check(self.report())

    def show_check_panel(self) -> None:
        self.check_panel  # noqa: B018  (built before its dock is shown)
        dock = self.ui.checkDock
        opened = dock.isHidden()
        dock.show()
        dock.raise_()
        if dock.width() < 300:  # first time (or squeezed): wide enough to read a message
            width = max(260, min(460, self.width() // 3))
            self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        if opened:  # over an open 预览: each gets a fair part of the height
            self.pages.share_height()

    # --- recent files and window state (recent_menu.py, window_state.py) -------------------

    def remember_recent(self, path: Path) -> None:
        self.recent.remember(path)

    def restore_window_state(self) -> None:
        if window_state.restore(self) and self.ui.checkDock.isVisibleTo(self):
            self.check_panel  # noqa: B018  (left open last time: built with it)

    def save_window_state(self) -> None:
        window_state.save(self)

    # --- events ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.save_window_state()
        self.close_document()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        # leaving the window (another program, a dialog) is a natural moment to autosave
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.autosave_soon()
        super().changeEvent(event)

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.autosave_soon()

    def autosave_soon(self) -> None:
        # deferred to the event loop: never write in the middle of a focus change
        if self.document is not None:
            QTimer.singleShot(0, self._autosave_if_open)

    def _autosave_if_open(self) -> None:
        if self.document is not None:
            self.document.autosave_now()

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
        QTimer.singleShot(0, lambda: self.files.open_path(path))


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
