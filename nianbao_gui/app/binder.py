"""One small mechanism that binds a widget to a model field, both ways.

A binding knows a widget, a *path* to a field (``("sections", 2, "heading")``) and the root
object the path starts from (the report, or the settings). Paths are resolved on every access,
so an outside change that replaces a nested object (a 体检 fix, a refresh) is picked up, and a
section moved elsewhere simply gets new bindings when its editor is rebuilt.

- user edit → the value is converted, assigned (pydantic validates the assignment), the
  field's error label is cleared or filled in Chinese, and ``Binder.edited`` callbacks run;
- ``load()`` → the model value is put into the widget with its signals blocked, so loading a
  report never looks like an edit.

Widgets bind by type: QLineEdit, QPlainTextEdit, QCheckBox, QComboBox (enum data), QSpinBox,
QDateEdit, and any widget with ``value()``, ``set_value()`` and an ``edited`` signal (the
paragraph editor, the optional date). Lists of paragraphs bind through ``ParagraphList``, which
reports single-item edits so that a keystroke changes one string in place instead of copying
the whole list. The tabs only declare bindings; no field is copied by hand.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ..core.fields import FieldPath, read_path, write_path
from ..core.model import describe_validation_error
from ..core.outline import char_count
from .widgets.look import mark_error


class ConversionError(ValueError):
    """The widget holds text that cannot become the field's type; the message is Chinese."""


def optional_int(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ConversionError("应填写数字，如 2025") from None


def _message_of(error: ValidationError) -> str:
    # Next to the field the location is obvious: keep only what is wrong.
    lines = describe_validation_error(error).splitlines()
    return "\n".join(line.split("：", 1)[-1] for line in lines)


def _to_utf16(text: str, index: int) -> int:
    """Qt positions count UTF-16 units; Python indexes count code points."""
    index = max(0, min(index, len(text)))
    return len(text[:index].encode("utf-16-le")) // 2


def select_range(widget: QWidget, start: int, end: int) -> None:
    """Select ``text[start:end]`` in a line edit or plain text edit (scrolling to it)."""
    if isinstance(widget, QLineEdit):
        text = widget.text()
        a, b = _to_utf16(text, start), _to_utf16(text, end)
        widget.setSelection(a, b - a) if b > a else widget.setCursorPosition(a)
    elif isinstance(widget, QPlainTextEdit):
        text = widget.toPlainText()
        cursor = widget.textCursor()
        cursor.setPosition(_to_utf16(text, start))
        cursor.setPosition(_to_utf16(text, max(start, end)), cursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()


class Binding:
    """A widget bound to one field. Created by ``Binder.bind``."""

    def __init__(
        self,
        binder: Binder,
        widget: QWidget,
        path: FieldPath,
        root: Callable[[], Any],
        *,
        scope: str,
        to_model: Callable[[Any], Any] | None,
        from_model: Callable[[Any], Any] | None,
        error_label: QLabel | None,
        counter: Callable[[int], None] | None,
        after: Callable[[], None] | None,
    ) -> None:
        self.binder = binder
        self.widget = widget
        self.path = path
        self.scope = scope
        self._root = root
        self._to_model = to_model
        self._from_model = from_model
        self.error_label = error_label
        self.counter = counter
        self.after = after
        self.count = 0
        self.item_counts: list[int] = []  # for list bindings
        self._connect()

    # --- model side ---------------------------------------------------------------------

    def model_value(self) -> Any:
        return read_path(self._root(), self.path)

    def _write(self, value: Any) -> bool:
        try:
            write_path(self._root(), self.path, value)
        except ValidationError as error:
            self.show_error(_message_of(error))
            return False
        self.show_error("")
        return True

    # --- widget side --------------------------------------------------------------------

    def _connect(self) -> None:
        w: Any = self.widget
        if hasattr(w, "item_edited"):  # ParagraphList
            w.item_edited.connect(self._on_item_edited)
            w.structure_changed.connect(self._on_structure_changed)
        elif hasattr(w, "edited") and hasattr(w, "set_value"):
            w.edited.connect(self._on_edit)
        elif isinstance(w, QLineEdit):
            w.textEdited.connect(self._on_edit)  # user edits only, never setText
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(self._on_edit)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(self._on_edit)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(self._on_edit)
        elif isinstance(w, QSpinBox):
            w.valueChanged.connect(self._on_edit)
        elif isinstance(w, QDateEdit):
            w.dateChanged.connect(self._on_edit)
        else:
            raise TypeError(f"cannot bind {type(w).__name__}")

    def widget_value(self) -> Any:
        w: Any = self.widget
        if hasattr(w, "set_value"):
            value: Any = w.value()
        elif isinstance(w, QLineEdit):
            value = w.text()
        elif isinstance(w, QPlainTextEdit):
            value = w.toPlainText()
        elif isinstance(w, QCheckBox):
            value = w.isChecked()
        elif isinstance(w, QComboBox):
            current = self.model_value()
            data = w.currentData()
            value = type(current)(data) if isinstance(current, Enum) else data
        elif isinstance(w, QSpinBox):
            value = None if w.specialValueText() and w.value() == w.minimum() else w.value()
        elif isinstance(w, QDateEdit):
            value = w.date().toPython()
        return self._to_model(value) if self._to_model else value

    def _put(self, value: Any) -> None:
        w: Any = self.widget
        if self._from_model:
            value = self._from_model(value)
        if hasattr(w, "set_value"):
            w.set_value(value)
        elif isinstance(w, QLineEdit):
            text = "" if value is None else str(value)
            if w.text() != text:
                w.setText(text)
        elif isinstance(w, QPlainTextEdit):
            if w.toPlainText() != value:
                w.setPlainText(value)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            data = value.value if isinstance(value, Enum) else value
            w.setCurrentIndex(max(0, w.findData(data)))
        elif isinstance(w, QSpinBox):
            w.setValue(w.minimum() if value is None else int(value))
        elif isinstance(w, QDateEdit) and isinstance(value, _dt.date):
            w.setDate(QDate(value.year, value.month, value.day))

    def load(self) -> None:
        """Model → widget, with the widget's signals blocked (no edit is reported)."""
        value = self.model_value()
        blocked = self.widget.blockSignals(True)
        try:
            self._put(value)
        finally:
            self.widget.blockSignals(blocked)
        self.show_error("")
        self._recount(value)

    def _recount(self, value: Any) -> None:
        if isinstance(value, str):
            self.count = char_count(value)
        elif isinstance(value, list):
            self.item_counts = [char_count(item) for item in value if isinstance(item, str)]
            self.count = sum(self.item_counts)

    def show_error(self, message: str) -> None:
        if self.error_label is None:
            return
        if self.error_label.text() != message:
            self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # --- user edits ---------------------------------------------------------------------

    def _on_edit(self, *_args: Any) -> None:
        if self.binder.loading:
            return
        try:
            value = self.widget_value()
        except ConversionError as error:
            self.show_error(str(error))
            return
        if not self._write(value):
            return
        old = self.count
        if isinstance(value, str):
            self.count = char_count(value)
        self._finish(self.count - old)

    def _on_item_edited(self, index: int, text: str) -> None:
        if self.binder.loading:
            return
        items = self.model_value()
        items[index] = text  # in place: one keystroke must not copy the whole list
        new = char_count(text)
        delta = new - self.item_counts[index]
        self.item_counts[index] = new
        self.count += delta
        self._finish(delta)

    def _on_structure_changed(self) -> None:
        if self.binder.loading:
            return
        old = self.count
        if not self._write(list(self.widget.value())):  # type: ignore[attr-defined]
            return
        self._recount(self.model_value())
        self._finish(self.count - old, structural=True)

    def _finish(self, delta: int, structural: bool = False) -> None:
        if delta and self.counter is not None:
            self.counter(delta)
        if self.after is not None:
            self.after()
        self.binder.report_edit(self, delta, structural)


class Binder:
    """Holds the bindings of one editor, by path; reports edits to its listeners."""

    def __init__(self) -> None:
        self.loading = False
        self._bindings: dict[tuple[str, FieldPath], Binding] = {}
        self._roots: dict[str, Callable[[], Any]] = {}
        self.listeners: list[Callable[[Binding, int, bool], None]] = []

    def set_root(self, scope: str, root: Callable[[], Any]) -> None:
        self._roots[scope] = root

    def bind(
        self,
        widget: QWidget,
        path: FieldPath,
        *,
        scope: str = "report",
        to_model: Callable[[Any], Any] | None = None,
        from_model: Callable[[Any], Any] | None = None,
        error_label: QLabel | None = None,
        counter: Callable[[int], None] | None = None,
        after: Callable[[], None] | None = None,
        load: bool = True,
    ) -> Binding:
        root = self._roots[scope]
        binding = Binding(
            self,
            widget,
            path,
            root,
            scope=scope,
            to_model=to_model,
            from_model=from_model,
            error_label=error_label,
            counter=counter,
            after=after,
        )
        self._bindings[(scope, path)] = binding
        if error_label is not None:
            mark_error(error_label)
            error_label.setWordWrap(True)
            error_label.hide()
        if load:
            binding.load()
        return binding

    def root(self, scope: str = "report") -> Any:
        return self._roots[scope]()

    def get(self, path: FieldPath, scope: str = "report") -> Binding | None:
        return self._bindings.get((scope, path))

    def forget_prefix(self, prefix: FieldPath, scope: str = "report") -> None:
        """Drop the bindings under ``prefix`` (their widgets are being rebuilt)."""
        n = len(prefix)
        for key in [k for k in self._bindings if k[0] == scope and k[1][:n] == prefix]:
            del self._bindings[key]

    def load_all(self) -> None:
        self.loading = True
        try:
            for binding in list(self._bindings.values()):
                binding.load()
        finally:
            self.loading = False

    def report_edit(self, binding: Binding, delta: int, structural: bool) -> None:
        for listener in self.listeners:
            listener(binding, delta, structural)


class FormContext:
    """What the widgets of one tab share: the binder, the confirmation, the tab's counter.

    ``confirm`` and the callbacks are looked up at call time, so a test can replace
    ``ReportEditor.confirm`` after the tabs are built.
    """

    def __init__(
        self,
        binder: Binder,
        confirm: Callable[[str], bool],
        counter: Callable[[int], None],
        on_structure: Callable[[], None],
        on_heading: Callable[[], None] | None = None,
    ) -> None:
        self.binder = binder
        self.confirm = confirm
        self.counter = counter
        self.on_structure = on_structure
        self.on_heading = on_heading
