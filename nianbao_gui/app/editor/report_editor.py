"""The report form: one tab per part of the report, following the open draft's model.

Tabs: 基本信息, 开篇, one per first-level section (``一、`` + heading), 结尾. Data flows one
way: a user action becomes a command on the draft's ``History`` (commands.py), the command
changes the ``ReportModel``, and ``_follow`` brings the widgets, counts and tab titles in line
with the model. Tabs emit requests (move, delete, add a section); they never change the model
or call this editor. Section tabs are built when first opened, so a long report opens quickly;
the form itself when first needed (a draft given, the form shown), not behind the welcome page.
The form's widgets and how its tabs follow a change are in form.py; zoom in zoom.py.

Counting: each change moves the total by the changed text's difference at once (cheap), and
an exact recount by the ``outline`` rule (heading numbers, 一是…, the date line included) runs
once typing pauses; ``total_chars()`` is always exact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeGuard

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTabWidget, QWidget
from shiboken6 import isValid

from ...core.fields import FieldPath, read_path
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
    from .form import Form
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
        self._form: Form | None = None

    def _build_form(self) -> Form:
        from .form import build_form

        form = build_form(
            self,
            self.history,
            lambda: self._settings,
            self.settings_changed.emit,
            lambda text: self.confirm(text),
        )
        form.tabs.currentChanged.connect(self._on_current_changed)
        self._form = form
        self._rebuild_sections(0)
        self._reload()
        return form

    def _built(self) -> Form:
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
            bar = page.scroll_area.verticalScrollBar()
            QTimer.singleShot(0, bar, lambda: bar.setValue(scroll))  # not if the page went

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

    def open_place(self, path: FieldPath, start: int, end: int) -> None:
        """Show ``path`` with ``[start, end)`` selected to be typed over (a row of 体检, 数据 or
        与去年相同, a match of 查找): in a table cell, in the cell's editor, opened; with the
        cell only made current, the next keys replaced the whole cell (约**亿元 → 5)."""
        from ..widgets.table_grid import CellGrid
        from .binder import select_range

        if self.focus_field(path, start, end) and start < end:
            grid = self._marked
            if isinstance(grid, CellGrid):
                select_range(grid.open_current(), start, end)

    def zoom(self, step: int) -> float:
        """Make the text of every paragraph one step larger (1), smaller (-1), or normal (0)."""
        from .zoom import zoom_text

        return zoom_text(self.binder, step)

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
        self._built().tables_follow(self.model.report, path, old, new)

    def _renumber_tables(self) -> None:
        self._built().renumber_tables(self.model.report)

    def _focus(self, focus: Focus) -> None:
        try:
            value = read_path(self.model.report, focus.path)
        except (AttributeError, IndexError, KeyError, TypeError):
            return
        start, end = focus.span(value if isinstance(value, str) else "")
        self.focus_field(focus.path, start, end, take_focus=not self._quiet_focus)

    def update_tab_title(self, page: TabPage) -> None:
        self._built().update_tab_title(page)

    # --- internals ----------------------------------------------------------------------

    def _pages(self) -> list[TabPage]:
        return self._built().pages()

    def _page_for(self, path: FieldPath) -> TabPage | None:
        return self._built().page_for(path)

    def _rebuild_sections(self, current: int) -> None:
        """Replace all section tabs by fresh, not yet built ones; select tab ``current``."""
        count = len(self.model.report.sections)
        self._built().rebuild_sections(count, current)
        self._on_current_changed(self._tabs.currentIndex())

    def _change_section(self, source: int | None, target: int | None) -> None:
        """One section added, removed or moved: only its tab comes, goes or moves."""
        self._built().change_section(source, target)
        self._on_current_changed(self._tabs.currentIndex())

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
            self.update_tab_title(page)

    def _recount_total(self, force: bool = False) -> None:
        self._exact_timer.stop()
        total = exact_total(self.model.report)
        if total != self.shown_total or force:
            self.shown_total = total
            self.counts_changed.emit(total)
        page = self._tabs.currentWidget()
        if _is_page(page):
            self.update_tab_title(page)

    def _ask_confirmation(self, text: str) -> bool:
        from ..widgets.paragraph_list import ask_confirmation  # with the editors that use it

        return ask_confirmation(self, text)


def _clear_selection(widget: QWidget) -> None:
    """No selection left in ``widget``; its cursor stays where it is."""
    if isinstance(widget, QLineEdit):
        widget.deselect()
    elif isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.clearSelection()
        widget.setTextCursor(cursor)
