"""Unsaved edits kept for crash recovery.

The window calls ``RecoveryStore().write(key, report, source)`` a few seconds after typing
stops. Each key has one file, ``<data folder>/recovery/<hash of the key>.json``, rewritten
atomically (compact JSON, one fsync: a few milliseconds for a long report). After a normal
save or close the window calls ``discard(key)``. At the next start, ``pending()`` lists what
is left — the work of a session that crashed or was killed — with the draft it belonged to
and when it was written, and the window offers it back (``load(entry)``).

Entries written by another copy of the program that is still running (on this PC, or on
another PC sharing the data folder) are not pending: that copy is alive and still owns them.
``liveness.py`` tells, with an OS file lock that no process-id reuse can fool.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_bytes, explain_write_error, link_target
from ..errors import DraftError, FileAccessError
from ..fileinfo import not_a_regular_file, read_limited
from ..model import Report
from ..paths import data_dir
from ..processes import pid_alive
from .cleanup import remove_orphan_temps
from .codec import MAX_DRAFT_BYTES, check_openable, json_bytes, parse_json, report_from_data
from .liveness import is_own, own_alive_file, still_running

_FORMAT = "nianbao-recovery"


@dataclass(frozen=True)
class RecoveryEntry:
    """Unsaved work found at start: ``source`` is the draft it belongs to (None if never
    saved), ``saved_at`` when it was written (local time, aware), ``path`` the recovery file."""

    key: str
    source: Path | None
    saved_at: _dt.datetime
    path: Path
    title: str = ""


def key_for(source: Path | None, session: str = "") -> str:
    """A recovery key for a draft path (absolute, case-folded on Windows), or for an unsaved
    new report (pass a per-window ``session`` id such as a uuid)."""
    if source is None:
        return f"new:{session}"
    return "draft:" + os.path.normcase(str(link_target(Path(source).expanduser()).absolute()))


def _file_name(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".json"


def recovery_copy_of(source: Path) -> Path | None:
    """The unsaved work kept for the draft at ``source``, if there is any (creates nothing)."""
    try:
        candidate = data_dir() / "recovery" / _file_name(key_for(source))
        return candidate if candidate.is_file() else None
    except OSError:
        return None


class RecoveryStore:
    """The recovery folder; ``folder=None`` means ``<data folder>/recovery``."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = Path(folder) if folder is not None else None

    @property
    def folder(self) -> Path:
        """The recovery folder, created on first use; FileAccessError if it cannot be."""
        try:
            folder = self._folder or data_dir() / "recovery"
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            why = explain_write_error(error, Path(error.filename or self._folder or "."))
            raise FileAccessError(
                f"自动保存暂时不可用：{why.what}",
                "请及时手动保存（Ctrl+S）；如一直出现，请信息化管理员检查用户目录权限。",
                path=self._folder,
            ) from error
        return folder

    def file_for(self, key: str) -> Path:
        """A safe file name for any key (a path with any characters, of any length)."""
        return self.folder / _file_name(key)

    def write(self, key: str, report: Report, source: Path | None = None) -> Path:
        """Keep ``report`` as the unsaved state of ``key``; atomic, replaces the previous one.

        Raises FileAccessError when the data folder cannot be written.
        """
        alive = own_alive_file()
        data = {
            "format": _FORMAT,
            "key": key,
            "source": str(source) if source is not None else None,
            "saved_at": _dt.datetime.now().astimezone().isoformat(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "alive": str(alive) if alive else "",
            "title": report.effective_title(),
            "report": report.model_dump(mode="json"),
        }
        raw = json_bytes(json.dumps(data, ensure_ascii=False))
        # never a recovery file the next start would skip as too large
        check_openable(raw, None, what="自动保存的内容")
        target = self.file_for(key)
        atomic_write_bytes(target, raw)
        return target

    def _read(self, path: Path) -> dict[str, Any]:
        if not_a_regular_file(path.stat()) is not None:
            raise ValueError("not a file")  # a pipe would wait forever
        raw = read_limited(path, MAX_DRAFT_BYTES)
        if len(raw) > MAX_DRAFT_BYTES:
            raise ValueError("too large")
        data = parse_json(raw.decode("utf-8"), path)
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError("not a recovery file")
        return data

    def _entry(self, path: Path, data: dict[str, Any]) -> RecoveryEntry:
        saved_at = _dt.datetime.fromisoformat(str(data["saved_at"]))
        source = data.get("source")
        return RecoveryEntry(
            key=str(data["key"]),
            source=Path(source) if isinstance(source, str) else None,
            saved_at=saved_at,
            path=path,
            title=str(data.get("title", "")),
        )

    def pending(self) -> list[RecoveryEntry]:
        """Unsaved work left by sessions that ended without saving, newest first.

        Unreadable recovery files are skipped (a recovery file is a bonus, not a draft).
        Called at start, this also removes what crashed writes left in the data folder
        (``cleanup.py``).
        """
        remove_orphan_temps(None if self._folder is None else [self._folder])
        found = []
        try:
            paths = sorted(self.folder.glob("*.json"))
        except (OSError, FileAccessError):
            return []
        for path in paths:
            try:
                data = self._read(path)
                entry = self._entry(path, data)
            except (OSError, ValueError, KeyError, TypeError, DraftError, RecursionError):
                continue
            alive, pid = str(data.get("alive", "")), data.get("pid")
            running = still_running(alive)
            if running is None:  # cannot tell: same PC and a live process id means running
                here = data.get("host") == socket.gethostname()
                running = here and isinstance(pid, int) and pid_alive(pid)
            mine = is_own(alive) or (not alive and pid == os.getpid())
            if running and not mine:
                continue  # another copy of the program, still running, still owns it
            found.append(entry)
        return sorted(found, key=lambda entry: entry.saved_at, reverse=True)

    def load(self, entry: RecoveryEntry) -> Report:
        """The report kept in ``entry``; DraftError if the file is gone or damaged."""
        try:
            data = self._read(entry.path)
        except (OSError, ValueError, UnicodeDecodeError) as error:
            raise DraftError(
                "未保存的内容无法恢复：恢复文件已丢失或损坏。",
                "请打开草稿本身继续工作。",
                path=entry.path,
            ) from error
        return report_from_data(data.get("report"), entry.path)

    def discard(self, key: str) -> None:
        """Forget the unsaved state of ``key`` (after a save, or when the user declines it).
        Creates nothing: no recovery folder means nothing to forget. OSError when the file
        is there and cannot be removed (a read-only data folder)."""
        try:
            folder = self._folder or data_dir() / "recovery"
        except OSError:
            return  # no data folder at all: no recovery file either
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            (folder / _file_name(key)).unlink()
