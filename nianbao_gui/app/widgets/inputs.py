"""Small bindable inputs: an enum combo box, a date that may be left empty, and the rule that
keeps a one-line field on one line."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from ...core.fields import one_line


class EnumCombo(QComboBox):
    """A combo box of enum members shown by their Chinese labels (data = member value)."""

    def __init__(
        self,
        members: list[Any],
        labels: Mapping[Any, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        for member in members:
            label = (labels or {}).get(member, str(member.value))
            self.addItem(label, member.value)


class OptionalDateEdit(QWidget):
    """A date with a checkbox in front: unticked means "no date" (None).

    Bindable: ``value()``, ``set_value()`` and ``edited``.
    """

    edited = Signal()

    def __init__(self, check_text: str = "写上日期", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)
        self.check.toggled.connect(self._on_toggled)
        self.date_edit.dateChanged.connect(self._emit)

    def _on_toggled(self, checked: bool) -> None:
        self.date_edit.setEnabled(checked)
        self._emit()

    def _emit(self) -> None:
        if not self.signalsBlocked():
            self.edited.emit()

    def value(self) -> _dt.date | None:
        if not self.check.isChecked():
            return None
        result: Any = self.date_edit.date().toPython()
        return result  # type: ignore[no-any-return]

    def set_value(self, value: _dt.date | None) -> None:
        for widget in (self.check, self.date_edit):
            widget.blockSignals(True)
        try:
            self.check.setChecked(value is not None)
            self.date_edit.setEnabled(value is not None)
            if value is not None:
                self.date_edit.setDate(QDate(value.year, value.month, value.day))
        finally:
            for widget in (self.check, self.date_edit):
                widget.blockSignals(False)


class OneLine(QValidator):
    """Set on a line edit: a paste with line breaks is joined into one line as it arrives.

    A validator may rewrite the text it is shown; the line edit then reports the joined text
    (``textEdited``) with the cursor after the pasted part."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        fixed = one_line(text)
        if fixed != text:
            head = text.encode("utf-16-le", "surrogatepass")[: 2 * pos]
            before = one_line(head.decode("utf-16-le", "surrogatepass"))
            pos = min(_utf16_len(before), _utf16_len(fixed))
        return QValidator.State.Acceptable, fixed, pos


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
