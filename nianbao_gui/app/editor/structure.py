"""Adding, moving and deleting sections, at every level, one way.

Widgets (a section tab's buttons, a subsection's 上移/下移/删除, the tab menu) emit a request
on ``StructureRequests`` with the path of the section (or of the list it goes into);
``StructureEdits`` turns each into one undo step that replaces that list. The widgets follow
the model: ``list_change`` tells them which one item was inserted, removed or moved, so they
insert, remove or move one widget instead of rebuilding the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...core.fields import FieldPath, quote, read_path
from ...core.model import Section
from ...core.numbering import heading_number
from .commands import Focus, History

LEVEL_NAMES = {2: "二级", 3: "三级", 4: "四级"}


class StructureRequests(QObject):
    add_requested = Signal(object, object)  # the list's path (…"sections"/"children"), index
    move_requested = Signal(object, int)  # the section's path, -1 or +1
    remove_requested = Signal(object)  # the section's path


def list_change(old: Sequence[Any], new: Sequence[Any]) -> tuple[int | None, int | None] | None:
    """``new`` is ``old`` with one item inserted ``(None, i)``, removed ``(i, None)`` or moved
    ``(i, j)`` (items compared by identity); None when it is anything else."""
    n, m = len(old), len(new)
    a = 0
    while a < min(n, m) and old[a] is new[a]:
        a += 1
    if m == n + 1 and all(x is y for x, y in zip(old[a:], new[a + 1 :], strict=True)):
        return (None, a)
    if m == n - 1 and all(x is y for x, y in zip(old[a + 1 :], new[a:], strict=True)):
        return (a, None)
    if m != n or a == n:
        return None
    b = n - 1
    while old[b] is new[b]:
        b -= 1
    if new[a] is old[b] and all(x is y for x, y in zip(old[a:b], new[a + 1 : b + 1], strict=True)):
        return (b, a)
    if new[b] is old[a] and all(x is y for x, y in zip(old[a + 1 : b + 1], new[a:b], strict=True)):
        return (a, b)
    return None


def level_of(list_path: FieldPath) -> int:
    """The level of the sections in the list at ``list_path`` (``("sections",)``: 1)."""
    return sum(1 for step in list_path if step in ("sections", "children"))


def _has_text(section: Section) -> bool:
    return any(s.heading.strip() or any(p.strip() for p in s.paragraphs) for _, s in section.walk())


def place_name(report: Any, path: FieldPath) -> str:
    """``三、强化责任意识 › （一）政法工作。``: the section at ``path``, for questions."""
    names = []
    for end in range(2, len(path) + 1, 2):
        section: Section = read_path(report, path[:end])
        index = path[end - 1]
        assert isinstance(index, int)
        heading = section.heading.strip() or "（未填标题）"
        names.append(heading_number(end // 2, index + 1) + heading)
    return " › ".join(names)


class StructureEdits:
    """Each request one undo step on the list that holds the section."""

    def __init__(self, history: History, confirm: Callable[[str], bool]) -> None:
        self.history = history
        self.confirm = confirm

    def connect(self, requests: StructureRequests) -> None:
        requests.add_requested.connect(self.add)
        requests.move_requested.connect(self.move)
        requests.remove_requested.connect(self.remove)

    def _items(self, list_path: FieldPath) -> list[Section]:
        return list(self.history.model.get(list_path))

    def _step(
        self, label: str, list_path: FieldPath, items: list[Section], focus: Focus, back: Focus
    ) -> None:
        self.history.edit(label, [(list_path, items)], focus=focus, undo_focus=back)

    @staticmethod
    def _heading(list_path: FieldPath, index: int) -> Focus:
        if index < 0:  # before the first: the owner's heading, or the report's title
            return Focus((*list_path[:-1], "heading") if len(list_path) > 1 else ("title",))
        return Focus((*list_path, index, "heading"))

    def add(self, list_path: FieldPath, index: int | None = None) -> None:
        items = self._items(list_path)
        index = len(items) if index is None else max(0, min(index, len(items)))
        # a new heading is written like its siblings: all run-in, or none
        run_in = items[min(index, len(items) - 1)].run_in if items else False
        items.insert(index, Section(paragraphs=[""], run_in=run_in))
        level = level_of(list_path)
        label = "新增一级标题" if level == 1 else f"添加{LEVEL_NAMES[level]}标题"
        here, before = self._heading(list_path, index), self._heading(list_path, index - 1)
        self._step(label, list_path, items, here, before)

    def remove(self, path: FieldPath) -> None:
        list_path, index = path[:-1], path[-1]
        items = self._items(list_path)
        if not isinstance(index, int) or not 0 <= index < len(items):
            return
        section, level = items[index], level_of(list_path)
        first = next((p for _, s in section.walk() for p in s.paragraphs if p.strip()), "")
        said = f"其中第一段是：{quote(first)}\n" if first else ""
        if level == 1:
            name = heading_number(1, index + 1) + (section.heading.strip() or "（未填标题）")
            question = (
                f"确定删除“{name}”吗？\n{said}"
                "这一部分的全部段落和下级标题会一并删除，后面各部分的编号随之改变。"
            )
        else:
            name = heading_number(level, index + 1) + (section.heading or "（无标题）")
            owner = place_name(self.history.model.report, list_path[:-1])
            question = (
                f"确定删除“{owner}”下的“{name}”吗？\n{said}它下面的全部段落和下级标题会一并删除。"
            )
        if _has_text(section) and not self.confirm(question):
            return
        del items[index]
        after = self._heading(list_path, min(index, len(items) - 1))
        self._step(f"删除“{name}”", list_path, items, after, self._heading(list_path, index))

    def move(self, path: FieldPath, delta: int) -> None:
        list_path, index = path[:-1], path[-1]
        items = self._items(list_path)
        if not isinstance(index, int):
            return
        target = index + delta
        if not (0 <= index < len(items) and 0 <= target < len(items)):
            return
        items.insert(target, items.pop(index))
        level = level_of(list_path)
        if level == 1:
            label = f"{'左移' if delta < 0 else '右移'}一级标题"
        else:
            label = f"{'上移' if delta < 0 else '下移'}{LEVEL_NAMES[level]}标题"
        here, there = self._heading(list_path, target), self._heading(list_path, index)
        self._step(label, list_path, items, here, there)
