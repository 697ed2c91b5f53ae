"""The report form: one tab per part of the report, following the open draft's model.

Tabs: 基本信息, 开篇, one per first-level section (``一、`` + heading), 结尾. Data flows one
way: a user action becomes a command on the draft's ``History`` (commands.py), the command
changes the ``ReportModel``, and ``_follow`` brings the widgets, counts and tab titles in line
with the model. Tabs emit requests (move, delete, add a section); they never change the model
or call this editor. Section tabs are built when first opened, so a long report opens quickly;
the form itself when first needed (a draft given, the form shown), not behind the welcome page.

Counting: each change moves the total by the changed text's difference at once (cheap), and
an exact recount by the ``outline`` rule (heading numbers, 一是…, the date line included) runs
once typing pauses; ``total_chars()`` is always exact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeGuard

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...core.fields import FieldPath, read_path, table_numbers
from ...core.model import Report, Section
from ...core.settings import Settings
from .commands import Focus, History, TextSpan
from .report_model import ReportModel

if TYPE_CHECKING:  # the form's parts: imported when it is first built (_build_form)
    from ..tabs.base import FormContext, TabPage
    from ..tabs.basic_info_tab import BasicInfoTab
    from ..tabs.closing_tab import ClosingTab
    from ..tabs.opening_tab import OpeningTab
    from ..tabs.section_tab import SectionTab
    from .binder import Binder
    from .structure import StructureEdits
    from .table_structure import TableEdits

EXACT_COUNT_DELAY_MS = 300


def exact_total(report: Report) -> int:
    """Characters of the written report by the ``outline.char_count`` rule (title excluded)."""
    from ...core.layout import Role, layout
    from ...core.outline import char_count

    return sum(char_count(block.full) for block in layout(report) if block.role is not Role.TITLE)


def _is_page(widget: object) -> TypeGuard[TabPage]:
    from ..tabs.base import TabPage  # with the form (ReportEditor._build_form)

    return isinstance(widget, TabPage)


def _shape(section: Section) -> tuple[object, ...]:
    return tuple(_shape(child) for child in section.children)


def _has_text(section: Section) -> bool:
    return any(s.heading.strip() or any(p.strip() for p in s.paragraphs) for _, s in section.walk())


class ReportEditor(QWidget):
    changed = Signal()  # the model changed (an edit, an undo or a redo)
    counts_changed = Signal(int)
    settings_changed = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.model = ReportModel(parent=self)
        self.history = History(self.model, self)
        self.shown_total = 0
        self.confirm: Callable[[str], bool] = self._ask_confirmation
        self.model.changed.connect(self._follow)
        self.history.focus_requested.connect(self._focus)
        self._marked: QWidget | None = None  # the box the last place shown was selected in
        self._quiet_focus = False  # during apply_text_edits(take_focus=False)
        self._exact_timer = QTimer(self)
        self._exact_timer.setSingleShot(True)
        self._exact_timer.setInterval(EXACT_COUNT_DELAY_MS)
        self._exact_timer.timeout.connect(self._recount_total)
        # The form (binder, tabs) is built when first needed: a draft given (set_report), the
        # form shown, or one of its parts asked for. A first start shows the welcome page
        # instead, and building the form there was a third of the window's start (issue 21).
        self._form: _Form | None = None

    def _build_form(self) -> _Form:
        from ..tabs.base import FormContext
        from ..tabs.basic_info_tab import BasicInfoTab
        from ..tabs.closing_tab import ClosingTab
        from ..tabs.opening_tab import OpeningTab
        from .binder import Binder
        from .structure import StructureEdits, StructureRequests
        from .table_structure import TableEdits, TableRequests

        binder = Binder(self.history)
        binder.set_root("settings", lambda: self._settings)
        binder.settings_edited = self.settings_changed.emit
        requests = StructureRequests(self)  # every add / move / delete asked for, any level
        structure = StructureEdits(self.history, lambda text: self.confirm(text))
        structure.connect(requests)
        tables_asked = TableRequests(self)  # every table added, changed, moved or deleted
        tables = TableEdits(self.history, lambda text: self.confirm(text), tables_asked)

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
        bar.customContextMenuRequested.connect(self._tab_menu)
        layout_ = QVBoxLayout(self)
        layout_.setContentsMargins(0, 0, 0, 0)
        layout_.addWidget(tabs)

        ctx = FormContext(binder, lambda text: self.confirm(text), requests, tables_asked)
        form = _Form(binder, structure, tables, tabs, ctx)
        form.basic, form.opening, form.closing = BasicInfoTab(ctx), OpeningTab(ctx), ClosingTab(ctx)
        for page in (form.basic, form.opening, form.closing):
            tabs.addTab(page, page.title())
        tabs.currentChanged.connect(self._on_current_changed)
        self._form = form
        self._rebuild_sections(0)
        self._reload()
        return form

    def _built(self) -> _Form:
        return self._form if self._form is not None else self._build_form()

    @property
    def binder(self) -> Binder:
        return self._built().binder

    @property
    def structure(self) -> StructureEdits:
        return self._built().structure

    @property
    def tables(self) -> TableEdits:
        return self._built().tables

    @property
    def ctx(self) -> FormContext:
        return self._built().ctx

    @property
    def basic(self) -> BasicInfoTab:
        return self._built().basic

    @property
    def opening(self) -> OpeningTab:
        return self._built().opening

    @property
    def closing(self) -> ClosingTab:
        return self._built().closing

    @property
    def section_tabs(self) -> list[SectionTab]:
        return self._built().section_tabs

    @section_tabs.setter
    def section_tabs(self, tabs: list[SectionTab]) -> None:
        self._built().section_tabs = tabs

    @property
    def _tabs(self) -> QTabWidget:
        return self._built().tabs

    def showEvent(self, event: QShowEvent) -> None:
        self._built()  # shown before any draft was given: the empty form
        super().showEvent(event)

    # --- the contract -------------------------------------------------------------------

    def set_report(self, report: Report) -> None:
        """Show another draft: a fresh model and an empty history."""
        self._built()
        self.model.set_report(report)
        self.history.clear()
        current = self._tabs.currentIndex()
        self._rebuild_sections(current)
        self._reload()

    def report(self) -> Report:
        return self.model.report

    def undo_stack(self) -> QUndoStack:
        return self.history.stack

    def tab_widget(self) -> QTabWidget:
        return self._tabs

    def total_chars(self) -> int:
        return exact_total(self.model.report)

    def refresh(self) -> None:
        """Reload every widget from the model (after a change made outside the history)."""
        page = self._tabs.currentWidget()
        scroll = page.scroll_area.verticalScrollBar().value() if _is_page(page) else 0
        sections = self.model.report.sections
        same = len(sections) == len(self.section_tabs) and all(
            tab.editor is None or tab.editor_shape() == _shape(section)
            for tab, section in zip(self.section_tabs, sections, strict=False)
        )
        if not same:
            self._rebuild_sections(self._tabs.currentIndex())
        self._reload()
        page = self._tabs.currentWidget()
        if _is_page(page):
            QTimer.singleShot(0, lambda: page.scroll_area.verticalScrollBar().setValue(scroll))

    def focus_field(
        self, path: FieldPath, start: int = 0, end: int = 0, *, take_focus: bool = True
    ) -> bool:
        """Show ``path`` with ``[start, end)`` selected. ``take_focus=False`` (a value filled
        from the 数据 panel): the keyboard stays where it is. Only this place is marked: the
        selection made at the place shown before is cleared."""
        try:
            read_path(self.model.report, path)
        except (AttributeError, IndexError, KeyError, TypeError):
            return False
        page = self._page_for(path)
        if page is None:
            return False
        self._tabs.setCurrentWidget(page)
        page.ensure_built()
        widget = page.locate(path)
        if widget is None:
            return False
        marked, self._marked = self._marked, widget
        if marked is not None and marked is not widget and isValid(marked):
            _clear_selection(marked)
        if take_focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        from .binder import select_range

        select_range(widget, start, end)
        return True

    def zoom(self, step: int) -> float:
        """Make the text of every paragraph one step larger (1), smaller (-1), or normal (0)."""
        from ..widgets.look import ZOOM_STEPS, set_text_zoom, text_font, text_zoom
        from ..widgets.paragraph_edit import GrowingPlainTextEdit

        # the boxes the binder holds (a box made later takes the zoom when it is made)
        current = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - text_zoom()))
        index = ZOOM_STEPS.index(1.0) if step == 0 else current + step
        factor = ZOOM_STEPS[max(0, min(index, len(ZOOM_STEPS) - 1))]
        set_text_zoom(factor)
        for box in self.binder.text_boxes():
            if not isinstance(box, GrowingPlainTextEdit):
                continue
            holder = box.parentWidget()
            box.setFont(text_font(holder if holder is not None else box))
        for table in self.binder.tables():  # a table's cells are the report's text too
            follow = getattr(table, "follow_zoom", None)
            if follow is not None:
                follow()
        return factor

    def apply_text_edits(
        self, label: str, changes: Sequence[tuple[FieldPath, str]], *, take_focus: bool = True
    ) -> bool:
        """Several text fields changed as one undo step (修复, 全部替换, 数据); False if none.

        The cursor goes to the first place changed: the new text selected after the change
        and 重做, the old one after 撤销 (not the end of the field, far from a filled ``**``).
        ``take_focus=False``: the change is shown there, the keyboard stays where it is (the
        数据 panel, where the next value is typed)."""
        focus = undo_focus = None
        for path, new in changes:
            old = self.model.get(path)
            if isinstance(old, str) and old != new:
                span = TextSpan.between(old, new)
                focus = Focus(path, span.start, span.start + len(span.inserted))
                undo_focus = Focus(path, span.start, span.start + len(span.removed))
                break
        self._quiet_focus = not take_focus
        try:
            return self.history.edit(label, list(changes), focus=focus, undo_focus=undo_focus)
        finally:
            self._quiet_focus = False

    # --- sections: each change one undo step (structure.py, as the tabs' requests) ------

    def add_section(self, index: int | None = None) -> None:
        self.structure.add(("sections",), index)

    def remove_section(self, index: int) -> None:
        self.structure.remove(("sections", index))

    def move_section(self, index: int, delta: int) -> None:
        self.structure.move(("sections", index), delta)

    # --- following the model ------------------------------------------------------------

    def _follow(self, path: FieldPath, old: Any, new: Any) -> None:
        """The model changed at ``path``: bring widgets, counts and titles in line."""
        from ...core.outline import char_count
        from .structure import list_change

        if path == ("sections",):
            change = list_change(old, new)
            if change is None:
                self._rebuild_sections(self._tabs.currentIndex())
            else:
                self._change_section(*change)
            self._renumber_tables()  # a section's tables moved with it
            self._recount_total()
        else:
            page = self._page_for(path)
            if path[0] == "sections" and path[-1] == "children":
                tab = self.section_tabs[int(path[1])]
                if tab.editor is not None:
                    owner = tab.editor.find_editor(path[:-1])
                    if owner is not None:
                        owner.children_changed(old, new)
                self._renumber_tables()
            else:
                self.binder.load(path)
            if path[0] == "sections" and ("tables" in path or path[-1] == "paragraphs"):
                self._tables_follow(path, old, new)
            if isinstance(new, str) and isinstance(old, str):  # one text field: cheap delta
                delta = char_count(new) - char_count(old)
                if page is not None and delta:
                    page.add_chars(delta)
                if delta and path != ("title",):  # the title is not counted (outline rule)
                    self.shown_total += delta
                    self.counts_changed.emit(self.shown_total)
                self._exact_timer.start()  # exact recount once typing pauses
            else:
                if page is not None:
                    page.recount()
                self._recount_total()
            if page is not None:
                page.follow(path)
                self.update_tab_title(page)
        self.changed.emit()

    def _tables_follow(self, path: FieldPath, old: Any, new: Any) -> None:
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
            self._renumber_tables()

    def _renumber_tables(self) -> None:
        numbers = table_numbers(self.model.report)
        for tab in self.section_tabs:
            if tab.editor is not None:
                tab.editor.renumber_tables(numbers)

    def _focus(self, focus: Focus) -> None:
        try:
            value = read_path(self.model.report, focus.path)
        except (AttributeError, IndexError, KeyError, TypeError):
            return
        start, end = focus.span(value if isinstance(value, str) else "")
        self.focus_field(focus.path, start, end, take_focus=not self._quiet_focus)

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
        if (head,) in self.basic.prefixes:
            return self.basic
        return None

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
            for index in range(len(self.model.report.sections)):
                self._insert_section_tab(position, index)
            self._tabs.setCurrentIndex(max(0, min(current, self._tabs.count() - 1)))
        finally:
            self._tabs.blockSignals(False)
        self._on_current_changed(self._tabs.currentIndex())

    def _insert_section_tab(self, position: int, index: int) -> SectionTab:
        from ..tabs.section_tab import SectionTab

        tab = SectionTab(self.ctx, index)
        self.section_tabs.insert(index, tab)
        self._tabs.insertTab(position + index, tab, tab.title())
        tab.recount()
        tab.show_count(self.shown_total)
        return tab

    def _change_section(self, source: int | None, target: int | None) -> None:
        """One section added, removed or moved: only its tab comes, goes or moves; the
        others keep their widgets (re-pathed, re-numbered)."""
        tabs = self._tabs
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
                self._insert_section_tab(position, target)
            elif target is not None and moved is not None:
                tabs.tabBar().moveTab(tabs.indexOf(moved), position + target)
            for tab in self.section_tabs:
                tab.update_buttons()
                self.update_tab_title(tab)
            if current is not None and tabs.indexOf(current) >= 0:
                tabs.setCurrentWidget(current)
        finally:
            tabs.blockSignals(False)
        self._on_current_changed(tabs.currentIndex())

    def _reload(self) -> None:
        """Model → every built widget, without emitting ``changed``."""
        self.binder.load_all()
        for page in self._pages():
            if page.built:
                page.follow(())
            page.recount()
        self._recount_total(force=True)

    def _on_current_changed(self, index: int) -> None:
        page = self._tabs.widget(index)
        if _is_page(page):
            page.ensure_built()
            page.recount()
            page.show_count(self.shown_total)
            self.update_tab_title(page)

    def _recount_total(self, force: bool = False) -> None:
        self._exact_timer.stop()
        total = exact_total(self.model.report)
        if total != self.shown_total or force:
            self.shown_total = total
            self.counts_changed.emit(total)
        page = self._tabs.currentWidget()
        if _is_page(page):
            page.show_count(total)
            self.update_tab_title(page)

    def _ask_confirmation(self, text: str) -> bool:
        from ..widgets.paragraph_list import ask_confirmation  # with the editors that use it

        return ask_confirmation(self, text)

    def _tab_menu(self, pos: QPoint) -> None:
        bar = self._tabs.tabBar()
        page = self._tabs.widget(bar.tabAt(pos))
        menu = QMenu(self)
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


def _clear_selection(widget: QWidget) -> None:
    """No selection left in ``widget``; its cursor stays where it is."""
    if isinstance(widget, QLineEdit):
        widget.deselect()
    elif isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.clearSelection()
        widget.setTextCursor(cursor)


class _Form:
    """The form's parts, made together when it is first needed (ReportEditor._build_form)."""

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
