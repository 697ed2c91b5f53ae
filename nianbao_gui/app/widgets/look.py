"""Shared look of the form: muted hints, red errors, sizes relative to the font.

Colours are set through the palette, not style sheets: a style sheet on each of hundreds of
labels makes opening a long section several times slower (measured), and the palette follows
the system's light or dark theme.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

ERROR_COLOR = QColor("#c0392b")
_EM: dict[str, int] = {}


def em(widget: QWidget) -> int:
    """The width of one Chinese character in the widget's font (cached: font lookups are slow)."""
    font = widget.font()
    key = font.key()
    if key not in _EM:
        _EM[key] = max(1, widget.fontMetrics().horizontalAdvance("中"))
    return _EM[key]


def mute(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label


def mark_error(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOR)
    label.setPalette(palette)
    return label


def fix_label_size(label: QLabel, longest: str) -> None:
    """Give a label that changes on every keystroke a fixed size.

    A label whose size may change asks every layout up to the scroll area to be recomputed
    on each ``setText`` (≈10 ms in a long report, measured); with a fixed size Qt skips that.
    """
    metrics = label.fontMetrics()
    label.setFixedSize(metrics.horizontalAdvance(longest) + 4, metrics.height() + 2)


_TEXT_FONTS: dict[tuple[str, float], QFont] = {}
TEXT_SCALE = 1.15
"""Long Chinese text is set a little larger than the interface: easier to read."""
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
_zoom = [1.0]  # 编辑 → 放大/缩小: the factor for every text box, now and later


def text_zoom() -> float:
    return _zoom[0]


def set_text_zoom(factor: float) -> None:
    _zoom[0] = factor


def text_font(widget: QWidget) -> QFont:
    """The font for long Chinese text: the interface font, larger by TEXT_SCALE and the zoom."""
    base = widget.font()
    key = (base.key(), _zoom[0])
    if key not in _TEXT_FONTS:
        font = QFont(base)
        size = base.pointSizeF()
        if size > 0:
            font.setPointSizeF(size * TEXT_SCALE * _zoom[0])
        _TEXT_FONTS[key] = font
    return _TEXT_FONTS[key]


def button_row(layout: QBoxLayout, *buttons: tuple[str, Callable[[], object]]) -> list[QPushButton]:
    """Push buttons in a row at the left under ``layout``'s content, each calling its slot
    when clicked; returned so a caller can add tooltips."""
    row = QHBoxLayout()
    made = []
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    layout.addLayout(row)
    return made
