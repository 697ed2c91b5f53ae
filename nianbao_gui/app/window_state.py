"""The window's size, position and docks, kept between sessions in ``window.ini``.

An INI file beside the drafts, not the registry, so a portable data folder
(NIANBAO_DATA_DIR) carries it along and tests stay isolated. A size saved on a big monitor
must not overflow a laptop (or a projector): ``fit_to_screen`` shrinks and moves it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from ..core.paths import data_dir


def window_state_file() -> Path:
    return data_dir() / "window.ini"


def _state() -> QSettings:
    return QSettings(str(window_state_file()), QSettings.Format.IniFormat)


def restore(window: QMainWindow) -> bool:
    """Geometry and docks as last saved, fitted to the screen; True if docks were restored."""
    state = _state()
    geometry = state.value("geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    docks = state.value("windowState")
    restored = isinstance(docks, QByteArray) and not docks.isEmpty()
    if restored:
        window.restoreState(docks)
    fit_to_screen(window)
    return restored


def save(window: QMainWindow) -> None:
    state = _state()
    state.setValue("geometry", window.saveGeometry())
    state.setValue("windowState", window.saveState())
    state.sync()


def fit_to_screen(window: QMainWindow) -> None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    width = min(window.width(), int(available.width() * 0.95))
    height = min(window.height(), int(available.height() * 0.92))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    if not available.intersects(frame) or not available.contains(frame.topLeft()):
        frame.moveCenter(available.center())
        window.move(frame.topLeft())
