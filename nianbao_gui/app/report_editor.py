"""The report form: one tab per part of the report, bound to the live model.

Tabs: 基本信息, 开篇, one per first-level section (``一、`` + heading, updated while typing),
结尾. The model is the single source of truth: every edit goes straight into it through the
binder, and structural changes (adding, removing, moving a section) change the model first and
then rebuild the affected tabs from it. Section tabs are built when first opened, so a long
report opens quickly.

Counting: each edit changes the total by the edited field's difference at once (cheap), and an
exact recount by the ``outline`` rule (heading numbers, 一是…, the date line included) runs
once typing pauses; ``total_chars()`` is always exact.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtWidgets import QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from ..core.fields import FieldPath, read_path, set_text
from ..core.layout import Role, layout
from ..core.model import Report, Section
from ..core.outline import char_count
from ..core.settings import Settings
from .binder import Binder, Binding
from .tabs.base import TabPage
from .tabs.basic_info_tab import BasicInfoTab
from .tabs.closing_tab import ClosingTab
from .tabs.opening_tab import OpeningTab
from .tabs.section_tab import SectionTab
from .widgets.signal_guard import guard_signal_refcounts

EXACT_COUNT_DELAY_MS = 300


def exact_total(report: Report) -> int:
    """Characters of the written report by the ``outline.char_count`` rule (title excluded)."""
    return sum(char_count(block.full) for block in layout(report) if block.role is not Role.TITLE)


def _shape(section: Section) -> tuple[object, ...]:
    return tuple(_shape(child) for child in section.children)


class ReportEditor(QWidget):
    changed = Signal()
    counts_changed = Signal(int)
    settings_changed = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        guard_signal_refcounts()  # the form emits on every keystroke; see signal_guard.py
        self._settings = settings
        self._report = Report()
        self.shown_total = 0
        self.confirm: Callable[[str], bool] = self._ask_confirmation
        self.binder = Binder()
        self.binder.set_root("report", lambda: self._report)
        self.binder.set_root("settings", lambda: self._settings)
        self.binder.listeners.append(self._on_edit)

        self._tabs = QTabWidget()
        self._tabs.setUsesScrollButtons(True)
        add = QToolButton()
        add.setText("＋ 新增一级标题")
        add.setToolTip("在最后新增一个一级标题（一个新的部分）")
        add.setAutoRaise(True)
        add.clicked.connect(lambda: self.add_section())
        self._tabs.setCornerWidget(add)
        bar = self._tabs.tabBar()
        bar.setContextMenuPolicy(bar.contextMenuPolicy().CustomContextMenu)
        bar.customContextMenuRequested.connect(self._tab_menu)
        layout_ = QVBoxLayout(self)
        layout_.setContentsMargins(0, 0, 0, 0)
        layout_.addWidget(self._tabs)

        self._exact_timer = QTimer(self)
        self._exact_timer.setSingleShot(True)
        self._exact_timer.setInterval(EXACT_COUNT_DELAY_MS)
        self._exact_timer.timeout.connect(self._recount_total)

        self.basic = BasicInfoTab(self)
        self.opening = OpeningTab(self)
        self.closing = ClosingTab(self)
        self.section_tabs: list[SectionTab] = []
        for page in (self.basic, self.opening, self.closing):
            self._tabs.addTab(page, page.title())
        self._tabs.currentChanged.connect(self._on_current_changed)
        self.set_report(self._report)

    # --- the contract -------------------------------------------------------------------

    def set_report(self, report: Report) -> None:
        self._report = report
        current = self._tabs.currentIndex()
        self._rebuild_sections(current)
        self._reload()

    def report(self) -> Report:
        return self._report

    def tab_widget(self) -> QTabWidget:
        return self._tabs

    def total_chars(self) -> int:
        return exact_total(self._report)

    def refresh(self) -> None:
        page = self._tabs.currentWidget()
        scroll = page.scroll_area.verticalScrollBar().value() if isinstance(page, TabPage) else 0
        sections = self._report.sections
        same = len(sections) == len(self.section_tabs) and all(
            tab.editor is None or self._editor_shape(tab) == _shape(section)
            for tab, section in zip(self.section_tabs, sections, strict=False)
        )
        if not same:
            self._rebuild_sections(self._tabs.currentIndex())
        self._reload()
        page = self._tabs.currentWidget()
        if isinstance(page, TabPage):
            QTimer.singleShot(0, lambda: page.scroll_area.verticalScrollBar().setValue(scroll))

    def apply_text_edits(self, label: str, changes: list[tuple[FieldPath, str]]) -> None:
        """Set these text fields as one change named ``label`` (数据's fills).

        Minimal version for issue 13: it sets the texts and refreshes the form; branch i11
        replaces it with one step on the undo stack."""
        del label  # the undo step's name, once there is an undo stack
        if not changes:
            return
        for path, text in changes:
            set_text(self._report, path, text)
        self.refresh()
        self.changed.emit()

    def focus_field(self, path: FieldPath, start: int = 0, end: int = 0) -> bool:
        try:
            read_path(self._report, path)
        except (AttributeError, IndexError, KeyError, TypeError):
            return False
        page = self._page_for(path)
        if page is None:
            return False
        self._tabs.setCurrentWidget(page)
        page.ensure_built()
        return page.focus(path, start, end)

    def add_section(self, index: int | None = None) -> None:
        sections = self._report.sections
        index = len(sections) if index is None else max(0, min(index, len(sections)))
        sections.insert(index, Section(paragraphs=[""]))
        self._rebuild_sections(self._tabs.indexOf(self.opening) + 1 + index)
        tab = self.section_tabs[index]
        tab.ensure_built()
        if tab.editor is not None:
            tab.editor.heading_edit.setFocus()
        self.structure_edited()

    def remove_section(self, index: int) -> None:
        sections = self._report.sections
        if not 0 <= index < len(sections):
            return
        section = sections[index]
        has_text = any(
            s.heading.strip() or any(p.strip() for p in s.paragraphs) for _, s in section.walk()
        )
        name = self.section_tabs[index].title()
        if has_text and not self.confirm(
            f"确定删除“{name}”吗？\n这一部分的全部段落和下级标题会一并删除，后面各部分的编号随之改变。"
        ):
            return
        del sections[index]
        first = self._tabs.indexOf(self.opening) + 1
        self._rebuild_sections(first + min(index, len(sections) - 1) if sections else first - 1)
        self.structure_edited()

    def move_section(self, index: int, delta: int) -> None:
        sections = self._report.sections
        target = index + delta
        if not (0 <= index < len(sections) and 0 <= target < len(sections)):
            return
        sections.insert(target, sections.pop(index))
        self._rebuild_sections(self._tabs.indexOf(self.opening) + 1 + target)
        self.structure_edited()

    # --- used by the tabs ---------------------------------------------------------------

    def settings_edited(self) -> None:
        self.settings_changed.emit()

    def structure_edited(self) -> None:
        """After a structural change inside the model: exact counts, then ``changed``."""
        self._recount_total()
        self.changed.emit()

    def update_tab_title(self, page: TabPage) -> None:
        index = self._tabs.indexOf(page)
        if index < 0:
            return
        text = page.title()
        if self._tabs.tabText(index) != text:
            self._tabs.setTabText(index, text)
        self._tabs.setTabToolTip(index, f"{text}\n本页 {page.count} 字")

    # --- internals ----------------------------------------------------------------------

    def _pages(self) -> list[TabPage]:
        return [self.basic, self.opening, *self.section_tabs, self.closing]

    def _page_for(self, path: FieldPath) -> TabPage | None:
        head = path[0] if path else None
        if head == "sections" and len(path) > 1 and isinstance(path[1], int):
            return self.section_tabs[path[1]] if path[1] < len(self.section_tabs) else None
        if head == "opening":
            return self.opening
        if head == "closing":
            return self.closing
        if (head,) in BasicInfoTab.prefixes:
            return self.basic
        return None

    def _editor_shape(self, tab: SectionTab) -> tuple[object, ...]:
        def shape(editor: object) -> tuple[object, ...]:
            return tuple(shape(child) for child in getattr(editor, "children_editors", []))

        return shape(tab.editor)

    def _rebuild_sections(self, current: int) -> None:
        """Replace all section tabs by fresh, not yet built ones; select tab ``current``."""
        self._tabs.blockSignals(True)
        try:
            for tab in self.section_tabs:
                tab.teardown()
                self._tabs.removeTab(self._tabs.indexOf(tab))
                tab.deleteLater()
            position = self._tabs.indexOf(self.opening) + 1
            self.section_tabs = []
            for index in range(len(self._report.sections)):
                tab = SectionTab(self, index)
                self.section_tabs.append(tab)
                self._tabs.insertTab(position + index, tab, tab.title())
                tab.recount()
            self._tabs.setCurrentIndex(max(0, min(current, self._tabs.count() - 1)))
        finally:
            self._tabs.blockSignals(False)
        self._on_current_changed(self._tabs.currentIndex())

    def _reload(self) -> None:
        """Model → every built widget, without emitting ``changed``."""
        self.binder.load_all()
        if self.basic.built:
            self.basic.update_placeholder()
        if self.closing.built:
            self.closing.update_preview()
        for page in self._pages():
            page.recount()
        self._recount_total(force=True)

    def _on_current_changed(self, index: int) -> None:
        page = self._tabs.widget(index)
        if isinstance(page, TabPage):
            page.ensure_built()
            page.recount()

    def _on_edit(self, binding: Binding, delta: int, structural: bool) -> None:
        if binding.scope != "report":
            return  # settings: the tab calls settings_edited
        if delta and binding.path != ("title",):  # the title is not counted (outline rule)
            self.shown_total += delta
            self.counts_changed.emit(self.shown_total)
        if structural:
            self._recount_total()
        else:
            self._exact_timer.start()  # exact recount once typing pauses
        self.changed.emit()

    def _recount_total(self, force: bool = False) -> None:
        self._exact_timer.stop()
        total = exact_total(self._report)
        if total != self.shown_total or force:
            self.shown_total = total
            self.counts_changed.emit(total)
        page = self._tabs.currentWidget()
        if isinstance(page, TabPage):
            page.show_count()

    def _ask_confirmation(self, text: str) -> bool:
        from .widgets.paragraph_list import ask_confirmation  # with the editors that use it

        return ask_confirmation(self, text)

    def _tab_menu(self, pos: QPoint) -> None:
        bar = self._tabs.tabBar()
        page = self._tabs.widget(bar.tabAt(pos))
        menu = QMenu(self)
        if isinstance(page, SectionTab):
            i, n = page.index, len(self.section_tabs)
            menu.addAction("左移", lambda: self.move_section(i, -1)).setEnabled(i > 0)
            menu.addAction("右移", lambda: self.move_section(i, 1)).setEnabled(i < n - 1)
            menu.addAction("在后面新增一级标题", lambda: self.add_section(i + 1))
            menu.addSeparator()
            menu.addAction("删除这一部分……", lambda: self.remove_section(i))
        else:
            menu.addAction("新增一级标题", lambda: self.add_section())
        menu.exec(bar.mapToGlobal(pos))
