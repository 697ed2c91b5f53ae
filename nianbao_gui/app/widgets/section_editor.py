"""A section with its paragraphs and subsections, recursively down to the fourth level.

Level 1 is the whole tab; levels 2–4 (（一） 1． （1）) are framed, collapsible boxes inside
their parent. Numbers are never stored: each editor shows the number of its position. Its
buttons ask (``ctx.requests``) for a subsection to be added, removed or moved, one undo step
on the parent's ``children`` (structure.py); when the model changes there, the parent inserts,
removes or moves that one child editor and re-numbers the others (``children_changed``),
after an undo as after a click.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.fields import FieldPath, read_path, table_numbers
from ...core.model import MAX_DEPTH, Section, Table
from ...core.numbering import heading_number
from ...core.outline import char_count
from ...core.tables import body
from ..editor.structure import list_change, place_name
from ..tabs.base import FormContext
from . import look
from .paragraph_list import ParagraphList, tool_button
from .table_editor import TableEditor

_PLACEHOLDERS = {
    1: "一级标题，如：强化学习意识，提高理论素养",
    2: "二级标题，如：政法工作。",
    3: "三级标题",
    4: "四级标题",
}
_LEVEL_NAMES = {2: "二级", 3: "三级", 4: "四级"}
RUN_IN_TIP = "勾选后，标题与第一段正文写在同一段，如“（一）政法工作。一是……”；标题末尾请带句号。"


class SectionEditor(QFrame):
    def __init__(
        self,
        ctx: FormContext,
        path: FieldPath,
        level: int,
        index: int,
        parent_editor: SectionEditor | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.path = path
        self.level = level
        self.index = index
        self.parent_editor = parent_editor
        self.children_editors: list[SectionEditor] = []
        em = look.em(self)
        if level > 1:
            self.setFrameShape(QFrame.Shape.StyledPanel)

        # header: ▾ number heading [run-in] [上移 下移 删除]
        self.body = QWidget()
        self.toggle = QToolButton()
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolTip("收起或展开这一部分")
        self.toggle.clicked.connect(lambda: self.set_expanded(not self.body.isVisible()))
        self.toggle.setVisible(level > 1)
        self.number_label = QLabel(heading_number(level, index))
        bold = QFont(self.number_label.font())
        bold.setBold(True)
        self.number_label.setFont(bold)
        self.heading_edit = QLineEdit()
        self.heading_edit.setPlaceholderText(_PLACEHOLDERS[level])
        self.heading_edit.setFont(bold)
        self.run_in = QCheckBox("标题与正文同段")
        self.run_in.setToolTip(RUN_IN_TIP)
        header = QHBoxLayout()
        header.setSpacing(em // 2)
        header.addWidget(self.toggle)
        header.addWidget(self.number_label)
        header.addWidget(self.heading_edit, 1)
        self.summary = look.mute(QLabel())  # shown while collapsed: what is hidden
        self.summary.hide()
        header.addWidget(self.summary)
        header.addWidget(self.run_in)
        if level > 1:
            self.up = tool_button("上移", "把这个标题连同内容移到上一个之前")
            self.down = tool_button("下移", "把这个标题连同内容移到下一个之后")
            self.remove = tool_button("删除", "删除这个标题及其下全部内容")
            for button in (self.up, self.down, self.remove):
                header.addWidget(button)
            requests = ctx.requests  # the path is read at click time: a moved box re-paths
            self.up.clicked.connect(lambda: requests.move_requested.emit(self.path, -1))
            self.down.clicked.connect(lambda: requests.move_requested.emit(self.path, 1))
            self.remove.clicked.connect(lambda: requests.remove_requested.emit(self.path))
        self.insert_table = tool_button("插入表格", "在这一部分的最后一段后面插入一个表格")
        self.insert_table.clicked.connect(lambda: self.add_table())
        header.addWidget(self.insert_table)

        # body: paragraphs, subsections, add-subsection button
        body = QVBoxLayout(self.body)
        body.setContentsMargins(em * 2 if level > 1 else 0, 0, 0, 0)
        body.setSpacing(em // 2)
        self.paragraphs = ParagraphList(
            add_text="＋ 添加段落",
            placeholder="正文段落。按回车可在光标处分成两段。",
            empty_hint="这个标题下还没有正文段落。",
        )
        self.paragraphs.confirm = lambda text: self.ctx.confirm(text)
        self.paragraphs.place = self.place_name
        self.paragraphs.offers_tables = True
        self.paragraphs.table_requested.connect(self._paste_table)
        body.addWidget(self.paragraphs)
        self.children_box = QVBoxLayout()
        self.children_box.setContentsMargins(0, 0, 0, 0)
        self.children_box.setSpacing(em)
        body.addLayout(self.children_box)
        self.add_child_button: QPushButton | None = None
        if level < MAX_DEPTH:
            self.add_child_button = QPushButton()
            self.add_child_button.clicked.connect(lambda: self.add_child())
            row = QHBoxLayout()
            row.addWidget(self.add_child_button)
            row.addStretch(1)
            body.addLayout(row)

        layout = QVBoxLayout(self)
        margin = em // 2 if level > 1 else 0
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(em // 2)
        layout.addLayout(header)
        layout.addWidget(self.body)

        binder = ctx.binder
        binder.bind(self.heading_edit, (*path, "heading"))
        binder.bind(self.run_in, (*path, "run_in"))
        binder.bind(self.paragraphs, (*path, "paragraphs"))
        self.table_editors: list[TableEditor] = []
        self.tables_changed()
        self._build_children()
        self._update_buttons()

    # --- model --------------------------------------------------------------------------

    def section(self) -> Section:
        section: Section = read_path(self.ctx.binder.root(), self.path)
        return section

    def place_name(self) -> str:
        """``三、强化责任意识 › （一）政法工作。``: where this section is, for questions."""
        return place_name(self.ctx.binder.root(), self.path)

    # --- subsections: requests (structure.py makes each one undo step) -------------------

    def add_child(self, index: int | None = None) -> None:
        self.ctx.requests.add_requested.emit((*self.path, "children"), index)

    def remove_child(self, index: int) -> None:
        self.ctx.requests.remove_requested.emit((*self.path, "children", index))

    def move_child(self, index: int, delta: int) -> None:
        self.ctx.requests.move_requested.emit((*self.path, "children", index), delta)

    # --- tables: requests (table_structure.py makes each one undo step) -------------------

    def add_table(self, after: int | None = None) -> None:
        """A new 3 × 3 table after paragraph ``after`` (None: the last)."""
        self.ctx.tables.add_requested.emit(self.path, after, None)

    def _paste_table(self, after: int, rows: list[list[str]]) -> None:
        self.ctx.tables.add_requested.emit(self.path, after, rows)

    def tables_changed(
        self, old: list[Table] | None = None, new: list[Table] | None = None
    ) -> None:
        """The model's list of tables (or the paragraphs they follow) changed. One table
        added, removed or moved adds, removes or moves its editor; anything else keeps the
        editors in order. Each editor shows its table again only when it changed."""
        count = len(self.section().tables)
        change = list_change(old, new) if old is not None and new is not None else None
        made: list[TableEditor] = []
        if change is not None:
            source, target = change
            moved = self.table_editors.pop(source) if source is not None else None
            if moved is not None and target is None:
                self._drop_table_editor(moved)
            if target is not None:
                editor = moved or self._new_table_editor()
                made += [] if moved else [editor]
                self.table_editors.insert(target, editor)
        while len(self.table_editors) > count:
            self._drop_table_editor(self.table_editors.pop())
        while len(self.table_editors) < count:
            made.append(self._new_table_editor())
            self.table_editors.append(made[-1])
        for i, editor in enumerate(self.table_editors):
            editor.path = (*self.path, "tables", i)
        self._show_tables()
        for editor in made:  # once it shows its table: 与去年相同 shading may reach its cells
            self.ctx.binder.announce_table(editor)

    def table_changed(self, index: int) -> None:
        """Table ``index`` changed inside (cells, rows, 表题, where it stands): only its
        editor follows."""
        if 0 <= index < len(self.table_editors):
            self._show_tables(only=index)

    def _new_table_editor(self) -> TableEditor:
        return TableEditor(self.ctx.tables)

    def _drop_table_editor(self, editor: TableEditor) -> None:
        self.ctx.binder.withdraw_table(editor)
        editor.deleteLater()

    def _show_tables(self, only: int | None = None) -> None:
        """Each table editor shows its table where it stands: table ``only`` again, or
        (None) each one whose table is another object or number than it shows."""
        section = self.section()
        numbers = table_numbers(self.ctx.report())
        places: list[tuple[int, QWidget]] = []
        last = -1
        for kind, i in body(section):
            if kind == "paragraph":
                last = i
                continue
            editor = self.table_editors[i]
            number = numbers.get((*self.path, "tables", i), i + 1)
            # ``only``: a cell may have changed inside the same Table object, shown again
            stale = editor.table is not section.tables[i] or editor.number != number
            if i == only or (only is None and stale):
                editor.set_table(section.tables[i], number)
            places.append((last, editor))
        if places != self.paragraphs.attachments:
            self.paragraphs.set_attachments(places)

    def renumber_tables(self, numbers: dict[FieldPath, int]) -> None:
        """Tables elsewhere came or went: this section's (and its subsections') show their
        number in the whole report (表1, 表2 …)."""
        for i, editor in enumerate(self.table_editors):
            editor.set_number(numbers.get((*self.path, "tables", i), i + 1))
        for child in self.children_editors:
            child.renumber_tables(numbers)

    # --- following the model --------------------------------------------------------------

    def repath(self, path: FieldPath, index: int) -> None:
        """This section moved to ``path`` (the binder has re-pathed its bindings)."""
        self.path, self.index = path, index
        self.number_label.setText(heading_number(self.level, index))
        for i, table in enumerate(self.table_editors):
            table.path = (*path, "tables", i)
        for i, child in enumerate(self.children_editors):
            child.repath((*path, "children", i), i + 1)

    def children_changed(
        self, old: list[Section] | None = None, new: list[Section] | None = None
    ) -> None:
        """The model's children here changed: one added, removed or moved changes only that
        editor (the others keep their state, a collapsed box stays collapsed); anything else
        rebuilds them. Numbers follow."""
        change = list_change(old, new) if old is not None and new is not None else None
        if change is None:
            self._build_children()
        else:
            self._change_child(*change)
        self._update_buttons()

    def _change_child(self, source: int | None, target: int | None) -> None:
        children = (*self.path, "children")
        slots: list[SectionEditor | None] = list(self.children_editors)
        moved = slots.pop(source) if source is not None else None
        if moved is not None:
            self.children_box.removeWidget(moved)
            if target is None:  # removed
                self.ctx.binder.forget_prefix(moved.path)
                moved.deleteLater()
        if target is not None:
            slots.insert(target, moved)  # None: the new one, made once its siblings moved
        shifted = [(i, e) for i, e in enumerate(slots) if e is not None and e.index != i + 1]
        self.ctx.binder.move_prefixes([(e.path, (*children, i)) for i, e in shifted])
        for i, e in shifted:
            e.repath((*children, i), i + 1)
        if target is not None:
            editor = slots[target] or SectionEditor(
                self.ctx, (*children, target), self.level + 1, target + 1, parent_editor=self
            )
            slots[target] = editor
            self.children_box.insertWidget(target, editor)
        self.children_editors = [e for e in slots if e is not None]
        self._update_child_buttons()

    def _build_children(self) -> None:
        self.ctx.binder.forget_prefix((*self.path, "children"))
        for editor in self.children_editors:
            self.children_box.removeWidget(editor)
            editor.deleteLater()
        self.children_editors = []
        for i, _child in enumerate(self.section().children):
            editor = SectionEditor(
                self.ctx, (*self.path, "children", i), self.level + 1, i + 1, parent_editor=self
            )
            self.children_editors.append(editor)
            self.children_box.addWidget(editor)
        self._update_child_buttons()

    def _update_child_buttons(self) -> None:
        last = len(self.children_editors)
        for editor in self.children_editors:
            editor.up.setEnabled(editor.index > 1)
            editor.down.setEnabled(editor.index < last)

    def _update_buttons(self) -> None:
        if self.add_child_button is not None:
            n = len(self.children_editors) + 1
            name = _LEVEL_NAMES[self.level + 1]
            self.add_child_button.setText(f"＋ 添加{name}标题 {heading_number(self.level + 1, n)}")

    # --- display ------------------------------------------------------------------------

    def set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        if not expanded:
            walked = self.section().walk()
            paragraphs = sum(len(s.paragraphs) for _, s in walked)
            chars = sum(char_count(t) for _, s in walked for t in s.paragraphs)
            below = f"，{len(walked) - 1} 个下级标题" if len(walked) > 1 else ""
            self.summary.setText(f"（已收起：{paragraphs} 段，{chars} 字{below}）")
        self.summary.setVisible(not expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)

    def is_expanded(self) -> bool:
        return not self.body.isHidden()

    def find_editor(self, path: FieldPath) -> SectionEditor | None:
        """The editor of the section at ``path`` (this one or below)."""
        if path == self.path:
            return self
        n = len(self.path)
        if path[:n] != self.path or len(path) < n + 2 or path[n] != "children":
            return None
        index = path[n + 1]
        if isinstance(index, int) and 0 <= index < len(self.children_editors):
            return self.children_editors[index].find_editor(path)
        return None

    def expand_ancestors(self) -> None:
        editor: SectionEditor | None = self
        while editor is not None:
            editor.set_expanded(True)
            editor = editor.parent_editor
