"""Shared look of the form: muted hints, red errors, sizes relative to the font.

Colours are set through the palette, not style sheets: a style sheet on each of hundreds of
labels makes opening a long section several times slower (measured), and the palette follows
the system's light or dark theme.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QWidget

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


_TEXT_FONTS: dict[str, QFont] = {}


def text_font(widget: QWidget) -> QFont:
    """The font for long Chinese text: the interface font, a little larger, easier to read."""
    base = widget.font()
    key = base.key()
    if key not in _TEXT_FONTS:
        font = QFont(base)
        size = base.pointSizeF()
        if size > 0:
            font.setPointSizeF(size * 1.15)
        _TEXT_FONTS[key] = font
    return _TEXT_FONTS[key]
