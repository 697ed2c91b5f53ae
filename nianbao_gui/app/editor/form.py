"""The report form's widgets: its tabs and what they edit through, made together when the form
is first needed (``build_form``), and the section tabs kept in step with the sections.

Tabs: 基本信息, 开篇, one per first-level section (``一、`` + heading), 结尾. A section added,
removed or moved brings, drops or moves only its own tab; the others keep their widgets
(re-pathed, re-numbered). A table, a cell or a section's list of tables that changed reaches
only its own table editor; tables that came or went renumber those after them (表1, 表2 …
run through the report). The editor (report_editor.py) decides when, from the model's
changes; this module how. Loaded with the form, never behind the welcome page (issue 21).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from ...core.fields import FieldPath, table_numbers
from ...core.model import Report
from ...core.settings import Settings
from ..tabs.base import FormContext, TabPage
from ..tabs.basic_info_tab import BasicInfoTab
from ..tabs.closing_tab import ClosingTab
from ..tabs.opening_tab import OpeningTab
from .binder import Binder
from .commands import History
from .structure import StructureEdits, StructureRequests
from .table_structure import TableEdits, TableRequests

if TYPE_CHECKING:  # a section's tab: imported when the first one is made
    from ..tabs.section_tab import SectionTab


def build_form(
    host: QWidget,
    history: History,
    settings: Callable[[], Settings],
    settings_edited: Callable[[], None],
    confirm: Callable[[str], bool],
) -> Form:
    """The form's parts, laid out in ``host``; its section tabs are made by the caller."""
    binder = Binder(history)
    binder.set_root("settings", settings)
    binder.settings_edited = settings_edited
    requests = StructureRequests(host)  # every add / move / delete asked for, any level
    structure = StructureEdits(history, confirm)
    structure.connect(requests)
    tables_asked = TableRequests(host)  # every table added, changed, moved or deleted
    tables = TableEdits(history, confirm, tables_asked)

    tabs = QTabWidget()
    tabs.setUsesScrollButtons(True)
    add = QToolButton()
    add.setText("＋ 新增一级标题")
    add.setToolTip("在最后新增一个一级标题（一个新的部分）")
    add.setAutoRaise(True)
    add.clicked.connect(lambda: requests.add_requested.emit(("sections",), None))
    tabs.setCornerWidget(add)
    bar = tabs.tabBar()
    bar.setContextMenuPolicy(bar.contextMenuPolicy().CustomContextMenu)
    layout_ = QVBoxLayout(host)
    layout_.setContentsMargins(0, 0, 0, 0)
    layout_.addWidget(tabs)

    ctx = FormContext(binder, confirm, requests, tables_asked)
    form = Form(binder, structure, tables, tabs, ctx)
    bar.customContextMenuRequested.connect(lambda pos: form.tab_menu(host, pos))
    form.basic, form.opening, form.closing = BasicInfoTab(ctx), OpeningTab(ctx), ClosingTab(ctx)
    for page in (form.basic, form.opening, form.closing):
        tabs.addTab(page, page.title())
    return form


class Form:
    """The form's parts, made together when it is first needed (``build_form``)."""

    basic: BasicInfoTab
    opening: OpeningTab
    closing: ClosingTab

    def __init__(
        self,
        binder: Binder,
        structure: StructureEdits,
        tables: TableEdits,
        tabs: QTabWidget,
        ctx: FormContext,
    ) -> None:
        self.binder = binder
        self.structure = structure
        self.tables = tables
        self.tabs = tabs
        self.ctx = ctx
        self.section_tabs: list[SectionTab] = []

    def pages(self) -> list[TabPage]:
        return [self.basic, self.opening, *self.section_tabs, self.closing]

    def page_for(self, path: FieldPath) -> TabPage | None:
        head = path[0] if path else None
        if head == "sections" and len(path) > 1 and isinstance(path[1], int):
            return self.section_tabs[path[1]] if path[1] < len(self.section_tabs) else None
        if head == "opening":
            return self.opening
        if head == "closing":
            return self.closing
        if (head,) in self.basic.prefixes:
            return self.basic
        return None

    def update_tab_title(self, page: TabPage) -> None:
        index = self.tabs.indexOf(page)
        if index < 0:
            return
        text = page.title()
        if self.tabs.tabText(index) != text:
            self.tabs.setTabText(index, text)
        self.tabs.setTabToolTip(index, f"{text}\n本页 {page.count} 字")

    # --- the section tabs follow the sections -------------------------------------------

    def rebuild_sections(self, count: int, current: int) -> None:
        """Replace all section tabs by ``count`` fresh, not yet built ones; select tab
        ``current`` (signals blocked: the caller follows the current tab)."""
        self.tabs.blockSignals(True)
        try:
            for tab in self.section_tabs:
                tab.teardown()
                self.tabs.removeTab(self.tabs.indexOf(tab))
                tab.deleteLater()
            position = self.tabs.indexOf(self.opening) + 1
            self.section_tabs = []
            for index in range(count):
                self.insert_section_tab(position, index)
            self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))
        finally:
            self.tabs.blockSignals(False)

    def insert_section_tab(self, position: int, index: int) -> SectionTab:
        from ..tabs.section_tab import SectionTab

        tab = SectionTab(self.ctx, index)
        self.section_tabs.insert(index, tab)
        self.tabs.insertTab(position + index, tab, tab.title())
        tab.recount()
        return tab

    def change_section(self, source: int | None, target: int | None) -> None:
        """One section added, removed or moved: only its tab comes, goes or moves; the
        others keep their widgets (re-pathed, re-numbered). Signals blocked, as above."""
        tabs = self.tabs
        position = tabs.indexOf(self.opening) + 1
        current = tabs.currentWidget()
        tabs.blockSignals(True)
        try:
            slots: list[SectionTab | None] = list(self.section_tabs)
            moved = slots.pop(source) if source is not None else None
            if moved is not None and target is None:  # removed
                moved.teardown()
                tabs.removeTab(tabs.indexOf(moved))
                moved.deleteLater()
            if target is not None:
                slots.insert(target, moved)  # None: the new tab, made once the others moved
            shifted = [(i, t) for i, t in enumerate(slots) if t is not None and t.index != i]
            self.binder.move_prefixes([(t.prefixes[0], ("sections", i)) for i, t in shifted])
            for i, t in shifted:
                t.set_index(i)
            self.section_tabs = [t for t in slots if t is not None]
            if target is not None and moved is None:
                self.insert_section_tab(position, target)
            elif target is not None and moved is not None:
                tabs.tabBar().moveTab(tabs.indexOf(moved), position + target)
            for tab in self.section_tabs:
                tab.update_buttons()
                self.update_tab_title(tab)
            if current is not None and tabs.indexOf(current) >= 0:
                tabs.setCurrentWidget(current)
        finally:
            tabs.blockSignals(False)

    # --- the tables follow --------------------------------------------------------------

    def tables_follow(self, report: Report, path: FieldPath, old: Any, new: Any) -> None:
        """A table, a cell, a section's list of tables or of paragraphs changed: only what
        changed follows (one table editor, or the one added, removed or moved). Tables that
        came or went renumber those after them (表1, 表2 … run through the report)."""
        end = path.index("tables") if "tables" in path else len(path) - 1
        tab = self.section_tabs[int(path[1])]
        owner = tab.editor.find_editor(path[:end]) if tab.editor is not None else None
        index = path[end + 1] if len(path) > end + 1 else None
        if owner is None:
            pass
        elif isinstance(index, int):
            owner.table_changed(index)
        elif path[-1] == "tables":
            owner.tables_changed(old, new)
        else:
            owner.tables_changed()
        if path[-1] == "tables" and len(old) != len(new):
            self.renumber_tables(report)

    def renumber_tables(self, report: Report) -> None:
        numbers = table_numbers(report)
        for tab in self.section_tabs:
            if tab.editor is not None:
                tab.editor.renumber_tables(numbers)

    # --- the tabs' own menu: requests, like the tabs' buttons -------------------------

    def tab_menu(self, host: QWidget, pos: QPoint) -> None:
        bar = self.tabs.tabBar()
        page = self.tabs.widget(bar.tabAt(pos))
        menu = QMenu(host)
        from ..tabs.section_tab import SectionTab

        if isinstance(page, SectionTab):
            i, n, ask = page.index, len(self.section_tabs), self.ctx.requests
            path = ("sections", i)
            menu.addAction("左移", lambda: ask.move_requested.emit(path, -1)).setEnabled(i > 0)
            menu.addAction("右移", lambda: ask.move_requested.emit(path, 1)).setEnabled(i < n - 1)
            menu.addAction("在后面新增一级标题", lambda: ask.add_requested.emit(path[:1], i + 1))
            menu.addSeparator()
            menu.addAction("删除这一部分……", lambda: ask.remove_requested.emit(path))
        else:
            menu.addAction("新增一级标题", lambda: self.ctx.requests.add_requested.emit(
                ("sections",), None))  # fmt: skip
        menu.exec(bar.mapToGlobal(pos))
