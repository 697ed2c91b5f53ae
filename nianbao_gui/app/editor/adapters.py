"""How each type of widget is read, written and watched, for the binder (binder.py).

Every widget type is read, written and watched through one small ``Adapter`` (get, set, the
user-edit signal), found in ``ADAPTERS`` by type; a widget of our own that has ``value()``,
``set_value()`` and ``edited`` needs no entry. Also: turning a box's text into a field's type
(``optional_int``), and selecting a place in a text box (``select_range``, Qt's UTF-16 units).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


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


# --- adapters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Adapter:
    """How to read, write and watch one type of widget."""

    get: Callable[[Any], Any]
    set: Callable[[Any, Any], None]
    signal: Callable[[Any], Any]  # the widget's user-edit signal


def _set_line(w: QLineEdit, value: Any) -> None:
    text = "" if value is None else str(value)
    if w.text() != text:
        w.setText(text)


def _set_plain(w: QPlainTextEdit, value: Any) -> None:
    if w.toPlainText() != value:
        w.setPlainText(value)


def _combo_get(w: QComboBox) -> Any:
    return w.currentData()


def _combo_set(w: QComboBox, value: Any) -> None:
    data = value.value if isinstance(value, Enum) else value
    w.setCurrentIndex(max(0, w.findData(data)))


def _spin_get(w: QSpinBox) -> int | None:
    return None if w.specialValueText() and w.value() == w.minimum() else w.value()


def _date_set(w: QDateEdit, value: Any) -> None:
    if isinstance(value, _dt.date):
        w.setDate(QDate(value.year, value.month, value.day))


ADAPTERS: dict[type, Adapter] = {
    # textEdited: user edits only, never setText
    QLineEdit: Adapter(lambda w: w.text(), _set_line, lambda w: w.textEdited),
    QPlainTextEdit: Adapter(lambda w: w.toPlainText(), _set_plain, lambda w: w.textChanged),
    QCheckBox: Adapter(
        lambda w: w.isChecked(), lambda w, v: w.setChecked(bool(v)), lambda w: w.toggled
    ),
    QComboBox: Adapter(_combo_get, _combo_set, lambda w: w.currentIndexChanged),
    QSpinBox: Adapter(
        _spin_get,
        lambda w, v: w.setValue(w.minimum() if v is None else int(v)),
        lambda w: w.valueChanged,
    ),
    QDateEdit: Adapter(lambda w: w.date().toPython(), _date_set, lambda w: w.dateChanged),
}
VALUE_ADAPTER = Adapter(lambda w: w.value(), lambda w, v: w.set_value(v), lambda w: w.edited)


def adapter_for(widget: QWidget) -> Adapter:
    for cls in type(widget).__mro__:
        if cls in ADAPTERS:
            return ADAPTERS[cls]
    if hasattr(widget, "set_value") and hasattr(widget, "edited"):
        return VALUE_ADAPTER
    raise TypeError(f"cannot bind {type(widget).__name__}")
