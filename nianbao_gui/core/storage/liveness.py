"""Is the program that wrote a recovery file still running? An OS file lock answers it.

Every running program holds an exclusive OS lock on its own ``.session-<id>.alive`` file in
the recovery folder for as long as it runs. The OS drops the lock when the process ends in
any way — closed, crashed, killed, power cut — so "can I lock it?" means "its writer is
gone". Unlike a process id this cannot be fooled by a new process that got the same id after
a reboot (Windows reuses ids quickly), which would hide crashed work from recovery.
"""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from pathlib import Path

_held: dict[Path, tuple[str, int]] = {}
"""Recovery folder → (our session id, the open file descriptor that holds our lock)."""


def _alive_file(folder: Path, session: str) -> Path:
    return folder / f".session-{session}.alive"


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


def own_session(folder: Path) -> str:
    """This process's session id in ``folder``, creating and locking its alive file once."""
    folder = Path(folder)
    if folder in _held:
        return _held[folder][0]
    session = uuid.uuid4().hex
    fd = os.open(_alive_file(folder, session), os.O_RDWR | os.O_CREAT, 0o644)
    if not _try_lock(fd):  # cannot happen for a fresh random name; be safe anyway
        os.close(fd)
        return ""
    _held[folder] = (session, fd)
    return session


def current_session(folder: Path) -> str:
    """Our session id in ``folder`` if we have written there, else ""."""
    held = _held.get(Path(folder))
    return held[0] if held else ""


def session_running(folder: Path, session: str) -> bool:
    """Whether the program with this session id still runs (ours counts as running)."""
    folder = Path(folder)
    if not session:
        return False
    if folder in _held and _held[folder][0] == session:
        return True
    path = _alive_file(folder, session)
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False  # no alive file: its program ended (or the folder was cleaned)
    try:
        if not _try_lock(fd):
            return True
    finally:
        os.close(fd)  # closing also drops the lock we may just have taken
    with contextlib.suppress(OSError):
        path.unlink()  # a dead session's mark is no longer needed
    return False
