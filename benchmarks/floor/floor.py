"""The floor for bench_bundle.py: a bare PySide6 window with 8 tabs of line edits and nothing
else, bundled the same way as the program (floor.spec). With NIANBAO_SMOKE_TEST=1 it exits 0
after its first paint, like the program's smoke run (nianbao_gui/app/smoke.py)."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QWidget,
)


class _FirstPaint(QObject):
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
        ):
            self._done = True
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        # the same report as the program's smoke run, taken after the paint, read by
        # bench_bundle.py
        painted = f"smoke: first paint of floor (at {time.time():.3f})"
        print(painted, file=sys.stderr, flush=True)
        self._app.exit(0)


def main() -> int:
    app = QApplication(sys.argv)
    tabs = QTabWidget()
    for tab in range(8):
        page = QWidget()
        form = QFormLayout(page)
        for row in range(6):
            form.addRow(f"栏目 {row + 1}", QLineEdit())
        tabs.addTab(page, f"第{tab + 1}页")
    window = QMainWindow()
    window.setWindowTitle("floor")
    window.setCentralWidget(tabs)
    window.resize(900, 650)
    window.show()
    if os.environ.get("NIANBAO_SMOKE_TEST", "") not in ("", "0"):
        # on the shown window, as the program's smoke run does (nianbao_gui/app/smoke.py)
        window.installEventFilter(_FirstPaint(app))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
