"""The window's right-hand dock area as the features see it: a feature's panel (对比去年, 数据,
预览) is added beside the 体检 dock, given a width to read in, and 预览 shares the height
with the list above it. A feature gets this object and its own dock, never the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

HALF_PAGE = 842 / (595 + 2 * 16) / 2  # an A4 page's height at the pane's width (preview.py), halved


class Docks:
    def __init__(self, window: QMainWindow, anchor: QDockWidget) -> None:
        self._window = window
        self.anchor = anchor  # the 体检 dock: the others are tabbed with it
        self.preview: QDockWidget | None = None  # 预览 (pages/menu.py), kept half a page tall

    def new(self, title: str) -> QDockWidget:
        return QDockWidget(title, self._window)

    def add(self, dock: QDockWidget, *, tabbed: bool = True) -> None:
        self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        if tabbed:
            self._window.tabifyDockWidget(self.anchor, dock)

    def widen(self, dock: QDockWidget, least: int, most: int, part: float) -> None:
        """``part`` of the window wide, but at least ``least`` px and at most ``most``."""
        width = max(least, min(most, int(self._window.width() * part)))
        self._window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def share_height(self) -> None:
        """Under the 体检/数据 docks Qt gave the preview what was left, ~120 px on a 768-px
        screen (and 数据 opened over the preview got ~180 px): when the preview or a dock
        beside it is opened, the preview gets at least half a page at its width (and half
        the height), the docks above the rest. Docks elsewhere, floating or hidden are left
        as they are; a height she dragged stays until one of them is opened again."""
        window, dock = self._window, self.preview
        if dock is None or dock.isHidden() or dock.isFloating():
            return
        area = window.dockWidgetArea(dock)
        above: list[QDockWidget] = []
        for other in window.findChildren(QDockWidget):
            if other is dock or other.isHidden() or other.isFloating():
                continue
            if window.dockWidgetArea(other) != area or other in window.tabifiedDockWidgets(dock):
                continue
            if not any(other in window.tabifiedDockWidgets(seen) for seen in above):
                above.append(other)  # one dock of each tab group
        if not above:
            return
        central = window.centralWidget()  # as tall as the dock area beside it
        total = central.height() if central is not None else window.height()
        width = dock.width()
        half_page = int(width * HALF_PAGE)
        least = min(total // 3, 8 * dock.fontMetrics().height())  # the list above stays usable
        preview = max(0, min(max(total // 2, half_page), total - least * len(above)))
        rest = (total - preview) // len(above)
        window.resizeDocks([*above, dock], [rest] * len(above) + [preview], Qt.Orientation.Vertical)
