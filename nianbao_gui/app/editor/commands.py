"""Undo steps: every change to the open report is one of these, pushed on its QUndoStack.

- ``TypingCommand``: one text field changed by the keyboard. Consecutive keystrokes that
  continue where the last one ended merge into one step, as Word records a run of typing
  (a selection typed over is one step with the keys that follow it, too).
  It stores only the changed span (start, removed, inserted), so 10,000 keystrokes in a long
  paragraph cost the characters typed, not 10,000 copies of the paragraph.
- ``EditCommand``: any other change (Enter split, Backspace merge, add/delete/move, a value
  from a combo box, 修复, 全部替换): one or more values replaced at their paths.

Undo restores the exact value and asks the window to put the cursor where the change was
(``History.focus_requested``). The first ``redo`` (inside ``push``) moves no focus: the user
is already there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...core.fields import FieldPath
from ...core.identity import JOINED, carry_ids, ids_path
from ...core.model import Section, new_id
from .report_model import ReportModel

UNDO_LIMIT = 1000
"""Steps kept. Typing is stored as spans, so this bounds the memory (see benchmarks)."""

Sources = Sequence[int | tuple[int, ...] | None]
"""For each paragraph of a new list, which old one(s) it is (identity.carry_ids)."""

_TYPING_ID = 1
_VALUE_ID = 2


@dataclass(frozen=True)
class Focus:
    """Where the cursor goes after an undo or redo: a field and a selection in it."""

    path: FieldPath
    start: int = -1  # -1: the end of the text
    end: int = -1  # -1: same as start

    def span(self, text: str) -> tuple[int, int]:
        start = len(text) if self.start < 0 else self.start
        return start, start if self.end < 0 else self.end


@dataclass(frozen=True)
class ValueChange:
    path: FieldPath
    old: Any
    new: Any
    old_ids: list[str] | None = None  # a list of paragraphs: their identities before and after
    new_ids: list[str] | None = None

    def apply(self, model: ReportModel, forward: bool) -> None:
        ids = self.new_ids if forward else self.old_ids
        model.set(self.path, self.new if forward else self.old, list(ids) if ids else ids)


@dataclass(frozen=True)
class TextSpan:
    """``text[start:start+len(removed)]`` became ``inserted``."""

    start: int
    removed: str
    inserted: str

    @classmethod
    def between(cls, old: str, new: str) -> TextSpan:
        prefix = 0
        limit = min(len(old), len(new))
        while prefix < limit and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
            suffix += 1
        return cls(prefix, old[prefix : len(old) - suffix], new[prefix : len(new) - suffix])

    @property
    def kind(self) -> str:
        if not self.removed:
            return "insert"
        return "delete" if not self.inserted else "replace"


class History(QObject):
    """The undo stack of the open draft, and where undo wants the cursor."""

    focus_requested = Signal(object)  # Focus

    def __init__(self, model: ReportModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)
        self._pushing = False

    def clear(self) -> None:
        self.stack.clear()

    def push(self, command: QUndoCommand) -> None:
        self._pushing = True
        try:
            if not self._merge_in_place(command):
                self.stack.push(command)
        finally:
            self._pushing = False

    def _merge_in_place(self, command: QUndoCommand) -> bool:
        """Do here what ``QUndoStack.push`` does with a step that merges into the one before.

        PySide6 (6.11) never frees the Python object of a command that ``push`` merged away:
        Qt deletes it inside the call, then PySide makes it a child of the stack. With every
        keystroke of a run merging, that leaked ~0.4 KiB per keystroke, unbounded
        (benchmarks/bench_undo.py). Merged here, the command never reaches Qt. Left to Qt:
        a stack with steps to redo, the clean step, and merges that cancel out (obsolete).
        """
        stack = self.stack
        index = stack.index()
        if command.id() == -1 or index == 0 or index != stack.count():
            return False
        if index == stack.cleanIndex():  # Qt does not merge into the saved step either
            return False
        top = stack.command(index - 1)
        if not isinstance(top, (TypingCommand, EditCommand)) or top.id() != command.id():
            return False
        if not top.merges_cleanly(command):
            return False
        command.redo()  # as push does: the change first, then the merge
        merged = top.mergeWith(command)
        assert merged
        return True

    def request_focus(self, focus: Focus | None, *, on_push: bool = False) -> None:
        if focus is not None and (on_push or not self._pushing):
            self.focus_requested.emit(focus)

    # --- the steps the editor makes --------------------------------------------------------

    def type_text(self, path: FieldPath, old: str, new: str) -> None:
        if old != new:
            self.push(TypingCommand(self, path, TextSpan.between(old, new)))

    def edit(
        self,
        label: str,
        changes: Sequence[tuple[FieldPath, Any]],
        *,
        focus: Focus | None = None,
        undo_focus: Focus | None = None,
        focus_on_push: bool = True,
        sources: Sources | None = None,
    ) -> bool:
        """One step that sets each path to its new value; False when nothing changes.

        ``focus_on_push=False`` for a value typed or picked in its own widget: the cursor is
        already there and must stay where the user put it. ``sources``: for a list of
        paragraphs, which old paragraph each new one is (identity.carry_ids); the step keeps
        the ids before and after, so undo gives each paragraph back its own."""
        steps = []
        for path, new in changes:
            old = self.model.get(path)
            step = self._change(path, old, new, sources)
            if old != new or step.old_ids != step.new_ids:  # twins swapped: only ids move
                steps.append(step)
        if not steps:
            return False
        steps += [moved for step in steps if (moved := self._tables_follow(step)) is not None]
        first = steps[0].path
        self.push(
            EditCommand(
                self,
                label,
                steps,
                focus=focus or Focus(first),
                undo_focus=undo_focus or focus or Focus(first),
                focus_on_push=focus_on_push,
            )
        )
        return True

    def _tables_follow(self, step: ValueChange) -> ValueChange | None:
        """A section's paragraphs changed: a table that stood after a paragraph now gone
        (deleted, or joined into another) stands after the one before it, in the same step."""
        if step.path[-1:] != ("paragraphs",) or step.new_ids is None or step.old_ids is None:
            return None
        owner = self.model.get(step.path[:-1])
        if not isinstance(owner, Section) or not owner.tables:
            return None
        tables = [
            table.model_copy(update={"after": _anchor(table.after, step.old_ids, step.new_ids)})
            for table in owner.tables
        ]
        if [t.after for t in tables] == [t.after for t in owner.tables]:
            return None
        return ValueChange((*step.path[:-1], "tables"), list(owner.tables), tables)

    def _change(self, path: FieldPath, old: Any, new: Any, sources: Sources | None) -> ValueChange:
        where = ids_path(path)
        if where is not None and isinstance(old, list) and isinstance(new, list):
            old_ids = list(self.model.get(where))
            new_ids = carry_ids(old, old_ids, new, sources)
            return ValueChange(path, _detached(old), new, old_ids, new_ids)
        if isinstance(new, list) and any(isinstance(item, Section) for item in new):
            _give_ids(new)  # a new section (added, or from elsewhere) gets its own
        return ValueChange(path, _detached(old), new)


def _anchor(after: str, old_ids: Sequence[str], new_ids: Sequence[str]) -> str:
    """Where a table anchored to paragraph ``after`` stands once ``old_ids`` became
    ``new_ids``: the same paragraph, the one it was joined into, or the nearest one before
    it that is still there (empty: before the first)."""

    def now(pid: str) -> str | None:
        for new in new_ids:
            if new == pid or pid in new.split(JOINED):
                return new
        return None

    if not after or now(after) is not None:
        return now(after) or after
    index = list(old_ids).index(after) if after in old_ids else -1
    for pid in reversed(list(old_ids)[:index] if index >= 0 else []):
        found = now(pid)
        if found is not None:
            return found
    return "" if index >= 0 else after


def _give_ids(sections: list[Any]) -> None:
    """Ids for sections that have none yet, and for their paragraphs (new objects)."""
    for section in sections:
        if not isinstance(section, Section):
            continue
        if not section.id:
            section.id = new_id()
        if len(section.paragraph_ids) != len(section.paragraphs):
            section.paragraph_ids = carry_ids([], [], section.paragraphs)
        _give_ids(section.children)


def _detached(value: Any) -> Any:
    """The old value as it is now: a list is copied (the model may change it in place later),
    its sections are kept as they are (only commands change them, in stack order)."""
    return list(value) if isinstance(value, list) else value


class EditCommand(QUndoCommand):
    def __init__(
        self,
        history: History,
        label: str,
        changes: list[ValueChange],
        *,
        focus: Focus | None,
        undo_focus: Focus | None,
        focus_on_push: bool = True,
    ) -> None:
        super().__init__(label)
        self.history = history
        self.changes = changes
        self.focus = focus
        self.undo_focus = undo_focus
        self.focus_on_push = focus_on_push

    def id(self) -> int:
        # a value set in its own widget (a date picked, then changed again) merges with the
        # step before it on the same field, as typing does
        return _VALUE_ID if not self.focus_on_push and len(self.changes) == 1 else -1

    def _merged(self, other: QUndoCommand) -> ValueChange | None:
        if not isinstance(other, EditCommand) or other.id() != self.id():
            return None
        (mine,), (theirs,) = self.changes, other.changes
        if mine.path != theirs.path:
            return None
        return ValueChange(mine.path, mine.old, theirs.new)

    def merges_cleanly(self, other: QUndoCommand) -> bool:
        """``mergeWith(other)`` would succeed and leave a step that still changes something."""
        merged = self._merged(other)
        return merged is not None and merged.old != merged.new

    def mergeWith(self, other: QUndoCommand) -> bool:
        merged = self._merged(other)
        if merged is None:
            return False
        self.changes = [merged]
        if merged.old == merged.new:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        for change in self.changes:
            change.apply(self.history.model, True)
        self.history.request_focus(self.focus, on_push=self.focus_on_push)

    def undo(self) -> None:
        for change in reversed(self.changes):
            change.apply(self.history.model, False)
        self.history.request_focus(self.undo_focus)


class TypingCommand(QUndoCommand):
    def __init__(self, history: History, path: FieldPath, span: TextSpan) -> None:
        super().__init__("输入")
        self.history = history
        self.path = path
        self.span = span
        self.keys = 1  # the edits merged into this step

    def id(self) -> int:
        return _TYPING_ID

    def _apply(self, remove: str, insert: str) -> None:
        model = self.history.model
        text: str = model.get(self.path)
        start = self.span.start
        model.set(self.path, text[:start] + insert + text[start + len(remove) :])

    def redo(self) -> None:
        self._apply(self.span.removed, self.span.inserted)
        end = self.span.start + len(self.span.inserted)
        self.history.request_focus(Focus(self.path, end))

    def undo(self) -> None:
        self._apply(self.span.inserted, self.span.removed)
        end = self.span.start + len(self.span.removed)
        self.history.request_focus(Focus(self.path, end))

    def _merged(self, other: QUndoCommand) -> TextSpan | None:
        if not isinstance(other, TypingCommand) or other.path != self.path:
            return None
        mine, next_ = self.span, other.span
        end = mine.start + len(mine.inserted)
        if next_.kind == "insert" and mine.kind != "delete" and next_.start == end:
            # typing on: the run grows at its end
            return TextSpan(mine.start, mine.removed, mine.inserted + next_.inserted)
        if (
            next_.kind == "insert"
            and mine.kind == "delete"
            and self.keys == 1
            and len(mine.removed) > 1
            and mine.start <= next_.start <= mine.start + 1
        ):
            # a selection typed over by a key it starts or ends with ("28.6" selected, "2"
            # or "6" typed) reads as a deletion beside that key: the keys that follow go on
            # with the run, the key itself (``kept``, still in the text) taken into it
            text: str = self.history.model.get(self.path)
            kept = text[mine.start : next_.start]
            return TextSpan(mine.start, mine.removed + kept, kept + next_.inserted)
        if mine.kind == "delete" and next_.kind == "delete":
            if next_.start + len(next_.removed) == mine.start:  # Backspace again
                return TextSpan(next_.start, next_.removed + mine.removed, "")
            if next_.start == mine.start:  # Delete again
                return TextSpan(mine.start, mine.removed + next_.removed, "")
        return None

    def merges_cleanly(self, other: QUndoCommand) -> bool:
        """``mergeWith(other)`` would succeed and leave a step that still changes something."""
        merged = self._merged(other)
        return merged is not None and merged.removed != merged.inserted

    def mergeWith(self, other: QUndoCommand) -> bool:
        merged = self._merged(other)
        if merged is None:
            return False
        self.span = merged
        self.keys += other.keys if isinstance(other, TypingCommand) else 1
        if merged.removed == merged.inserted:
            self.setObsolete(True)
        return True
