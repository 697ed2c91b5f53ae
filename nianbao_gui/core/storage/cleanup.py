"""Housekeeping at start: temporary files that crashed or killed saves left in the data
folder (``backups/…/`` and ``recovery/``, and the settings beside them).

An atomic write (core/atomic.py) leaves its temporary file behind only when the process dies
between creating and renaming it. Each temporary file names its writer's process id and PC,
so at the next start (or the next write of that name: a save, an export, see
``atomic_write_bytes``) one whose writer no longer runs on this PC is removed at once; one
with a live writer (another copy of the program saving right now), or from another PC, is
left alone unless it is older than any save could take (an hour). Nothing else is ever
removed: only hidden ``.tmp`` files.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from ..atomic import host_tag, temp_prefix, temp_writer
from ..paths import data_dir
from .lock import pid_alive

ORPHAN_AFTER = 3600
"""Seconds after which a temporary file is left over whatever its name says."""


def _writer_gone(name: str) -> bool:
    """Whether the process that wrote this temporary file ran on this PC and has ended."""
    writer = temp_writer(name)
    if writer is None:
        return False
    pid, host = writer
    return host == host_tag() and pid != os.getpid() and not pid_alive(pid)


def _orphans(folder: Path, now: float, prefix: str = ".") -> list[Path]:
    found = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
                continue
            with contextlib.suppress(OSError):
                if not entry.is_file(follow_symlinks=False):
                    continue
                if not entry.name.startswith(prefix):
                    continue
                age = now - entry.stat(follow_symlinks=False).st_mtime
                if age > ORPHAN_AFTER or _writer_gone(entry.name):
                    found.append(Path(entry.path))
    return found


def data_folders() -> list[Path]:
    """Where the program's atomic writes go in the data folder: itself (settings), the
    recovery folder and each draft's folder of earlier versions."""
    base = data_dir()
    folders = [base, base / "recovery"]
    with contextlib.suppress(OSError):
        folders += [Path(entry.path) for entry in os.scandir(base / "backups") if entry.is_dir()]
    return folders


def remove_orphan_temps_of(path: Path) -> int:
    """Remove crash leftovers of saves of the file at ``path``, in its folder (a shared
    folder, perhaps: only this PC's dead writers, or files older than an hour)."""
    removed = 0
    for orphan in _orphans(path.parent, time.time(), prefix=temp_prefix(path)):
        with contextlib.suppress(OSError):
            orphan.unlink()
            removed += 1
    return removed


def remove_orphan_temps(folders: list[Path] | None = None) -> int:
    """Remove crash leftovers in the data folder (or in ``folders``); how many were removed.

    Never raises: housekeeping must not stop the program from starting."""
    try:
        places = data_folders() if folders is None else folders
    except OSError:
        return 0
    removed, now = 0, time.time()
    for folder in places:
        for orphan in _orphans(folder, now):
            with contextlib.suppress(OSError):
                orphan.unlink()
                removed += 1
    return removed
