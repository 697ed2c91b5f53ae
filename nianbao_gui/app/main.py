"""Start the window: ``nianbao`` without a command, ``python -m nianbao_gui``, ``nianbao-gui``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ..core.paths import resources_dir

ICON_FILE = "nianbao.png"


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = folder / f"nianbao-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    if icon.isNull() and (folder / ICON_FILE).exists():
        icon = QIcon(str(folder / ICON_FILE))
    return icon


def install_chinese_translations(app: QApplication) -> bool:
    """Qt's own buttons and dialogs (确定, 取消, the file dialog) in Chinese."""
    from .translations import install

    return install(app)


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # fractional scaling (125 %, 150 %) as the system sets it, not rounded to 100 % or 200 %
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("年报助手")
    app.setApplicationDisplayName("年报助手")
    app.setOrganizationName("nianbao")
    app.setDesktopFileName("nianbao")
    app.setWindowIcon(app_icon())
    install_chinese_translations(app)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window; the first argument, if any, is a draft or report to open."""
    args = list(sys.argv[1:] if argv is None else argv)
    app = create_application(sys.argv[:1])
    from .crash import CrashHandler, setup_logging
    from .main_window import MainWindow

    log_path = setup_logging()
    window = MainWindow()
    handler = CrashHandler(log_path, window.session.emergency_save)
    handler.install()
    # logging off or shutting down with the window open: the recovery file gets the work
    # even if the session manager does not wait for the 保存/不保存/取消 question
    app.commitDataRequest.connect(lambda _manager: window.session.emergency_save())
    window.show()
    from . import smoke

    # only with NIANBAO_SMOKE_TEST (bundle tests, benchmarks): exit after one paint. Armed
    # before start, so that a question asked at start (the draft is open elsewhere) is
    # reported by the smoke run instead of waiting for a click that never comes.
    smoke.arm(app)
    try:
        window.files.start(Path(args[0]) if args else None)
    except Exception:  # outside the event loop: sys.excepthook would end the program
        handler(*sys.exc_info())
    try:
        if smoke.FINISHED:  # the paint came inside a question's own loop, which the exit ended
            return 0
        return int(app.exec())
    finally:
        # a loop ended with the window open (a smoke run) lets go of the draft as a close
        # does: its lock, its recovery entry if nothing is unsaved (closed already: nothing)
        window.session.close_draft()


if __name__ == "__main__":
    sys.exit(main())
