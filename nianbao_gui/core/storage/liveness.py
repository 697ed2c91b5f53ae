"""Is the program that wrote a lock or recovery file still running? An OS file lock answers.

Every running program holds an exclusive OS lock on its own ``<data folder>/sessions/
<random id>.alive`` file for as long as it runs; lock files and recovery files record that
file's path. The OS drops the lock when the process ends in any way — closed, crashed,
killed, power cut — so "can I lock it?" means "its writer is gone". Unlike a process id this
cannot be fooled by another process that got the same id after a reboot (Windows reuses ids
quickly), which would hide crashed work from recovery or keep a dead lock alive.
"""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from pathlib import Path

from ..paths import data_dir

_held: dict[Path, tuple[Path, int]] = {}
"""Data folder → (our alive file, the open file descriptor that holds its lock). Keyed by
folder because tests (and portable use) switch data folders within one process."""


def _try_lock(fd: int) -> bool:
    """Lock ``fd`` without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def own_alive_file() -> Path | None:
    """This process's alive file, created and locked on first use; None if impossible
    (read-only data folder): callers then fall back to the process id."""
    base = data_dir()
    if base in _held:
        return _held[base][0]
    try:
        folder = base / "sessions"
        folder.mkdir(exist_ok=True)
        path = folder / f"{uuid.uuid4().hex}.alive"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return None
    if not _try_lock(fd):  # cannot happen for a fresh random name; be safe anyway
        os.close(fd)
        return None
    _held[base] = (path, fd)
    for other in folder.glob("*.alive"):  # marks of sessions that ended: nothing needs them
        if other != path:
            still_running(str(other))
    return path


def is_own(alive: str) -> bool:
    return any(str(path) == alive for path, _ in _held.values())


def still_running(alive: str) -> bool | None:
    """Whether the program holding ``alive`` runs; None when that cannot be told (the file
    belongs to another user's data folder, or there is none)."""
    if not alive:
        return None
    if is_own(alive):
        return True
    path = Path(alive)
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False if path.parent.is_dir() else None
    except OSError:
        return None
    try:
        if not _try_lock(fd):
            return True
    finally:
        os.close(fd)  # closing also drops the lock we may just have taken
    with contextlib.suppress(OSError):
        path.unlink()  # a dead session's mark is no longer needed
    return False
