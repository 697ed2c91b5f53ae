"""A draft's identity as a file, whatever name opened it: device and inode number (on Windows
the volume serial number and the file ID, which ``os.stat`` fills there too).

Two hard links are two names of one file. A lock file beside the draft is keyed by its name
(``lock.py``: ``~$<name>.lock``), so two windows opening the two names saw no conflict. While
a draft has more than one name, its lock also takes ``<data folder>/locks/<device>-<inode>
.lock``, which every name of the file leads to (for one Windows user, on one PC; the lock
beside the draft still covers other PCs and users for the name they opened).

A save writes a new file and renames it over the name (``core/atomic.py``: a kill or power
cut must leave the old draft or the new one, never half of one); the other names keep the
old file. This is decided, not an accident: writing in place to keep the names together
could leave every name half written. The save says so (``drafts.save_draft``'s notes), and
from then on the names are separate drafts, each locked by its own name.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..paths import data_dir

LOCKS_FOLDER = "locks"


def other_names(path: Path) -> int:
    """How many other names (hard links) the file at ``path`` has; 0 when none or unknown."""
    try:
        return max(os.stat(path).st_nlink - 1, 0)
    except OSError:
        return 0


def identity_lock_file(path: Path) -> Path | None:
    """Where the lock by identity of the file at ``path`` goes while it has other names;
    None when it has none (its name is its identity), or no identity can be had (no file
    yet, a file system without inode numbers, no data folder)."""
    try:
        info = os.stat(path)
        if info.st_nlink < 2 or not info.st_ino:
            return None
        folder = data_dir() / LOCKS_FOLDER
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return folder / f"{info.st_dev:x}-{info.st_ino:x}.lock"
