"""One tab per first-level section: 一、heading, its paragraphs and its subsections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.fields import FieldPath
from ...core.model import Section
from ...core.numbering import heading_number
from ...core.outline import char_count
from ...core.tables import table_text
from .base import FormContext, TabPage

if TYPE_CHECKING:
    from ..widgets.section_editor import SectionEditor

PLANS_TIP = (
    "这一部分写的是下一年的打算（如“三、2026年工作打算”“存在的不足和下一步打算”）。\n"
    "勾选后体检不把下一年的年份当作错误，而指出沿用上一年报告留下的本年年份；"
    "导出与其他部分相同。"
)


def section_count(section: Section) -> int:
    """Characters of the section: headings, paragraphs and the tables' texts."""
    return sum(
        char_count(s.heading)
        + sum(char_count(p) for p in s.paragraphs)
        + sum(char_count(table_text(t)) for t in s.tables)
        for _, s in section.walk()
    )


class SectionTab(TabPage):
    """The tab asks for changes to the list of sections (``ctx.requests``); the editor decides
    and does them. A section moved keeps its tab: ``set_index`` re-numbers it."""

    def __init__(self, ctx: FormContext, index: int) -> None:
        super().__init__(ctx)
        self.index = index
        self.prefixes = (("sections", index),)
        self.editor: SectionEditor | None = None

    def set_index(self, index: int) -> None:
        """The section is now the ``index``-th (the binder has re-pathed the bindings)."""
        self.index = index
        self.prefixes = (("sections", index),)
        if self.editor is not None:
            self.editor.repath(("sections", index), index + 1)
        self.update_buttons()

    def update_buttons(self) -> None:
        if self.editor is not None:  # built
            self.left.setEnabled(self.index > 0)
            self.right.setEnabled(self.index < len(self.report().sections) - 1)

    def section(self) -> Section:
        return self.report().sections[self.index]

    def title(self) -> str:
        heading = self.section().heading.strip() or "（未填标题）"
        return heading_number(1, self.index + 1) + heading

    def model_count(self) -> int:
        return section_count(self.section())

    def build(self, layout: QVBoxLayout) -> None:
        actions = QHBoxLayout()
        self.left = QPushButton("◀ 左移")
        self.left.setToolTip("把这一部分移到前一部分之前（编号随之改变）")
        self.right = QPushButton("右移 ▶")
        self.right.setToolTip("把这一部分移到后一部分之后（编号随之改变）")
        self.add_after = QPushButton("＋ 在后面新增一级标题")
        self.remove = QPushButton("删除这一部分")
        requests = self.ctx.requests
        self.left.clicked.connect(lambda: requests.move_requested.emit(self.prefixes[0], -1))
        self.right.clicked.connect(lambda: requests.move_requested.emit(self.prefixes[0], 1))
        self.add_after.clicked.connect(
            lambda: requests.add_requested.emit(("sections",), self.index + 1)
        )
        self.remove.clicked.connect(lambda: requests.remove_requested.emit(self.prefixes[0]))
        for button in (self.left, self.right, self.add_after):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.remove)
        layout.addLayout(actions)
        self.holds_plans = QCheckBox("这一部分是今后打算（写下一年的工作）")
        self.holds_plans.setToolTip(PLANS_TIP)
        self.ctx.binder.bind(self.holds_plans, ("sections", self.index, "holds_plans"))
        layout.addWidget(self.holds_plans)
        # imported here: a section tab is built when first shown, and a start shows none
        from ..widgets.section_editor import SectionEditor

        self.editor = SectionEditor(self.ctx, ("sections", self.index), 1, self.index + 1)
        layout.addWidget(self.editor)
        self.update_buttons()

    def _locate_in_table(self, path: FieldPath) -> QWidget | None:
        """A table's cell (``…, "tables", 0, "rows", 2, 1``), 表题, unit or 注: the cell made
        current in its grid, or the line edit."""
        assert self.editor is not None
        at = path.index("tables")
        editor = self.editor.find_editor(path[:at])
        index = path[at + 1] if len(path) > at + 1 else None
        if editor is None or not isinstance(index, int):
            return None
        if not 0 <= index < len(editor.table_editors):
            return None
        editor.expand_ancestors()
        table = editor.table_editors[index]
        self.scroll_to(table)
        rest = path[at + 2 :]
        if rest[:1] == ("rows",) and len(rest) == 3:
            row, column = rest[1], rest[2]
            if isinstance(row, int) and isinstance(column, int):
                table.grid.setCurrentCell(row, column)
            return table.grid
        return {"caption": table.caption, "unit": table.unit, "note": table.note}.get(
            str(rest[0]) if rest else "", table.grid
        )

    def editor_shape(self) -> tuple[object, ...]:
        def shape(editor: object) -> tuple[object, ...]:
            return tuple(shape(child) for child in getattr(editor, "children_editors", []))

        return shape(self.editor)

    def locate(self, path: FieldPath) -> QWidget | None:
        assert self.editor is not None
        if len(path) < 3:
            return None
        if "tables" in path:
            return self._locate_in_table(path)
        field = path[-1] if path[-1] == "heading" else path[-2]
        owner = path[:-1] if field == "heading" else path[:-2]
        editor = self.editor.find_editor(owner)
        if editor is None:
            return None
        editor.expand_ancestors()
        if field == "heading":
            self.scroll_to(editor.heading_edit)
            return editor.heading_edit
        if field != "paragraphs" or not isinstance(path[-1], int):
            return None
        row = editor.paragraphs.row_widget(path[-1])
        if row is None:
            return None
        self.scroll_to(row)
        return editor.paragraphs.editor_at(path[-1])
