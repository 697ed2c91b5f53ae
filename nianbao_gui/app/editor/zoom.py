"""Zoom (放大 / 缩小 / 正常大小): the report's text one step larger or smaller in every box the
form holds, the tables' cells too. Loaded with the first zoom, not at start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..widgets.look import ZOOM_STEPS, set_text_zoom, text_font, text_zoom
from ..widgets.paragraph_edit import GrowingPlainTextEdit

if TYPE_CHECKING:
    from .binder import Binder


def zoom_text(binder: Binder, step: int) -> float:
    """Make the text of every paragraph one step larger (1), smaller (-1), or normal (0)."""
    # the boxes the binder holds (a box made later takes the zoom when it is made)
    current = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - text_zoom()))
    index = ZOOM_STEPS.index(1.0) if step == 0 else current + step
    factor = ZOOM_STEPS[max(0, min(index, len(ZOOM_STEPS) - 1))]
    set_text_zoom(factor)
    for box in binder.text_boxes():
        if not isinstance(box, GrowingPlainTextEdit):
            continue
        holder = box.parentWidget()
        box.setFont(text_font(holder if holder is not None else box))
    for table in binder.tables():  # a table's cells are the report's text too
        follow = getattr(table, "follow_zoom", None)
        if follow is not None:
            follow()
    return factor
