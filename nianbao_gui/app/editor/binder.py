"""Binds widgets to model fields: a user edit becomes an undo step, a model change the widget.

A binding knows a widget, a *path* to a field (``("sections", 2, "heading")``) and its scope:
- ``report``: an edit is turned into a command on the draft's History (typing into a
  ``TypingCommand``, any other value into an ``EditCommand``); the widget is never the one to
  write the model. The model's ``changed`` signal comes back through ``ReportEditor`` to
  ``Binder.load``, so the widget shows what the model holds, after an undo as after a key.
- ``settings``: the machine's settings (fonts), written directly: they are not part of the
  draft and have no undo.

Every widget type is read, written and watched through one small ``Adapter`` (adapters.py).
A ``ParagraphList`` binds a whole list: typing in one paragraph is a text edit of that item's
path, and its structural requests (split, merge, add, delete, move, paste) are one list value
each.

The binder only binds: counting, titles and previews follow the model in the tabs. It
announces every text box it binds or lets go (``editor_bound`` / ``editor_unbound``, a list's
rows as they come and go), so the undo keys, zoom and 与去年相同 shading attach to each box
as it appears, never by searching the widget tree. A structural edit that moves widgets
re-paths their bindings (``move_prefixes``) instead of binding them again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ...core.fields import FieldPath, read_path, write_path
from ...core.model import describe_validation_error, title_of
from ..widgets.inputs import OneLine
from ..widgets.look import mark_error
from .adapters import (
    ADAPTERS,
    VALUE_ADAPTER,
    Adapter,
    ConversionError,
    adapter_for,
    optional_int,
    select_range,
)
from .commands import Focus, History
from .undo_keys import UndoKeys, route_undo_keys

# the adapters' names stay importable from here (the tabs and tests use them so)
__all__ = [
    "ADAPTERS",
    "Adapter",
    "Binder",
    "Binding",
    "ConversionError",
    "adapter_for",
    "optional_int",
    "select_range",
]


def _message_of(error: ValidationError) -> str:
    # Next to the field the location is obvious: keep only what is wrong.
    lines = describe_validation_error(error).splitlines()
    return "\n".join(line.split("：", 1)[-1] for line in lines)


# --- bindings -------------------------------------------------------------------------------


class Binding:
    """A widget bound to one field. Created by ``Binder.bind``."""

    def __init__(
        self,
        binder: Binder,
        widget: QWidget,
        path: FieldPath,
        *,
        scope: str,
        label: str,
        to_model: Callable[[Any], Any] | None,
        error_label: QLabel | None,
    ) -> None:
        self.binder = binder
        self.widget = widget
        self.path = path
        self.scope = scope
        self.label = label
        self._to_model = to_model
        self.error_label = error_label
        self.is_list = hasattr(widget, "item_edited")
        self.adapter = VALUE_ADAPTER if self.is_list else adapter_for(widget)
        self.boxes: list[QWidget] = []  # the text boxes announced (Binder.editor_bound)
        w: Any = widget
        if self.is_list:
            w.item_edited.connect(self._on_item_edited)
            w.items_requested.connect(self._on_items_requested)
        else:
            self.adapter.signal(widget).connect(self._on_edit)
            if isinstance(widget, QLineEdit) and widget.validator() is None:
                widget.setValidator(OneLine(widget))  # a pasted line break never reaches the draft

    def text_boxes(self) -> list[QWidget]:
        if self.is_list:
            return list(self.widget.text_editors())  # type: ignore[attr-defined]
        return [
            box
            for box in (self.widget, getattr(self.widget, "editor", None))
            if isinstance(box, QLineEdit | QPlainTextEdit)
        ]

    def sync_boxes(self) -> None:
        """Announce the text boxes that appeared since the last time, and those that went."""
        now = self.text_boxes()
        if now == self.boxes:
            return
        gone = [box for box in self.boxes if box not in now]
        new = [box for box in now if box not in self.boxes]
        self.boxes = now
        for box in gone:
            self.binder.editor_unbound.emit(box)
        for box in new:
            self.binder.editor_bound.emit(box)

    def release(self) -> None:
        for box in self.boxes:
            self.binder.editor_unbound.emit(box)
        self.boxes = []

    def model_value(self) -> Any:
        return read_path(self.binder.root(self.scope), self.path)

    def widget_value(self) -> Any:
        value = self.adapter.get(self.widget)
        if isinstance(self.widget, QComboBox):
            current = self.model_value()
            value = type(current)(value) if isinstance(current, Enum) else value
        return self._to_model(value) if self._to_model else value

    def load(self) -> None:
        """Model → widget, with the widget's signals blocked (no edit is reported)."""
        value = self.model_value()
        blocked = self.widget.blockSignals(True)
        try:
            self.adapter.set(self.widget, value)
        finally:
            self.widget.blockSignals(blocked)
        if self.is_list:  # rows come and go with the list: each new box is announced
            self.sync_boxes()
        self.show_error("")

    def load_item(self, index: int) -> None:
        items = self.model_value()
        if 0 <= index < len(items):
            self.widget.set_item(index, items[index])  # type: ignore[attr-defined]

    def show_error(self, message: str) -> None:
        if self.error_label is None:
            return
        if self.error_label.text() != message:
            self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # --- user edits → commands ----------------------------------------------------------

    def _on_edit(self, *_args: Any) -> None:
        if self.binder.loading:
            return
        try:
            value = self.widget_value()
        except ConversionError as error:
            self.show_error(str(error))
            return
        self.binder.commit(self, self.path, value)

    def _on_item_edited(self, index: int, text: str) -> None:
        if not self.binder.loading:
            self.binder.commit(self, (*self.path, index), text)

    def _on_items_requested(
        self, label: str, items: list[str], after: Any, before: Any, sources: Any = None
    ) -> None:
        if self.binder.loading:
            return
        path = self.path
        self.binder.history.edit(
            label,
            [(path, list(items))],
            focus=Focus((*path, after[0]), after[1], after[2]) if after else None,
            undo_focus=Focus((*path, before[0]), before[1], before[2]) if before else None,
            sources=sources,  # which paragraph is which: their ids follow (identity.py)
        )


def _table_boxes(table: QWidget) -> list[QWidget]:
    boxes = getattr(table, "text_boxes", None)
    return list(boxes()) if boxes is not None else []


class Binder(QObject):
    """Holds the bindings of one editor, by path; turns edits into commands."""

    editor_bound = Signal(QWidget)  # a text box now shows a field of the draft
    editor_unbound = Signal(QWidget)  # … no longer (its widget is about to go)
    table_bound = Signal(QWidget)  # a table editor now shows a table of the draft

    def __init__(self, history: History) -> None:
        super().__init__()
        self.history = history
        self.undo_keys = UndoKeys(history)
        self.editor_bound.connect(lambda box: route_undo_keys(box, self.undo_keys))
        self.loading = False
        self._bindings: dict[tuple[str, FieldPath], Binding] = {}
        self._roots: dict[str, Callable[[], Any]] = {"report": lambda: history.model.report}
        self.settings_edited: Callable[[], None] = lambda: None
        self._tables: list[QWidget] = []

    def set_root(self, scope: str, root: Callable[[], Any]) -> None:
        self._roots[scope] = root

    def root(self, scope: str = "report") -> Any:
        return self._roots[scope]()

    def bind(
        self,
        widget: QWidget,
        path: FieldPath,
        *,
        scope: str = "report",
        label: str = "",
        to_model: Callable[[Any], Any] | None = None,
        error_label: QLabel | None = None,
        load: bool = True,
    ) -> Binding:
        if not label:  # the step is named after the field: "修改报告类型"
            name = next((step for step in reversed(path) if isinstance(step, str)), "")
            label = f"修改{title_of(name)}"
        binding = Binding(
            self,
            widget,
            path,
            scope=scope,
            label=label,
            to_model=to_model,
            error_label=error_label,
        )
        self._bindings[(scope, path)] = binding
        if error_label is not None:
            mark_error(error_label)
            error_label.setWordWrap(True)
            error_label.hide()
        if load:
            binding.load()
        binding.sync_boxes()
        return binding

    def text_boxes(self) -> list[QWidget]:
        """Every text box bound now (those announced and not yet let go), a table's too."""
        boxes = [box for binding in self._bindings.values() for box in binding.boxes]
        return boxes + [box for table in self._tables for box in _table_boxes(table)]

    def announce_table(self, editor: QWidget) -> None:
        """A table editor appeared (a section's tables edit through their own commands, not a
        binding): told like a text box, so 与去年相同 shading reaches its cells, and its own
        text boxes (表题, 单位, 注, a cell's editor as it opens) are announced like any."""
        self._tables.append(editor)
        editor.destroyed.connect(lambda *_: self._forget_table(editor))
        self.table_bound.emit(editor)
        for box in _table_boxes(editor):
            self.editor_bound.emit(box)
        opened, closed = getattr(editor, "box_opened", None), getattr(editor, "box_closed", None)
        if opened is not None and closed is not None:
            opened.connect(self.editor_bound)
            closed.connect(self.editor_unbound)

    def withdraw_table(self, editor: QWidget) -> None:
        """The table editor is about to go: its boxes with it."""
        if editor in self._tables:
            for box in _table_boxes(editor):
                self.editor_unbound.emit(box)
        self._forget_table(editor)

    def _forget_table(self, editor: QWidget) -> None:
        if editor in self._tables:
            self._tables.remove(editor)

    def tables(self) -> list[QWidget]:
        """Every table editor announced and not yet gone."""
        return list(self._tables)

    def get(self, path: FieldPath, scope: str = "report") -> Binding | None:
        return self._bindings.get((scope, path))

    def forget_prefix(self, prefix: FieldPath, scope: str = "report") -> None:
        """Drop the bindings under ``prefix`` (their widgets are being rebuilt)."""
        n = len(prefix)
        for key in [k for k in self._bindings if k[0] == scope and k[1][:n] == prefix]:
            self._bindings.pop(key).release()

    def move_prefixes(self, moves: Sequence[tuple[FieldPath, FieldPath]]) -> None:
        """Re-path the bindings under each old prefix to its new one, all at once (moved
        sections keep their widgets; a swap needs no free slot)."""
        moved: dict[tuple[str, FieldPath], Binding] = {}
        for old, new in moves:
            n = len(old)
            for key in [k for k in self._bindings if k[0] == "report" and k[1][:n] == old]:
                binding = self._bindings.pop(key)
                binding.path = (*new, *key[1][n:])
                moved[("report", binding.path)] = binding
        self._bindings.update(moved)

    def load_all(self) -> None:
        self.loading = True
        try:
            for binding in list(self._bindings.values()):
                binding.load()
        finally:
            self.loading = False

    def load(self, path: FieldPath) -> bool:
        """Show the model's value at ``path`` in its widget; False if no widget shows it."""
        self.loading = True
        try:
            binding = self._bindings.get(("report", path))
            if binding is not None:
                binding.load()
                return True
            owner = self._bindings.get(("report", path[:-1])) if path else None
            if owner is not None and owner.is_list and isinstance(path[-1], int):
                owner.load_item(path[-1])
                return True
            return False
        finally:
            self.loading = False

    def commit(self, binding: Binding, path: FieldPath, value: Any) -> None:
        """A user edit: a command for the draft, a direct write for the settings."""
        if binding.scope != "report":
            try:
                write_path(self.root(binding.scope), path, value)
            except ValidationError as error:
                binding.show_error(_message_of(error))
                return
            binding.show_error("")
            self.settings_edited()
            return
        model = self.history.model
        try:
            value = model.probe(path, value)
        except ValidationError as error:
            binding.show_error(_message_of(error))
            return
        binding.show_error("")
        old = model.get(path)
        if isinstance(old, str) and isinstance(value, str):
            self.history.type_text(path, old, value)
        else:
            self.history.edit(
                binding.label, [(path, value)], focus=Focus(path), focus_on_push=False
            )
