"""A start-up smoke run: with ``NIANBAO_SMOKE_TEST=1`` the window opens, paints once, and the
program exits 0 by itself.

The bundle test and the start-time benchmark use it to prove that the packaged program really
shows its window (every Qt plugin and module it needs is in the bundle) without a person closing it.
``main()`` arms it just before the event loop, when the window is already shown.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "NIANBAO_SMOKE_TEST"
# With a path, the smoke run also saves the open report there after the first paint (as 另存为
# does: the new file is locked first), so a test of the packaged program sees a window save.
SAVE_ENV = "NIANBAO_SMOKE_SAVE"
# If the window never paints (a modal question at start, a hang), fail instead of waiting forever.
TIMEOUT_MS = 60_000
EXIT_NO_PAINT = 4
# Set when the smoke run has reported: main() then skips its event loop if the paint came
# inside a question asked at start (a modal dialog's own loop), which the exit ended.
FINISHED = False
# A benchmark that counts the work up to the first paint sets this: the process then ends
# right after the report, without the event loop's end and the interpreter's teardown.
EXIT_AT_ONCE = False


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
            window = watched
            # Let this paint finish (the report's time is taken after it, as in
            # benchmarks/bench_gui_window.py); then leave every event loop with success.
            QTimer.singleShot(0, self, lambda: self._finish(window))
        return False

    def _finish(self, window: QWidget) -> None:
        title = window.windowTitle()
        # Qt's own Chinese translations were found (the bundle ships qtbase_zh_CN.qm).
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        global FINISHED
        FINISHED = True
        saved = save_as_asked(window)
        if saved:
            _report(saved)
        question = open_question()
        if question:
            _report(question)
        # the wall-clock time lets a benchmark measure from before the process was spawned
        _report(
            f"first paint of {type(window).__name__} {title!r} "
            f"(at {time.time():.3f}{usage()}); Qt's Cancel button reads {cancel!r}; "
            f"{import_order()}"
        )
        if EXIT_AT_ONCE:
            sys.stderr.flush()
            os._exit(0)
        self._app.exit(0)


def save_as_asked(window: QWidget) -> str:
    """Save the window's report to NIANBAO_SMOKE_SAVE, if set; what happened, in a line."""
    target = os.environ.get(SAVE_ENV, "")
    document = getattr(window, "document", None)
    if not target or document is None:
        return ""
    try:
        document.save(Path(target))
    except Exception as error:  # reported for the test to read, like any smoke finding
        return f"save failed: {type(error).__name__}: {error}"
    return f"saved to {document.path}"


def open_question() -> str:
    """The modal question on screen at the first paint (a lock held by another program...)."""
    modal = QApplication.activeModalWidget()
    if modal is None:
        return ""
    # a QMessageBox has text(); not imported here, the start test counts the classes loaded
    text = getattr(modal, "text", lambda: "")()
    return f"question open: {modal.windowTitle()!r} {text!r}"


def usage() -> str:
    """CPU time and peak memory so far, for the benchmarks (Unix only; empty elsewhere)."""
    try:
        import resource
    except ImportError:
        return ""
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu_ms = (used.ru_utime + used.ru_stime) * 1000
    return f", cpu {cpu_ms:.0f} ms, peak {used.ru_maxrss / 1024:.0f} MiB"  # maxrss is KiB


def import_order() -> str:
    """Whether the core came before PySide6 (nianbao_gui/app/__init__.py says why it matters)."""
    loaded = list(sys.modules)  # in import order
    if "pydantic" not in loaded or "PySide6" not in loaded:
        return "import order unknown"
    before = loaded.index("pydantic") < loaded.index("PySide6")
    return "core imported before PySide6" if before else "PySide6 imported before the core"


def arm(app: QApplication) -> None:
    """In a smoke run, make ``app`` exit 0 after its first window paint (or 4 after a minute)."""
    if not requested():
        return
    watcher = _FirstPaint(app)
    # The windows already shown, if any: a filter on the whole application would run Python
    # for each of the hundreds of events before the first paint, which slowed the start it
    # measures by 70-90 ms. The application only if no window is shown yet.
    shown: list[QObject] = [widget for widget in app.topLevelWidgets() if widget.isVisible()]
    for target in shown or [app]:
        target.installEventFilter(watcher)

    def give_up() -> None:
        _report(f"no window painted within {TIMEOUT_MS // 1000} s")
        app.exit(EXIT_NO_PAINT)

    QTimer.singleShot(TIMEOUT_MS, app, give_up)
