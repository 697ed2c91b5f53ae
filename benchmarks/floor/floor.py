"""The floor for bench_bundle.py: a bare PySide6 window with 8 tabs of line edits and nothing
else, bundled the same way as the program (floor.spec). With NIANBAO_SMOKE_TEST=1 it exits 0
after its first paint, like the program's smoke run (nianbao_gui/app/smoke.py)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QWidget,
)


class FirstPaint(QObject):
    """Calls ``finish`` one event-loop turn after the first paint of the window it watches
    (install it on the window). start_child.py uses it too, with its own report."""

    def __init__(self, finish: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._finish = finish
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


def _report_smoke(app: QApplication) -> None:
    # the same report as the program's smoke run, taken after the paint, read by
    # bench_bundle.py
    painted = f"smoke: first paint of floor (at {time.time():.3f})"
    print(painted, file=sys.stderr, flush=True)
    app.exit(0)


def build_window(tabs: int = 8) -> QMainWindow:
    """The bare window: ``tabs`` tabs of six labelled, filled line edits, the program's size.
    bench_gui_window.py builds its floor with it too (with the example's number of tabs)."""
    tab_widget = QTabWidget()
    for index in range(tabs):
        page = QWidget()
        form = QFormLayout(page)
        for row in range(6):
            form.addRow(f"项目{row + 1}：", QLineEdit(f"第{index + 1}页"))
        tab_widget.addTab(page, f"第{index + 1}页")
    window = QMainWindow()
    window.setWindowTitle("floor")
    window.setCentralWidget(tab_widget)
    window.resize(1200, 800)
    return window


def main() -> int:
    app = QApplication(sys.argv)
    window = build_window()
    window.show()
    if os.environ.get("NIANBAO_SMOKE_TEST", "") not in ("", "0"):
        # on the shown window, as the program's smoke run does (nianbao_gui/app/smoke.py)
        window.installEventFilter(FirstPaint(lambda: _report_smoke(app), app))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
