"""The log file: written when there is something to log, and never a reason to fail.

Logging is a help for the technician, never part of the work: a log call must not raise,
whatever the disk says. ``logging.FileHandler`` opens its file on the first record outside
its own error handling, so a read-only or full data folder made every log call raise
PermissionError (the autosave's failure report and the crash handler's included), and its
write errors print an English traceback on stderr. ``SafeFileHandler`` opens the file
lazily, falls back to the system's temporary folder, and otherwise drops the record quietly;
``written_to`` says where the last record really went (None: nowhere), so that no message
claims a log that was not written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .paths import logs_dir

LOG_NAME = "nianbao.log"
CLI_LOG_NAME = "nianbao-cli.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def rotate_log(path: Path, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> None:
    """At start, move a log over ``max_bytes`` to ``.1`` (``.1`` to ``.2``, …, the oldest goes).

    Rotating once per start instead of with ``logging.handlers.RotatingFileHandler`` keeps
    that module (and socket, pickle, queue, which it imports) out of every start: ~11 ms.
    A session writes a few lines, so a log never grows far past the limit. A log another
    running copy holds open (Windows), or a read-only folder, is simply not rotated.
    """
    try:
        if path.stat().st_size <= max_bytes:
            return
        for index in range(backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{index}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{index + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError:
        return


def fallback_path(name: str = LOG_NAME) -> Path:
    """Where the log goes when the data folder cannot take it."""
    return Path(tempfile.gettempdir()) / f"nianbao-{name}"


class SafeFileHandler(logging.FileHandler):
    """A FileHandler whose ``emit`` never raises and never writes to stderr."""

    def __init__(self, path: Path, fallback: Path | None = None) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.places = [Path(path)] + ([fallback] if fallback is not None else [])
        self.written_to: Path | None = None
        self._failed = False

    def _open_somewhere(self) -> bool:
        for place in self.places:
            self.baseFilename = os.path.abspath(place)
            try:
                self.stream = self._open()
            except OSError:  # read-only, full, gone, a folder in the way
                continue
            return True
        self.baseFilename = os.path.abspath(self.places[0])
        return False

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is None and not self._open_somewhere():
                self.written_to = None
                return
            self._failed = False
            logging.StreamHandler.emit(self, record)  # write errors go to handleError
            if not self._failed:
                self.written_to = Path(self.baseFilename)
        except Exception:  # a log line is never worth an error
            self.written_to = None

    def handleError(self, record: logging.LogRecord) -> None:
        # a write failed (disk full, folder gone): close, so the next record reopens
        self._failed = True
        self.written_to = None
        stream, self.stream = self.stream, None  # reopened by the next record
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.close()


def _installed(path: Path) -> SafeFileHandler | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, SafeFileHandler) and handler.places[0] == path:
            return handler
    return None


def log_handler(path: Path | None = None) -> SafeFileHandler | None:
    """The handler writing to ``path`` (the window's log when None), if installed."""
    return _installed(path or _default_path(LOG_NAME))


def _default_path(name: str) -> Path:
    try:
        return logs_dir() / name
    except OSError:  # no data folder (read-only profile): the program runs all the same
        return fallback_path(name)


def setup_logging(folder: Path | None = None, name: str = LOG_NAME) -> Path:
    """Log to ``<folder or data folder>/logs/<name>`` (rotated at start). Returns the log
    path. The file is created with the first line logged, not at start."""
    path = folder / name if folder is not None else _default_path(name)
    if _installed(path) is None:
        rotate_log(path)
        handler = SafeFileHandler(path, fallback_path(name))
        handler.setFormatter(logging.Formatter(_FORMAT))
        root = logging.getLogger()
        root.addHandler(handler)
        if root.level == logging.NOTSET or root.level > logging.INFO:
            root.setLevel(logging.INFO)
    return path


@contextmanager
def logging_to_file(name: str = CLI_LOG_NAME) -> Iterator[None]:
    """For one command: the program's notes go to the log, not to the console in English
    (Python prints them to stderr when no handler is installed), and so do libraries'
    warnings (openpyxl's "Workbook contains no default style", …)."""
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    setup_logging(name=name)
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.captureWarnings(False)
        for handler in set(root.handlers) - set(before):
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
