"""Logging to a file, and what happens when the program meets an unexpected error.

An exception escaping a Qt slot reaches ``sys.excepthook``. Ours writes it to the log,
autosaves the draft first (so the work is safe whatever happens next), tells the user in
Chinese where both are, and lets the program continue: most such errors affect one action,
and a secretary under deadline should not lose the window over it.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from ..core.logfile import LOG_NAME, log_handler, rotate_log, setup_logging

__all__ = ["LOG_NAME", "CrashHandler", "crash_message", "rotate_log", "setup_logging"]
_log = logging.getLogger("nianbao")


class Kept(NamedTuple):
    """Where the work is after an unexpected error: ``in_draft`` when the draft file holds
    all of it, else a recovery copy (the draft itself is not saved)."""

    where: str
    in_draft: bool


def crash_message(log_path: Path | None, saved_to: str | Kept | None) -> str:
    """What the user reads after an unexpected error. ``saved_to`` is where the work was
    saved (a str: the draft); None means it could not be saved (or there was nothing to
    save): then the message must not claim it was, and asks for a save instead. A recovery
    copy is not called a saved draft: 不保存 at the close would drop it. ``log_path`` None:
    no log written."""
    if isinstance(saved_to, Kept) and not saved_to.in_draft:
        saved = (
            f"您的修改已临时保存在 {saved_to.where}（下次启动时会提示恢复），"
            "但还没有保存到草稿文件。"
        )
        advice = (
            "请立即按 Ctrl+S 保存草稿，再继续工作；"
            "如果同样的错误再次出现，请保存后重新启动年报助手，"
        )
    elif saved_to:
        where = saved_to.where if isinstance(saved_to, Kept) else saved_to
        saved = f"您的草稿已保存在 {where}。"
        advice = "可以继续工作。如果同样的错误再次出现，请保存后重新启动年报助手，"
    else:
        saved = "未能确认草稿已经保存。"
        advice = "请立即用“另存为”把草稿保存到一个新文件，再继续工作；然后重新启动年报助手，"
    if log_path is None:
        return (
            f"程序遇到意外错误（日志文件无法写入）；{saved}\n\n"
            f"{advice}并把出错前的操作告诉技术人员。"
        )
    return (
        f"程序遇到意外错误，已记录在 {log_path}；{saved}\n\n"
        f"{advice}并把上面的日志文件发给技术人员。"
    )


def _default_show(text: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        if sys.stderr is not None:  # a windowed Windows program has no stderr at all
            sys.stderr.write(text + "\n")
        return
    QMessageBox.critical(None, "年报助手", text)


class CrashHandler:
    """``sys.excepthook``: log, save the draft, tell the user, keep running."""

    def __init__(
        self,
        log_path: Path,
        save_draft: Callable[[], str | Kept | None],
        show: Callable[[str], None] = _default_show,
    ) -> None:
        self.log_path = log_path
        self.save_draft = save_draft
        self.show = show
        self._busy = threading.Lock()
        self.previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, error, trace)
            return
        # logging never raises (core/logfile.py); this handler must not either
        with contextlib.suppress(Exception):
            _log.critical("unexpected error", exc_info=(kind, error, trace))
        if not self._busy.acquire(blocking=False):
            return  # an error while handling an error: logged, nothing more
        try:
            saved_to: str | Kept | None = None
            try:
                saved_to = self.save_draft()
            except Exception:
                _log.exception("could not save the draft after an unexpected error")
            self.show(crash_message(self._logged_to(), saved_to))
        except Exception:
            _log.exception("could not show the error message")
        finally:
            self._busy.release()

    def _logged_to(self) -> Path | None:
        """Where the error was really written (the fallback in the temporary folder when the
        data folder is read-only); None when it was not written at all."""
        handler = log_handler(self.log_path)
        if handler is not None:
            return handler.written_to
        try:
            return self.log_path if self.log_path.is_file() else None
        except OSError:
            return None
