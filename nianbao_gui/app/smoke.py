"""A start-up smoke run: with ``NIANBAO_SMOKE_TEST=1`` the window opens, paints once, and the
program exits 0 by itself.

The bundle test and the start-time benchmark use it to prove that the packaged program really
shows its window (every Qt plugin and module it needs is in the bundle) without a person closing it.
It is armed from outside the window code (``install()`` wraps ``QApplication.exec``), so the window
needs no test hook; ``main()`` may also call ``arm(app)`` directly, which is harmless twice.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "NIANBAO_SMOKE_TEST"
# If the window never paints (a modal question at start, a hang), fail instead of waiting forever.
TIMEOUT_MS = 60_000
EXIT_NO_PAINT = 4
_START = time.perf_counter()


def requested() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def _report(message: str) -> None:
    # A windowed Windows executable has no stderr at all.
    if sys.stderr is not None:
        print(f"smoke: {message}", file=sys.stderr, flush=True)


class _FirstPaint(QObject):
    """Ends the event loop once a visible top-level window has painted."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.isVisible()
        ):
            self._done = True
            elapsed = (time.perf_counter() - _START) * 1000
            title = watched.windowTitle()
            # Qt's own Chinese translations were found (the bundle ships qtbase_zh_CN.qm).
            cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
            # the wall-clock time lets a benchmark measure from before the process was spawned
            _report(
                f"first paint of {type(watched).__name__} {title!r} after {elapsed:.0f} ms "
                f"(at {time.time():.3f}); Qt's Cancel button reads {cancel!r}"
            )
            # Let this paint finish; then leave every event loop with success.
            QTimer.singleShot(0, lambda: self._app.exit(0))
        return False


def arm(app: QApplication) -> None:
    """In a smoke run, make ``app`` exit 0 after its first window paint (or 4 after a minute)."""
    if not requested() or app.property("nianbao_smoke_armed"):
        return
    app.setProperty("nianbao_smoke_armed", True)
    app.installEventFilter(_FirstPaint(app))

    def give_up() -> None:
        _report(f"no window painted within {TIMEOUT_MS // 1000} s")
        app.exit(EXIT_NO_PAINT)

    QTimer.singleShot(TIMEOUT_MS, give_up)


def install() -> None:
    """Arm the smoke run as soon as the program's QApplication enters its event loop."""
    original = QApplication.exec

    def exec_and_arm(*_args: Any) -> int:
        # Called as app.exec() (bound) or QApplication.exec(); Qt's exec() is static.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            arm(app)
        return int(original())

    QApplication.exec = exec_and_arm  # type: ignore[method-assign]
