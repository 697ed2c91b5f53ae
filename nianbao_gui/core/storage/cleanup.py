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

from ..atomic import ORPHAN_AFTER, orphan_temps
from ..paths import data_dir

__all__ = ["ORPHAN_AFTER", "data_folders", "remove_orphan_temps"]

def data_folders() -> list[Path]:
    """Where the program's atomic writes go in the data folder: itself (settings), the
    recovery folder and each draft's folder of earlier versions."""
    base = data_dir()
    folders = [base, base / "recovery"]
    with contextlib.suppress(OSError):
        folders += [Path(entry.path) for entry in os.scandir(base / "backups") if entry.is_dir()]
    return folders


def remove_orphan_temps(folders: list[Path] | None = None) -> int:
    """Remove crash leftovers in the data folder (or in ``folders``); how many were removed.

    Never raises: housekeeping must not stop the program from starting."""
    try:
        places = data_folders() if folders is None else folders
    except OSError:
        return 0
    removed, now = 0, time.time()
    for folder in places:
        for orphan in orphan_temps(folder, now):
            with contextlib.suppress(OSError):
                orphan.unlink()
                removed += 1
    return removed
